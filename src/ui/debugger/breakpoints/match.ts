/**
 * Breakpoints of the scheduling debugger: conditions on a step's typed data (never on its summary text) that stop
 * playback. Mirrors where kube-scheduler decides each thing (pkg/scheduler/schedule_one.go: ScheduleOne pops a pod
 * and starts a cycle; handleSchedulingFailure records FailedScheduling; DefaultPreemption evicts victims, each
 * getting a Preempted event; the Filter plugins reject nodes; DefaultBinder binds; the queue moves pods between
 * activeQ, backoffQ and unschedulablePods).
 *
 * Pure: the matcher, a one-line description, and a reader for stored or shared (untrusted) breakpoints.
 */
import type { TraceEvent } from '../../../engine/events.ts'
import { assertNever } from '../../../engine/events.ts'

/** What a breakpoint waits for; `pod` is namespace/name, `node` a node's name. */
export type BreakCondition =
  /** A scheduling cycle of this pod starts (the queue pops it). */
  | { kind: 'cycleStarts'; pod: string }
  /** Any FailedScheduling (a scheduling or binding cycle failed). */
  | { kind: 'failedScheduling' }
  /** Preemption evicts a victim (the victim gets a Preempted event). */
  | { kind: 'preempted' }
  /** A Filter plugin (any, or the one named) rejects this node. */
  | { kind: 'rejectsNode'; node: string; plugin?: string }
  /** A pod is bound to this node. */
  | { kind: 'boundTo'; node: string }
  /** The queue moves a pod (any pod, or this one) between activeQ, backoffQ and unschedulablePods. */
  | { kind: 'queueMoves'; pod?: string }

export type BreakKind = BreakCondition['kind']
export const BREAK_KINDS: readonly BreakKind[] = [
  'cycleStarts', 'failedScheduling', 'preempted', 'rejectsNode', 'boundTo', 'queueMoves',
]

export type Breakpoint = BreakCondition & { id: number; enabled: boolean }

/** matches says whether step `e` satisfies the condition. */
export function matches(b: BreakCondition, e: TraceEvent): boolean {
  switch (b.kind) {
    case 'cycleStarts': return e.type === 'scheduler:Pop' && e.pod === b.pod
    case 'failedScheduling': return e.type === 'scheduler:Unschedulable' && e.details.phase !== 'startup'
    case 'preempted': return e.type === 'scheduler:Preempt' && e.details.victims.length > 0
    case 'rejectsNode': {
      if (e.type !== 'scheduler:Filter') return false
      const verdicts = e.details.filter?.[b.node]
      if (!verdicts) return false
      if (b.plugin !== undefined) return b.plugin in verdicts && verdicts[b.plugin] !== 'passed'
      return Object.values(verdicts).some((v) => v !== 'passed')
    }
    case 'boundTo': return e.type === 'scheduler:Bind' && e.details.result === 'bound' && e.details.node === b.node
    case 'queueMoves': return e.type === 'scheduler:QueueMove' && (b.pod === undefined || e.pod === b.pod)
    default: return assertNever(b, 'breakpoint')
  }
}

/**
 * firstHit: the first step after `after` (exclusive) up to `upTo` (inclusive) that an enabled breakpoint matches,
 * with the breakpoint; undefined when none does.
 */
export function firstHit(
  bps: readonly Breakpoint[], events: readonly TraceEvent[], after: number, upTo = events.length - 1,
): { step: number; breakpoint: Breakpoint } | undefined {
  const on = bps.filter((b) => b.enabled)
  if (on.length === 0) return undefined
  for (let i = Math.max(after + 1, 0); i <= upTo && i < events.length; i++) {
    const b = on.find((x) => matches(x, events[i]))
    if (b) return { step: i, breakpoint: b }
  }
  return undefined
}

/** describe: the breakpoint in one line, for the list and for "stopped by …". */
export function describe(b: BreakCondition): string {
  switch (b.kind) {
    case 'cycleStarts': return `${b.pod}'s scheduling cycle starts`
    case 'failedScheduling': return 'any FailedScheduling'
    case 'preempted': return 'a Preempted event (preemption evicts a pod)'
    case 'rejectsNode': return `${b.plugin ?? 'a Filter plugin'} rejects node ${b.node}`
    case 'boundTo': return `a pod is bound to ${b.node}`
    case 'queueMoves': return b.pod ? `the queue moves ${b.pod}` : 'the queue moves a pod'
    default: return assertNever(b, 'breakpoint')
  }
}

/** sameCondition: two breakpoints that stop at the same steps (adding one twice keeps one). */
export function sameCondition(a: BreakCondition, b: BreakCondition): boolean {
  return describe(a) === describe(b)
}

const MAX_BREAKPOINTS = 100
const MAX_NAME = 253

const nameOf = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length > 0 && v.length <= MAX_NAME ? v : undefined

/** conditionOf reads one condition from untrusted JSON (a link, localStorage); undefined when it is not one. */
export function conditionOf(v: unknown): BreakCondition | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined
  const o = v as { kind?: unknown; pod?: unknown; node?: unknown; plugin?: unknown }
  const pod = nameOf(o.pod)
  const node = nameOf(o.node)
  switch (o.kind) {
    case 'cycleStarts': return pod ? { kind: 'cycleStarts', pod } : undefined
    case 'failedScheduling': return { kind: 'failedScheduling' }
    case 'preempted': return { kind: 'preempted' }
    case 'rejectsNode': {
      if (!node || (o.plugin !== undefined && !nameOf(o.plugin))) return undefined
      const plugin = nameOf(o.plugin)
      return plugin ? { kind: 'rejectsNode', node, plugin } : { kind: 'rejectsNode', node }
    }
    case 'boundTo': return node ? { kind: 'boundTo', node } : undefined
    case 'queueMoves':
      if (o.pod !== undefined && !pod) return undefined
      return pod ? { kind: 'queueMoves', pod } : { kind: 'queueMoves' }
    default: return undefined
  }
}

/**
 * readBreakpoints reads a list of breakpoints (`{...condition, on?: false}` each) from untrusted JSON. Entries that
 * are not breakpoints (or of a kind a newer podbirth added) are left out; ids are given afresh, in order.
 */
export function readBreakpoints(v: unknown): Breakpoint[] {
  if (!Array.isArray(v)) return []
  const out: Breakpoint[] = []
  for (const x of v.slice(0, MAX_BREAKPOINTS) as unknown[]) {
    const c = conditionOf(x)
    if (!c || out.some((b) => sameCondition(b, c))) continue
    const off = typeof x === 'object' && x !== null && (x as { on?: unknown }).on === false
    out.push({ ...c, id: out.length + 1, enabled: !off })
  }
  return out
}

/** writeBreakpoints: the JSON form readBreakpoints reads (ids are not kept; a disabled one says `on: false`). */
export function writeBreakpoints(bps: readonly Breakpoint[]): (BreakCondition & { on?: false })[] {
  return bps.map(({ id: _id, enabled, ...c }) => (enabled ? c : { ...c, on: false }))
}

/** hitsOf: for each step, the index in `bps` of the first enabled breakpoint it matches, or -1 (once per play). */
export function hitsOf(bps: readonly Breakpoint[], events: readonly TraceEvent[]): Int32Array {
  const out = new Int32Array(events.length).fill(-1)
  if (!bps.some((b) => b.enabled)) return out
  for (let i = 0; i < events.length; i++) out[i] = bps.findIndex((b) => b.enabled && matches(b, events[i]))
  return out
}
