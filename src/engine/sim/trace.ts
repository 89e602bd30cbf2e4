import type { TraceEvent, TraceEventInput } from '../events.ts'
import type { Sim } from './kernel.ts'

export type TraceListener = (event: TraceEvent) => void
/** Summarize writes a step's one-line summary from its type and details (the narration tables). */
export type Summarize = (event: TraceEvent) => string

/**
 * Trace records every step in order. It stamps each event with the next sequence number and the
 * current virtual time. With `retain: false` (benchmarks) events go only to listeners.
 */
export class Trace {
  readonly events: TraceEvent[] = []
  private listeners: TraceListener[] = []
  private seq = 0
  private readonly sim: Sim
  private readonly retain: boolean
  private readonly summarize: Summarize
  /** While muted (cluster start-up, before the story begins) nothing is recorded or streamed. */
  muted = false

  constructor(sim: Sim, summarize: Summarize, retain = true) {
    this.sim = sim
    this.retain = retain
    this.summarize = summarize
  }

  /** emit records one step and returns it: the input object itself, stamped (callers pass a fresh literal). */
  emit(input: TraceEventInput): TraceEvent {
    if (this.muted) return { ...input, seq: -1, t: input.t ?? this.sim.now() } as TraceEvent
    // Hot (one per step): the caller's fresh literal becomes the event in place of a spread copy. The keys land in
    // the order the copy gave them (the input's, then seq, then t unless the input set it), so its JSON is the same.
    const event = input as TraceEvent
    event.seq = this.seq++
    event.t = input.t ?? this.sim.now()
    event.summary = this.summarize(event)
    if (this.retain) this.events.push(event)
    for (const l of this.listeners) l(event)
    return event
  }

  /** count returns how many events were emitted (retained or not). */
  count(): number {
    return this.seq
  }

  /** subscribe adds a listener for every later event; the returned function removes it. */
  subscribe(listener: TraceListener): () => void {
    this.listeners.push(listener)
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener)
    }
  }
}
