/**
 * Mirrors pkg/controller/deployment/progress.go (syncRolloutStatus, getReplicaFailures, requeueStuckDeployment)
 * and checkPausedConditions of sync.go (v1.35). `now` is RFC3339; durations are microseconds of virtual time.
 */
import type { Deployment, DeploymentCondition, ReplicaSet } from '../../api/types.ts'
import {
  DeploymentProgressing, DeploymentReplicaFailure, getDeploymentCondition, newDeploymentCondition,
  NewRSAvailableReason, PausedDeployReason, pausedMessage, progressingMessage, removeDeploymentCondition,
  replicaSetToDeploymentCondition, ReplicaSetReplicaFailure, ReplicaSetUpdatedReason, ResumedDeployReason,
  resumedMessage, setDeploymentCondition, successfullyProgressedMessage, timedOutMessage, TimedOutReason,
} from './conditions.ts'
import { calculateStatus } from './sync.ts'
import {
  deploymentComplete, deploymentProgressing, deploymentTimedOut, type DeploymentStatusV135, hasProgressDeadline,
  semanticDeepEqual,
} from './util.ts'

const usPerSecond = 1_000_000

/** getReplicaFailures: ReplicaFailure conditions of the new ReplicaSet, else of any ReplicaSet. */
export function getReplicaFailures(
  allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined,
): DeploymentCondition[] {
  const failuresOf = (rs: ReplicaSet): DeploymentCondition[] =>
    (rs.status?.conditions ?? []).filter((c) => c.type === ReplicaSetReplicaFailure)
      .map(replicaSetToDeploymentCondition)
  if (newRS) {
    const own = failuresOf(newRS)
    if (own.length > 0) return own
  }
  return allRSs.flatMap((rs) => (rs ? failuresOf(rs) : []))
}

/**
 * RequeueDecision is requeueStuckDeployment's answer: never (-1 upstream), now (rate limited, 0 upstream), or
 * after `after` µs, enqueued after `after` + 1 s as upstream does to absorb clock skew.
 */
export type RequeueDecision =
  | { kind: 'none' }
  | { kind: 'now' }
  | { kind: 'after'; after: number; enqueueAfter: number }

/**
 * requeueStuckDeployment: when a rollout shows no progress, look again when its Progressing condition would pass
 * the deadline (lastUpdateTime + progressDeadlineSeconds - now); under a second, look again now.
 */
export function requeueStuckDeployment(d: Deployment, newStatus: DeploymentStatusV135, now: string): RequeueDecision {
  const currentCond = getDeploymentCondition(d.status, DeploymentProgressing)
  if (!hasProgressDeadline(d) || !currentCond) return { kind: 'none' }
  if (deploymentComplete(d, newStatus) || currentCond.reason === TimedOutReason) return { kind: 'none' }
  const lastUpdate = Date.parse(currentCond.lastUpdateTime ?? '') * 1000
  const after = lastUpdate + (d.spec?.progressDeadlineSeconds ?? 0) * usPerSecond - Date.parse(now) * 1000
  if (after < usPerSecond) return { kind: 'now' }
  return { kind: 'after', after, enqueueAfter: after + usPerSecond }
}

/**
 * syncRolloutStatus: the new status with the Progressing condition (NewReplicaSetAvailable, ReplicaSetUpdated or
 * ProgressDeadlineExceeded) and any ReplicaFailure. changed false means no UpdateStatus: then `requeue` says when
 * to check the deadline again.
 */
export function syncRolloutStatus(
  allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment, now: string,
): { status: DeploymentStatusV135; changed: boolean; requeue: RequeueDecision } {
  let newStatus = calculateStatus(allRSs, newRS, d, now)
  if (!hasProgressDeadline(d)) newStatus = removeDeploymentCondition(newStatus, DeploymentProgressing)
  const currentCond = getDeploymentCondition(d.status, DeploymentProgressing)
  // A finished rollout being resynced: no progress to estimate.
  const isCompleteDeployment = newStatus.replicas === newStatus.updatedReplicas &&
    currentCond !== undefined && currentCond.reason === NewRSAvailableReason
  const name = d.metadata?.name ?? ''
  const rsName = newRS?.metadata?.name
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    if (deploymentComplete(d, newStatus)) {
      const c = newDeploymentCondition(DeploymentProgressing, 'True', NewRSAvailableReason,
        successfullyProgressedMessage(name, rsName), now)
      newStatus = setDeploymentCondition(newStatus, c)
    } else if (deploymentProgressing(d, newStatus)) {
      let c = newDeploymentCondition(DeploymentProgressing, 'True', ReplicaSetUpdatedReason,
        progressingMessage(name, rsName), now)
      // Progress refreshes lastUpdateTime even with the same reason, which setDeploymentCondition would skip.
      if (currentCond) {
        if (currentCond.status === 'True') c = { ...c, lastTransitionTime: currentCond.lastTransitionTime }
        newStatus = removeDeploymentCondition(newStatus, DeploymentProgressing)
      }
      newStatus = setDeploymentCondition(newStatus, c)
    } else if (deploymentTimedOut(d, newStatus, now)) {
      const c = newDeploymentCondition(DeploymentProgressing, 'False', TimedOutReason,
        timedOutMessage(name, rsName), now)
      newStatus = setDeploymentCondition(newStatus, c)
    }
  }
  const failures = getReplicaFailures(allRSs, newRS)
  newStatus = failures.length > 0
    ? setDeploymentCondition(newStatus, failures[0])
    : removeDeploymentCondition(newStatus, DeploymentReplicaFailure)
  if (semanticDeepEqual(d.status ?? {}, newStatus)) {
    return { status: newStatus, changed: false, requeue: requeueStuckDeployment(d, newStatus, now) }
  }
  return { status: newStatus, changed: true, requeue: { kind: 'none' } }
}

/**
 * checkPausedConditions: a paused Deployment gets Progressing Unknown/DeploymentPaused, a resumed one
 * Unknown/DeploymentResumed, so time spent paused never counts against the deadline. undefined: no update.
 * A ProgressDeadlineExceeded condition is never overwritten.
 */
export function checkPausedConditions(d: Deployment, now: string): DeploymentStatusV135 | undefined {
  if (!hasProgressDeadline(d)) return undefined
  const cond = getDeploymentCondition(d.status, DeploymentProgressing)
  if (cond && cond.reason === TimedOutReason) return undefined
  const pausedCondExists = cond !== undefined && cond.reason === PausedDeployReason
  const status = d.status ?? {}
  if (d.spec?.paused === true && !pausedCondExists) {
    return setDeploymentCondition(status,
      newDeploymentCondition(DeploymentProgressing, 'Unknown', PausedDeployReason, pausedMessage, now))
  }
  if (d.spec?.paused !== true && pausedCondExists) {
    return setDeploymentCondition(status,
      newDeploymentCondition(DeploymentProgressing, 'Unknown', ResumedDeployReason, resumedMessage, now))
  }
  return undefined
}
