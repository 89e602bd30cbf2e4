/**
 * The garbage collector's decisions as plans: what it does with one dependent (attemptToDeleteItem), the
 * cascade a background delete sets off (Deployment → ReplicaSets → Pods), and the patches an orphaning delete
 * makes.
 * Mirrors: kubernetes/kubernetes pkg/controller/garbagecollector/garbagecollector.go (attemptToDeleteItem,
 * classifyReferences, isDangling, attemptToOrphan / orphanDependents), patch.go
 * (GenerateDeleteOwnerRefStrategicMergeBytes) and operations.go (deleteObject's preconditions).
 * Events: the garbage collector records none for the deletes and patches it makes; its only event is the
 * graph builder's Warning OwnerRefInvalidNamespace ("ownerRef %s does not exist in namespace %q") for a
 * namespaced owner reference that resolves to nothing in the dependent's namespace — not modelled here.
 * Simplified: the graph is rebuilt from the objects passed in (upstream keeps an informer-fed graph and an
 * absent-owner cache, and confirms a dangling owner with a live GET by name).
 */
import type { KObject, OwnerReference } from '../../api/types.ts'

/** metav1.FinalizerOrphanDependents / FinalizerDeleteDependents. */
export const FinalizerOrphanDependents = 'orphan'
export const FinalizerDeleteDependents = 'foregroundDeletion'

export type DeletionPropagation = 'Orphan' | 'Background' | 'Foreground'

/** The strategic-merge patch that removes owner references by uid, with the dependent's uid as a precondition. */
export interface DeleteOwnerRefPatch {
  metadata: { ownerReferences: Array<{ $patch: 'delete'; uid: string }>; uid: string }
}

/** GenerateDeleteOwnerRefStrategicMergeBytes as data. */
export function deleteOwnerRefPatch(dependentUid: string, ownerUids: readonly string[]): DeleteOwnerRefPatch {
  const ownerReferences = ownerUids.map((uid) => ({ $patch: 'delete' as const, uid }))
  return { metadata: { ownerReferences, uid: dependentUid } }
}

/** What the garbage collector does with one dependent. */
export type GcAction =
  /** No owner references, or every owner is there and none is dangling or deleting its dependents. */
  | { action: 'none' }
  /** Some owners remain: drop the references to the gone (and foreground-deleting) owners. */
  | { action: 'removeOwnerReferences'; ownerUids: string[]; patch: DeleteOwnerRefPatch }
  /**
   * No owner remains: DELETE it, preconditioned on its uid and resourceVersion, with this propagation (its own
   * orphan or foregroundDeletion finalizer wins; else Foreground when an owner waits on it and it has dependents;
   * else Background).
   */
  | {
    action: 'delete'
    propagationPolicy: DeletionPropagation
    preconditions: { uid: string; resourceVersion?: string }
  }

const uidOf = (o: KObject): string => o.metadata?.uid ?? ''
const hasFinalizer = (o: KObject, f: string): boolean => (o.metadata?.finalizers ?? []).includes(f)

/** isDeletingDependents: being deleted with the foregroundDeletion finalizer. */
export function isDeletingDependents(o: KObject): boolean {
  return !!o.metadata?.deletionTimestamp && hasFinalizer(o, FinalizerDeleteDependents)
}

/**
 * resolveOwner: the live owner an owner reference points to — same uid, and (for a namespaced dependent) in the
 * dependent's namespace or cluster-scoped. Undefined is a dangling reference.
 */
function resolveOwner(ref: OwnerReference, dependent: KObject, objects: readonly KObject[]): KObject | undefined {
  const ns = dependent.metadata?.namespace ?? ''
  return objects.find((o) => uidOf(o) === ref.uid && o.kind === ref.kind
    && (!o.metadata?.namespace || o.metadata.namespace === ns))
}

/** classifyReferences: solid (owner there), dangling (owner gone), waiting (owner foreground-deleting, blocked). */
export function classifyReferences(item: KObject, objects: readonly KObject[]):
  { solid: OwnerReference[]; dangling: OwnerReference[]; waitingForDependentsDeletion: OwnerReference[] } {
  const out = {
    solid: [] as OwnerReference[], dangling: [] as OwnerReference[],
    waitingForDependentsDeletion: [] as OwnerReference[],
  }
  for (const ref of item.metadata?.ownerReferences ?? []) {
    const owner = resolveOwner(ref, item, objects)
    if (!owner) out.dangling.push(ref)
    else if (ref.blockOwnerDeletion === true && isDeletingDependents(owner)) out.waitingForDependentsDeletion.push(ref)
    else out.solid.push(ref)
  }
  return out
}

/** dependentsOf: the objects that list `ownerUid` among their owner references (the graph's dependents). */
export function dependentsOf(ownerUid: string, objects: readonly KObject[]): KObject[] {
  return objects.filter((o) => (o.metadata?.ownerReferences ?? []).some((r) => r.uid === ownerUid))
}

/**
 * attemptToDeleteItem for a dependent that is not itself deleting its dependents.
 * Simplified: the cycle check that unblocks owner references when a dependent is itself deleting its dependents
 * is left out.
 */
export function attemptToDeleteItem(item: KObject, objects: readonly KObject[]): GcAction {
  // Being deleted is a one-way trip: wait for the final deletion, then its dependents are handled.
  if (item.metadata?.deletionTimestamp && !isDeletingDependents(item)) return { action: 'none' }
  if (!(item.metadata?.ownerReferences ?? []).length) return { action: 'none' }
  const { solid, dangling, waitingForDependentsDeletion } = classifyReferences(item, objects)
  if (solid.length) {
    if (!dangling.length && !waitingForDependentsDeletion.length) return { action: 'none' }
    const ownerUids = [...dangling, ...waitingForDependentsDeletion].map((r) => r.uid)
    return { action: 'removeOwnerReferences', ownerUids, patch: deleteOwnerRefPatch(uidOf(item), ownerUids) }
  }
  const preconditions = { uid: uidOf(item), resourceVersion: item.metadata?.resourceVersion }
  if (waitingForDependentsDeletion.length && dependentsOf(uidOf(item), objects).length) {
    return { action: 'delete', propagationPolicy: 'Foreground', preconditions }
  }
  const propagationPolicy: DeletionPropagation = hasFinalizer(item, FinalizerOrphanDependents) ? 'Orphan'
    : hasFinalizer(item, FinalizerDeleteDependents) ? 'Foreground' : 'Background'
  return { action: 'delete', propagationPolicy, preconditions }
}

/** One step of a cascade: the dependent, the wave it is handled in (1 = direct dependents), and what is done. */
export interface CascadeStep { wave: number; object: KObject; gc: GcAction }

/**
 * backgroundCascade: after the owner with `deletedUid` is gone from `objects`' world, what the garbage collector
 * does wave by wave: the owner's dependents are handled first; each one it deletes with Background propagation is
 * gone for the next wave, so that wave handles its dependents (Deployment → ReplicaSets → Pods).
 * Simplified: a deleted object counts as gone at once (a pod's graceful deletion is the apiserver's and
 * kubelet's business; pods have no dependents of their own), and an Orphan or Foreground delete of a dependent
 * ends the cascade below it (those run through their own finalizers).
 */
export function backgroundCascade(objects: readonly KObject[], deletedUid: string): CascadeStep[] {
  let world = objects.filter((o) => uidOf(o) !== deletedUid)
  const steps: CascadeStep[] = []
  let gone = [deletedUid]
  const handled = new Set<string>()
  for (let wave = 1; gone.length; wave++) {
    const next: string[] = []
    for (const ownerUid of gone) {
      for (const dep of dependentsOf(ownerUid, world)) {
        if (handled.has(uidOf(dep))) continue
        handled.add(uidOf(dep))
        const gc = attemptToDeleteItem(dep, world)
        steps.push({ wave, object: dep, gc })
        if (gc.action === 'delete' && gc.propagationPolicy === 'Background') next.push(uidOf(dep))
      }
    }
    world = world.filter((o) => !next.includes(uidOf(o)))
    gone = next
  }
  return steps
}

/**
 * orphanDependents: for an owner deleted with propagationPolicy Orphan (the apiserver put the orphan finalizer
 * on it), the patch removing its reference from each dependent; then the collector removes the finalizer and
 * the owner goes.
 */
export function orphanDependents(objects: readonly KObject[], ownerUid: string):
  Array<{ object: KObject; patch: DeleteOwnerRefPatch }> {
  return dependentsOf(ownerUid, objects)
    .map((object) => ({ object, patch: deleteOwnerRefPatch(uidOf(object), [ownerUid]) }))
}

/**
 * foregroundBlockers: for an owner being deleted in the foreground, the dependents that still block its removal
 * (blockOwnerDeletion: true); when none remain the collector removes the foregroundDeletion finalizer.
 */
export function foregroundBlockers(objects: readonly KObject[], ownerUid: string): KObject[] {
  return objects.filter((o) => (o.metadata?.ownerReferences ?? [])
    .some((r) => r.uid === ownerUid && r.blockOwnerDeletion === true))
}
