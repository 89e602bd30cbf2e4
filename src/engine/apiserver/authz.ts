/**
 * The authorization chain (--authorization-mode=Node,RBAC): each authorizer says Allow, Deny or NoOpinion; the first
 * Allow or Deny wins; NoOpinion from all of them means 403 Forbidden.
 * Mirrors: staging/src/k8s.io/apiserver/pkg/authorization/union/union.go,
 * plugin/pkg/auth/authorizer/rbac/rbac.go (RBAC only allows), plugin/pkg/auth/authorizer/node/node_authorizer.go.
 */
import type { KObject, PolicyRule } from '../api/types.ts'
import type { UserInfo } from './admission/types.ts'
import type { RequestInfo } from './requestInfo.ts'

export type Decision = 'Allow' | 'Deny' | 'NoOpinion'
export type AuthorizationMode = 'Node' | 'RBAC' | 'AlwaysAllow' | 'AlwaysDeny'

export interface AuthzStore {
  list(prefix: string): KObject[]
  get(key: string): KObject | undefined
}

export interface AuthzResult {
  decision: Decision
  /** Which authorizer decided, and why (or what each said). */
  steps: string[]
  reason: string
}

/** Probe records whether a decision read the request's name: a rule with resourceNames matched all else. */
interface Probe {
  readName: boolean
}

/** authorize asks each configured authorizer in order. */
export function authorize(modes: AuthorizationMode[], user: UserInfo, info: RequestInfo, store: AuthzStore,
  probe?: Probe): AuthzResult {
  const steps: string[] = []
  for (const mode of modes) {
    const r = mode === 'AlwaysAllow' ? { decision: 'Allow' as Decision, why: 'AlwaysAllow allows every request' }
      : mode === 'AlwaysDeny' ? { decision: 'Deny' as Decision, why: 'AlwaysDeny denies every request' }
      : mode === 'Node' ? nodeAuthorizer(user, info, store, probe)
      : rbacAuthorizer(user, info, store, probe)
    steps.push(`${mode}: ${r.decision} — ${r.why}`)
    if (r.decision !== 'NoOpinion') return { decision: r.decision, steps, reason: r.why }
  }
  return { decision: 'NoOpinion', steps, reason: '' }
}

function resourceName(info: RequestInfo): string {
  return info.subresource ? `${info.resource}/${info.subresource}` : info.resource
}

/** ruleAllows mirrors rbac.RuleAllows: verbs, apiGroups, resources (with subresources), resourceNames, nonResourceURLs. */
export function ruleAllows(rule: PolicyRule, info: RequestInfo, probe?: Probe): boolean {
  const verbOk = rule.verbs.includes('*') || rule.verbs.includes(info.verb)
  if (!verbOk) return false
  if (!info.isResourceRequest) {
    return (rule.nonResourceURLs ?? []).some((u) => u === '*' || u === info.path || (u.endsWith('*') && info.path.startsWith(u.slice(0, -1))))
  }
  if (!(rule.apiGroups ?? []).some((g) => g === '*' || g === info.apiGroup)) return false
  const combined = resourceName(info)
  const resOk = (rule.resources ?? []).some((r) => r === '*' || r === combined || (info.subresource !== '' && r === `*/${info.subresource}`))
  if (!resOk) return false
  const names = rule.resourceNames ?? []
  if (names.length === 0) return true
  if (probe) probe.readName = true
  return names.includes(info.name)
}

function subjectMatches(s: { kind: string; name: string; namespace?: string }, user: UserInfo): boolean {
  if (s.kind === 'User') return s.name === user.username
  if (s.kind === 'Group') return user.groups.includes(s.name)
  if (s.kind === 'ServiceAccount') return user.username === `system:serviceaccount:${s.namespace ?? ''}:${s.name}`
  return false
}

function rulesOfRole(store: AuthzStore, kind: string, name: string, namespace: string): PolicyRule[] | undefined {
  const role = kind === 'ClusterRole' ? store.get(`/registry/clusterroles/${name}`) : store.get(`/registry/roles/${namespace}/${name}`)
  return role ? ((role.rules as PolicyRule[] | undefined) ?? []) : undefined
}

function rbacAuthorizer(user: UserInfo, info: RequestInfo, store: AuthzStore,
  probe?: Probe): { decision: Decision; why: string } {
  const checked: string[] = []
  for (const b of store.list('/registry/clusterrolebindings/')) {
    const subjects = (b.subjects as { kind: string; name: string; namespace?: string }[] | undefined) ?? []
    if (!subjects.some((s) => subjectMatches(s, user))) continue
    const ref = b.roleRef as { kind: string; name: string }
    const rules = rulesOfRole(store, 'ClusterRole', ref.name, '')
    checked.push(`ClusterRoleBinding "${b.metadata?.name}" (ClusterRole "${ref.name}")`)
    if (rules?.some((r) => ruleAllows(r, info, probe))) return { decision: 'Allow', why: `allowed by ClusterRoleBinding "${b.metadata?.name}" of ClusterRole "${ref.name}" to ${describeSubjects(subjects, user)}` }
  }
  if (info.namespace) {
    for (const b of store.list(`/registry/rolebindings/${info.namespace}/`)) {
      const subjects = (b.subjects as { kind: string; name: string; namespace?: string }[] | undefined) ?? []
      if (!subjects.some((s) => subjectMatches(s, user))) continue
      const ref = b.roleRef as { kind: string; name: string }
      const rules = rulesOfRole(store, ref.kind, ref.name, info.namespace)
      checked.push(`RoleBinding "${info.namespace}/${b.metadata?.name}" (${ref.kind} "${ref.name}")`)
      if (rules?.some((r) => ruleAllows(r, info, probe))) return { decision: 'Allow', why: `allowed by RoleBinding "${b.metadata?.name}" of ${ref.kind} "${ref.name}" in namespace "${info.namespace}"` }
    }
  }
  return { decision: 'NoOpinion', why: checked.length ? `no rule in ${checked.join(', ')} allows ${info.verb} on ${resourceName(info) || info.path}` : `no RoleBinding or ClusterRoleBinding names user "${user.username}" or its groups [${user.groups.join(', ')}] with a matching rule` }
}

function describeSubjects(subjects: { kind: string; name: string }[], user: UserInfo): string {
  const s = subjects.find((x) => subjectMatches(x, user))
  return s ? `${s.kind} "${s.name}"` : 'the user'
}

/**
 * nodeAuthorizer lets kubelets (system:node:<name> in group system:nodes) do what the node rules allow.
 * Simplified: the graph of which secrets/configmaps a node may read is not modelled; the system:node rules are applied.
 */
function nodeAuthorizer(user: UserInfo, info: RequestInfo, store: AuthzStore,
  probe?: Probe): { decision: Decision; why: string } {
  if (!user.groups.includes('system:nodes') || !user.username.startsWith('system:node:')) return { decision: 'NoOpinion', why: 'not a node identity (system:node:<name> in group system:nodes)' }
  const rules = rulesOfRole(store, 'ClusterRole', 'system:node', '') ?? []
  if (rules.some((r) => ruleAllows(r, info, probe))) return { decision: 'Allow', why: `node "${user.username.slice('system:node:'.length)}" may ${info.verb} ${resourceName(info)} (node rules)` }
  return { decision: 'NoOpinion', why: `the node rules do not cover ${info.verb} ${resourceName(info)}` }
}

/**
 * forbiddenMessage is the text of a 403.
 * Mirrors: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/errors.go forbiddenMessage.
 */
export function forbiddenMessage(user: UserInfo, info: RequestInfo): string {
  if (!info.isResourceRequest) return `User "${user.username}" cannot ${info.verb} path "${info.path}"`
  const resource = resourceName(info)
  if (info.namespace) return `User "${user.username}" cannot ${info.verb} resource "${resource}" in API group "${info.apiGroup}" in the namespace "${info.namespace}"`
  return `User "${user.username}" cannot ${info.verb} resource "${resource}" in API group "${info.apiGroup}" at the cluster scope`
}

/** The RBAC resources' prefixes: a write under any of them can change a decision. */
export const RBAC_BUCKETS = [
  '/registry/clusterrolebindings/', '/registry/clusterroles/', '/registry/rolebindings/', '/registry/roles/',
]

/**
 * DecisionCache memoises authorize for one apiserver (its modes never change). Hot: every request is authorized, and
 * RBAC ranges every binding and reads its role each time, while RBAC objects almost never change. A decision depends
 * on the user, the request's attributes and the RBAC objects, so it is kept until `rbacRevision` (the last write
 * under RBAC_BUCKETS) moves. The request's name matters only when a rule with resourceNames was consulted: such
 * decisions are kept per name, every other one once for all names (pods' requests differ only by name).
 */
export class DecisionCache {
  private revision = -1
  /**
   * Per user object (the authenticator hands each client the same one), decisions by attributes without the name;
   * `undefined` marks a decision that read the name, kept in `byName`.
   */
  private byUser = new WeakMap<UserInfo, Map<string, AuthzResult | undefined>>()
  private byName = new Map<string, AuthzResult>()

  authorize(modes: AuthorizationMode[], user: UserInfo, info: RequestInfo, store: AuthzStore,
    rbacRevision: number): AuthzResult {
    if (rbacRevision !== this.revision) {
      this.revision = rbacRevision
      this.byUser = new WeakMap()
      this.byName = new Map()
    }
    let byAttributes = this.byUser.get(user)
    if (!byAttributes) this.byUser.set(user, (byAttributes = new Map()))
    const key = attributesKey(info)
    const hit = byAttributes.get(key)
    if (hit) return hit
    // A user object is not a name: two objects for one user (impersonation) share the per-name decisions.
    const namedKey = () => `${user.username}\u0000${user.groups.join('\u0001')}\u0000${key}\u0000${info.name}`
    const named = byAttributes.has(key) ? this.byName.get(namedKey()) : undefined
    if (named) return named
    const probe: Probe = { readName: false }
    const r = authorize(modes, user, info, store, probe)
    if (!probe.readName) byAttributes.set(key, r)
    else {
      byAttributes.set(key, undefined)
      this.byName.set(namedKey(), r)
    }
    return r
  }
}

/** attributesKey: everything a decision reads of the request but the name (a path only for non-resource ones). */
function attributesKey(info: RequestInfo): string {
  // \u0000 cannot occur in a verb, group, resource, namespace or path, so distinct attributes never share a key.
  const path = info.isResourceRequest ? '' : info.path
  return `${info.verb}\u0000${path}\u0000${info.apiGroup}\u0000${info.resource}\u0000${info.subresource}` +
    `\u0000${info.namespace}`
}
