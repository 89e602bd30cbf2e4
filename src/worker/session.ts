import type { SessionCommand } from '../engine/index.ts'
import type { ApplyCommand } from '../protocol/messages.ts'

/**
 * sessionCommands: the console's commands of an apply as the engine runs them, after the editor's apply. `kubectl
 * apply -f pod.yaml` typed in the console reads the editor's text. The worker's run, a recomputed cycle and the
 * what-ifs all replay a session this way, so each sees the same trace.
 */
export function sessionCommands(cmd: ApplyCommand): SessionCommand[] {
  return (cmd.session ?? []).map((c) => ({
    argv: c.argv,
    files: { 'pod.yaml': cmd.text },
    ...(c.atMs !== undefined ? { atMs: c.atMs } : {}),
    ...(c.sleepMs ? { sleepMs: c.sleepMs } : {}),
    ...(c.stdin !== undefined ? { stdin: c.stdin } : {}),
  }))
}
