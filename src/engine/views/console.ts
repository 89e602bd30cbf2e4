/**
 * A console line, answered as a user at the playhead would see it: the line is split into words as bash would
 * (a leading `kubectl` is optional) and parsed as kubectl v1.35 parses it; a read (get, describe, rollout history)
 * is answered from the objects stored right after the step, anything that changes the cluster is `mutating` (the
 * app appends it to the session and re-runs), and a line kubectl refuses gets kubectl's own error.
 */
import type { KObject } from '../api/types.ts'
import { parseKubectl } from '../kubectl/cmd/parse.ts'
import { parseScript } from '../kubectl/cmd/script.ts'
import { selectUser } from '../kubectl/kubeconfig.ts'
import { isReadCommand, readObjects } from '../kubectl/session/readObjects.ts'

export type ConsoleAnswerKind = 'read' | 'refused' | 'mutating' | 'empty'

export interface ConsoleAnswer {
  argv: string[]
  stdout: string
  stderr: string
  exitCode: number
  kind: ConsoleAnswerKind
}

/** words splits a console line as bash would; a refusal is podbirth's own line. */
export function consoleWords(line: string): { argv: string[] } | { error: string } | undefined {
  const text = /^\s*kubectl(\s|$)/.test(line) ? line : `kubectl ${line}`
  const parsed = parseScript(text, 'console')
  if ('error' in parsed) return { error: `podbirth: ${parsed.error.message}\n` }
  const cmds = parsed.commands.filter((c) => c.kind === 'kubectl')
  if (cmds.length === 0) return undefined
  if (cmds.length > 1 || cmds[0].kind !== 'kubectl') return { error: 'podbirth: one kubectl command per line\n' }
  return { argv: cmds[0].argv }
}

export interface ConsoleRead {
  line: string
  /** The objects stored at the moment of the read. */
  objects: () => readonly KObject[]
  /** The simulated wall clock (epoch ms) of the read: AGE columns count from it. */
  nowMs: number
  /** The cluster's kubeconfig: its current context's namespace is the default for reads (-n wins). */
  kubeconfig: KObject
}

/** answerLine answers one console line (see the file comment). */
export function answerLine(input: ConsoleRead): ConsoleAnswer {
  const w = consoleWords(input.line)
  if (!w) return { argv: [], stdout: '', stderr: '', exitCode: 0, kind: 'empty' }
  if ('error' in w) return { argv: [], stdout: '', stderr: w.error, exitCode: 1, kind: 'refused' }
  const { argv } = w
  const parsed = parseKubectl(argv)
  if ('error' in parsed) {
    return { argv, stdout: '', stderr: parsed.error.stderr, exitCode: parsed.error.exitCode, kind: 'refused' }
  }
  if (!isReadCommand(parsed.command)) return { argv, stdout: '', stderr: '', exitCode: 0, kind: 'mutating' }
  const user = selectUser(input.kubeconfig, parsed.command.global.user)
  const namespace = 'error' in user ? 'default' : user.namespace
  const r = readObjects(parsed.command, input.objects(), { nowMs: input.nowMs, namespace })
  return { argv, ...r, kind: 'read' }
}
