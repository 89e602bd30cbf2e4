import { Rng } from './rng.ts'

/** Virtual time in microseconds since the simulation started. */
export type Micros = number

export const US_PER_MS = 1000
export const US_PER_S = 1_000_000

/** ms converts milliseconds to the engine's microsecond time unit. */
export const ms = (n: number): Micros => Math.round(n * US_PER_MS)
/** sec converts seconds to the engine's microsecond time unit. */
export const sec = (n: number): Micros => Math.round(n * US_PER_S)

/** Timer is the handle of a scheduled callback: cancel() keeps it from running (it is a no-op once it has run). */
export interface Timer {
  cancel(): void
}

/** Scheduled is a queued callback and its own Timer (one object per callback: a run schedules millions). */
class Scheduled implements Timer {
  readonly t: Micros
  readonly seq: number
  readonly fn: () => void
  cancelled = false

  constructor(t: Micros, seq: number, fn: () => void) {
    this.t = t
    this.seq = seq
    this.fn = fn
  }

  cancel(): void {
    this.cancelled = true
  }
}

/**
 * Sim is the discrete-event kernel: a virtual clock and a queue of callbacks ordered by (time, seq).
 * Nothing in the engine reads the wall clock or sleeps; every delay is `after(delay, fn)`.
 * Callbacks scheduled for the same instant run in the order they were scheduled.
 */
export class Sim {
  private queue: Scheduled[] = []
  private seqCounter = 0
  private t: Micros = 0
  private lastSecond = Number.NaN
  private lastRfc3339 = ''
  /** The wall-clock instant that virtual time 0 corresponds to (for creationTimestamp), in epoch ms. */
  readonly epochMs: number
  readonly rng: Rng

  constructor(seed: number, epochMs = Date.UTC(2026, 0, 1, 12, 0, 0)) {
    this.rng = new Rng(seed)
    this.epochMs = epochMs
  }

  /** now returns the current virtual time in microseconds. */
  now(): Micros {
    return this.t
  }

  /** wallMs returns the simulated wall-clock time (epoch ms) of a virtual instant. */
  wallMs(t: Micros = this.t): number {
    return this.epochMs + Math.floor(t / US_PER_MS)
  }

  /** rfc3339 returns the simulated wall-clock time with second precision, as metadata timestamps have. */
  rfc3339(t: Micros = this.t): string {
    // Every object write asks for it; the last second's text is kept, as consecutive calls mostly share it.
    const second = Math.floor(this.wallMs(t) / 1000)
    if (second !== this.lastSecond) {
      this.lastSecond = second
      this.lastRfc3339 = new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    }
    return this.lastRfc3339
  }

  /** rfc3339Micro returns the time with microsecond precision (Event.eventTime, MicroTime). */
  rfc3339Micro(t: Micros = this.t): string {
    const base = this.rfc3339(t).slice(0, 19)
    const frac = String(Math.floor(t) % US_PER_S).padStart(6, '0')
    return `${base}.${frac}Z`
  }

  /** after runs fn once `delay` microseconds of virtual time have passed (delay ≥ 0). */
  after(delay: Micros, fn: () => void): Timer {
    return this.at(this.t + Math.max(0, Math.round(delay)), fn)
  }

  /** at runs fn at virtual time t (never in the past). */
  at(t: Micros, fn: () => void): Timer {
    const item = new Scheduled(Math.max(t, this.t), this.seqCounter++, fn)
    const q = this.queue
    q.push(item)
    let i = q.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (less(q[p], item)) break
      q[i] = q[p]
      i = p
    }
    q[i] = item
    return item
  }

  /** pending reports how many callbacks wait in the queue. */
  pending(): number {
    return this.queue.length
  }

  /** nextTime returns the time of the next callback, or undefined when the queue is empty. */
  nextTime(): Micros | undefined {
    return this.queue[0]?.t
  }

  /** step runs the next callback; it returns false when nothing is pending. */
  step(): boolean {
    const item = this.pop()
    if (!item) return false
    this.t = item.t
    // A cancelled callback still leaves the queue in order (time and sequence), so nothing else moves.
    if (!item.cancelled) item.fn()
    return true
  }

  /** runUntil runs callbacks until the queue is empty or the next one lies after `until`. */
  runUntil(until: Micros): void {
    while (this.queue.length > 0 && this.queue[0].t <= until) this.step()
    if (this.queue.length > 0 && this.t < until) this.t = until
  }

  private pop(): Scheduled | undefined {
    const q = this.queue
    if (q.length === 0) return undefined
    const top = q[0]
    const last = q.pop() as Scheduled
    if (q.length > 0) {
      let i = 0
      const n = q.length
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        let mv = last
        if (l < n && less(q[l], mv)) { m = l; mv = q[l] }
        if (r < n && less(q[r], mv)) { m = r; mv = q[r] }
        if (m === i) break
        q[i] = q[m]
        i = m
      }
      q[i] = last
    }
    return top
  }
}

function less(a: Scheduled, b: Scheduled): boolean {
  return a.t < b.t || (a.t === b.t && a.seq < b.seq)
}
