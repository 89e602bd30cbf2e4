/**
 * runCommand: one kubectl command of a session, from its command line to its exit. The command line is parsed as
 * kubectl v1.35 parses it (cmd/parse.ts); apply and create -f run the apply path (../index.ts); every other verb
 * is one of the functions in mutate.ts and read.ts, which talk to the API server through the command's client.
 */
import type { KubectlResult } from '../index.ts'
import { kubectlApply } from '../index.ts'
import { parseKubectl } from '../cmd/parse.ts'
import type { KubectlCommand } from '../cmd/parse.ts'
import { assertNever } from '../../events.ts'
import { Invocation } from './invocation.ts'
import type { KubectlEnv } from './invocation.ts'
import {
  runCordon, runCreateDeployment, runDelete, runDrain, runLabel, runRolloutRestart, runRolloutUndo, runRun, runScale,
  runSetImage, runTaint,
} from './mutate.ts'
import { runCanI, runDescribe, runGet, runRolloutHistory, runRolloutStatus } from './read.ts'

export type { KubectlEnv } from './invocation.ts'

/** CommandInput: a command as a session holds it. */
export interface CommandInput {
  /** The words after `kubectl`. */
  argv: string[]
  /** What `-f -` reads (a script's heredoc, the console's pasted text). */
  stdin?: string
  /** The files the command names with -f, by the name as written. */
  files?: Record<string, string>
  /** The script line it came from. */
  line?: number
}

const READS = new Set(['get', 'describe', 'rollout status', 'rollout history', 'auth can-i'])

/** runCommand runs one command and calls done when kubectl would exit. */
export function runCommand(env: KubectlEnv, input: CommandInput, done: (r: KubectlResult) => void): void {
  const parsed = parseKubectl(input.argv)
  const verb = 'command' in parsed ? parsed.command.verb : undefined
  env.ctx.trace.emit({
    type: 'kubectl:Command', lane: 'kubectl', outcome: 'command' in parsed ? 'info' : 'error',
    details: {
      argv: [...input.argv], ...(verb ? { verb } : {}), mutating: verb !== undefined && !READS.has(verb),
      ...(input.line !== undefined ? { line: input.line } : {}),
    },
  })
  if ('error' in parsed) {
    const inv = new Invocation(env, '', done)
    return inv.fail(parsed.error.stderr, parsed.error.exitCode)
  }
  dispatch(env, parsed.command, input, done)
}

function dispatch(env: KubectlEnv, cmd: KubectlCommand, input: CommandInput, done: (r: KubectlResult) => void): void {
  if (cmd.verb === 'apply' || cmd.verb === 'create') {
    const files: { name: string; text: string }[] = []
    for (const f of cmd.filenames) {
      const text = f === '-' ? input.stdin : input.files?.[f]
      if (text === undefined) {
        const inv = new Invocation(env, cmd.verb, done)
        return inv.fail(`error: the path "${f}" does not exist\n`)
      }
      files.push({ name: f === '-' ? 'STDIN' : f, text })
    }
    return kubectlApply(env.ctx, env.endpoint, {
      files, kubeconfig: env.kubeconfig, user: cmd.global.user, namespace: cmd.global.namespace, mode: cmd.verb,
      verb: cmd.verb,
    }, done)
  }
  const inv = new Invocation(env, cmd.verb, done)
  if (!inv.connect(cmd.global)) return
  switch (cmd.verb) {
    case 'create deployment': return runCreateDeployment(inv, cmd)
    case 'run': return runRun(inv, cmd)
    case 'delete': return runDelete(inv, cmd)
    case 'scale': return runScale(inv, cmd)
    case 'set image': return runSetImage(inv, cmd)
    case 'rollout status': return runRolloutStatus(inv, cmd)
    case 'rollout undo': return runRolloutUndo(inv, cmd)
    case 'rollout history': return runRolloutHistory(inv, cmd)
    case 'rollout restart': return runRolloutRestart(inv, cmd)
    case 'cordon':
    case 'uncordon': return runCordon(inv, cmd)
    case 'drain': return runDrain(inv, cmd)
    case 'taint': return runTaint(inv, cmd)
    case 'label': return runLabel(inv, cmd)
    case 'get': return runGet(inv, cmd)
    case 'describe': return runDescribe(inv, cmd)
    case 'auth can-i': return runCanI(inv, cmd)
    default: return assertNever(cmd, 'kubectl command')
  }
}
