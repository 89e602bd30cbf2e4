/**
 * podOwners: every pod the trace wrote to etcd, with its controller, read from the stored object's
 * metadata.ownerReferences (the entry with controller: true, as pkg/apis/meta/v1's GetControllerOf picks it).
 * The lanes colour a 10-replica rollout's steps by pod or by ReplicaSet with it. Pure, once per trace.
 */
import type { TraceEvent } from '../engine/events.ts'
import type { PodOwner } from '../protocol/messages.ts'

export function podOwners(trace: readonly TraceEvent[]): PodOwner[] {
  const byPod = new Map<string, PodOwner>()
  for (const e of trace) {
    const c = e.change
    if (!c || c.kind !== 'Pod' || !c.after) continue
    const pod = c.namespace ? `${c.namespace}/${c.name}` : c.name
    const ref = c.after.metadata?.ownerReferences?.find((r) => r.controller === true)
    const known = byPod.get(pod)
    if (!known) byPod.set(pod, ref ? { pod, owner: { kind: ref.kind, name: ref.name } } : { pod })
    else if (!known.owner && ref) known.owner = { kind: ref.kind, name: ref.name }
  }
  return [...byPod.values()]
}
