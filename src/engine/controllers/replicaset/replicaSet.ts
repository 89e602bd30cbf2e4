/**
 * The replicaset controller's decisions as plans: which pods it claims, adopts and releases, how many pods it
 * creates (in slow-start batches) or which it deletes.
 * Mirrors: kubernetes/kubernetes pkg/controller/replicaset/replica_set.go (v1.35: syncReplicaSet's pod
 * filtering, manageReplicas, getPodsToDelete, getPodsRankedByRelatedPodsOnSameNode, getIndirectlyRelatedPods,
 * getReplicaSetsWithSameController) and pkg/controller/controller_ref_manager.go (ClaimPods / ClaimObject,
 * ownerRefControllerPatch, GenerateDeleteOwnerRefStrategicMergeBytes).
 */
import { podKey as sharedPodKey } from '../../api/podKey.ts'
import { matchesLabelSelector } from '../../api/labels.ts'
import type { OwnerReference, Pod, ReplicaSet } from '../../api/types.ts'
import {
  type GroupVersionKind, getControllerOf, getPodFromTemplate, isPodActive, newControllerRef, slowStartBatch,
  SlowStartInitialBatchSize, sortActivePodsWithRanks,
} from '../controllerUtils.ts'

/** The GroupVersionKind the replicaset controller acts as (NewReplicaSetController). */
export const replicaSetKind: GroupVersionKind = { group: 'apps', version: 'v1', kind: 'ReplicaSet' }

/** BurstReplicas (replica_set.go): at most this many pod creates or deletes in one sync. */
export const BurstReplicas = 500

/** The event source component the controller records under (NewReplicaSetController's recorder). */
export const replicaSetControllerComponent = 'replicaset-controller'

/** desiredReplicas: spec.replicas (defaulted to 1 by the apiserver; absent here means that default). */
export const desiredReplicas = (rs: ReplicaSet): number => rs.spec?.replicas ?? 1

// ---- ClaimPods ----

/** A strategic-merge patch body for a pod's metadata (adopt or release). */
export interface OwnerRefPatch {
  metadata: {
    ownerReferences: Array<OwnerReference | { $patch: 'delete'; uid: string }>
    uid: string
  }
}

/** ClaimPlan: the pods the controller now owns, and the patches ClaimPods would send. */
export interface ClaimPlan {
  /** Already owned and matching, or to be adopted (upstream returns adopted pods as claimed once patched). */
  claimed: Pod[]
  adopt: Array<{ pod: Pod; patch: OwnerRefPatch }>
  release: Array<{ pod: Pod; patch: OwnerRefPatch }>
}

/** ownerRefControllerPatch: adds the controller reference, with the pod's uid as a precondition. */
export function adoptPatch(rs: ReplicaSet, pod: Pod, gvk: GroupVersionKind = replicaSetKind): OwnerRefPatch {
  return { metadata: { ownerReferences: [newControllerRef(rs, gvk)], uid: pod.metadata?.uid ?? '' } }
}

/** GenerateDeleteOwnerRefStrategicMergeBytes: removes the owner's reference by uid. */
export function releasePatch(rs: ReplicaSet, pod: Pod): OwnerRefPatch {
  return {
    metadata: { ownerReferences: [{ $patch: 'delete', uid: rs.metadata?.uid ?? '' }], uid: pod.metadata?.uid ?? '' },
  }
}

/**
 * claimPods is PodControllerRefManager.ClaimPods for one ReplicaSet over the pods it listed (the active pods of
 * its namespace): a pod owned by another controller is ignored; one it owns that still matches the selector is
 * claimed; one it owns that no longer matches is released (unless the ReplicaSet is being deleted); an orphan
 * that matches, is not being deleted and is in its namespace is adopted (unless the ReplicaSet is being deleted).
 * Simplified: the fresh GET that RecheckDeletionTimestamp does before the first adoption is the caller's.
 */
export function claimPods(rs: ReplicaSet, pods: readonly Pod[]): ClaimPlan {
  const plan: ClaimPlan = { claimed: [], adopt: [], release: [] }
  const uid = rs.metadata?.uid ?? ''
  const beingDeleted = !!rs.metadata?.deletionTimestamp
  const match = (p: Pod): boolean => matchesLabelSelector(rs.spec?.selector, p.metadata?.labels)
  for (const pod of pods) {
    const ref = getControllerOf(pod.metadata)
    if (ref) {
      if (ref.uid !== uid) continue
      if (match(pod)) plan.claimed.push(pod)
      else if (!beingDeleted) plan.release.push({ pod, patch: releasePatch(rs, pod) })
      continue
    }
    if (beingDeleted || !match(pod)) continue
    if (pod.metadata?.deletionTimestamp) continue
    const ns = rs.metadata?.namespace ?? ''
    if (ns && ns !== (pod.metadata?.namespace ?? '')) continue
    plan.adopt.push({ pod, patch: adoptPatch(rs, pod) })
    plan.claimed.push(pod)
  }
  return plan
}

// ---- related pods and ranking ----

/**
 * getReplicaSetsWithSameController: the ReplicaSets (this one included) whose controller has the same uid as
 * this one's. None when this ReplicaSet has no controller.
 */
export function getReplicaSetsWithSameController(rs: ReplicaSet, all: readonly ReplicaSet[]): ReplicaSet[] {
  const ref = getControllerOf(rs.metadata)
  if (!ref) return []
  return all.filter((o) => getControllerOf(o.metadata)?.uid === ref.uid)
}

/**
 * getIndirectlyRelatedPods: the pods (of the namespace) matched by the selector of any ReplicaSet that shares
 * this one's controller, each once.
 */
export function getIndirectlyRelatedPods(rs: ReplicaSet, allReplicaSets: readonly ReplicaSet[],
  namespacePods: readonly Pod[]): Pod[] {
  const seen = new Set<string>()
  const related: Pod[] = []
  for (const other of getReplicaSetsWithSameController(rs, allReplicaSets)) {
    for (const pod of namespacePods) {
      if ((pod.metadata?.namespace ?? '') !== (other.metadata?.namespace ?? '')) continue
      if (!matchesLabelSelector(other.spec?.selector, pod.metadata?.labels)) continue
      const key = pod.metadata?.uid ?? pod.metadata?.name ?? ''
      if (seen.has(key)) continue
      seen.add(key)
      related.push(pod)
    }
  }
  return related
}

/**
 * getPodsRankedByRelatedPodsOnSameNode: each pod's rank is the number of active related pods on its node
 * (unassigned pods share the "" node).
 */
export function getPodsRankedByRelatedPodsOnSameNode(podsToRank: readonly Pod[], relatedPods: readonly Pod[],
  now?: string): { pods: readonly Pod[]; rank: number[]; now?: string } {
  const onNode = new Map<string, number>()
  for (const p of relatedPods) {
    if (!isPodActive(p)) continue
    const n = p.spec?.nodeName ?? ''
    onNode.set(n, (onNode.get(n) ?? 0) + 1)
  }
  return { pods: podsToRank, rank: podsToRank.map((p) => onNode.get(p.spec?.nodeName ?? '') ?? 0), now }
}

/**
 * getPodsToDelete: the first `diff` pods in ActivePodsWithRanks order (not sorted at all when every pod goes).
 * `now` is the controller's metav1.Now() at ranking time.
 */
export function getPodsToDelete(filteredPods: readonly Pod[], relatedPods: readonly Pod[], diff: number,
  now: string): Pod[] {
  if (diff < filteredPods.length) {
    return sortActivePodsWithRanks(getPodsRankedByRelatedPodsOnSameNode(filteredPods, relatedPods, now)).slice(0, diff)
  }
  return filteredPods.slice(0, diff)
}

// ---- manageReplicas ----

/** What one manageReplicas call does. */
export type ManageReplicasPlan =
  | { action: 'none' }
  /**
   * POST `count` copies of `pod` (generateName) in `batches` (slow start); the controller expects `count`
   * creations and, after a batch with a failure, lowers that by the pods it skipped.
   */
  | { action: 'create'; count: number; batches: number[]; pod: Pod }
  /** DELETE these pods (all at once, in parallel); the controller expects their deletions by key. */
  | { action: 'delete'; pods: Pod[] }

/**
 * manageReplicas as a plan, for the ReplicaSet's claimed active pods: too few → create the difference (at most
 * burstReplicas) from the template with the controller reference; too many → delete the difference (at most
 * burstReplicas) chosen by getPodsToDelete over the related pods.
 */
export function manageReplicas(activePods: readonly Pod[], rs: ReplicaSet, relatedPods: readonly Pod[], now: string,
  burstReplicas = BurstReplicas): ManageReplicasPlan {
  let diff = activePods.length - desiredReplicas(rs)
  if (diff < 0) {
    diff = Math.min(-diff, burstReplicas)
    const template = rs.spec?.template ?? {}
    const pod = getPodFromTemplate(template, rs, newControllerRef(rs, replicaSetKind))
    return { action: 'create', count: diff, batches: slowStartBatch(diff, SlowStartInitialBatchSize), pod }
  }
  if (diff > 0) {
    diff = Math.min(diff, burstReplicas)
    return { action: 'delete', pods: getPodsToDelete(activePods, relatedPods, diff, now) }
  }
  return { action: 'none' }
}

/** podKey (controller.PodKey): "namespace/name", the key deletion expectations are tracked by. */
export const podKey = (pod: Pod): string => sharedPodKey(pod.metadata?.namespace ?? '', pod.metadata?.name ?? '')
