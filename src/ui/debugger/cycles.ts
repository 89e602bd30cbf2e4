/**
 * Which scheduling cycle a trace step belongs to, and every attempt of a pod: read from the scheduler's own steps
 * (pkg/scheduler/schedule_one.go ScheduleOne pops a pod, runs the scheduling cycle, and either binds or records
 * FailedScheduling; pkg/scheduler/backend/queue/scheduling_queue.go moves it between activeQ, backoffQ and
 * unschedulablePods). The decisive step of a cycle is its Select (a node was chosen) or its scheduling-phase
 * Unschedulable (FailedScheduling): both carry the cycle's record.
 */
import type { TraceEvent } from '../../engine/events.ts'
import { assertNever } from '../../engine/events.ts'

/** Steps inside one scheduling cycle, before its decision. */
const BEFORE = new Set([
  'scheduler:Pop',
  'scheduler:PreFilter',
  'scheduler:Filter',
  'scheduler:PostFilter',
  'scheduler:PreScore',
  'scheduler:Score',
  'scheduler:Preempt',
])
/** Steps of the binding cycle that follows a Select. */
const AFTER = new Set([
  'scheduler:Reserve',
  'scheduler:Permit',
  'scheduler:PreBind',
  'scheduler:Bind',
  'scheduler:PostBind',
])

/** isDecision: the step that ends a scheduling cycle (Select, or a scheduling-phase FailedScheduling). */
export function isDecision(e: TraceEvent | undefined): boolean {
  if (!e) return false
  if (e.type === 'scheduler:Select') return true
  return e.type === 'scheduler:Unschedulable' && e.details.phase === 'scheduling'
}

/** decisionStepOf: the index of the decisive step of the cycle step `index` belongs to, or null (not a cycle's). */
export function decisionStepOf(events: readonly TraceEvent[], index: number): number | null {
  const e = events[index]
  if (!e || !e.pod) return null
  if (isDecision(e)) return index
  const pod = e.pod
  const binding = e.type === 'scheduler:Unschedulable' && e.details.phase === 'binding'
  if (AFTER.has(e.type) || binding) {
    for (let i = index - 1; i >= 0; i--) {
      const x = events[i]
      if (x.pod !== pod) continue
      if (x.type === 'scheduler:Select') return i
      if (x.type === 'scheduler:Pop') return null
    }
    return null
  }
  if (!BEFORE.has(e.type)) return null
  for (let i = index + 1; i < events.length; i++) {
    const x = events[i]
    if (x.pod !== pod) continue
    if (isDecision(x)) return i
    if (x.type === 'scheduler:Pop') return null
  }
  return null
}

/** A queue move between two attempts, and the cluster event (the queueing hint) or timer behind it. */
export interface QueueMoveNote {
  index: number
  from: string
  to: string
  event: string
  hintedBy: string[]
}

export type AttemptResult =
  | { kind: 'bound'; node: string }
  /** A node was chosen; the binding cycle failed (or has not finished by the end of the trace). */
  | { kind: 'selected'; node: string; bindingError?: string }
  | { kind: 'failed'; message: string }
  /** Popped, but no decision in the trace (the pod was deleted, or the trace ends mid-cycle). */
  | { kind: 'none' }

export interface Attempt {
  /** 1-based, as the queue counts attempts. */
  n: number
  popIndex: number
  /** The decisive step (opens the decision view), or null. */
  decisionIndex: number | null
  result: AttemptResult
  /** The queue moves after this attempt, before the next. */
  moves: QueueMoveNote[]
}

/** attemptsOf lists every scheduling attempt of `pod` (namespace/name) in the trace, in order. */
export function attemptsOf(events: readonly TraceEvent[], pod: string): Attempt[] {
  const out: Attempt[] = []
  let cur: Attempt | undefined
  for (let i = 0; i < events.length; i++) {
    const e = events[i]
    if (e.pod !== pod) continue
    switch (e.type) {
      case 'scheduler:Pop':
        cur = { n: out.length + 1, popIndex: i, decisionIndex: null, result: { kind: 'none' }, moves: [] }
        out.push(cur)
        break
      case 'scheduler:Select':
        if (cur) {
          cur.decisionIndex = i
          cur.result = { kind: 'selected', node: e.details.selectedNode }
        }
        break
      case 'scheduler:Bind':
        if (cur && e.details.result === 'bound') cur.result = { kind: 'bound', node: e.details.node }
        break
      case 'scheduler:Unschedulable': {
        const d = e.details
        if (!cur || d.phase === 'startup') break
        if (d.phase === 'scheduling') {
          cur.decisionIndex = i
          cur.result = { kind: 'failed', message: d.message }
        } else if (cur.result.kind === 'selected') cur.result = { ...cur.result, bindingError: d.message }
        break
      }
      case 'scheduler:QueueMove': {
        const d = e.details
        cur?.moves.push({ index: i, from: d.from, to: d.to, event: d.event, hintedBy: d.hintedBy })
        break
      }
      default:
        break
    }
  }
  return out
}

/** attemptText: one line per attempt, as the history lists it. */
export function attemptText(a: Attempt): string {
  const r = a.result
  switch (r.kind) {
    case 'bound':
      return `attempt ${a.n} bound to ${r.node}`
    case 'selected':
      return r.bindingError
        ? `attempt ${a.n} chose ${r.node}, binding failed: ${r.bindingError}`
        : `attempt ${a.n} chose ${r.node} (binding not finished)`
    case 'failed':
      return `attempt ${a.n} failed: ${r.message}`
    case 'none':
      return `attempt ${a.n}: no decision recorded`
    default:
      return assertNever(r, 'attempt result')
  }
}

/** moveText: "moved to activeQ by AssignedPodDelete (NodeResourcesFit waits for it)". */
export function moveText(m: QueueMoveNote): string {
  const by = m.event === 'BackoffComplete' ? 'when its backoff ended' : `by ${m.event}`
  return `moved from ${m.from} to ${m.to} ${by}${m.hintedBy.length ? ` (hint of ${m.hintedBy.join(', ')})` : ''}`
}
