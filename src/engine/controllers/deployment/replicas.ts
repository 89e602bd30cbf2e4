/**
 * Mirrors the replica arithmetic of pkg/controller/deployment/util/deployment_util.go (v1.35): maxSurge /
 * maxUnavailable fenceposts, replica counts over ReplicaSets, newRSNewReplicas, IsSaturated and the proportions
 * used by proportional scaling.
 */
import type { Deployment, DeploymentStatus, ReplicaSet, ReplicaSetStatus } from '../../api/types.ts'
import {
  DesiredReplicasAnnotation, getMaxReplicasAnnotation, RecreateDeploymentStrategyType,
  RollingUpdateDeploymentStrategyType,
} from './annotations.ts'
import { getScaledValueFromIntOrPercent, type IntOrString } from './intstr.ts'
import { specReplicas } from './replicasets.ts'

/**
 * v1.35 status fields newer than the `kubernetes-types` package: terminatingReplicas (feature
 * DeploymentReplicaSetTerminatingReplicas, beta and on by default in v1.35, pkg/features/kube_features.go).
 */
export type DeploymentStatusV135 = DeploymentStatus & { terminatingReplicas?: number }
export type ReplicaSetStatusV135 = ReplicaSetStatus & { terminatingReplicas?: number }

function terminatingReplicasOf(status: ReplicaSetStatus | undefined): number | undefined {
  if (status && 'terminatingReplicas' in status && typeof status.terminatingReplicas === 'number') {
    return status.terminatingReplicas
  }
  return undefined
}

export function deploymentReplicas(d: Deployment): number {
  return d.spec?.replicas ?? 1
}

export function isRollingUpdate(d: Deployment): boolean {
  return d.spec?.strategy?.type === RollingUpdateDeploymentStrategyType
}

/**
 * resolveFenceposts turns maxSurge / maxUnavailable (int or percent) into absolute numbers for `desired`
 * replicas: surge rounds up, unavailable down; both zero makes unavailable 1 (surge might be blocked by quota).
 */
export function resolveFenceposts(
  maxSurgeValue: IntOrString | undefined, maxUnavailableValue: IntOrString | undefined, desired: number,
): { ok: true; surge: number; unavailable: number } | { ok: false; error: string } {
  const surge = getScaledValueFromIntOrPercent(maxSurgeValue ?? 0, desired, true)
  if (!surge.ok) return surge
  const unavailable = getScaledValueFromIntOrPercent(maxUnavailableValue ?? 0, desired, false)
  if (!unavailable.ok) return unavailable
  if (surge.value === 0 && unavailable.value === 0) return { ok: true, surge: 0, unavailable: 1 }
  return { ok: true, surge: surge.value, unavailable: unavailable.value }
}

/** maxUnavailable: 0 unless RollingUpdate; never more than spec.replicas. Errors count as 0 as upstream. */
export function maxUnavailable(d: Deployment): number {
  const replicas = deploymentReplicas(d)
  if (!isRollingUpdate(d) || replicas === 0) return 0
  const ru = d.spec?.strategy?.rollingUpdate
  const r = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicas)
  const value = r.ok ? r.unavailable : 0
  return value > replicas ? replicas : value
}

/** minAvailable is spec.replicas - maxUnavailable for RollingUpdate, 0 otherwise. */
export function minAvailable(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0
  return deploymentReplicas(d) - maxUnavailable(d)
}

/** maxSurge: 0 unless RollingUpdate. */
export function maxSurge(d: Deployment): number {
  if (!isRollingUpdate(d)) return 0
  const ru = d.spec?.strategy?.rollingUpdate
  const r = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, deploymentReplicas(d))
  return r.ok ? r.surge : 0
}

/** getReplicaCountForReplicaSets sums spec.replicas. */
export function getReplicaCountForReplicaSets(rss: readonly (ReplicaSet | undefined)[]): number {
  return rss.reduce((n, rs) => (rs ? n + specReplicas(rs) : n), 0)
}

/** getActualReplicaCountForReplicaSets sums status.replicas. */
export function getActualReplicaCountForReplicaSets(rss: readonly (ReplicaSet | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0)
}

/** getReadyReplicaCountForReplicaSets sums status.readyReplicas. */
export function getReadyReplicaCountForReplicaSets(rss: readonly (ReplicaSet | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0)
}

/** getAvailableReplicaCountForReplicaSets sums status.availableReplicas. */
export function getAvailableReplicaCountForReplicaSets(rss: readonly (ReplicaSet | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0)
}

/**
 * getTerminatingReplicaCountForReplicaSets sums status.terminatingReplicas. ReplicaSets never synced
 * (observedGeneration 0, no count) do not count; a synced one without a count makes the sum unknown (undefined).
 */
export function getTerminatingReplicaCountForReplicaSets(rss: readonly (ReplicaSet | undefined)[]): number | undefined {
  let total = 0
  for (const rs of rss) {
    if (!rs) continue
    const t = terminatingReplicasOf(rs.status)
    if ((rs.status?.observedGeneration ?? 0) === 0 && t === undefined) continue
    if (t === undefined) return undefined
    total += t
  }
  return total
}

/**
 * newRSNewReplicas is how far the new ReplicaSet may scale up now: RollingUpdate stays within
 * spec.replicas + maxSurge pods in all; Recreate goes straight to spec.replicas.
 */
export function newRSNewReplicas(
  d: Deployment, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet,
): { ok: true; replicas: number } | { ok: false; error: string } {
  const strategyType = d.spec?.strategy?.type
  const replicas = deploymentReplicas(d)
  if (strategyType === RollingUpdateDeploymentStrategyType) {
    const surge = getScaledValueFromIntOrPercent(d.spec?.strategy?.rollingUpdate?.maxSurge, replicas, true)
    if (!surge.ok) return surge
    const currentPodCount = getReplicaCountForReplicaSets(allRSs)
    const maxTotalPods = replicas + surge.value
    if (currentPodCount >= maxTotalPods) return { ok: true, replicas: specReplicas(newRS) }
    const scaleUpCount = Math.min(maxTotalPods - currentPodCount, replicas - specReplicas(newRS))
    return { ok: true, replicas: specReplicas(newRS) + scaleUpCount }
  }
  if (strategyType === RecreateDeploymentStrategyType) return { ok: true, replicas }
  return { ok: false, error: `deployment type ${strategyType ?? ''} isn't supported` }
}

/** isSaturated: the new ReplicaSet runs all the Deployment's replicas, all available. */
export function isSaturated(d: Deployment, rs: ReplicaSet | undefined): boolean {
  if (!rs) return false
  const desiredString = rs.metadata?.annotations?.[DesiredReplicasAnnotation]
  if (desiredString === undefined || !/^[+-]?[0-9]+$/.test(desiredString)) return false
  const desired = parseInt(desiredString, 10)
  const replicas = deploymentReplicas(d)
  return specReplicas(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas
}

/** roundToInt32 is k8s.io/utils/integer.RoundToInt32: half away from zero. */
function roundToInt32(a: number): number {
  return a < 0 ? Math.trunc(a - 0.5) : Math.trunc(a + 0.5)
}

/**
 * getReplicaSetFraction estimates how many replicas a ReplicaSet gains or loses when the Deployment is resized
 * mid-rollout, from its share of the max-replicas annotation recorded at the last resize.
 */
export function getReplicaSetFraction(rs: ReplicaSet, d: Deployment): number {
  const replicas = deploymentReplicas(d)
  if (replicas === 0) return -specReplicas(rs)
  const deploymentMaxReplicas = replicas + maxSurge(d)
  let before = getMaxReplicasAnnotation(rs)
  if (before === undefined || before === 0) {
    // Annotation removed or zeroed by someone else: fall back to the current size (approximate).
    before = d.status?.replicas ?? 0
    if (before === 0) return 0
  }
  const scaleBase = specReplicas(rs)
  return roundToInt32((scaleBase * deploymentMaxReplicas) / before) - specReplicas(rs)
}

/** getReplicaSetProportion: the fraction, capped by what is still left to add (or remove). */
export function getReplicaSetProportion(
  rs: ReplicaSet | undefined, d: Deployment, deploymentReplicasToAdd: number, deploymentReplicasAdded: number,
): number {
  if (!rs || specReplicas(rs) === 0 || deploymentReplicasToAdd === 0 ||
    deploymentReplicasToAdd === deploymentReplicasAdded) return 0
  const rsFraction = getReplicaSetFraction(rs, d)
  const allowed = deploymentReplicasToAdd - deploymentReplicasAdded
  return deploymentReplicasToAdd > 0 ? Math.min(rsFraction, allowed) : Math.max(rsFraction, allowed)
}
