/**
 * Mirrors the annotation constants and helpers of pkg/controller/deployment/util/deployment_util.go (v1.35):
 * revision, revision-history, desired-replicas and max-replicas, and the annotations never copied between a
 * Deployment and its ReplicaSets.
 */
import type { ReplicaSet } from '../../api/types.ts'

export { RevisionAnnotation, revision } from './replicasets.ts'
import { RevisionAnnotation } from './replicasets.ts'
export const RevisionHistoryAnnotation = 'deployment.kubernetes.io/revision-history'
export const DesiredReplicasAnnotation = 'deployment.kubernetes.io/desired-replicas'
export const MaxReplicasAnnotation = 'deployment.kubernetes.io/max-replicas'
/** DefaultDeploymentUniqueLabelKey (apps/v1): the label that keeps ReplicaSets of one Deployment apart. */
export const DefaultDeploymentUniqueLabelKey = 'pod-template-hash'
export const LastAppliedConfigAnnotation = 'kubectl.kubernetes.io/last-applied-configuration'
export const DeprecatedRollbackTo = 'deprecated.deployment.rollback.to'
/** maxRevHistoryLengthInChars (deployment_controller.go) bounds the revision-history annotation. */
export const maxRevHistoryLengthInChars = 2000
export const RollingUpdateDeploymentStrategyType = 'RollingUpdate'
export const RecreateDeploymentStrategyType = 'Recreate'
const maxInt32 = 2147483647

const annotationsToSkip = new Set([
  LastAppliedConfigAnnotation, RevisionAnnotation, RevisionHistoryAnnotation, DesiredReplicasAnnotation,
  MaxReplicasAnnotation, DeprecatedRollbackTo,
])
/** skipCopyAnnotation: annotations the controller owns, never copied between Deployment and ReplicaSet. */
export function skipCopyAnnotation(key: string): boolean {
  return annotationsToSkip.has(key)
}

export type Annotations = Record<string, string>

/**
 * setReplicasAnnotations writes desired-replicas and max-replicas; changed says whether either differed.
 */
export function setReplicasAnnotations(
  annotations: Annotations | undefined, desiredReplicas: number, maxReplicas: number,
): { annotations: Annotations; changed: boolean } {
  const out: Annotations = { ...(annotations ?? {}) }
  let changed = false
  if (out[DesiredReplicasAnnotation] !== String(desiredReplicas)) {
    out[DesiredReplicasAnnotation] = String(desiredReplicas)
    changed = true
  }
  if (out[MaxReplicasAnnotation] !== String(maxReplicas)) {
    out[MaxReplicasAnnotation] = String(maxReplicas)
    changed = true
  }
  return { annotations: out, changed }
}

/** replicasAnnotationsNeedUpdate: would setReplicasAnnotations change anything? */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSet, desiredReplicas: number, maxReplicas: number): boolean {
  const a = rs.metadata?.annotations
  if (!a) return true
  return a[DesiredReplicasAnnotation] !== String(desiredReplicas) || a[MaxReplicasAnnotation] !== String(maxReplicas)
}

/** getNonNegativeInt32FromAnnotation: the annotation as a non-negative int32, or undefined. */
function nonNegativeInt32Annotation(rs: ReplicaSet, key: string): number | undefined {
  const v = rs.metadata?.annotations?.[key]
  if (v === undefined || !/^[0-9]+$/.test(v)) return undefined
  const n = parseInt(v, 10)
  return n > maxInt32 ? undefined : n
}

export function getDesiredReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return nonNegativeInt32Annotation(rs, DesiredReplicasAnnotation)
}

export function getMaxReplicasAnnotation(rs: ReplicaSet): number | undefined {
  return nonNegativeInt32Annotation(rs, MaxReplicasAnnotation)
}
