/**
 * Mirrors the ReplicaSet helpers of pkg/controller/controller_utils.go (ReplicaSetsByCreationTimestamp,
 * ReplicaSetsBySizeOlder, ReplicaSetsBySizeNewer, FilterActiveReplicaSets, FilterReplicaSets) and the
 * ReplicaSetsByRevision order of pkg/controller/deployment/util/deployment_util.go.
 * Sorting functions return new arrays; inputs are never mutated.
 */
import type { ReplicaSet } from '../../api/types.ts'

/** RevisionAnnotation records a ReplicaSet's place in its Deployment's rollout sequence. */
export const RevisionAnnotation = 'deployment.kubernetes.io/revision'

/** specReplicas reads rs.spec.replicas; the apiserver defaults it to 1 so an absent value means 1. */
export function specReplicas(rs: ReplicaSet): number {
  return rs.spec?.replicas ?? 1
}

function creationTime(rs: ReplicaSet): number {
  const t = rs.metadata?.creationTimestamp
  return t ? Date.parse(t) : 0
}

/** byCreationTimestamp is controller.ReplicaSetsByCreationTimestamp.Less: older first, then by name. */
export function byCreationTimestamp(a: ReplicaSet, b: ReplicaSet): number {
  const ta = creationTime(a)
  const tb = creationTime(b)
  if (ta === tb) {
    const na = a.metadata?.name ?? ''
    const nb = b.metadata?.name ?? ''
    return na < nb ? -1 : na > nb ? 1 : 0
  }
  return ta - tb
}

/** bySizeOlder is controller.ReplicaSetsBySizeOlder: larger first; same size, older first. */
export function bySizeOlder(a: ReplicaSet, b: ReplicaSet): number {
  const d = specReplicas(b) - specReplicas(a)
  return d !== 0 ? d : byCreationTimestamp(a, b)
}

/** bySizeNewer is controller.ReplicaSetsBySizeNewer: larger first; same size, newer first. */
export function bySizeNewer(a: ReplicaSet, b: ReplicaSet): number {
  const d = specReplicas(b) - specReplicas(a)
  return d !== 0 ? d : byCreationTimestamp(b, a)
}

/**
 * revision is util.Revision: the revision annotation as an integer, 0 when absent, undefined when it does not
 * parse (upstream's error; callers skip such ReplicaSets).
 */
export function revision(rs: { metadata?: { annotations?: Record<string, string> } }): number | undefined {
  const v = rs.metadata?.annotations?.[RevisionAnnotation]
  if (v === undefined) return 0
  return /^[+-]?[0-9]+$/.test(v) ? parseInt(v, 10) : undefined
}

/** byRevision is util.ReplicaSetsByRevision: lower revision first; same revision, by creation timestamp. */
export function byRevision(a: ReplicaSet, b: ReplicaSet): number {
  // Upstream ignores the parse error, leaving the value 0.
  const ra = revision(a) ?? 0
  const rb = revision(b) ?? 0
  return ra === rb ? byCreationTimestamp(a, b) : ra - rb
}

export function sortReplicaSets(
  rss: readonly ReplicaSet[], less: (a: ReplicaSet, b: ReplicaSet) => number,
): ReplicaSet[] {
  return [...rss].sort(less)
}

/** filterActiveReplicaSets keeps the ReplicaSets with spec.replicas > 0. */
export function filterActiveReplicaSets(rss: readonly (ReplicaSet | undefined)[]): ReplicaSet[] {
  return rss.filter((rs): rs is ReplicaSet => rs !== undefined && specReplicas(rs) > 0)
}

/** sameReplicaSet compares by UID as upstream does; without UIDs (tests, drafts) by name. */
export function sameReplicaSet(a: ReplicaSet, b: ReplicaSet): boolean {
  const ua = a.metadata?.uid
  const ub = b.metadata?.uid
  if (ua !== undefined && ub !== undefined) return ua === ub
  return a === b || (a.metadata?.name !== undefined && a.metadata?.name === b.metadata?.name)
}
