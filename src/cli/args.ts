/** Command-line parsing for `podbirth`: flags as kubectl spells them. */
import { MAX_SEED } from '../protocol/seed.ts'
import { MAX_UNTIL_MS, MAX_UNTIL_TEXT } from './limits.ts'

export interface ApplyArgs {
  command: 'apply'
  files: string[]
  cluster?: string
  user?: string
  namespace?: string
  seed: number
  untilMs: number
  output: 'text' | 'json'
  /** --describe: print `kubectl describe pod` in full for each applied pod instead of its Events only. */
  describe: boolean
}

export interface ExplainArgs {
  command: 'explain'
  file: string
  cluster?: string
  config?: string
  /** --compare: a second KubeSchedulerConfiguration; both runs are printed with their differences. */
  compare?: string
  seed: number
  output: 'text' | 'json'
}

export interface RunArgs {
  command: 'run'
  script: string
  cluster?: string
  seed: number
  untilMs: number
  output: 'text' | 'json'
}

export type Parsed = ApplyArgs | ExplainArgs | RunArgs | { command: 'help' } | { command: 'version' } | { usageError: string }

const DURATION_RE = /^(?:(\d+(?:\.\d+)?)(h|ms|m|s))+$/

/** parseDuration reads Go-style durations: 30s, 5m, 1h30m, 500ms. */
export function parseDuration(s: string): number | undefined {
  if (!DURATION_RE.test(s)) return undefined
  let total = 0
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s)/g)) {
    const n = Number(m[1])
    total += m[2] === 'h' ? n * 3_600_000 : m[2] === 'm' ? n * 60_000 : m[2] === 's' ? n * 1000 : n
  }
  return total
}

const need = (v: string | undefined): v is string => v !== undefined && v !== ''

/**
 * readFlags walks the flags after the command (`--flag value` or `--flag=value`), handing each to `handle`, which
 * returns a usage error or '' when the flag was fine.
 */
function readFlags(argv: string[], handle: (flag: string, value: () => string | undefined, arg: string) => string): string {
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]
    const eq = arg.indexOf('=')
    const [flag, inline] = arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined]
    const err = handle(flag, () => inline ?? argv[++i], arg)
    if (err) return err
  }
  return ''
}

/** commonFlag handles the flags apply and explain share; null when `flag` is not one of them. */
function commonFlag(a: { cluster?: string; seed: number; output: 'text' | 'json' }, flag: string, value: () => string | undefined): string | null {
  switch (flag) {
    case '--cluster': { const v = value(); if (!need(v)) return '--cluster needs a file name'; a.cluster = v; return '' }
    case '--seed': {
      // The app's range (src/app/share.ts MAX_SEED): the generator takes the seed modulo 2^32, so a larger one would
      // silently replay another seed's trace.
      const v = value()
      if (!need(v) || !/^\d+$/.test(v) || Number(v) > MAX_SEED) {
        return `--seed needs a whole number from 0 to ${MAX_SEED} (got ${JSON.stringify(v ?? '')})`
      }
      a.seed = Number(v)
      return ''
    }
    case '-o': case '--output': { const v = value(); if (v !== 'text' && v !== 'json') return `-o must be text or json (got ${JSON.stringify(v ?? '')})`; a.output = v; return '' }
    default: return null
  }
}

export function parseArgs(argv: string[]): Parsed {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') return { command: 'help' }
  if (argv[0] === 'version' || argv[0] === '--version') return { command: 'version' }
  if (argv[0] === 'explain') return parseExplain(argv)
  if (argv[0] === 'run') return parseRun(argv)
  if (argv[0] !== 'apply') return { usageError: `unknown command "${argv[0]}" (try: podbirth apply -f pod.yaml)` }
  const a: ApplyArgs = { command: 'apply', files: [], seed: 1, untilMs: 600_000, output: 'text', describe: false }
  const err = readFlags(argv, (flag, value, arg) => {
    const common = commonFlag(a, flag, value)
    if (common !== null) return common
    switch (flag) {
      case '-f': case '--filename': { const v = value(); if (!need(v)) return `flag ${flag} needs a file name`; a.files.push(v); return '' }
      case '--user': { const v = value(); if (!need(v)) return '--user needs a name'; a.user = v; return '' }
      case '-n': case '--namespace': { const v = value(); if (!need(v)) return `flag ${flag} needs a namespace`; a.namespace = v; return '' }
      case '--describe': a.describe = true; return ''
      case '--until': return untilFlag(a, value())
      default: return `unknown flag "${arg}"`
    }
  })
  if (err) return { usageError: err }
  if (a.files.length === 0) return { usageError: 'apply needs at least one -f FILE' }
  return a
}

/** untilFlag reads --until: a Go duration, capped (a run of 100000h would take hours and gigabytes). */
function untilFlag(a: { untilMs: number }, v: string | undefined): string {
  const d = v ? parseDuration(v) : undefined
  if (d === undefined) return `--until needs a duration such as 30s, 5m or 1h30m (got ${JSON.stringify(v ?? '')})`
  if (!(d <= MAX_UNTIL_MS)) return `--until is capped at ${MAX_UNTIL_TEXT} of virtual time (got ${JSON.stringify(v)})`
  a.untilMs = d
  return ''
}

function parseRun(argv: string[]): Parsed {
  const a: Partial<RunArgs> & { command: 'run'; seed: number; untilMs: number; output: 'text' | 'json' } = {
    command: 'run', seed: 1, untilMs: 600_000, output: 'text',
  }
  const err = readFlags(argv, (flag, value, arg) => {
    const common = commonFlag(a, flag, value)
    if (common !== null) return common
    if (flag === '--until') return untilFlag(a, value())
    if (arg.startsWith('-') && arg !== '-') return `unknown flag "${arg}"`
    if (a.script) return `run takes one SCRIPT (got ${JSON.stringify(a.script)} and ${JSON.stringify(arg)})`
    a.script = arg
    return ''
  })
  if (err) return { usageError: err }
  if (!a.script) return { usageError: 'run needs a SCRIPT (a file of kubectl commands)' }
  return a as RunArgs
}

function parseExplain(argv: string[]): Parsed {
  const a: Partial<ExplainArgs> & { command: 'explain'; seed: number; output: 'text' | 'json' } = { command: 'explain', seed: 1, output: 'text' }
  const err = readFlags(argv, (flag, value, arg) => {
    const common = commonFlag(a, flag, value)
    if (common !== null) return common
    switch (flag) {
      case '-f': case '--filename': { const v = value(); if (!need(v)) return `flag ${flag} needs a file name`; if (a.file) return 'explain takes one -f POD_FILE'; a.file = v; return '' }
      case '--config': { const v = value(); if (!need(v)) return '--config needs a file name'; a.config = v; return '' }
      case '--compare': { const v = value(); if (!need(v)) return '--compare needs a file name'; a.compare = v; return '' }
      default: return `unknown flag "${arg}"`
    }
  })
  if (err) return { usageError: err }
  if (!a.file) return { usageError: 'explain needs -f POD_FILE' }
  return a as ExplainArgs
}

export const USAGE = `podbirth — the birth of a Kubernetes pod, simulated (Kubernetes v1.35)

Usage:
  podbirth apply -f FILE [-f FILE ...] [--cluster FILE] [--user NAME] [-n NAMESPACE] [--seed N] [--until DURATION] [--describe] [-o text|json]
  podbirth explain -f POD_FILE [--cluster FILE] [--config FILE] [--compare FILE] [--seed N] [-o text|json]
  podbirth run SCRIPT [--cluster FILE] [--seed N] [--until DURATION] [-o text|json]

  apply   does what \`kubectl apply -f\` does against a simulated cluster and runs virtual time until nothing
          is pending (or --until, default 10m). Prints kubectl's output, the trace, \`kubectl get pods -o wide\`
          and the pods' Events (--describe: the whole \`kubectl describe pod\`). -o json prints one JSON
          object instead.
  run     runs a workshop script: \`kubectl …\` lines, \`sleep N\`, comments and heredocs (kubectl apply -f - <<EOF),
          files relative to the script, as you would run it against a real cluster, one command after another
          over one cluster. Prints each command, its output as kubectl prints it, and the trace until the next
          command; --until (default 10m) counts from the start. -o json prints one JSON object.
  explain runs one scheduling cycle for the pod (after kubectl and the apiserver, as apply does) and prints
          every plugin's verdict: PreFilter, Filter per node and plugin, PostFilter (preemption), the scores
          raw, normalized and weighted, the chosen node or the FailedScheduling message, and why; for each
          rejected node, the constraint that failed (taint, label, spread counts and skew, conflicting pod,
          resources left). -o json prints one object keyed as kube-scheduler-simulator's results (pod,
          selectedNode, message, filter, score, ...). --compare B runs the cycle again with the configuration
          B and prints both runs and their differences (-o json: {"a": ..., "b": ..., "differences": ...}).

Flags:
  -f, --filename FILE   manifest to apply (YAML or JSON, one or many documents); repeatable
  --cluster FILE        cluster file (Kubernetes YAML + podbirth SimulatorConfig); default: built-in cluster
  --config FILE         (explain) a KubeSchedulerConfiguration, kubescheduler.config.k8s.io/v1
  --compare FILE        (explain) a second KubeSchedulerConfiguration to compare the run with (A = --config)
  --user NAME           kubeconfig user to act as (default: the current context's user)
  -n, --namespace NS    namespace for objects that do not name one
  --seed N              random seed, 0 to 2147483647 (default 1): same inputs and seed give the same trace
  --until DURATION      virtual time limit, e.g. 30s, 5m, 1h (default 10m, at most 24h)
  --describe            (apply) print \`kubectl describe pod\` in full for each applied pod, Events included
  -o, --output FORMAT   text (default) or json

Exit codes: 0 kubectl succeeded (explain: the pod was scheduled; with --compare, in both runs), 1 kubectl failed\n(explain: the pod did not fit, or was refused), 2 bad usage or unreadable file, 74 the output could not be written\n(a full disk; a reader that goes away, as with | head, ends it quietly with 0).
`
