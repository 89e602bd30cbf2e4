/**
 * Which apply the simulation worker runs, and what to do when it fails: a pure state machine, so useWorker only
 * carries out its answers (post to the worker, or start a fresh worker) and the tests can drive it without a worker.
 *
 * - One run at a time: an apply identical to the one running is dropped (the simulation is deterministic: it would
 *   give the same trace), a different one replaces it (the running worker is stopped, its trace would be thrown away).
 * - Recovery: when the engine fails on an input, or the worker dies, a fresh worker replays the last apply that
 *   finished, once, never the input that failed. A replay that finishes does not make the failed input "good".
 */
import type { ApplyCommand, ConsoleCommand } from '../protocol/messages.ts'

/** At most this many replays in a row: an input that always kills the worker must not loop forever. */
export const MAX_REPLAYS = 3

export interface RunState {
  /** The apply the worker is running: posted, neither finished nor refused yet. */
  running?: ApplyCommand
  /** The last apply that finished (what the trace on screen came from). */
  lastGood?: ApplyCommand
  /** Replays since the user last applied or a run last finished. */
  replays: number
}

/**
 * What useWorker does next: post the apply to the worker it has; start a fresh worker (the old one stopped) and post
 * the apply, if any, to it; or nothing.
 */
export type RunAction =
  | { kind: 'post'; apply: ApplyCommand }
  | { kind: 'restart'; apply?: ApplyCommand }
  | { kind: 'none' }

export interface Step { state: RunState; action: RunAction }

export const initialRunState: RunState = { replays: 0 }

/** sameApply: the same four inputs and the same session after them give the same trace. */
export function sameApply(a: ApplyCommand | undefined, b: ApplyCommand | undefined): boolean {
  return !!a && !!b && a.text === b.text && a.seed === b.seed && a.cluster === b.cluster && a.user === b.user
    && !!a.skipManifest === !!b.skipManifest && sameSession(a.session ?? [], b.session ?? [])
}

function sameSession(a: readonly ConsoleCommand[], b: readonly ConsoleCommand[]): boolean {
  return a.length === b.length && a.every((c, i) => {
    const d = b[i]
    return c.atMs === d.atMs && c.sleepMs === d.sleepMs && c.stdin === d.stdin && c.argv.length === d.argv.length
      && c.argv.every((w, j) => w === d.argv[j])
  })
}

/** The user asked for a run (Apply, Ctrl/Cmd+Enter, a suggested fix, a scenario). */
export function applyAsked(s: RunState, apply: ApplyCommand): Step {
  if (sameApply(s.running, apply)) return { state: s, action: { kind: 'none' } }
  const state: RunState = { ...s, running: apply, replays: 0 }
  return { state, action: s.running ? { kind: 'restart', apply } : { kind: 'post', apply } }
}

/**
 * The user cancelled the running apply: its worker is stopped and a fresh one replays the last apply that worked
 * (the trace on screen comes back), unless that is the one cancelled. Nothing runs when nothing was running.
 */
export function runCancelled(s: RunState): Step {
  if (!s.running) return { state: s, action: { kind: 'none' } }
  const replay = s.lastGood && !sameApply(s.lastGood, s.running) ? s.lastGood : undefined
  return { state: { running: replay, lastGood: s.lastGood, replays: 0 }, action: { kind: 'restart', apply: replay } }
}

/** The running apply finished ('done'): it is now the last apply that worked. */
export function runFinished(s: RunState): RunState {
  return { running: undefined, lastGood: s.running ?? s.lastGood, replays: 0 }
}

/** The running apply was refused (a cluster file with an error): nothing ran, the trace on screen stays. */
export function runRefused(s: RunState): RunState {
  return { ...s, running: undefined }
}

/**
 * The engine failed on the running apply, or the worker died (running an apply or not). A fresh worker replays the
 * last apply that finished unless it is the one that failed, or too many replays came in a row. `replayed` says
 * whether the message can promise the user their last apply that worked.
 */
export function runFailed(s: RunState): Step & { replayed: boolean } {
  const failed = s.running
  const canReplay = s.lastGood && !(failed && sameApply(failed, s.lastGood)) && s.replays < MAX_REPLAYS
  const replay = canReplay ? s.lastGood : undefined
  if (!replay) return { state: { ...s, running: undefined }, action: { kind: 'restart' }, replayed: false }
  const state: RunState = { ...s, running: replay, replays: s.replays + 1 }
  return { state, action: { kind: 'restart', apply: replay }, replayed: true }
}
