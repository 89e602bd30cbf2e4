/**
 * The ReplicaSet's status as the replicaset controller computes and writes it.
 * Mirrors: kubernetes/kubernetes pkg/controller/replicaset/replica_set_utils.go (v1.35: calculateStatus,
 * updateReplicaSetStatus's no-op check and observedGeneration, NewReplicaSetCondition, GetCondition,
 * SetCondition, RemoveCondition) and syncReplicaSet's terminating-pod count (replica_set.go).
 * DeploymentReplicaSetTerminatingReplicas is beta and on by default in v1.35 (pkg/features/kube_features.go), and
 * the ReplicaSet controller enables status.terminatingReplicas, so it is always written here.
 */
import { matchesSelectorMap } from '../../api/labels.ts'
import type { Pod, ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from '../../api/types.ts'
import { filterClaimedPods, filterTerminatingPods, isPodAvailable, isPodReady } from '../controllerUtils.ts'
import { desiredReplicas } from './replicaSet.ts'

/** ReplicaSetStatus with v1.33+'s terminatingReplicas (newer than the kubernetes-types package). */
export type ReplicaSetStatusV135 = ReplicaSetStatus & { terminatingReplicas?: number }

/** apps.ReplicaSetReplicaFailure: the only ReplicaSet condition type. */
export const ReplicaSetReplicaFailure = 'ReplicaFailure'

/** NewReplicaSetCondition, with metav1.Now() passed in. */
export function newReplicaSetCondition(type: string, status: 'True' | 'False' | 'Unknown', reason: string,
  message: string, now: string): ReplicaSetCondition {
  return { type, status, lastTransitionTime: now, reason, message }
}

export function getCondition(status: ReplicaSetStatus | undefined, type: string): ReplicaSetCondition | undefined {
  return status?.conditions?.find((c) => c.type === type)
}

/** filterOutCondition returns Go's nil slice (undefined here) when nothing is left. */
function filterOutCondition(conditions: readonly ReplicaSetCondition[] | undefined, type: string):
  ReplicaSetCondition[] | undefined {
  const kept = (conditions ?? []).filter((c) => c.type !== type)
  return kept.length ? kept : undefined
}

/** SetCondition: replaces the condition of that type, unless one with the same status and reason is there. */
export function setCondition<S extends ReplicaSetStatus>(status: S, condition: ReplicaSetCondition): S {
  const current = getCondition(status, condition.type)
  if (current && current.status === condition.status && current.reason === condition.reason) return status
  return { ...status, conditions: [...(filterOutCondition(status.conditions, condition.type) ?? []), condition] }
}

export function removeCondition<S extends ReplicaSetStatus>(status: S, type: string): S {
  const conditions = filterOutCondition(status.conditions, type)
  const next = { ...status }
  if (conditions) next.conditions = conditions
  else delete next.conditions
  return next
}

/**
 * terminatingPodsOf: syncReplicaSet's count input — the pods of the namespace that are terminating (deleting,
 * not yet Succeeded/Failed) and that this ReplicaSet controls with matching labels (FilterClaimedPods).
 */
export function terminatingPodsOf(rs: ReplicaSet, namespacePods: readonly Pod[]): Pod[] {
  return filterClaimedPods(rs.metadata?.uid ?? '', rs.spec?.selector, filterTerminatingPods(namespacePods))
}

/**
 * calculateStatus: replicas (claimed active pods), fullyLabeledReplicas (those carrying every template label),
 * readyReplicas, availableReplicas (ready for minReadySeconds at `now`), terminatingReplicas, and the
 * ReplicaFailure condition: set (reason FailedCreate when short of pods, FailedDelete when over, "" when even;
 * message the error's text) when manageReplicas failed and no such condition exists; removed when it succeeded.
 * observedGeneration is left as it was: updateReplicaSetStatus sets it (see statusForUpdate).
 */
export function calculateStatus(rs: ReplicaSet, activePods: readonly Pod[], terminatingPods: readonly Pod[],
  manageReplicasErr: string | undefined, now: string): ReplicaSetStatusV135 {
  let newStatus: ReplicaSetStatusV135 = { ...(rs.status ?? { replicas: 0 }) }
  const templateLabels = rs.spec?.template?.metadata?.labels ?? {}
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0
  let fullyLabeled = 0
  let ready = 0
  let available = 0
  for (const pod of activePods) {
    if (matchesSelectorMap(templateLabels, pod.metadata?.labels)) fullyLabeled++
    if (isPodReady(pod)) {
      ready++
      if (isPodAvailable(pod, minReadySeconds, now)) available++
    }
  }
  const failureCond = getCondition(rs.status, ReplicaSetReplicaFailure)
  if (manageReplicasErr !== undefined && !failureCond) {
    const diff = activePods.length - desiredReplicas(rs)
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : ''
    newStatus = setCondition(newStatus,
      newReplicaSetCondition(ReplicaSetReplicaFailure, 'True', reason, manageReplicasErr, now))
  } else if (manageReplicasErr === undefined && failureCond) {
    newStatus = removeCondition(newStatus, ReplicaSetReplicaFailure)
  }
  newStatus.replicas = activePods.length
  newStatus.fullyLabeledReplicas = fullyLabeled
  newStatus.readyReplicas = ready
  newStatus.availableReplicas = available
  newStatus.terminatingReplicas = terminatingPods.length
  return newStatus
}

const sameConditions = (a: readonly ReplicaSetCondition[] | undefined, b: readonly ReplicaSetCondition[] | undefined) =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * statusForUpdate is updateReplicaSetStatus's decision: undefined when nothing changed and the generation was
 * already observed (no PUT to /status), else the status to PUT, with observedGeneration = metadata.generation.
 */
export function statusForUpdate(rs: ReplicaSet, newStatus: ReplicaSetStatusV135): ReplicaSetStatusV135 | undefined {
  const cur: ReplicaSetStatusV135 = rs.status ?? { replicas: 0 }
  const generation = rs.metadata?.generation ?? 0
  if (cur.replicas === newStatus.replicas
    && (cur.fullyLabeledReplicas ?? 0) === (newStatus.fullyLabeledReplicas ?? 0)
    && (cur.readyReplicas ?? 0) === (newStatus.readyReplicas ?? 0)
    && (cur.availableReplicas ?? 0) === (newStatus.availableReplicas ?? 0)
    && cur.terminatingReplicas === newStatus.terminatingReplicas
    && generation === (cur.observedGeneration ?? 0)
    && sameConditions(cur.conditions, newStatus.conditions)) return undefined
  return { ...newStatus, observedGeneration: generation }
}

/**
 * requeueAfterSeconds: syncReplicaSet's last line of defence — with minReadySeconds set and every replica ready
 * but not all available, the ReplicaSet is synced again after minReadySeconds (none after a manageReplicas error).
 * Checked against the v1.33 syncReplicaSet; v1.35's (which tracks a nextSyncDuration) was not available to
 * verify and may requeue at the next pod's availability time instead.
 */
export function requeueAfterSeconds(rs: ReplicaSet, status: ReplicaSetStatus, manageReplicasErr: string | undefined):
  number | undefined {
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0
  const replicas = desiredReplicas(rs)
  if (manageReplicasErr === undefined && minReadySeconds > 0 && (status.readyReplicas ?? 0) === replicas
    && (status.availableReplicas ?? 0) !== replicas) return minReadySeconds
  return undefined
}
