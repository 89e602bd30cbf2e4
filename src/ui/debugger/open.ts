/** Ways into the decision view: from any step of a cycle, from a pod (its latest cycle), from a node. */
import { useApp } from '../../app/store.ts'
import type { TraceEvent } from '../../engine/events.ts'
import { decisionStepOf, isDecision } from './cycles.ts'

/** The decisive steps of a trace, per pod ('' for any pod), in order; built once per trace. */
const decisions = new WeakMap<readonly TraceEvent[], { length: number; byPod: Map<string, number[]> }>()

function decisionIndex(events: readonly TraceEvent[]): Map<string, number[]> {
  const known = decisions.get(events)
  if (known && known.length === events.length) return known.byPod
  const byPod = new Map<string, number[]>([['', []]])
  events.forEach((e, i) => {
    if (!isDecision(e)) return
    byPod.get('')?.push(i)
    if (e.pod === undefined) return
    const list = byPod.get(e.pod)
    if (list) list.push(i)
    else byPod.set(e.pod, [i])
  })
  decisions.set(events, { length: events.length, byPod })
  return byPod
}

/**
 * lastDecisionOf: the latest decisive step of `pod` at or before `upTo` (any pod when absent), or null. Indexed
 * once per trace: the panels ask it for every listed pod whenever the playhead moves.
 */
export function lastDecisionOf(events: readonly TraceEvent[], upTo: number, pod?: string): number | null {
  const list = decisionIndex(events).get(pod ?? '')
  if (!list) return null
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (list[mid] <= upTo) lo = mid + 1
    else hi = mid
  }
  return lo > 0 ? list[lo - 1] : null
}

/** openCycleAt opens the decision view of the cycle step `index` belongs to; false when it belongs to none. */
export function openCycleAt(index: number, node?: string): boolean {
  const st = useApp.getState()
  const d = decisionStepOf(st.events, index)
  if (d === null) return false
  st.openDecision(d, node)
  return true
}

/**
 * openNodeDecision opens a node's reasons in the cycle at the playhead (the selected step's, else the latest one
 * before it); false when no cycle ran yet. The nodes view and the cluster map call it.
 */
export function openNodeDecision(node: string): boolean {
  const st = useApp.getState()
  const at = Math.max(st.selected, 0)
  const d = decisionStepOf(st.events, at) ?? lastDecisionOf(st.events, at)
  if (d === null) return false
  st.openDecision(d, node)
  return true
}
