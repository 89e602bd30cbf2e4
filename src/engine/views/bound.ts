/** The pods bound to each node at a step, and what they request: the allocation the scheduler's NodeResourcesFit sees. */
import { podRequests } from '../scheduler/framework/types.ts'
import type { KObject, Pod } from '../api/types.ts'

export interface Bound { pods: Pod[]; cpu: number; memory: number }

/** boundByNode groups the stored pods by spec.nodeName (terminal pods no longer hold resources) and sums requests. */
export function boundByNode(objects: Map<string, KObject>): Map<string, Bound> {
  const out = new Map<string, Bound>()
  for (const [key, o] of objects) {
    const p = o as unknown as Pod
    const n = p.spec?.nodeName
    if (!key.startsWith('/registry/pods/') || !n || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue
    const r = podRequests(p)
    let b = out.get(n)
    if (!b) out.set(n, (b = { pods: [], cpu: 0, memory: 0 }))
    b.pods.push(p)
    b.cpu += r.milliCPU
    b.memory += r.memory
  }
  return out
}
