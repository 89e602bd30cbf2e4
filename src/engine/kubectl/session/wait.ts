/**
 * Waiting as kubectl waits: `delete` (--wait=true) and `drain` until an object is gone, `rollout status` until the
 * Deployment says so — a watch on the one object, whose notifications stop being drawn once kubectl is done.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go (waitForDeletion via wait.go IsDeleted),
 * pkg/cmd/rollout/rollout_status.go (UntilWithSync on a field-selected watch).
 */
import type { KObject } from '../../api/types.ts'
import type { WatchEvent } from '../../client/http.ts'
import { latency } from '../../context.ts'
import type { SimulatedResource } from '../cmd/resources.ts'
import type { Invocation } from './invocation.ts'
import { collectionPath } from './invocation.ts'
import { SIMULATED } from '../cmd/resources.ts'

/** watchOne watches one object; onEvent returns true when kubectl has seen what it waits for. */
export function watchOne(inv: Invocation, r: SimulatedResource, namespace: string, name: string,
  onEvent: (e: WatchEvent) => boolean, onEmpty?: () => void): void {
  let over = false
  let seen = false
  const path = collectionPath(r, SIMULATED[r].namespaced ? namespace : undefined)
  inv.client.watch(path, { fieldSelector: `metadata.name=${name}` }, (e) => {
    if (over) return
    seen = true
    if (onEvent(e)) over = true
  }, () => { over = true }, () => !over)
  if (!onEmpty) return
  // The watch starts with the object as ADDED when it exists: no notification by then means it is already gone.
  const settle = 3 * latency(inv.ctx, 'network') + 2 * latency(inv.ctx, 'watchDispatch') + 1000
  inv.ctx.sim.after(settle, () => {
    if (over || seen) return
    over = true
    onEmpty()
  })
}

/** waitGone calls done once the object no longer exists (at once when it is already gone). */
export function waitGone(inv: Invocation, r: SimulatedResource, namespace: string, name: string, done: () => void): void {
  watchOne(inv, r, namespace, name, (e) => {
    if (e.type !== 'DELETED') return false
    done()
    return true
  }, done)
}

/** asObject: a watch event's object. */
export const asObject = (e: WatchEvent): KObject => e.object
