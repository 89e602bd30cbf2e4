/**
 * Tab completion for the console: kubectl's commands, the simulated resource types and the names of the objects at
 * the playhead, the flags each command takes (from the worker's vocabulary: the parser's own command tree) and the
 * namespaces after -n. Pure: the line, the names and the vocabulary in, the new line and the candidates out.
 */
import type { ConsoleVocabulary, ObjectNames } from '../../protocol/messages.ts'

/** The commands the simulation runs, and their subcommands (kubectl v1.35's names). */
const COMMANDS = [
  'apply',
  'auth',
  'cordon',
  'create',
  'delete',
  'describe',
  'drain',
  'get',
  'label',
  'rollout',
  'run',
  'scale',
  'set',
  'taint',
  'uncordon',
]
const SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = {
  auth: ['can-i'],
  create: ['deployment'],
  rollout: ['history', 'restart', 'status', 'undo'],
  set: ['image'],
}
const TYPES = ['deployments', 'events', 'nodes', 'pods', 'replicasets']
/** What each command takes after it: resource types (then names), or node names. */
const TAKES_TYPES = new Set(['get', 'describe', 'delete', 'scale', 'label', 'rollout', 'set image', 'taint'])
const TAKES_NODES = new Set(['cordon', 'uncordon', 'drain'])
/** Types and their aliases (plural, singular, short name) → the names they complete. */
const ALIASES: Readonly<Record<string, keyof ObjectNames>> = {
  pods: 'pods',
  pod: 'pods',
  po: 'pods',
  nodes: 'nodes',
  node: 'nodes',
  no: 'nodes',
  deployments: 'deployments',
  deployment: 'deployments',
  deploy: 'deployments',
  replicasets: 'replicasets',
  replicaset: 'replicasets',
  rs: 'replicasets',
}

export interface Completion {
  /** The line with the word completed as far as the candidates agree. */
  line: string
  /** Every word that fits (shown when more than one does). */
  candidates: string[]
}

const commonPrefix = (words: string[]) =>
  words.reduce((p, w) => {
    while (!w.startsWith(p)) p = p.slice(0, -1)
    return p
  }, words[0] ?? '')

const NAMESPACE_FLAGS = new Set(['-n', '--namespace'])

/** positional drops the flags and their values (a value-taking flag written without `=` owns the next word). */
function positional(words: string[], vocabulary: ConsoleVocabulary | undefined): string[] {
  const takesValue = new Set<string>()
  for (const list of Object.values(vocabulary?.flags ?? {})) {
    for (const f of list) {
      if (!f.takesValue) continue
      takesValue.add(f.long)
      if (f.short) takesValue.add(f.short)
    }
  }
  const out: string[] = []
  for (let i = 0; i < words.length; i++) {
    const w = words[i]
    if (!w.startsWith('-')) out.push(w)
    else if (!w.includes('=') && takesValue.has(w)) i++
  }
  return out
}

/** The flags of the command the words name (the longest command path that matches). */
function flagsOf(args: string[], vocabulary: ConsoleVocabulary | undefined): string[] {
  const flags = vocabulary?.flags ?? {}
  const path = flags[`${args[0]} ${args[1]}`] ? `${args[0]} ${args[1]}` : args[0]
  return (flags[path] ?? []).flatMap((f) => (f.short ? [f.long, f.short] : [f.long]))
}

/**
 * complete the last word of `line` (the console's text, with or without the leading `kubectl`): a command, a
 * subcommand, a type, a name, a flag (a word starting with `-`) or, after -n, a namespace.
 */
export function complete(line: string, names: ObjectNames | undefined, vocabulary?: ConsoleVocabulary): Completion {
  const parts = line.split(/\s+/)
  if (parts[0] === '') parts.shift()
  const hasKubectl = parts[0] === 'kubectl' && parts.length > 1
  const words = hasKubectl ? parts.slice(1) : parts
  const partial = words[words.length - 1] ?? ''
  const previous = words[words.length - 2]
  const before = positional(words.slice(0, -1), vocabulary)
  const options = previous !== undefined && NAMESPACE_FLAGS.has(previous) ? names?.namespaces ?? []
    : partial.startsWith('-') ? flagsOf(before, vocabulary)
      : optionsFor(before, partial, names)
  const candidates = options.filter((o) => o.startsWith(partial))
  if (candidates.length === 0) return { line, candidates: [] }
  const done = candidates.length === 1
  const word = done ? candidates[0] : commonPrefix(candidates)
  const head = line.slice(0, line.length - partial.length)
  return { line: head + word + (done && !word.endsWith('/') ? ' ' : ''), candidates }
}

function optionsFor(before: string[], partial: string, names: ObjectNames | undefined): string[] {
  if (before.length === 0) return COMMANDS
  const [verb, sub] = before
  const subs = SUBCOMMANDS[verb]
  if (subs && before.length === 1) return [...subs]
  const command = subs ? `${verb} ${sub}` : verb
  const args = before.slice(subs ? 2 : 1)
  const of = (k: keyof ObjectNames) => names?.[k] ?? []
  if (TAKES_NODES.has(command)) return of('nodes')
  if (
    !TAKES_TYPES.has(command) &&
    command !== 'rollout status' &&
    command !== 'rollout undo' &&
    command !== 'rollout history' &&
    command !== 'rollout restart'
  )
    return []
  // TYPE/NAME: the names of that type.
  const slash = partial.indexOf('/')
  if (slash >= 0) {
    const kind = ALIASES[partial.slice(0, slash).toLowerCase()]
    return kind ? of(kind).map((n) => `${partial.slice(0, slash)}/${n}`) : []
  }
  if (command.startsWith('rollout') || command === 'set image') return args.length ? [] : ['deployment/']
  if (args.length === 0) return TYPES
  const kind = ALIASES[(args[0].split(',')[0] ?? '').toLowerCase()]
  return kind ? of(kind) : []
}
