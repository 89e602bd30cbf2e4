/**
 * The apiserver's REST strategy for apps/v1 Deployments and ReplicaSets: what create and update reset, when the
 * generation moves, what a status write may change, and the warnings returned on create.
 * Mirrors: pkg/registry/apps/deployment/strategy.go and pkg/registry/apps/replicaset/strategy.go
 * (PrepareForCreate, PrepareForUpdate, the status strategies' PrepareForUpdate, WarningsOnCreate,
 * DefaultGarbageCollectionPolicy) and staging/src/k8s.io/apiserver/pkg/registry/rest/update.go (BeforeUpdate:
 * a client never sets metadata.generation, the stored one is kept before the strategy runs).
 * Simplified: pod.DropDisabledTemplateFields and dropDisabledStatusFields are no-ops (default feature gates keep
 * every field we model); pod.GetWarningsForPodTemplate is not ported; apiequality.Semantic.DeepEqual is a
 * structural comparison where an empty list or map equals an absent one (Quantity "1" vs "1000m" counts as a change).
 */
import type { Deployment, ObjectMeta, ReplicaSet } from '../types.ts'
import { regexError } from '../validation.ts'

/** DefaultGarbageCollectionPolicy for apps/v1 Deployments and ReplicaSets: dependents deleted in the background. */
export const defaultGarbageCollectionPolicy = 'DeleteDependents'

/** semanticDeepEqual: Go's nil and empty slices and maps are equal; everything else compares structurally. */
export function semanticDeepEqual(a: unknown, b: unknown): boolean {
  const emptyish = (v: unknown) => v === undefined || (Array.isArray(v) && v.length === 0) ||
    (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0)
  if (emptyish(a) && emptyish(b)) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((x, i) => semanticDeepEqual(x, b[i]))
  }
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ao = new Map(Object.entries(a))
    const bo = new Map(Object.entries(b))
    const keys = new Set([...ao.keys(), ...bo.keys()])
    for (const k of keys) if (!semanticDeepEqual(ao.get(k), bo.get(k))) return false
    return true
  }
  return a === b
}

/** withGeneration: a new metadata with the generation set. */
function withGeneration(meta: ObjectMeta | undefined, generation: number | undefined): ObjectMeta {
  const { generation: _dropped, ...rest } = meta ?? {}
  return generation === undefined ? rest : { ...rest, generation }
}

/** prepareDeploymentForCreate: status cleared (Go writes the zero struct, `status: {}`), generation 1. */
export function prepareDeploymentForCreate(d: Deployment): Deployment {
  return { ...d, metadata: withGeneration(d.metadata, 1), status: {} }
}

/**
 * prepareDeploymentForUpdate: status kept from the stored object; the generation moves when the spec changes, or
 * the annotations do (they are copied from a Deployment to its ReplicaSets, the change-cause among them).
 */
export function prepareDeploymentForUpdate(next: Deployment, prev: Deployment): Deployment {
  const changed = !semanticDeepEqual(next.spec, prev.spec) ||
    !semanticDeepEqual(next.metadata?.annotations, prev.metadata?.annotations)
  const g = prev.metadata?.generation
  const { status: _dropped, ...rest } = next
  const out: Deployment = { ...rest, metadata: withGeneration(next.metadata, changed ? (g ?? 0) + 1 : g) }
  return prev.status === undefined ? out : { ...out, status: prev.status }
}

/** prepareDeploymentStatusUpdate: a status write keeps the stored spec and labels. */
export function prepareDeploymentStatusUpdate(next: Deployment, prev: Deployment): Deployment {
  const { labels: _dropped, ...meta } = withGeneration(next.metadata, prev.metadata?.generation)
  const labels = prev.metadata?.labels
  return { ...next, metadata: labels === undefined ? meta : { ...meta, labels }, spec: prev.spec }
}

/** prepareReplicaSetForCreate: status cleared, generation 1 (v1 ReplicaSetStatus.replicas has no omitempty). */
export function prepareReplicaSetForCreate(rs: ReplicaSet): ReplicaSet {
  return { ...rs, metadata: withGeneration(rs.metadata, 1), status: { replicas: 0 } }
}

/** prepareReplicaSetForUpdate: status kept; only a spec change moves the generation (annotations do not). */
export function prepareReplicaSetForUpdate(next: ReplicaSet, prev: ReplicaSet): ReplicaSet {
  const g = prev.metadata?.generation
  const changed = !semanticDeepEqual(next.spec, prev.spec)
  const { status: _dropped, ...rest } = next
  const out: ReplicaSet = { ...rest, metadata: withGeneration(next.metadata, changed ? (g ?? 0) + 1 : g) }
  return prev.status === undefined ? out : { ...out, status: prev.status }
}

/** prepareReplicaSetStatusUpdate: a status write keeps the stored spec. */
export function prepareReplicaSetStatusUpdate(next: ReplicaSet, prev: ReplicaSet): ReplicaSet {
  return { ...next, metadata: withGeneration(next.metadata, prev.metadata?.generation), spec: prev.spec }
}

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?'
const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`)
const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*$`)
const DNS1123_LABEL_ERR = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', " +
  'and must start and end with an alphanumeric character'

/** isDNS1123Label: upstream's IsDNS1123Label (staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go). */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = []
  if (value.length > 63) errs.push('must be no more than 63 characters')
  if (!DNS1123_LABEL_RE.test(value)) {
    // A valid subdomain that is not a valid label, its length already checked, must have dots.
    if (DNS1123_SUBDOMAIN_RE.test(value)) errs.push('must not contain dots')
    else errs.push(regexError(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, 'my-name', '123-abc'))
  }
  return errs
}

/**
 * warningsOnCreate: the name becomes part of pod names and hostnames, so a name that is a subdomain but not a DNS
 * label (dots, more than 63 characters) is accepted with a warning. Go prints the []string with %v: `[a b]`.
 * Called after a generateName has been turned into the name, as rest.BeforeCreate does.
 */
export function warningsOnCreate(obj: Deployment | ReplicaSet): string[] {
  const msgs = isDNS1123Label(obj.metadata?.name ?? '')
  if (msgs.length === 0) return []
  return [`metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; ` +
    `a DNS label is recommended: [${msgs.join(' ')}]`]
}
