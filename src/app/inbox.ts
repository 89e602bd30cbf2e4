/**
 * How the page takes in a streaming run (protocol/stream.ts). The worker posts its trace often, so the browser
 * deserializes each batch on arrival, on the main thread, while the worker goes on simulating (two cores work at
 * once). Handing a batch to the store re-renders every panel over the whole trace so far, so the page does that at
 * most once per STREAM_RENDER_MS while a run streams: the first batch at once (the lanes are usable), then the
 * batches held meanwhile together, and everything when the run ends or anything else arrives (a done, an error, a
 * reset or an answer must never overtake the steps before it). Progress lines always go straight through.
 */
import type { TraceEvent } from '../engine/events.ts'
import type { PageMessage } from '../protocol/messages.ts'
import { STREAM_RENDER_MS } from '../protocol/stream.ts'

export interface InboxState {
  /** Steps received but not yet handed to the store. */
  held: TraceEvent[]
  /** When steps last reached the store (performance.now()); -Infinity after a reset. */
  lastAt: number
}

export const emptyInbox: InboxState = { held: [], lastAt: Number.NEGATIVE_INFINITY }

export interface InboxPlan {
  /** The messages to hand to the store now, in order (held and new steps as one `events` message). */
  deliver: PageMessage[]
  state: InboxState
  /** When steps are still held: take again after this many ms. */
  retryInMs?: number
}

/** planInbox decides which of the messages that arrived since the last frame reach the store now. */
export function planInbox(state: InboxState, arrived: readonly PageMessage[], now: number): InboxPlan {
  let held = state.held
  let lastAt = state.lastAt
  const deliver: PageMessage[] = []
  const release = () => {
    if (!held.length) return
    deliver.push({ type: 'events', events: held })
    held = []
    lastAt = now
  }
  for (const m of arrived) {
    if (m.type === 'events') held = held.length ? held.concat(m.events) : m.events
    else if (m.type === 'progress') deliver.push(m)
    else if (m.type === 'reset') {
      // A new run: steps still held belong to the one it replaces (the reset clears them anyway).
      held = []
      deliver.push(m)
      lastAt = Number.NEGATIVE_INFINITY
    } else {
      release()
      deliver.push(m)
    }
  }
  if (held.length && now - lastAt >= STREAM_RENDER_MS) release()
  const retryInMs = held.length ? Math.max(0, lastAt + STREAM_RENDER_MS - now) : undefined
  return { deliver, state: { held, lastAt }, ...(retryInMs !== undefined ? { retryInMs } : {}) }
}

/**
 * planStale: a worker that was stopped (a newer apply, Cancel, a crash) may still have messages queued for the next
 * frame, and steps held. Its steps, progress and end are not wanted (they would land in the next run's trace); only
 * an error is: the one that says why it was stopped and restarted.
 */
export function planStale(arrived: readonly PageMessage[]): PageMessage[] {
  return arrived.filter((m) => m.type === 'error')
}
