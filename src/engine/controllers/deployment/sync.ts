/**
 * Mirrors pkg/controller/deployment/sync.go (v1.35): getNewReplicaSet's decisions, scale (proportional scaling),
 * scaleReplicaSet's update, cleanupDeployment, calculateStatus and isScalingEvent. Pure: each function returns
 * what the shell should write; `now` (RFC3339) stamps conditions.
 */
import type { Deployment, OwnerReference, ReplicaSet } from '../../api/types.ts'
import {
  DeploymentAvailable, DeploymentProgressing, foundNewRSMessage, getDeploymentCondition, minimumAvailabilityMessage,
  MinimumReplicasAvailable, MinimumReplicasUnavailable, newDeploymentCondition, noMinimumAvailabilityMessage,
  FoundNewRSReason, setDeploymentCondition,
} from './conditions.ts'
import { scaledReplicaSetEvent, type DeploymentEvent, type ScalingOperation } from './events.ts'
import { computeHash } from './hash.ts'
import {
  byCreationTimestamp, byRevision, bySizeNewer, bySizeOlder, filterActiveReplicaSets, sortReplicaSets, specReplicas,
} from './replicasets.ts'
import type { ScaleStep } from './rolling.ts'
import {
  cloneAndAddLabel, cloneSelectorAndAddLabel, DefaultDeploymentUniqueLabelKey, type DeploymentStatusV135,
  equalIgnoreHash, getActualReplicaCountForReplicaSets, getAvailableReplicaCountForReplicaSets,
  getDesiredReplicasAnnotation, getReadyReplicaCountForReplicaSets, getReplicaCountForReplicaSets,
  getReplicaSetProportion, getTerminatingReplicaCountForReplicaSets, hasProgressDeadline, hasRevisionHistoryLimit,
  isRollingUpdate, isSaturated, labelPodTemplateHash, maxRevision, maxSurge, maxUnavailable, newRSName,
  newRSNewReplicas, replicasAnnotationsNeedUpdate, RevisionAnnotation, setNewReplicaSetAnnotations,
  setReplicasAnnotations,
} from './util.ts'

function replicasOf(d: Deployment): number {
  return d.spec?.replicas ?? 1
}

/** newControllerRef is metav1.NewControllerRef(d, apps/v1 Deployment). */
export function newControllerRef(d: Deployment): OwnerReference {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata?.name ?? '', uid: d.metadata?.uid ?? '',
    blockOwnerDeletion: true, controller: true,
  }
}

/**
 * newReplicaSetFor is the ReplicaSet getNewReplicaSet creates when none matches the template: named
 * `<deployment>-<hash>`, template labels and selector with pod-template-hash, owned by the Deployment, its
 * annotations (revision maxOldRevision+1, desired/max replicas) and the replicas newRSNewReplicas allows.
 */
export function newReplicaSetFor(
  d: Deployment, oldRSs: readonly ReplicaSet[],
): { ok: true; rs: ReplicaSet; hash: string; newRevision: string } | { ok: false; error: string } {
  const template = d.spec?.template ?? {}
  const hash = computeHash(template, d.status?.collisionCount)
  const labels = cloneAndAddLabel(template.metadata?.labels, DefaultDeploymentUniqueLabelKey, hash)
  const newRevision = String(maxRevision(oldRSs) + 1)
  const draft: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: newRSName(d.metadata?.name ?? '', hash),
      namespace: d.metadata?.namespace,
      ownerReferences: [newControllerRef(d)],
      labels,
    },
    spec: {
      replicas: 0,
      minReadySeconds: d.spec?.minReadySeconds,
      selector: cloneSelectorAndAddLabel(d.spec?.selector, DefaultDeploymentUniqueLabelKey, hash) ?? {},
      template: labelPodTemplateHash(template, hash),
    },
  }
  const replicas = newRSNewReplicas(d, [...oldRSs, draft], draft)
  if (!replicas.ok) return replicas
  const annotations = setNewReplicaSetAnnotations(d, undefined, newRevision, false).annotations
  const rs: ReplicaSet = {
    ...draft,
    metadata: { ...draft.metadata, annotations },
    spec: { ...(draft.spec ?? { selector: {} }), replicas: replicas.replicas },
  }
  return { ok: true, rs, hash, newRevision }
}

/**
 * onCreateAlreadyExists: what getNewReplicaSet does when the create hits AlreadyExists. The same Deployment's
 * ReplicaSet with an equal template is adopted; anything else is a hash collision: bump status.collisionCount
 * (UpdateStatus) and retry.
 */
export function onCreateAlreadyExists(
  d: Deployment, existing: ReplicaSet,
): { kind: 'adopt' } | { kind: 'collision'; collisionCount: number } {
  const ref = existing.metadata?.ownerReferences?.find((r) => r.controller === true)
  if (ref && ref.uid === d.metadata?.uid && equalIgnoreHash(d.spec?.template, existing.spec?.template)) {
    return { kind: 'adopt' }
  }
  return { kind: 'collision', collisionCount: (d.status?.collisionCount ?? 0) + 1 }
}

/**
 * syncExistingNewReplicaSet: getNewReplicaSet for a ReplicaSet that already matches the template. Either the
 * ReplicaSet needs an Update (annotations or minReadySeconds), or the Deployment's revision annotation and a
 * FoundNewReplicaSet condition (first time a deadline applies) need writing, or nothing.
 */
export function syncExistingNewReplicaSet(
  d: Deployment, existingNewRS: ReplicaSet, oldRSs: readonly ReplicaSet[], now: string,
): { kind: 'updateReplicaSet'; rs: ReplicaSet } | { kind: 'updateDeployment'; deployment: Deployment }
  | { kind: 'none' } {
  const newRevision = String(maxRevision(oldRSs) + 1)
  const a = setNewReplicaSetAnnotations(d, existingNewRS.metadata?.annotations, newRevision, true)
  const minReadySecondsNeedsUpdate = (existingNewRS.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0)
  if (a.changed || minReadySecondsNeedsUpdate) {
    return {
      kind: 'updateReplicaSet',
      rs: {
        ...existingNewRS,
        metadata: { ...(existingNewRS.metadata ?? {}), annotations: a.annotations },
        spec: { ...(existingNewRS.spec ?? { selector: {} }), minReadySeconds: d.spec?.minReadySeconds },
      },
    }
  }
  let deployment = d
  let needsUpdate = false
  const rsRevision = a.annotations[RevisionAnnotation] ?? ''
  if (d.metadata?.annotations?.[RevisionAnnotation] !== rsRevision) {
    deployment = {
      ...deployment,
      metadata: {
        ...(d.metadata ?? {}),
        annotations: { ...(d.metadata?.annotations ?? {}), [RevisionAnnotation]: rsRevision },
      },
    }
    needsUpdate = true
  }
  if (hasProgressDeadline(d) && !getDeploymentCondition(d.status, DeploymentProgressing)) {
    const condition = newDeploymentCondition(DeploymentProgressing, 'True', FoundNewRSReason,
      foundNewRSMessage(existingNewRS.metadata?.name ?? ''), now)
    deployment = { ...deployment, status: setDeploymentCondition(deployment.status ?? {}, condition) }
    needsUpdate = true
  }
  return needsUpdate ? { kind: 'updateDeployment', deployment } : { kind: 'none' }
}

/**
 * applyScaleStep is scaleReplicaSet: the ReplicaSet with its new size and replicas annotations, and the
 * ScalingReplicaSet event when the size changed.
 */
export function applyScaleStep(
  rs: ReplicaSet, stepTo: ScaleStep, d: Deployment,
): { rs: ReplicaSet; event: DeploymentEvent | undefined } {
  const a = setReplicasAnnotations(rs.metadata?.annotations, replicasOf(d), replicasOf(d) + maxSurge(d))
  const updated: ReplicaSet = {
    ...rs,
    metadata: { ...(rs.metadata ?? {}), annotations: a.annotations },
    spec: { ...(rs.spec ?? { selector: {} }), replicas: stepTo.to },
  }
  const event = stepTo.from !== stepTo.to
    ? scaledReplicaSetEvent(stepTo.operation, stepTo.rsName, stepTo.from, stepTo.to) : undefined
  return { rs: updated, event }
}

/**
 * findActiveOrLatest: the only active ReplicaSet, or the newest when none is active; undefined when several are
 * active (then they scale proportionally).
 */
export function findActiveOrLatest(
  newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[],
): ReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined
  const newestFirst = sortReplicaSets(oldRSs, byCreationTimestamp).reverse()
  const active = filterActiveReplicaSets([...newestFirst, newRS])
  if (active.length === 0) return newRS ?? newestFirst[0]
  return active.length === 1 ? active[0] : undefined
}

function sizeStep(rs: ReplicaSet, to: number, operation: ScalingOperation): ScaleStep {
  return { rsName: rs.metadata?.name ?? '', from: specReplicas(rs), to, operation }
}

/**
 * scale plans a resize of the Deployment (spec.replicas changed, or paused). One active ReplicaSet takes the whole
 * size; a saturated new ReplicaSet drains the old ones; otherwise, for RollingUpdate, the difference is spread
 * proportionally, larger ReplicaSets first (newer first when growing, older first when shrinking), the leftover
 * going to the first. Steps whose size does not change only refresh the replicas annotations.
 */
export function scale(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): ScaleStep[] {
  const replicas = replicasOf(d)
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs)
  if (activeOrLatest) {
    const from = specReplicas(activeOrLatest)
    if (from === replicas) return []
    return [sizeStep(activeOrLatest, replicas, from < replicas ? 'up' : 'down')]
  }
  if (isSaturated(d, newRS)) {
    return filterActiveReplicaSets(oldRSs).map((old) => sizeStep(old, 0, 'down'))
  }
  if (!isRollingUpdate(d)) return []
  let allRSs = filterActiveReplicaSets([...oldRSs, newRS])
  const allRSsReplicas = getReplicaCountForReplicaSets(allRSs)
  const allowedSize = replicas > 0 ? replicas + maxSurge(d) : 0
  const deploymentReplicasToAdd = allowedSize - allRSsReplicas
  // Upstream leaves scalingOperation empty when nothing is added; then no size changes and no event is written.
  let operation: ScalingOperation = 'up'
  if (deploymentReplicasToAdd > 0) {
    allRSs = sortReplicaSets(allRSs, bySizeNewer)
  } else if (deploymentReplicasToAdd < 0) {
    allRSs = sortReplicaSets(allRSs, bySizeOlder)
    operation = 'down'
  }
  let deploymentReplicasAdded = 0
  const sizes = allRSs.map((rs) => {
    if (deploymentReplicasToAdd === 0) return specReplicas(rs)
    const proportion = getReplicaSetProportion(rs, d, deploymentReplicasToAdd, deploymentReplicasAdded)
    deploymentReplicasAdded += proportion
    return specReplicas(rs) + proportion
  })
  if (allRSs.length > 0 && deploymentReplicasToAdd !== 0) {
    sizes[0] = Math.max(0, sizes[0] + deploymentReplicasToAdd - deploymentReplicasAdded)
  }
  const steps: ScaleStep[] = []
  allRSs.forEach((rs, i) => {
    const sizeNeedsUpdate = specReplicas(rs) !== sizes[i]
    if (sizeNeedsUpdate || replicasAnnotationsNeedUpdate(rs, replicas, replicas + maxSurge(d))) {
      steps.push(sizeStep(rs, sizes[i], operation))
    }
  })
  return steps
}

/**
 * isScalingEvent: an active ReplicaSet records a desired-replicas other than spec.replicas, so the Deployment
 * was resized rather than changed.
 */
export function isScalingEvent(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[]): boolean {
  for (const rs of filterActiveReplicaSets([...oldRSs, newRS])) {
    const desired = getDesiredReplicasAnnotation(rs)
    if (desired === undefined) continue
    if (desired !== replicasOf(d)) return true
  }
  return false
}

/**
 * cleanupDeployment: the old ReplicaSets to delete beyond revisionHistoryLimit, lowest revision first, skipping
 * any with replicas (spec or status), an unobserved generation or a deletion in progress.
 */
export function cleanupDeployment(oldRSs: readonly ReplicaSet[], d: Deployment): ReplicaSet[] {
  if (!hasRevisionHistoryLimit(d)) return []
  const cleanable = oldRSs.filter((rs) => rs.metadata?.deletionTimestamp === undefined)
  const diff = cleanable.length - (d.spec?.revisionHistoryLimit ?? 0)
  if (diff <= 0) return []
  return sortReplicaSets(cleanable, byRevision).slice(0, diff).filter((rs) =>
    (rs.status?.replicas ?? 0) === 0 && specReplicas(rs) === 0 &&
    (rs.metadata?.generation ?? 0) <= (rs.status?.observedGeneration ?? 0))
}

/**
 * calculateStatus: the Deployment status from its ReplicaSets, with the Available condition
 * (MinimumReplicasAvailable / MinimumReplicasUnavailable). terminatingReplicas follows the v1.35 default of
 * DeploymentReplicaSetTerminatingReplicas (on).
 */
export function calculateStatus(
  allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment, now: string,
): DeploymentStatusV135 {
  const availableReplicas = getAvailableReplicaCountForReplicaSets(allRSs)
  const totalReplicas = getReplicaCountForReplicaSets(allRSs)
  // More available than desired happens while scaling down: never negative.
  const unavailableReplicas = Math.max(0, totalReplicas - availableReplicas)
  let status: DeploymentStatusV135 = {
    observedGeneration: d.metadata?.generation,
    replicas: getActualReplicaCountForReplicaSets(allRSs),
    updatedReplicas: getActualReplicaCountForReplicaSets([newRS]),
    readyReplicas: getReadyReplicaCountForReplicaSets(allRSs),
    availableReplicas,
    unavailableReplicas,
    collisionCount: d.status?.collisionCount,
    conditions: [...(d.status?.conditions ?? [])],
  }
  const terminatingReplicas = getTerminatingReplicaCountForReplicaSets(allRSs)
  if (terminatingReplicas !== undefined) status.terminatingReplicas = terminatingReplicas
  const condition = availableReplicas >= replicasOf(d) - maxUnavailable(d)
    ? newDeploymentCondition(DeploymentAvailable, 'True', MinimumReplicasAvailable, minimumAvailabilityMessage, now)
    : newDeploymentCondition(DeploymentAvailable, 'False', MinimumReplicasUnavailable,
      noMinimumAvailabilityMessage, now)
  status = setDeploymentCondition(status, condition)
  return status
}
