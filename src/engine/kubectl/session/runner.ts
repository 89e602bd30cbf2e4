/**
 * A session: kubectl commands over virtual time, each starting at its own time or when the one before it has
 * exited (after the script's `sleep`). The same cluster, session and seed give the same trace; a command added at
 * the end leaves everything before its start as it was, because nothing runs ahead of virtual time.
 */
import type { Sim } from '../../sim/kernel.ts'
import { ms } from '../../sim/kernel.ts'
import type { KubectlResult } from '../index.ts'
import type { CommandInput, KubectlEnv } from './exec.ts'
import { runCommand } from './exec.ts'

export interface SessionCommand extends CommandInput {
  /** When it starts, in virtual ms; absent: when the previous command has exited, after sleepMs. */
  atMs?: number
  /** A script's `sleep` before it (ms), counted from the previous command's exit. */
  sleepMs?: number
}

/** CommandResult: what one command printed, its exit code, and when it ran. */
export interface CommandResult extends KubectlResult {
  argv: string[]
  startMs: number
  endMs: number
}

/** runSession schedules the commands in order; onResult is called as each exits. */
export function runSession(env: KubectlEnv, commands: readonly SessionCommand[], onResult: (r: CommandResult) => void,
  startIndex = 0, notBeforeMs?: number): void {
  const sim: Sim = env.ctx.sim
  const next = (i: number, prevEndMs: number) => {
    if (i >= commands.length) return
    const c = commands[i]
    const nowMs = sim.now() / 1000
    const startMs = c.atMs !== undefined ? Math.max(c.atMs, nowMs) : prevEndMs + (c.sleepMs ?? 0)
    sim.at(ms(startMs), () => {
      const begun = sim.now() / 1000
      runCommand(env, c, (r) => {
        const endMs = sim.now() / 1000
        onResult({ ...r, argv: [...c.argv], startMs: begun, endMs })
        next(i + 1, endMs)
      })
    })
  }
  next(startIndex, notBeforeMs ?? sim.now() / 1000)
}
