/**
 * The console's vocabulary: for each command kubectl v1.35 has and podbirth runs, the flags it takes (its own and
 * the global ones podbirth acts on), from the same command tree the parser uses — so completion never offers a flag
 * the parser would refuse. Sent to the app once; completion itself is pure and runs there.
 */
import { GLOBAL_FLAGS } from '../kubectl/cmd/cobra.ts'
import type { FlagSpec } from '../kubectl/cmd/flags.ts'
import { ROOT_CHILDREN } from '../kubectl/cmd/tree.ts'
import type { CommandNode } from '../kubectl/cmd/tree.ts'

export interface FlagWord {
  /** `--replicas`. */
  long: string
  /** `-n`, when the flag has a shorthand. */
  short?: string
  /** The next word is the flag's value (unless written `--flag=value`). */
  takesValue: boolean
}

export interface ConsoleVocabulary {
  /** Command path ("get", "create deployment", "rollout status") → its flags, sorted by name. */
  flags: Record<string, FlagWord[]>
}

const word = (f: FlagSpec): FlagWord => ({
  long: `--${f.name}`, ...(f.shorthand ? { short: `-${f.shorthand}` } : {}), takesValue: f.type !== 'bool',
})

/** consoleVocabulary lists the simulated commands' simulated flags. */
export function consoleVocabulary(): ConsoleVocabulary {
  const flags: Record<string, FlagWord[]> = {}
  const globals = GLOBAL_FLAGS.filter((f) => f.simulated !== false)
  const visit = (node: CommandNode, path: string) => {
    if (!node.simulated) return
    if (node.children?.length) {
      for (const c of node.children) visit(c, `${path} ${c.name}`)
      return
    }
    const own = node.flags.filter((f) => f.simulated !== false)
    flags[path] = [...own, ...globals].map(word).sort((a, b) => (a.long < b.long ? -1 : 1))
  }
  for (const c of ROOT_CHILDREN) visit(c, c.name)
  return { flags }
}
