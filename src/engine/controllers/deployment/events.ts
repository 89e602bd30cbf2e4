/**
 * Event reasons and messages the deployment controller records on a Deployment, word for word from
 * pkg/controller/deployment/sync.go (scaleReplicaSet, getNewReplicaSet), deployment_controller.go (syncDeployment)
 * and rollback.go (emitRollbackWarningEvent / emitRollbackNormalEvent); reasons from util/deployment_util.go.
 * The shell passes these to the event recorder; the source component is "deployment-controller".
 */
import { FailedRSCreateReason } from './conditions.ts'

export const deploymentControllerComponent = 'deployment-controller'

export type ScalingOperation = 'up' | 'down'

export interface DeploymentEvent {
  type: 'Normal' | 'Warning'
  reason: string
  message: string
}

export const ScalingReplicaSetReason = 'ScalingReplicaSet'
export const SelectingAllReason = 'SelectingAll'
export const RollbackRevisionNotFound = 'DeploymentRollbackRevisionNotFound'
export const RollbackTemplateUnchanged = 'DeploymentRollbackTemplateUnchanged'
export const RollbackDone = 'DeploymentRollback'

/** scalingOperation is "up" when the ReplicaSet grows, "down" otherwise (scaleReplicaSetAndRecordEvent). */
export function scalingOperation(from: number, to: number): ScalingOperation {
  return from < to ? 'up' : 'down'
}

/** scaledReplicaSetEvent: `Scaled up replica set web-5d4b8c7f9 from 1 to 3` (scaleReplicaSet). */
export function scaledReplicaSetEvent(
  operation: ScalingOperation, rsName: string, from: number, to: number,
): DeploymentEvent {
  return {
    type: 'Normal', reason: ScalingReplicaSetReason,
    message: `Scaled ${operation} replica set ${rsName} from ${from} to ${to}`,
  }
}

/** createdReplicaSetEvent: a new ReplicaSet created with replicas > 0 (getNewReplicaSet). */
export function createdReplicaSetEvent(rsName: string, replicas: number): DeploymentEvent {
  return {
    type: 'Normal', reason: ScalingReplicaSetReason, message: `Scaled up replica set ${rsName} from 0 to ${replicas}`,
  }
}

/** failedReplicaSetCreateEvent: creating the new ReplicaSet failed (getNewReplicaSet). */
export function failedReplicaSetCreateEvent(rsName: string, err: string): DeploymentEvent {
  return {
    type: 'Warning', reason: FailedRSCreateReason, message: `Failed to create new replica set "${rsName}": ${err}`,
  }
}

/** selectingAllEvent: a Deployment with an empty selector is not synced (syncDeployment). */
export function selectingAllEvent(): DeploymentEvent {
  return {
    type: 'Warning', reason: SelectingAllReason,
    message: 'This deployment is selecting all pods. A non-empty selector is required.',
  }
}

/** Rollback through the deprecated.deployment.rollback.to annotation (rollback.go). */
export function rollbackLastRevisionNotFoundEvent(): DeploymentEvent {
  return { type: 'Warning', reason: RollbackRevisionNotFound, message: 'Unable to find last revision.' }
}

export function rollbackRevisionNotFoundEvent(): DeploymentEvent {
  return { type: 'Warning', reason: RollbackRevisionNotFound, message: 'Unable to find the revision to rollback to.' }
}

export function rollbackTemplateUnchangedEvent(deploymentName: string): DeploymentEvent {
  return {
    type: 'Warning', reason: RollbackTemplateUnchanged,
    message: `The rollback revision contains the same template as current deployment "${deploymentName}"`,
  }
}

export function rollbackDoneEvent(deploymentName: string, toRevision: number): DeploymentEvent {
  return {
    type: 'Normal', reason: RollbackDone,
    message: `Rolled back deployment "${deploymentName}" to revision ${toRevision}`,
  }
}
