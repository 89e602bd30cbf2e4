/**
 * The trace with every step whole, for a download: the page's copy of a large trace leaves whole objects in the
 * worker (worker/wire.ts), so a download asks the worker for its trace. One request at a time; the store hands the
 * answer over (receive, 'fullTrace').
 */
import type { TraceEvent } from '../engine/events.ts'
import type { Command } from '../protocol/messages.ts'

let waiting: ((events: TraceEvent[] | null) => void) | null = null

/** requestFullTrace asks the worker for its trace; it resolves to null when the worker has none. */
export function requestFullTrace(send: (cmd: Command) => void): Promise<TraceEvent[] | null> {
  return new Promise((resolve) => {
    waiting?.(null)
    waiting = resolve
    send({ type: 'fullTrace' })
  })
}

/** receiveFullTrace settles the request in flight (if any) with the worker's answer. */
export function receiveFullTrace(events: TraceEvent[] | null): void {
  const w = waiting
  waiting = null
  w?.(events)
}
