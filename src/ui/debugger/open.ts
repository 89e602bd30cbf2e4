/** Ways into the decision view: from any step of a cycle, from a pod (its latest cycle), from a node. */
import { useApp } from '../../app/store.ts'
import type { TraceEvent } from '../../engine/events.ts'
import { decisionStepOf, isDecision } from './cycles.ts'

/** lastDecisionOf: the latest decisive step of `pod` at or before `upTo` (any pod when absent), or null. */
export function lastDecisionOf(events: readonly TraceEvent[], upTo: number, pod?: string): number | null {
  for (let i = Math.min(upTo, events.length - 1); i >= 0; i--) {
    if ((pod === undefined || events[i].pod === pod) && isDecision(events[i])) return i
  }
  return null
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
