/**
 * Mirrors pkg/controller/deployment/rolling.go (v1.35): the RollingUpdate steps as plans. The shell applies each
 * step with scaleReplicaSet (an Update of the ReplicaSet plus a ScalingReplicaSet event, see events.ts).
 */
import type { Deployment, ReplicaSet } from '../../api/types.ts'
import { scalingOperation, type ScalingOperation } from './events.ts'
import { byCreationTimestamp, sortReplicaSets, specReplicas } from './replicasets.ts'
import {
  getAvailableReplicaCountForReplicaSets, getReplicaCountForReplicaSets, maxUnavailable, newRSNewReplicas,
} from './util.ts'

/**
 * ScaleStep is one scaleReplicaSet call: spec.replicas from → to, and the word of its ScalingReplicaSet event.
 * The shell turns it into an Update with applyScaleStep (sync.ts), which also refreshes the replicas annotations.
 */
export interface ScaleStep {
  rsName: string
  from: number
  to: number
  operation: ScalingOperation
}

function step(rs: ReplicaSet, to: number): ScaleStep {
  const from = specReplicas(rs)
  return { rsName: rs.metadata?.name ?? '', from, to, operation: scalingOperation(from, to) }
}

function withReplicas(rs: ReplicaSet, replicas: number): ReplicaSet {
  return { ...rs, spec: { ...(rs.spec ?? { selector: {} }), replicas } }
}

/**
 * reconcileNewReplicaSet: the new ReplicaSet's target size, or undefined when it stays as it is. Above
 * spec.replicas it goes straight down; below, it grows as far as maxSurge allows (newRSNewReplicas).
 */
export function reconcileNewReplicaSet(
  allRSs: readonly ReplicaSet[], newRS: ReplicaSet, d: Deployment,
): { ok: true; step: ScaleStep | undefined } | { ok: false; error: string } {
  const desired = d.spec?.replicas ?? 1
  const current = specReplicas(newRS)
  if (current === desired) return { ok: true, step: undefined }
  if (current > desired) return { ok: true, step: step(newRS, desired) }
  const r = newRSNewReplicas(d, allRSs, newRS)
  if (!r.ok) return r
  // scaleReplicaSetAndRecordEvent: no call when the size would not change.
  return { ok: true, step: r.replicas === current ? undefined : step(newRS, r.replicas) }
}

/**
 * cleanupUnhealthyReplicas scales old ReplicaSets down by their unavailable replicas, oldest first, at most
 * maxCleanupCount in all: removing pods that are not available cannot lower availability.
 * Returns the steps and the old ReplicaSets as they are after them.
 */
export function cleanupUnhealthyReplicas(
  oldRSs: readonly ReplicaSet[], maxCleanupCount: number,
): { steps: ScaleStep[]; oldRSs: ReplicaSet[]; cleanupCount: number } {
  const sorted = sortReplicaSets(oldRSs, byCreationTimestamp)
  const steps: ScaleStep[] = []
  let totalScaledDown = 0
  for (let i = 0; i < sorted.length; i++) {
    if (totalScaledDown >= maxCleanupCount) break
    const targetRS = sorted[i]
    const replicas = specReplicas(targetRS)
    if (replicas === 0) continue
    const available = targetRS.status?.availableReplicas ?? 0
    if (replicas === available) continue
    const scaledDownCount = Math.min(maxCleanupCount - totalScaledDown, replicas - available)
    const newReplicasCount = replicas - scaledDownCount
    steps.push(step(targetRS, newReplicasCount))
    sorted[i] = withReplicas(targetRS, newReplicasCount)
    totalScaledDown += scaledDownCount
  }
  return { steps, oldRSs: sorted, cleanupCount: totalScaledDown }
}

/**
 * scaleDownOldReplicaSetsForRollingUpdate scales old ReplicaSets down, oldest first, by as many replicas as are
 * available beyond spec.replicas - maxUnavailable.
 */
export function scaleDownOldReplicaSetsForRollingUpdate(
  allRSs: readonly ReplicaSet[], oldRSs: readonly ReplicaSet[], d: Deployment,
): { steps: ScaleStep[]; scaledDownCount: number } {
  const minAvailable = (d.spec?.replicas ?? 1) - maxUnavailable(d)
  const availablePodCount = getAvailableReplicaCountForReplicaSets(allRSs)
  if (availablePodCount <= minAvailable) return { steps: [], scaledDownCount: 0 }
  const steps: ScaleStep[] = []
  let totalScaledDown = 0
  const totalScaleDownCount = availablePodCount - minAvailable
  for (const targetRS of sortReplicaSets(oldRSs, byCreationTimestamp)) {
    if (totalScaledDown >= totalScaleDownCount) break
    const replicas = specReplicas(targetRS)
    if (replicas === 0) continue
    const scaleDownCount = Math.min(replicas, totalScaleDownCount - totalScaledDown)
    steps.push(step(targetRS, replicas - scaleDownCount))
    totalScaledDown += scaleDownCount
  }
  return { steps, scaledDownCount: totalScaledDown }
}

/**
 * reconcileOldReplicaSets plans the scale-down of old ReplicaSets: first their unhealthy replicas, then healthy
 * ones while availability allows. Unavailable pods of the new ReplicaSet count against the budget so a broken
 * new template never drains the old one. The shell passes the active old ReplicaSets (FilterActiveReplicaSets).
 */
export function reconcileOldReplicaSets(
  allRSs: readonly ReplicaSet[], oldRSs: readonly ReplicaSet[], newRS: ReplicaSet, d: Deployment,
): { cleanup: ScaleStep[]; scaleDown: ScaleStep[]; scaled: boolean } {
  const none = { cleanup: [], scaleDown: [], scaled: false }
  const oldPodsCount = getReplicaCountForReplicaSets(oldRSs)
  if (oldPodsCount === 0) return none
  const allPodsCount = getReplicaCountForReplicaSets(allRSs)
  const minAvailable = (d.spec?.replicas ?? 1) - maxUnavailable(d)
  const newRSUnavailablePodCount = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0)
  const maxScaledDown = allPodsCount - minAvailable - newRSUnavailablePodCount
  if (maxScaledDown <= 0) return none
  const cleaned = cleanupUnhealthyReplicas(oldRSs, maxScaledDown)
  const scaled = scaleDownOldReplicaSetsForRollingUpdate([...cleaned.oldRSs, newRS], cleaned.oldRSs, d)
  return {
    cleanup: cleaned.steps,
    scaleDown: scaled.steps,
    scaled: cleaned.cleanupCount + scaled.scaledDownCount > 0,
  }
}
