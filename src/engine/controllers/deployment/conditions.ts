/**
 * Mirrors the condition part of pkg/controller/deployment/util/deployment_util.go: the reasons, the condition
 * constructors and the set/get/remove helpers. Times are RFC3339 strings passed in by the caller ("now").
 * Functions return new statuses instead of mutating the one given.
 */
import type { DeploymentCondition, DeploymentStatus, ReplicaSetCondition } from '../../api/types.ts'

// Condition types (k8s.io/api/apps/v1 types.go).
export const DeploymentAvailable = 'Available'
export const DeploymentProgressing = 'Progressing'
export const DeploymentReplicaFailure = 'ReplicaFailure'
export const ReplicaSetReplicaFailure = 'ReplicaFailure'

// Progressing reasons.
export const ReplicaSetUpdatedReason = 'ReplicaSetUpdated'
export const FailedRSCreateReason = 'ReplicaSetCreateError'
export const NewReplicaSetReason = 'NewReplicaSetCreated'
export const FoundNewRSReason = 'FoundNewReplicaSet'
export const NewRSAvailableReason = 'NewReplicaSetAvailable'
export const TimedOutReason = 'ProgressDeadlineExceeded'
export const PausedDeployReason = 'DeploymentPaused'
export const ResumedDeployReason = 'DeploymentResumed'
// Available reasons.
export const MinimumReplicasAvailable = 'MinimumReplicasAvailable'
export const MinimumReplicasUnavailable = 'MinimumReplicasUnavailable'

// Condition messages, word for word from sync.go and progress.go.
export const minimumAvailabilityMessage = 'Deployment has minimum availability.'
export const noMinimumAvailabilityMessage = 'Deployment does not have minimum availability.'
export const pausedMessage = 'Deployment is paused'
export const resumedMessage = 'Deployment is resumed'
export const createdNewRSMessage = (rsName: string): string => `Created new replica set "${rsName}"`
export const foundNewRSMessage = (rsName: string): string => `Found new replica set "${rsName}"`
export const failedRSCreateMessage = (rsName: string, err: string): string =>
  `Failed to create new replica set "${rsName}": ${err}`
// progress.go: the ReplicaSet form when there is a new ReplicaSet, the Deployment form otherwise.
export const successfullyProgressedMessage = (deploymentName: string, newRSName?: string): string =>
  newRSName !== undefined ? `ReplicaSet "${newRSName}" has successfully progressed.`
    : `Deployment "${deploymentName}" has successfully progressed.`
export const progressingMessage = (deploymentName: string, newRSName?: string): string =>
  newRSName !== undefined ? `ReplicaSet "${newRSName}" is progressing.`
    : `Deployment "${deploymentName}" is progressing.`
export const timedOutMessage = (deploymentName: string, newRSName?: string): string =>
  newRSName !== undefined ? `ReplicaSet "${newRSName}" has timed out progressing.`
    : `Deployment "${deploymentName}" has timed out progressing.`

export type ConditionStatus = 'True' | 'False' | 'Unknown'

/** newDeploymentCondition stamps both times with now, as upstream does with metav1.Now(). */
export function newDeploymentCondition(
  type: string, status: ConditionStatus, reason: string, message: string, now: string,
): DeploymentCondition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message }
}

export function getDeploymentCondition(
  status: DeploymentStatus | undefined, type: string,
): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type)
}

function filterOutCondition(
  conditions: readonly DeploymentCondition[] | undefined, type: string,
): DeploymentCondition[] {
  return (conditions ?? []).filter((c) => c.type !== type)
}

/**
 * setDeploymentCondition adds or replaces the condition of its type. Same status and reason: nothing changes.
 * Same status, other reason: lastTransitionTime is kept. The new condition goes last, as upstream appends.
 */
export function setDeploymentCondition<S extends DeploymentStatus>(status: S, condition: DeploymentCondition): S {
  const current = getDeploymentCondition(status, condition.type)
  if (current && current.status === condition.status && current.reason === condition.reason) return status
  const next = current && current.status === condition.status
    ? { ...condition, lastTransitionTime: current.lastTransitionTime }
    : condition
  return { ...status, conditions: [...filterOutCondition(status.conditions, condition.type), next] }
}

/** removeDeploymentCondition drops the condition of the given type (upstream leaves a nil slice: undefined). */
export function removeDeploymentCondition<S extends DeploymentStatus>(status: S, type: string): S {
  const conditions = filterOutCondition(status.conditions, type)
  return { ...status, conditions: conditions.length > 0 ? conditions : undefined }
}

/** replicaSetToDeploymentCondition promotes a ReplicaSet failure condition into a deployment condition. */
export function replicaSetToDeploymentCondition(cond: ReplicaSetCondition): DeploymentCondition {
  return {
    type: cond.type,
    status: cond.status,
    lastTransitionTime: cond.lastTransitionTime,
    lastUpdateTime: cond.lastTransitionTime,
    reason: cond.reason,
    message: cond.message,
  }
}
