import type { TraceEvent } from '../engine/events.ts'
import { concernMask, focusForQuery } from './debugger/focus.ts'

/**
 * partitionPoint: the first index in [0, n) for which `before` is false, where `before` holds for a prefix of the
 * range and fails for the rest (a binary search; the trace and its per-lane lists are in order).
 */
export function partitionPoint(n: number, before: (i: number) => boolean): number {
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (before(mid)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * findSteps: the steps the find box finds for `query` (any case): every step whose lane, type or summary contains
 * it, and, when it names a pod or a node (focusForQuery), every step that concerns that pod or node, including the
 * node's kubelet, CRI and CNI steps whose text does not name it. With `pod:` or `node:` in front, only those (the
 * prefix is the box's syntax, not text to find: "node:worker-2" is also in the kubelet's user name). In trace order.
 */
export function findSteps(
  events: readonly TraceEvent[], query: string, pods: readonly string[], nodes: readonly string[],
): number[] {
  const q = query.trim().toLowerCase()
  if (!q) return []
  const named = focusForQuery(query, pods, nodes)
  const about = named ? concernMask(named, events) : undefined
  const textToo = !/^(pod|node):/.test(q)
  const out: number[] = []
  for (let i = 0; i < events.length; i++) {
    const e = events[i]
    const text = () => e.summary.toLowerCase().includes(q) || e.lane.toLowerCase().includes(q)
      || e.type.toLowerCase().includes(q)
    if ((about && about[i]) || (textToo && text())) out.push(i)
  }
  return out
}
