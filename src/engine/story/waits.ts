/**
 * waits finds, in a trace, the stretches of virtual time in which a component is waiting for something: a CRI or CNI
 * call until its answer (an image pull, the sandbox with its pause container, a container's create or start, a
 * network setup), a back-off until the kubelet tries again, a grace period until the container has stopped. Views
 * paint them as bars, so the screen always says what the system is waiting for, even through compressed idle time.
 *
 * It reads only the steps' base fields (type, lane, from/to, pod, node, t, summary, outcome): a pure function of the
 * trace, computed once per trace.
 */
import type { Lane, TraceEvent } from '../events.ts'

export type WaitKind = 'image-pull' | 'backoff' | 'grace-period' | 'sandbox' | 'container' | 'call'

export interface Wait {
  /** The lane the bar is drawn in: the callee for a call (it does the work), the kubelet for a back-off or grace period. */
  lane: Lane
  node?: string
  pod?: string
  /** Virtual time (µs) the wait starts and ends. */
  from: number
  to: number
  kind: WaitKind
  /** What is awaited, in a few words ("pulling docker.io/library/nginx:1.27", "back-off 10s"). */
  label: string
  /** The trace index of the step that starts the wait. */
  step: number
}

/** Waits shorter than this (µs of virtual time) are left out: their arrows show them well enough. */
export const MIN_WAIT_US = 20_000

const CALL_LANES: ReadonlySet<Lane> = new Set<Lane>(['kubelet', 'CRI'])
const CALLEE_LANES: ReadonlySet<Lane> = new Set<Lane>(['CRI', 'CNI'])
const NODE_LANES: ReadonlySet<Lane> = new Set<Lane>(['kubelet', 'CRI', 'CNI'])

const isCall = (e: TraceEvent) => e.from !== undefined && e.to !== undefined && e.from !== e.to && CALL_LANES.has(e.from) && CALLEE_LANES.has(e.to) && (e.type.startsWith('cri:') || e.type.startsWith('cni:'))
const key = (type: string, pod: string | undefined, node: string | undefined) => `${type}\u0000${pod ?? ''}\u0000${node ?? ''}`
const podNode = (pod: string | undefined, node: string | undefined) => `${pod ?? ''}\u0000${node ?? ''}`

/** The image a pull is about, from the call's summary (`PullImage({"image":{"image":"nginx:1.27"}})`) or its answer's. */
export function imageOf(...summaries: string[]): string | undefined {
  for (const s of summaries) {
    const json = /"image"\s*:\s*"([^"]+)"/.exec(s)
    if (json) return json[1]
  }
  for (const s of summaries) {
    const said = /\b(?:pull(?:ed|ing)?|image)\s+"?([\w.-]+(?:[:/@][\w.:/@-]*\w)+)"?/i.exec(s)
    if (said) return said[1]
  }
  return undefined
}

/** A duration as the kubelet writes it in a summary ("10s", "1m30s", "300ms"), kept as written; undefined if none. */
export function durationIn(summary: string): string | undefined {
  return /\b(\d+(?:\.\d+)?(?:h|m(?!s)|s|ms)(?:\d+(?:\.\d+)?(?:m(?!s)|s|ms))*)\b/.exec(summary)?.[1]
}

/** A duration as written ("1m30s", "300ms") in µs; NaN if none. */
export function durationUs(text: string): number {
  let total = 0
  let seen = false
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    seen = true
    const n = Number(m[1])
    total += m[2] === 'h' ? n * 3600e6 : m[2] === 'm' ? n * 60e6 : m[2] === 's' ? n * 1e6 : n * 1e3
  }
  return seen ? total : Number.NaN
}

/** What a call's wait is called: its kind and a few words from the call's and the answer's summaries. */
function describeCall(call: TraceEvent, answer: TraceEvent): { kind: WaitKind; label: string } {
  const name = call.type.slice(call.type.indexOf(':') + 1)
  switch (call.type) {
    case 'cri:PullImage': {
      const image = imageOf(call.summary, answer.summary)
      return { kind: 'image-pull', label: image ? `pulling ${image}` : 'pulling the image' }
    }
    case 'cri:RunPodSandbox': return { kind: 'sandbox', label: 'sandbox and pause container' }
    case 'cri:CreateContainer': return { kind: 'container', label: 'creating the container' }
    case 'cri:StartContainer': {
      const running = /container (\S+) running/.exec(answer.summary)
      return { kind: 'container', label: running ? `starting ${running[1]}` : 'starting the container' }
    }
    case 'cri:StopContainer': return { kind: 'container', label: 'stopping the container' }
    case 'cni:ADD': return { kind: 'call', label: 'CNI ADD: pod network' }
    case 'cni:DEL': return { kind: 'call', label: 'CNI DEL: pod network' }
    default: return { kind: 'call', label: name }
  }
}

/**
 * findWaits lists the waits of a trace, sorted by start (then by trace index). A call is paired with its answer: the
 * next step of the same type, pod and node going the other way. A back-off runs from the kubelet's Backoff step to
 * the kubelet's next call for that pod on that node (its next attempt) or, if the trace ends first, to the end of
 * the trace. A grace period runs from KillContainer (or SyncTerminatingPod when no KillContainer comes) to the
 * StopContainer answer for that pod on that node.
 */
export function findWaits(events: readonly TraceEvent[]): Wait[] {
  return new WaitsBuilder().add(events).finish()
}

/**
 * WaitsBuilder finds the waits as a trace's steps arrive (the page does it while a run streams, with the story, so
 * none of it is left for the end): `add` each batch in order; `finish` gives findWaits' list for the steps so far.
 */
export class WaitsBuilder {
  private readonly events: TraceEvent[] = []
  private readonly waits: Wait[] = []
  /** Calls waiting for their answer, by type, pod and node (first in, first answered). */
  private readonly pendingCalls = new Map<string, number[]>()
  /** Back-offs waiting for the kubelet's next attempt, by pod and node. */
  private readonly pendingBackoff = new Map<string, number>()
  /** Grace periods waiting for a StopContainer answer, by pod and node: KillContainer steps, and the SyncTerminatingPod fallback. */
  private readonly pendingKill = new Map<string, number[]>()
  private readonly pendingTerminating = new Map<string, number>()
  /** Whether the last CRI answer for a pod on a node was a failed pull (a back-off after it is an image pull back-off). */
  private readonly failedPull = new Map<string, boolean>()
  /** The trace's last moment so far (a step's time or an arrow's landing). */
  private end = 0

  add(batch: readonly TraceEvent[]): this {
    for (const e of batch) {
      const i = this.events.length
      this.events.push(e)
      if (e.t > this.end) this.end = e.t
      if (e.arrive !== undefined && e.arrive > this.end) this.end = e.arrive
      // Only the kubelet's, the runtime's and the network plugin's steps begin, answer or end a wait.
      const t = e.type
      if (t === 'kubelet:Backoff' || t === 'kubelet:KillContainer' || t === 'kubelet:SyncTerminatingPod'
        || (e.from !== undefined && NODE_LANES.has(e.from))) this.step(e, i)
    }
    return this
  }

  /** finish: the waits of the steps so far, with the back-offs still running (adding more steps stays possible). */
  finish(): Wait[] {
    const waits = this.waits.slice()
    // A back-off still running when the trace ends is what the pod is waiting for: it lasts as long as the kubelet
    // said (past the trace's end), or to the end of the trace when its summary does not say.
    for (const [pn, b] of this.pendingBackoff) {
      const e = this.events[b]
      const said = durationUs(durationIn(e.summary) ?? '')
      const to = Number.isFinite(said) ? Math.max(this.end, e.t + said) : this.end
      push(waits, backoffWait(e, b, to, this.failedPull.get(pn) === true, false))
    }
    return waits.sort((a, b) => a.from - b.from || a.step - b.step)
  }

  private step(e: TraceEvent, i: number): void {
    const events = this.events
    const pn = podNode(e.pod, e.node)

    // A back-off ends with the kubelet's next call for that pod on that node.
    if (e.from === 'kubelet' && isCall(e)) {
      const b = this.pendingBackoff.get(pn)
      if (b !== undefined) {
        this.pendingBackoff.delete(pn)
        push(this.waits, backoffWait(events[b], b, e.t, this.failedPull.get(pn) === true, true))
      }
    }

    // An immediate restart (the first after a crash) holds nothing back: no wait.
    if (e.type === 'kubelet:Backoff' && e.details.kind !== 'restart') {
      const prev = this.pendingBackoff.get(pn)
      if (prev !== undefined) push(this.waits, backoffWait(events[prev], prev, e.t, this.failedPull.get(pn) === true, false))
      this.pendingBackoff.set(pn, i)
    } else if (e.type === 'kubelet:KillContainer') {
      const list = this.pendingKill.get(pn)
      if (list) list.push(i)
      else this.pendingKill.set(pn, [i])
    } else if (e.type === 'kubelet:SyncTerminatingPod') {
      if (!this.pendingTerminating.has(pn)) this.pendingTerminating.set(pn, i)
    }

    if (isCall(e)) {
      const k = key(e.type, e.pod, e.node)
      const list = this.pendingCalls.get(k)
      if (list) list.push(i)
      else this.pendingCalls.set(k, [i])
      return
    }
    // An answer: the same type, pod and node, going back from the callee to the caller.
    if (e.from === undefined || e.to === undefined || !CALLEE_LANES.has(e.from) || !NODE_LANES.has(e.to)) return
    const list = this.pendingCalls.get(key(e.type, e.pod, e.node))
    const c = list?.find((ci) => events[ci].from === e.to && events[ci].to === e.from)
    if (c === undefined || !list) return
    list.splice(list.indexOf(c), 1)
    const call = events[c]
    this.failedPull.set(pn, call.type === 'cri:PullImage' && e.outcome === 'error')

    if (call.type === 'cri:StopContainer') {
      const kills = this.pendingKill.get(pn)
      const start = kills && kills.length > 0 ? kills.shift() : this.pendingTerminating.get(pn)
      if (start !== undefined) {
        if (!kills || kills.length === 0) this.pendingTerminating.delete(pn)
        // The StopContainer call itself is not told again as a wait of its own.
        const s = events[start]
        const grace = /grace(?: period)?\s+(\d+(?:\.\d+)?s)/.exec(s.summary)?.[1] ?? /timeout=(\d+(?:\.\d+)?s)/.exec(call.summary)?.[1]
        push(this.waits, { lane: 'kubelet', node: s.node, pod: s.pod, from: s.t, to: e.t, kind: 'grace-period', label: grace ? `grace period ${grace}` : 'grace period', step: start })
        return
      }
    }
    const { kind, label } = describeCall(call, e)
    push(this.waits, { lane: call.to as Lane, node: call.node, pod: call.pod, from: call.t, to: e.t, kind, label, step: c })
  }
}

/** push keeps a wait long enough to see. */
function push(waits: Wait[], w: Wait): void {
  if (w.to - w.from >= MIN_WAIT_US) waits.push(w)
}

/**
 * A back-off's wait. Its label gives the back-off as the kubelet wrote it ("10s") or, when the summary does not say,
 * as measured up to the next attempt.
 */
function backoffWait(e: TraceEvent, step: number, to: number, afterFailedPull: boolean, retried: boolean): Wait {
  if (e.type === 'kubelet:Backoff' && e.details.kind === 'crashLoop') {
    const d = e.details
    const label = `CrashLoopBackOff ${d.backoff}, ${d.leftSeconds}s left`
    return { lane: 'kubelet', node: e.node, pod: e.pod, from: e.t, to: Math.max(to, e.t), kind: 'backoff', label, step }
  }
  const written = durationIn(e.summary)
  const d = written ?? (retried ? measured(to - e.t) : undefined)
  const image = afterFailedPull || /image/i.test(e.summary)
  const label = d ? (image ? `image pull back-off ${d}` : `back-off ${d}, then restart`) : (image ? 'image pull back-off' : 'back-off, then restart')
  return { lane: 'kubelet', node: e.node, pod: e.pod, from: e.t, to: Math.max(to, e.t), kind: 'backoff', label, step }
}

/** A measured duration in the kubelet's style: "9s", "1m30s", "250ms". */
function measured(us: number): string {
  if (us < 1e6) return `${Math.round(us / 1000)}ms`
  const s = Math.round(us / 1e6)
  return s >= 60 ? `${Math.floor(s / 60)}m${s % 60}s` : `${s}s`
}
