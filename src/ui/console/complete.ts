/**
 * Tab completion for the console: kubectl's commands, the simulated resource types and the names of the objects at
 * the playhead. Pure: the line and the names in, the new line and the candidates out.
 * Simplified: kubectl's own completion (`kubectl __complete`) also completes flags; this completes words only.
 */
import type { ObjectNames } from '../../protocol/messages.ts'

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

/** complete the last word of `line` (the console's text, with or without the leading `kubectl`). */
export function complete(line: string, names: ObjectNames | undefined): Completion {
  const parts = line.split(/\s+/)
  if (parts[0] === '') parts.shift()
  const hasKubectl = parts[0] === 'kubectl' && parts.length > 1
  const words = hasKubectl ? parts.slice(1) : parts
  const partial = words[words.length - 1] ?? ''
  const before = words.slice(0, -1).filter((w) => !w.startsWith('-'))
  const options = optionsFor(before, partial, names)
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
