/**
 * Mirrors pkg/controller/deployment/util/deployment_util.go (Kubernetes v1.35): revisions, the new ReplicaSet's
 * annotations, finding the new and old ReplicaSets, and the complete / progressing / timed-out tests. It re-exports
 * the rest of that file, split along its parts: annotations.ts, replicas.ts (fenceposts, counts, proportions);
 * conditions live in conditions.ts, orderings in replicasets.ts.
 * Pure: ReplicaSets and Deployments come in, values or new objects go out; nothing is mutated.
 */
import type { Deployment, DeploymentStatus, LabelSelector, PodTemplateSpec, ReplicaSet } from '../../api/types.ts'
import {
  type Annotations, RevisionHistoryAnnotation, maxRevHistoryLengthInChars, setReplicasAnnotations, skipCopyAnnotation,
  DefaultDeploymentUniqueLabelKey,
} from './annotations.ts'
import { DeploymentProgressing, getDeploymentCondition, NewRSAvailableReason, TimedOutReason } from './conditions.ts'
import { deploymentReplicas, maxSurge } from './replicas.ts'
import {
  byCreationTimestamp, RevisionAnnotation, revision, sameReplicaSet, sortReplicaSets, specReplicas,
} from './replicasets.ts'

export * from './annotations.ts'
export * from './conditions.ts'
export * from './replicas.ts'

const maxInt32 = 2147483647

/** maxRevision is the highest revision among the ReplicaSets (unparseable ones are skipped). */
export function maxRevision(allRSs: readonly ReplicaSet[]): number {
  let max = 0
  for (const rs of allRSs) {
    const v = revision(rs)
    if (v !== undefined && v > max) max = v
  }
  return max
}

/** lastRevision is the second highest revision: the one `rollout undo` goes back to. */
export function lastRevision(allRSs: readonly ReplicaSet[]): number {
  let max = 0
  let secMax = 0
  for (const rs of allRSs) {
    const v = revision(rs)
    if (v === undefined) continue
    if (v >= max) {
      secMax = max
      max = v
    } else if (v > secMax) {
      secMax = v
    }
  }
  return secMax
}

const int64Pattern = /^[+-]?[0-9]+$/

/**
 * setNewReplicaSetAnnotations copies the Deployment's annotations (except the skipped ones) to the new
 * ReplicaSet, raises its revision to newRevision when lower (keeping the old one in revision-history, bounded by
 * revHistoryLimitInChars), and for a ReplicaSet about to be created (exists false) sets the replicas annotations.
 */
export function setNewReplicaSetAnnotations(
  d: Deployment, rsAnnotations: Annotations | undefined, newRevision: string, exists: boolean,
  revHistoryLimitInChars = maxRevHistoryLengthInChars,
): { annotations: Annotations; changed: boolean } {
  const out: Annotations = { ...(rsAnnotations ?? {}) }
  let changed = false
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (skipCopyAnnotation(k) || out[k] === v) continue
    out[k] = v
    changed = true
  }
  const oldRevision = out[RevisionAnnotation]
  const hadRevision = oldRevision !== undefined
  let oldRevisionInt = 0
  if (oldRevision !== undefined && oldRevision !== '') {
    // Upstream logs and gives up on a non-numeric revision.
    if (!int64Pattern.test(oldRevision)) return { annotations: out, changed: false }
    oldRevisionInt = parseInt(oldRevision, 10)
  }
  if (!int64Pattern.test(newRevision)) return { annotations: out, changed: false }
  const newRevisionInt = parseInt(newRevision, 10)
  if (oldRevisionInt < newRevisionInt) {
    out[RevisionAnnotation] = newRevision
    changed = true
  }
  // A ReplicaSet that had a revision and gets a newer one is a rollback target: keep its history.
  if (hadRevision && oldRevisionInt < newRevisionInt) {
    const history = out[RevisionHistoryAnnotation] ?? ''
    const oldRevisions = history.split(',')
    if (oldRevisions[0].length === 0) {
      out[RevisionHistoryAnnotation] = oldRevision
    } else {
      let totalLen = history.length + oldRevision.length + 1
      let start = 0
      while (totalLen > revHistoryLimitInChars && start < oldRevisions.length) {
        totalLen = totalLen - oldRevisions[start].length - 1
        start++
      }
      // Upstream logs "Not appending revision due to length limit" and leaves the history as is otherwise.
      if (totalLen <= revHistoryLimitInChars) {
        out[RevisionHistoryAnnotation] = [...oldRevisions.slice(start), oldRevision].join(',')
      }
    }
  }
  if (!exists) {
    const r = setReplicasAnnotations(out, deploymentReplicas(d), deploymentReplicas(d) + maxSurge(d))
    if (r.changed) return { annotations: r.annotations, changed: true }
  }
  return { annotations: out, changed }
}

function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null) return true
  if (Array.isArray(v)) return v.length === 0
  return typeof v === 'object' && Object.keys(v).length === 0
}

/**
 * semanticDeepEqual stands in for apiequality.Semantic.DeepEqual over JSON-shaped objects.
 * Simplified: an absent field, an empty list and an empty object are all equal (upstream equates nil and empty
 * slices and maps, but not a nil pointer and an empty struct); quantities are compared as written.
 */
export function semanticDeepEqual(a: unknown, b: unknown): boolean {
  if (isEmptyValue(a) && isEmptyValue(b)) return true
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => semanticDeepEqual(x, b[i]))
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) &&
    !Array.isArray(b)) {
    const ao = new Map(Object.entries(a))
    const bo = new Map(Object.entries(b))
    const keys = new Set([...ao.keys(), ...bo.keys()])
    for (const k of keys) if (!semanticDeepEqual(ao.get(k), bo.get(k))) return false
    return true
  }
  return a === b
}

function withoutHashLabel(t: PodTemplateSpec): PodTemplateSpec {
  const labels = { ...(t.metadata?.labels ?? {}) }
  delete labels[DefaultDeploymentUniqueLabelKey]
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } }
}

/** equalIgnoreHash compares two pod templates, ignoring the pod-template-hash label. */
export function equalIgnoreHash(t1: PodTemplateSpec | undefined, t2: PodTemplateSpec | undefined): boolean {
  return semanticDeepEqual(withoutHashLabel(t1 ?? {}), withoutHashLabel(t2 ?? {}))
}

/** findNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's (ignoring the hash). */
export function findNewReplicaSet(d: Deployment, rsList: readonly ReplicaSet[]): ReplicaSet | undefined {
  return sortReplicaSets(rsList, byCreationTimestamp).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template))
}

/**
 * findOldReplicaSets: every ReplicaSet but the new one (allRSs), and those of them with replicas (requiredRSs).
 * Both come in creation order because upstream's FindNewReplicaSet sorts the list in place first.
 */
export function findOldReplicaSets(
  d: Deployment, rsList: readonly ReplicaSet[],
): { requiredRSs: ReplicaSet[]; allRSs: ReplicaSet[] } {
  const newRS = findNewReplicaSet(d, rsList)
  const allRSs = sortReplicaSets(rsList, byCreationTimestamp).filter((rs) => !newRS || !sameReplicaSet(rs, newRS))
  return { requiredRSs: allRSs.filter((rs) => specReplicas(rs) !== 0), allRSs }
}

/** deploymentComplete: every replica updated and available, and the status reflects the latest spec. */
export function deploymentComplete(d: Deployment, newStatus: DeploymentStatus): boolean {
  const replicas = deploymentReplicas(d)
  return (newStatus.updatedReplicas ?? 0) === replicas && (newStatus.replicas ?? 0) === replicas &&
    (newStatus.availableReplicas ?? 0) === replicas &&
    (newStatus.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0)
}

/** deploymentProgressing: more updated, fewer old, more ready or more available replicas than before. */
export function deploymentProgressing(d: Deployment, newStatus: DeploymentStatus): boolean {
  const old = d.status ?? {}
  const oldStatusOldReplicas = (old.replicas ?? 0) - (old.updatedReplicas ?? 0)
  const newStatusOldReplicas = (newStatus.replicas ?? 0) - (newStatus.updatedReplicas ?? 0)
  return (newStatus.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newStatusOldReplicas < oldStatusOldReplicas ||
    (newStatus.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (newStatus.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
}

export function hasProgressDeadline(d: Deployment): boolean {
  const pds = d.spec?.progressDeadlineSeconds
  return pds !== undefined && pds !== maxInt32
}

export function hasRevisionHistoryLimit(d: Deployment): boolean {
  const l = d.spec?.revisionHistoryLimit
  return l !== undefined && l !== maxInt32
}

/**
 * deploymentTimedOut: the Progressing condition was last updated more than progressDeadlineSeconds before now
 * (RFC3339). A complete rollout never times out; one already marked timed out stays so.
 */
export function deploymentTimedOut(d: Deployment, newStatus: DeploymentStatus, now: string): boolean {
  if (!hasProgressDeadline(d)) return false
  const condition = getDeploymentCondition(newStatus, DeploymentProgressing)
  if (!condition) return false
  if (condition.reason === NewRSAvailableReason) return false
  if (condition.reason === TimedOutReason) return true
  const from = Date.parse(condition.lastUpdateTime ?? '')
  const deadlineMs = (d.spec?.progressDeadlineSeconds ?? 0) * 1000
  // time.Time.Before: strictly earlier.
  return from + deadlineMs < Date.parse(now)
}

/** cloneAndAddLabel returns a copy of labels with key=value (an empty value returns the labels unchanged). */
export function cloneAndAddLabel(labels: Record<string, string> | undefined, key: string, value: string):
  Record<string, string> | undefined {
  if (value === '') return labels
  return { ...(labels ?? {}), [key]: value }
}

/** cloneSelectorAndAddLabel adds key=value to a selector's matchLabels (labelsutil.CloneSelectorAndAddLabel). */
export function cloneSelectorAndAddLabel(selector: LabelSelector | undefined, key: string, value: string):
  LabelSelector | undefined {
  if (value === '') return selector
  return { ...(selector ?? {}), matchLabels: { ...(selector?.matchLabels ?? {}), [key]: value } }
}

/**
 * labelPodTemplateHash: a copy of the template whose labels carry pod-template-hash=hash, as the new ReplicaSet's
 * template (and so its pods) does.
 */
export function labelPodTemplateHash(template: PodTemplateSpec | undefined, hash: string): PodTemplateSpec {
  const t = template ?? {}
  return { ...t, metadata: { ...(t.metadata ?? {}),
    labels: cloneAndAddLabel(t.metadata?.labels, DefaultDeploymentUniqueLabelKey, hash) } }
}

/** newRSName is the deterministic name of a Deployment's ReplicaSet: `<deployment>-<pod-template-hash>`. */
export function newRSName(deploymentName: string, podTemplateHash: string): string {
  return `${deploymentName}-${podTemplateHash}`
}
