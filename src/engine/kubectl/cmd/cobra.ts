/**
 * kubectl's command tree as cobra v1.10.0 walks it, and the error texts cobra and kubectl's helpers print.
 * Mirrors: kubernetes/kubectl pkg/cmd/cmd.go (NewKubectlCommand: the order commands are added, the root flags),
 * spf13/cobra command.go (Find, stripFlags, findSuggestions, SuggestionsFor, ld), args.go (legacyArgs),
 * kubectl pkg/util/templates/templater.go (FlagErrorFunc: `See '%s --help' for usage.`),
 * pkg/cmd/util/helpers.go (checkErr adds `error: `, fatal adds the final newline; UsageErrorf).
 */
import { goQuote, type FlagSpec } from './flags.ts'

/**
 * The root's subcommands in the order NewKubectlCommand adds them (the command groups, then alpha, config, plugin,
 * version, api-versions, api-resources, options) plus cobra's own `help`, added last by InitDefaultHelpCmd. cobra
 * iterates this unsorted slice for suggestions, so their order is this one.
 */
export const ROOT_COMMANDS: readonly string[] = [
  'create',
  'expose',
  'run',
  'set',
  'explain',
  'get',
  'edit',
  'delete',
  'rollout',
  'scale',
  'autoscale',
  'certificate',
  'cluster-info',
  'top',
  'cordon',
  'uncordon',
  'drain',
  'taint',
  'describe',
  'logs',
  'attach',
  'exec',
  'port-forward',
  'proxy',
  'cp',
  'auth',
  'debug',
  'events',
  'diff',
  'apply',
  'patch',
  'replace',
  'wait',
  'kustomize',
  'label',
  'annotate',
  'completion',
  'alpha',
  'config',
  'plugin',
  'version',
  'api-versions',
  'api-resources',
  'options',
  'help',
]

/** cobra SuggestFor fields: pkg/cmd/delete/delete.go (rm), pkg/cmd/get/get.go and pkg/cmd/wait/wait.go (list, ps). */
const SUGGEST_FOR: Readonly<Record<string, readonly string[]>> = {
  get: ['list', 'ps'],
  delete: ['rm'],
  wait: ['list', 'ps'],
}

/** ld is cobra's Levenshtein distance (ignoreCase as SuggestionsFor calls it). */
export function ld(s: string, t: string, ignoreCase: boolean): number {
  if (ignoreCase) {
    s = s.toLowerCase()
    t = t.toLowerCase()
  }
  const d: number[][] = []
  for (let i = 0; i <= s.length; i++) {
    const row: number[] = []
    for (let j = 0; j <= t.length; j++) row.push(i === 0 ? j : j === 0 ? i : 0)
    d.push(row)
  }
  for (let j = 1; j <= t.length; j++) {
    for (let i = 1; i <= s.length; i++) {
      const row = d[i] ?? []
      const prev = d[i - 1] ?? []
      if (s[i - 1] === t[j - 1]) row[j] = prev[j - 1] ?? 0
      else row[j] = Math.min(prev[j] ?? 0, row[j - 1] ?? 0, prev[j - 1] ?? 0) + 1
    }
  }
  return d[s.length]?.[t.length] ?? 0
}

/** suggestionsFor is cobra's SuggestionsFor with SuggestionsMinimumDistance 2 (kubectl leaves it unset). */
export function suggestionsFor(typed: string, commands: readonly string[] = ROOT_COMMANDS): string[] {
  const out: string[] = []
  for (const name of commands) {
    const byDistance = ld(typed, name, true) <= 2
    const byPrefix = name.toLowerCase().startsWith(typed.toLowerCase())
    if (byDistance || byPrefix) out.push(name)
    for (const explicit of SUGGEST_FOR[name] ?? []) {
      if (explicit.toLowerCase() === typed.toLowerCase()) out.push(name)
    }
  }
  return out
}

/** unknownCommandError is legacyArgs' error at the root, with findSuggestions' block, as kubectl prints it. */
export function unknownCommandError(typed: string): string {
  let msg = `error: unknown command ${goQuote(typed)} for "kubectl"`
  const suggestions = suggestionsFor(typed)
  if (suggestions.length > 0) {
    msg += '\n\nDid you mean this?\n' + suggestions.map((s) => `\t${s}\n`).join('')
    return msg
  }
  return msg + '\n'
}

/** checkErr's default case: the message with `error: ` unless it has it, and fatal's trailing newline. */
export function errorText(msg: string): string {
  const withPrefix = msg.startsWith('error: ') ? msg : `error: ${msg}`
  return withPrefix.endsWith('\n') ? withPrefix : withPrefix + '\n'
}

/** flagErrorText is a pflag error through kubectl's FlagErrorFunc and checkErr. */
export function flagErrorText(pflagError: string, commandPath: string): string {
  return errorText(`${pflagError}\nSee '${commandPath} --help' for usage.`)
}

/** usageErrorText is cmdutil.UsageErrorf through checkErr. */
export function usageErrorText(msg: string, commandPath: string): string {
  return errorText(`${msg}\nSee '${commandPath} -h' for help and examples`)
}

/**
 * The root's persistent flags (kubectl's global options). The ones podbirth acts on: -n/--namespace, --user (the
 * kubeconfig user), --as (impersonation). The rest are real and refused as not simulated.
 */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'namespace', shorthand: 'n', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'as', type: 'string' },
  ...(
    [
      'as-group',
      'as-uid',
      'as-user-extra',
      'cache-dir',
      'certificate-authority',
      'client-certificate',
      'client-key',
      'cluster',
      'context',
      'kubeconfig',
      'kuberc',
      'profile',
      'profile-output',
      'request-timeout',
      'tls-server-name',
      'token',
      'vmodule',
      'log-flush-frequency',
    ] as const
  ).map((name): FlagSpec => ({ name, type: 'string', simulated: false })),
  { name: 'server', shorthand: 's', type: 'string', simulated: false },
  { name: 'v', shorthand: 'v', type: 'string', simulated: false },
  ...(['insecure-skip-tls-verify', 'match-server-version', 'warnings-as-errors', 'disable-compression'] as const).map(
    (name): FlagSpec => ({ name, type: 'bool', simulated: false }),
  ),
  { name: 'help', shorthand: 'h', type: 'bool', simulated: false },
]

/**
 * stripFlags is cobra's: the words of argv that are not flags or flag values, used to find the subcommand.
 * A flag it does not know is taken to have a value, as cobra does.
 */
export function stripFlags(argv: readonly string[], flags: readonly FlagSpec[]): string[] {
  const isBool = (name: string): boolean => flags.some((f) => f.name === name && f.type === 'bool')
  const isBoolShort = (c: string): boolean => flags.some((f) => f.shorthand === c && f.type === 'bool')
  const commands: string[] = []
  const args = [...argv]
  while (args.length > 0) {
    const s = args.shift() ?? ''
    if (s === '--') break
    const longWithValue = s.startsWith('--') && !s.includes('=') && !isBool(s.slice(2))
    const shortWithValue = s.startsWith('-') && !s.includes('=') && s.length === 2 && !isBoolShort(s.slice(1))
    if (longWithValue || shortWithValue) {
      if (args.length <= 1) break
      args.shift()
      continue
    }
    if (s !== '' && !s.startsWith('-')) commands.push(s)
  }
  return commands
}

/** argsMinusFirst is cobra's argsMinusFirstX: argv without the subcommand's word, flag values skipped. */
export function argsMinusFirst(argv: readonly string[], word: string, flags: readonly FlagSpec[]): string[] {
  const isBool = (name: string): boolean => flags.some((f) => f.name === name && f.type === 'bool')
  const isBoolShort = (c: string): boolean => flags.some((f) => f.shorthand === c && f.type === 'bool')
  for (let pos = 0; pos < argv.length; pos++) {
    const s = argv[pos] ?? ''
    if (s === '--') break
    const longWithValue = s.startsWith('--') && !s.includes('=') && !isBool(s.slice(2))
    const shortWithValue = s.startsWith('-') && !s.includes('=') && s.length === 2 && !isBoolShort(s.slice(1))
    if (longWithValue || shortWithValue) {
      pos++
      continue
    }
    if (!s.startsWith('-') && s === word) return [...argv.slice(0, pos), ...argv.slice(pos + 1)]
  }
  return [...argv]
}
