/**
 * parseKubectl: a kubectl command line (argv without `kubectl`) → a typed command, or the error text kubectl v1.35
 * prints for it before contacting the server. Mirrors cobra's ExecuteC/Find/execute order (find the command,
 * parse flags, required flags, then the command's Complete/Validate) and each command's own checks; the texts are
 * verified in kubernetes/kubectl at tag kubernetes-1.35.7 (files named atop commandsWrite, commandsNode, commandsRead).
 * Errors that need the cluster (NotFound, Forbidden, an existing label) are the executor's (build.ts, drain.ts).
 */
import { GLOBAL_FLAGS, argsMinusFirst, flagErrorText, stripFlags, unknownCommandError } from './cobra.ts'
import { parseFlags, type FlagSpec, type FlagValue } from './flags.ts'
import { findChild, ROOT_CHILDREN, type CommandNode } from './tree.ts'
import { parseCommand } from './commands.ts'
import { fail, notSimulated, type GlobalOptions, type KubectlParse } from './types.ts'

export type * from './types.ts'

function globalOptions(values: Map<string, FlagValue>): GlobalOptions {
  const out: GlobalOptions = {}
  const ns = values.get('namespace')
  const user = values.get('user')
  const as = values.get('as')
  if (typeof ns === 'string') out.namespace = ns
  if (typeof user === 'string') out.user = user
  if (typeof as === 'string') out.as = as
  return out
}

/** parseKubectl parses argv (the words after `kubectl`). */
export function parseKubectl(argv: readonly string[]): KubectlParse {
  let node: CommandNode = { name: 'kubectl', simulated: true, flags: [], children: ROOT_CHILDREN }
  const path = ['kubectl']
  let rest = [...argv]
  // cobra Find: walk down by the first word that is not a flag (or a flag's value).
  for (;;) {
    const flags: FlagSpec[] = [...node.flags, ...GLOBAL_FLAGS]
    const words = stripFlags(rest, flags)
    const word = words[0]
    if (word === undefined) break
    const child = findChild(node, word)
    if (!child) {
      if (path.length === 1) return fail(unknownCommandError(word))
      break
    }
    rest = argsMinusFirst(rest, word, flags)
    node = child
    path.push(child.name)
  }
  const commandPath = path.join(' ')
  if (path.length === 1) return notSimulated("kubectl's help")
  if (!node.simulated) return notSimulated(`"${commandPath}"`)
  const parsed = parseFlags(rest, [...node.flags, ...GLOBAL_FLAGS])
  if ('error' in parsed) return fail(flagErrorText(parsed.error, commandPath))
  if ('unsupported' in parsed) return notSimulated(`"${commandPath} ${parsed.unsupported}"`)
  const { values, args, argsLenAtDash } = parsed.ok
  // cobra ValidateRequiredFlags, after flag parsing and before Run.
  const missing = (node.required ?? []).filter((name) => !values.has(name))
  if (missing.length > 0) return fail(`error: required flag(s) "${missing.join('", "')}" not set\n`)
  return parseCommand({ path: commandPath, values, args, argsLenAtDash, global: globalOptions(values) })
}
