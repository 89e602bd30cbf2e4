import type { TraceEvent, TraceEventInput } from '../events.ts'
import type { Micros, Sim } from './kernel.ts'

/** Summarize writes a step's one-line summary from its type and details (the narration tables). */
export type Summarize = (event: TraceEvent) => string

/** A step as emitted: its seq, time and summary are written when it is read (`Trace.events`). */
export type Recorded = TraceEventInput & { seq?: number; t?: Micros; summary?: string }
/** A listener sees each step as it is emitted, with the seq and time it will have, before they are written on it. */
export type TraceListener = (step: Recorded, seq: number, t: Micros) => void

/**
 * Trace records every step in order, with the next sequence number and the current virtual time. With
 * `retain: false` (a run only its outcome is wanted from) it only counts them.
 *
 * What a step is given by the trace (its `seq`, its `t` unless the emitter set one, its one-line `summary`) is
 * written on it when the steps are read (`events`), not as each is emitted: a run's steps are read in order, and
 * most long after they happened or never (a benchmark, a what-if run). The summary is a function of the step's data
 * alone, which nobody mutates, so the text is the same either way, and the keys land in the order stamping at the
 * emit gave them. What it saves while a run is simulated: formatting ~126 strings per pod (~11 % of a large run), and
 * the keys added to each emitter's literal (a transitioning store on ~60 shapes of step, and the out-of-object
 * property array each needs, ~40 bytes a step kept for the run).
 */
export class Trace {
  private readonly steps: Recorded[] = []
  /** Each retained step's virtual time, by index (a step's seq is its index). */
  private readonly times: Micros[] = []
  private listeners: TraceListener[] = []
  private seq = 0
  /** How many of `steps`, from the first, have their seq, time and summary written on them. */
  private written = 0
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

  /** emit records one step: the input object itself (callers pass a fresh literal), and the time now. */
  emit(input: TraceEventInput): void {
    if (this.muted) return
    const seq = this.seq++
    const t = input.t ?? this.sim.now()
    if (this.retain) {
      this.steps.push(input)
      this.times.push(t)
    }
    for (const l of this.listeners) l(input, seq, t)
  }

  /**
   * events is every recorded step, whole: seq, t and summary are written here on the steps recorded since the last
   * call, in the order a copy stamped at the emit had them: the input's keys (t among them when the emitter set
   * it), seq, t, summary. The array is the trace itself: a caller that holds it while the run goes on reads again
   * through here.
   */
  get events(): TraceEvent[] {
    const { steps, times } = this
    for (let i = this.written; i < steps.length; i++) {
      const s = steps[i]
      s.seq = i
      s.t = times[i]
      s.summary = this.summarize(s as TraceEvent)
    }
    this.written = steps.length
    return steps as TraceEvent[]
  }

  /**
   * subscribe adds a listener for every later step (tests that watch steps as they are emitted); it returns the
   * function that removes it.
   */
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
