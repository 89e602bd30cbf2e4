/**
 * Which scheduling cycle the map colours at a step: the cycle the step belongs to (from its Pop to its Select or
 * FailedScheduling), else the last cycle finished before it. A cycle's record is carried by its last step
 * (scheduler:Select, or scheduler:Unschedulable of a scheduling or binding failure; see
 * src/engine/scheduler/traceTypes.ts). Pure: the index is built once per trace, each lookup is a binary search.
 */
import type { TraceEvent } from '../../engine/events.ts'
import type { CycleRecord } from '../../engine/scheduler/framework/record.ts'

export interface CycleSpan {
  /** The Pop that started the cycle (the end itself when no Pop was found). */
  start: number
  /** The step carrying the record (the decision view's "decisive step"). */
  at: number
  /** The cycle's last step: `at`, or the binding failure after it. */
  end: number
  pod: string
  record: CycleRecord
}

/** indexCycles: every recorded cycle of the trace, in order. */
export function indexCycles(events: readonly TraceEvent[]): CycleSpan[] {
  const spans: CycleSpan[] = []
  const popAt = new Map<string, number>()
  for (let i = 0; i < events.length; i++) {
    const e = events[i]
    if (e.type === 'scheduler:Pop' && e.pod) {
      popAt.set(e.pod, i)
      continue
    }
    let record: CycleRecord | null | undefined
    if (e.type === 'scheduler:Select') record = e.details.cycle
    else if (e.type === 'scheduler:Unschedulable' && e.details.phase !== 'startup') record = e.details.cycle
    // A binding failure ends the cycle its Select already recorded: the span reaches it.
    const prev = spans[spans.length - 1]
    if (e.type === 'scheduler:Unschedulable' && e.details.phase === 'binding' && prev && prev.pod === e.pod) {
      prev.end = i
      continue
    }
    if (!record || !e.pod) continue
    const start = popAt.get(e.pod) ?? i
    spans.push({ start: start <= i ? start : i, at: i, end: i, pod: e.pod, record })
    popAt.delete(e.pod)
  }
  return spans
}

/** cycleAt: the span of the cycle step `index` is in, else the last one that ended before it (undefined: none). */
export function cycleAt(spans: readonly CycleSpan[], index: number): CycleSpan | undefined {
  // The last span that started at or before the step.
  let lo = 0
  let hi = spans.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (spans[mid].start <= index) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  // Cycles run one at a time, so the step is inside that span (it shows the cycle it belongs to) or after its end.
  return found < 0 ? undefined : spans[found]
}
