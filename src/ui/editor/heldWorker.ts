/**
 * A language worker whose requests can be held back while a run is simulated and streamed.
 *
 * On a two-core machine the simulation's worker and the page keep both cores busy while a large apply streams in,
 * and the editor's checks of a just-pasted manifest (monaco-yaml parsing it for validation, folding, code actions:
 * ~300 ms of a third thread for 370 pods) would take their share from them. Held requests are sent in their order
 * once the run ends, or after HOLD_LIMIT_MS at the latest, so a long run never leaves the editor without hovers,
 * completions and markers for more than that. Imports no Monaco: the tests drive it with a stand-in worker.
 */

/** The longest a run holds the language worker back (ms); after it, requests go through until the next run. */
export const HOLD_LIMIT_MS = 2500

/** The part of a Worker this needs: its postMessage, replaced on the instance. */
export interface Postable {
  postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void
}

export interface WorkerHold {
  /** holdable wraps a worker's postMessage so that it queues while held; returns the same worker. */
  holdable<W extends Postable>(worker: W): W
  /** hold(true) holds requests back (for HOLD_LIMIT_MS at most); hold(false) sends the held ones, in order. */
  hold(on: boolean): void
  /** How many requests wait. */
  waiting(): number
}

export function workerHold(
  timers: { set(f: () => void, ms: number): unknown; clear(handle: unknown): void } = {
    set: (f, ms) => setTimeout(f, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  },
): WorkerHold {
  let held = false
  let limit: unknown
  const queue: (() => void)[] = []
  const release = () => {
    held = false
    if (limit !== undefined) timers.clear(limit)
    limit = undefined
    for (const send of queue.splice(0)) send()
  }
  return {
    holdable(worker) {
      const post = worker.postMessage.bind(worker)
      worker.postMessage = (message, transfer) => {
        if (held) queue.push(() => post(message, transfer))
        else post(message, transfer)
      }
      return worker
    },
    hold(on) {
      if (!on) return release()
      if (held) return
      held = true
      limit = timers.set(release, HOLD_LIMIT_MS)
    },
    waiting: () => queue.length,
  }
}
