import type { TraceEvent, TraceEventInput } from '../events.ts'
import type { Micros, Sim } from './kernel.ts'

/** Summarize writes a step's one-line summary from its type and details (the narration tables). */
export type Summarize = (event: TraceEvent) => string

/** A step as emitted: stamped, its summary not written yet (`Trace.events` writes it). */
export type Recorded = TraceEventInput & { seq: number; t: Micros; summary?: string }
/** A listener sees each step as it is emitted, before its summary is written. */
export type TraceListener = (step: Recorded) => void

/**
 * Trace records every step in order. It stamps each event with the next sequence number and the
 * current virtual time. With `retain: false` (a run only its outcome is wanted from) it only counts them.
 *
 * A step's one-line `summary` is written when the steps are read (`events`), not as each is emitted: a run's
 * steps are read in order, and most are read long after they happened or never (a benchmark, a what-if run). The
 * summary is a function of the step's data alone, which nobody mutates, so the text is the same either way; what
 * it saves is formatting and keeping ~126 strings per pod while the run is simulated (~11 % of a large run).
 */
export class Trace {
  private readonly steps: Recorded[] = []
  private listeners: TraceListener[] = []
  private seq = 0
  /** How many of `steps`, from the first, have their summary written. */
  private summarized = 0
  private readonly sim: Sim
  private readonly retain: boolean
  private readonly summarize: Summarize
  /** While muted (cluster start-up, before the story begins) nothing is recorded. */
  muted = false

  constructor(sim: Sim, summarize: Summarize, retain = true) {
    this.sim = sim
    this.retain = retain
    this.summarize = summarize
  }

  /** emit records one step: the input object itself, stamped (callers pass a fresh literal). */
  emit(input: TraceEventInput): void {
    if (this.muted) return
    // Hot (one per step): the caller's fresh literal becomes the event in place of a spread copy. The keys land in
    // the order the copy gave them (the input's, then seq, then t unless the input set it, then summary), so its
    // JSON is the same.
    const event = input as Recorded
    event.seq = this.seq++
    event.t = input.t ?? this.sim.now()
    if (this.retain) this.steps.push(event)
    for (const l of this.listeners) l(event)
  }

  /**
   * events is every recorded step, each with its summary: written here for the steps recorded since the last call
   * (the array is the trace itself, so a caller that holds it while the run goes on reads again through here).
   */
  get events(): TraceEvent[] {
    const steps = this.steps
    for (let i = this.summarized; i < steps.length; i++) {
      const s = steps[i] as TraceEvent
      s.summary = this.summarize(s)
    }
    this.summarized = steps.length
    return steps as TraceEvent[]
  }

  /** subscribe adds a listener for every later step (tests that watch steps as they are emitted); it returns the
   * function that removes it. */
  subscribe(listener: TraceListener): () => void {
    this.listeners.push(listener)
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener)
    }
  }

  /** count returns how many events were emitted (retained or not). */
  count(): number {
    return this.seq
  }
}
