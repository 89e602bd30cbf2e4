/**
 * The API server's refusals of kubectl's request: 401 (authentication), 403 (RBAC), admission (namespace lifecycle,
 * quota, LimitRange, Pod Security, the other plugins), 422 (validation), 400 (decoding), and any other error answer.
 * Told from the response and the handler-chain step that refused.
 */
import type { StepOf, TraceEvent } from '../../events.ts'
import type { FieldError } from '../../api/errors.ts'
import type { AdmitDetails } from '../../apiserver/traceTypes.ts'
import { formatQuantity, parseQuantity } from '../../api/quantity.ts'
import type { Outcome } from './types.ts'
import { list, podName, podNs, quote } from './text.ts'

/** What every API outcome shares: the pod, the deciding step and the upstream message. */
type Base = { pod?: string; step: number; at: number; message: string }

/**
 * apiOutcome: the refusal answered by the response `r` (at trace index `responseAt`), decided by the step at `by`
 * (the handler-chain step that refused), or by the response itself when no step did.
 */
export function apiOutcome(events: readonly TraceEvent[], r: StepOf<'http:Response'>, responseAt: number, by: number | undefined, code: number, pod: string | undefined, fromApply: boolean): Outcome {
  // A refusal's Status is on the page's copy of the step too (worker/wire.ts keeps error bodies).
  const body = r.details.response.body ?? {}
  const message = (typeof body.message === 'string' ? body.message : undefined) ?? r.summary
  const reason = (typeof body.reason === 'string' ? body.reason : undefined) ?? String(code)
  const step = by ?? responseAt
  const d = events[step]
  const base: Base = { pod, step, at: step, message }
  const name = podName(pod)
  const ns = podNs(pod)

  if (d.type === 'apiserver:Authenticate' || code === 401) {
    const auth: string | undefined = r.details.request.headers.Authorization
    const cred = auth !== undefined ? (auth.startsWith('Bearer') ? 'bearer token' : 'credentials') : r.details.request.clientCertificate ? 'client certificate' : 'credentials'
    const user = kubeconfigUser(events, responseAt)
    return {
      ...base, kind: 'unauthorized', title: 'Unauthorized (401)',
      cause: `The API server could not tell who is asking: none of its authenticators accepted the ${cred} kubectl presented${user ? ` for the kubeconfig user "${user}"` : ''}. Credentials that fail are refused outright with 401 — the request never reaches authorization.`,
      fix: `Give kubectl credentials this cluster knows: in the kubeconfig (the kind: Config document in the cluster file)${user ? `, give "${user}"` : ', give the user'} a token the API server's token file lists or a client certificate signed by the cluster's CA, or switch current-context to a context whose user has one.`,
    }
  }
  if (d.type === 'apiserver:Authorize') return forbidden(d, base, fromApply)
  if (d.type === 'apiserver:Admit') return admissionOutcome(d.details.plugin, d.details.phase, d.details.error?.message ?? message, reason, code, base)
  if (d.type === 'apiserver:Validate' || code === 422) {
    const errs = d.type === 'apiserver:Validate' ? d.details.errors : []
    const fixes = errs.map((x) => fieldFix(x))
    return {
      ...base, kind: 'invalid', title: 'Invalid (422)',
      cause: `The API server decoded the pod and ran admission, then validation found ${errs.length === 1 ? 'a field' : `${errs.length || 'some'} fields`} with a value no Pod may have${errs.length ? `: ${list(errs.map((x) => x.field))}` : ''}. Nothing was stored.`,
      fix: fixes.length ? fixes.join('\n') : 'Correct the fields the message names.',
    }
  }
  if (d.type === 'apiserver:Decode' || code === 400) {
    const errs = d.type === 'apiserver:Decode' ? d.details.errors : []
    const unknown = [...(errs.length ? errs.join('\n') : message).matchAll(/unknown field "([^"]+)"/g)].map((m) => m[1])
    const typeErr = /cannot unmarshal (\w+) into Go struct field [\w]+\.([\w.]+) of type (\S+)/.exec(message)
    const fix = unknown.length
      ? `Remove or correct ${list(unknown.map(quote))}: the Pod schema has no such field (the editor underlines it).`
      : typeErr ? `Give ${typeErr[2]} a value of type ${typeErr[3]}: the manifest has a ${typeErr[1]} there${typeErr[1] === 'string' && /int|float/.test(typeErr[3]) ? ' (drop the quotes)' : ''}.` : 'Correct the manifest where the message says.'
    return {
      ...base, kind: 'bad-request', title: 'BadRequest (400)',
      cause: unknown.length
        ? `kubectl asks for strict field validation (fieldValidation=Strict), so the API server refuses a body with a field the Pod type does not have, before admission or validation run.`
        : `The API server could not decode the body as a Pod${typeErr ? `: ${typeErr[2]} holds a ${typeErr[1]} where the type needs ${typeErr[3]}` : ''}.`,
      fix,
    }
  }
  return {
    ...base, kind: 'api-error', title: `${reason} (${code})`,
    cause: `The API server answered kubectl's ${r.details.request.verb} ${r.details.request.path} with ${code} ${reason}${name ? ` for ${name}` : ''}${ns ? ` in ${ns}` : ''}.`,
    fix: 'Read the message: it names what to change.',
  }
}

/** kubeconfigUser: the kubeconfig user kubectl chose, from its latest kubectl:Kubeconfig step at or before `before`. */
function kubeconfigUser(events: readonly TraceEvent[], before: number): string | undefined {
  for (let i = before; i >= 0; i--) {
    const e = events[i]
    if (e.type === 'kubectl:Kubeconfig') return e.details.result === 'ok' ? e.details.user : undefined
  }
  return undefined
}

/** forbidden: RBAC said no; the Role and RoleBinding (or cluster-wide ones) that would allow the request. */
function forbidden(d: StepOf<'apiserver:Authorize'>, base: Base, fromApply: boolean): Outcome {
  const { user, verb, resource, subresource: sub, namespace } = d.details
  const group = /in API group "([^"]*)"/.exec(base.message)?.[1] ?? ''
  const full = sub ? `${resource}/${sub}` : resource
  const flagResource = group ? `${full}.${group}` : full
  // kubectl apply reads the object (get), then creates it or patches it: a role for apply needs all three.
  const verbs = fromApply ? [...new Set(['get', 'create', 'patch', verb])] : [verb]
  const sa = /^system:serviceaccount:([^:]+):(.+)$/.exec(user)
  const subject = sa ? `--serviceaccount=${sa[1]}:${sa[2]}` : `--user=${user}`
  const subjectText = sa ? `ServiceAccount ${sa[2]} (namespace ${sa[1]})` : `User ${user}`
  const who = sa ? `service account ${sa[1]}/${sa[2]}` : user
  const role = `${resource.replace(/[^a-z0-9-]/g, '-')}-${fromApply ? 'applier' : verb}`
  const binding = `${(sa ? sa[2] : user).replace(/[^a-z0-9-]/gi, '-').toLowerCase()}-${role}`
  const nsFlag = namespace ? ` -n ${namespace}` : ''
  const scope = namespace ? `in namespace ${namespace}` : 'cluster-wide'
  const roleKind = namespace ? 'Role' : 'ClusterRole'
  const bindingKind = namespace ? 'RoleBinding' : 'ClusterRoleBinding'
  const whyVerbs = fromApply && verbs.length > 1 ? ' (kubectl apply reads the object, then creates or patches it)' : ''
  return {
    ...base, kind: 'forbidden', title: 'Forbidden (403)',
    cause: `${sa ? `Service account ${sa[1]}/${sa[2]}` : `User ${user}`} is authenticated, but no RBAC rule bound to ${sa ? 'it' : user} allows "${verb}" on ${full}${group ? ` in API group ${group}` : ''} ${scope}, and authorization refuses what no authorizer allows.${verb === 'get' && fromApply ? ' kubectl apply stopped at its first request (reading the object), so the pod was never sent.' : ' Nothing was stored.'}`,
    fix: `Grant ${who} ${list(verbs)} on ${full} ${scope}${whyVerbs}: a ${roleKind} "${role}" with the rule {apiGroups: ["${group}"], resources: ["${full}"], verbs: [${verbs.map(quote).join(', ')}]}, and a ${bindingKind} "${binding}" that gives it to ${subjectText}. With kubectl (or the same objects as YAML in the cluster file):\n` +
      `kubectl create ${roleKind.toLowerCase()} ${role} --verb=${verbs.join(',')} --resource=${flagResource}${nsFlag}\n` +
      `kubectl create ${bindingKind.toLowerCase()} ${binding} --${roleKind.toLowerCase()}=${role} ${subject}${nsFlag}`,
  }
}

/** admissionOutcome: an admission plugin refused the pod; told per plugin from its upstream message. */
function admissionOutcome(plugin: string, phase: AdmitDetails['phase'], errMsg: string, reason: string, code: number, base: Base): Outcome {
  const ns = podNs(base.pod)
  const name = podName(base.pod)
  const when = `${phase} admission`
  if (plugin === 'NamespaceLifecycle') {
    const missing = /namespaces "([^"]*)" not found/.exec(errMsg)
    if (missing || code === 404) {
      const n = missing?.[1] ?? ns
      return {
        ...base, kind: 'namespace-not-found', title: 'Namespace not found (404)',
        cause: `The pod is for namespace ${n}, which does not exist. The NamespaceLifecycle admission plugin refuses anything created in a namespace that is not there.`,
        fix: `Create the namespace first (kubectl create namespace ${n}, or a Namespace "${n}" in the cluster file), or apply to a namespace that exists.`,
      }
    }
    const n = /in namespace (\S+) because it is being terminated/.exec(errMsg)?.[1] ?? ns
    return {
      ...base, kind: 'namespace-terminating', title: 'Namespace terminating (403)',
      cause: `Namespace ${n} is being deleted (status.phase Terminating). The NamespaceLifecycle admission plugin lets nothing new in while its contents are removed.`,
      fix: `Apply to another namespace, or wait until ${n} is gone and create it again.`,
    }
  }
  if (plugin === 'ResourceQuota') {
    const exceeded = /exceeded quota: ([^,]+), requested: (.*?), used: (.*?), limited: (.*)$/.exec(errMsg)
    if (exceeded) {
      const [, quota, req, used, lim] = exceeded
      const parse = (s: string) => new Map(s.split(',').map((kv) => kv.split('=') as [string, string]))
      const r = parse(req), u = parse(used), l = parse(lim)
      const needs = [...l.keys()].map((k) => {
        const a = parseQuantity(r.get(k) ?? '0'), b = parseQuantity(u.get(k) ?? '0')
        const sum = a && b ? formatQuantity({ nano: a.nano + b.nano, format: a.format }) : undefined
        return `spec.hard["${k}"] from ${l.get(k)} to at least ${sum ?? `${u.get(k)} + ${r.get(k)}`}`
      })
      return {
        ...base, kind: 'quota', title: 'Exceeded quota (403)',
        cause: `ResourceQuota ${quota} in namespace ${ns} caps what the namespace may use. ${name} asks for ${req.replace(/,/g, ', ')} on top of ${used.replace(/,/g, ', ')} already used, which is over the limit (${lim.replace(/,/g, ', ')}).`,
        fix: `Raise ResourceQuota ${quota}: ${list(needs)}; or remove what uses the quota in ${ns}; or ask for less.`,
      }
    }
    const failed = /failed quota: ([^:]+): must specify (.*)$/.exec(errMsg)
    const quota = failed?.[1] ?? ''
    const res = failed?.[2].split(',') ?? []
    return {
      ...base, kind: 'quota', title: 'Failed quota (403)',
      cause: `ResourceQuota ${quota} in namespace ${ns} tracks ${list(res)}, so every pod there must say how much it wants; ${name} leaves ${res.length === 1 ? 'it' : 'them'} unset.`,
      fix: `Set ${list(res.map((x) => `resources.${x.replace(/^(requests|limits)\./, '$1.')}`))} on every container of ${name}, or add a LimitRange to ${ns} whose defaults fill ${res.length === 1 ? 'it' : 'them'} in.`,
    }
  }
  if (plugin === 'LimitRanger') {
    const items = [...errMsg.matchAll(/(maximum|minimum) (\S+) usage per (Container|Pod) is ([^,.]+)(?:, but (limit|request) is (\S+?)(?=[,\]]|$)|\.\s+No (limit|request) is specified)/g)]
    const fixes = items.map((m) => {
      const [, bound, res, per, value, field1, given, field2] = m
      const which = field1 ?? field2
      return given
        ? `${bound === 'maximum' ? 'lower' : 'raise'} the ${res} ${which} of the ${per.toLowerCase()} from ${given} to ${bound === 'maximum' ? 'at most' : 'at least'} ${value}`
        : `set a ${res} ${which} of ${bound === 'maximum' ? 'at most' : 'at least'} ${value} on the ${per.toLowerCase()}`
    })
    return {
      ...base, kind: 'limit-range', title: 'LimitRange (403)',
      cause: `A LimitRange in namespace ${ns} bounds what each container may ask for, and ${name} is outside it. The LimitRanger plugin checks it during ${when}.`,
      fix: fixes.length ? `In the manifest, ${list(fixes)}; or change the LimitRange's ${items.map((m) => `${m[1] === 'maximum' ? 'max' : 'min'}.${m[2]}`).join(', ')} in ${ns}.` : `Bring the containers' requests and limits within the LimitRange of ${ns}, or change the LimitRange.`,
    }
  }
  if (plugin === 'PodSecurity') {
    const level = /violates PodSecurity "([^"]+)"/.exec(errMsg)?.[1] ?? ''
    const sets = [...errMsg.matchAll(/\((pod or container|container|pod) ("[^"]+"|[^ )]+)?\s*must (?:set|not set|use) ([^)]*)\)/g)].map((m) => `${m[3]} (${m[1]} ${m[2] ?? ''})`.replace(/ \)$/, ')'))
    return {
      ...base, kind: 'pod-security', title: 'PodSecurity (403)',
      cause: `Namespace ${ns} enforces the Pod Security Standard ${level} (its pod-security.kubernetes.io/enforce label), and ${name} does not meet it. The PodSecurity admission plugin refuses the pod during ${when}.`,
      fix: sets.length
        ? `In the manifest, set:\n${sets.map((s) => `• ${s}`).join('\n')}\nOr relax namespace ${ns}'s pod-security.kubernetes.io/enforce label (baseline or privileged).`
        : `Change the pod's securityContext as the message lists, or relax namespace ${ns}'s pod-security.kubernetes.io/enforce label.`,
    }
  }
  return {
    ...base, kind: 'admission', title: `${plugin} (${code})`,
    cause: `The ${plugin} admission plugin refused ${name || 'the object'} during ${when} (${reason}).`,
    fix: admissionFix(errMsg) ?? `Change the pod, or the ${plugin} configuration, as the message says.`,
  }
}

/** What fixes the refusals of the other built-in admission plugins, from their messages. */
function admissionFix(msg: string): string | undefined {
  const pc = /no PriorityClass with name (\S+) was found/.exec(msg)
  if (pc) return `Create the PriorityClass ${pc[1]} (a scheduling.k8s.io/v1 PriorityClass in the cluster file), or correct or drop spec.priorityClassName.`
  const sa = /error looking up service account ([^/]+)\/(\S+):/.exec(msg)
  if (sa) return `Create the ServiceAccount ${sa[2]} in namespace ${sa[1]} (in the cluster file), or correct or drop spec.serviceAccountName.`
  return undefined
}

/** fieldFix: what corrects one validation error. */
function fieldFix(x: FieldError): string {
  if (x.field === 'metadata.name' && x.type === 'FieldValueInvalid') {
    const given = /^Invalid value: "([^"]*)"/.exec(x.message)?.[1] ?? ''
    const suggestion = given.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '').slice(0, 253)
    return `Rename the pod: metadata.name must be lowercase letters, digits, '-' and '.', starting and ending with a letter or digit${suggestion && suggestion !== given ? ` — e.g. ${suggestion}` : ''}.`
  }
  if (x.type === 'FieldValueRequired') return `Set ${x.field}: it is required.`
  if (x.type === 'FieldValueNotSupported') return `Use one of the supported values for ${x.field} (${x.message.replace(/^.*?supported values: /, '')}).`
  if (x.type === 'FieldValueDuplicate') return `Make ${x.field} unique: ${x.message}.`
  if (x.type === 'FieldValueForbidden') return `Remove ${x.field}: ${x.message.replace(/^Forbidden: /, '')}.`
  return `Correct ${x.field}: ${x.message}.`
}
