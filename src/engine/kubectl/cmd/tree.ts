/**
 * The part of kubectl v1.35's command tree podbirth knows, with each command's flags (name, shorthand, type) as its
 * NewCmd… function registers them. Mirrors kubernetes/kubectl pkg/cmd/<verb>/<verb>.go for apply, create,
 * create_deployment, run, delete (+ delete_flags.go), scale, set/set_image, rollout/rollout_*, drain (cordon,
 * uncordon, drain), taint, label, get (+ get_flags.go), describe, auth/cani.
 * Flags podbirth does not simulate are listed with `simulated: false` so they are refused, not misread as unknown.
 */
import type { FlagSpec, FlagType } from './flags.ts'
import { ROOT_COMMANDS } from './cobra.ts'

export interface CommandNode {
  name: string
  aliases?: readonly string[]
  /** false: a real kubectl command podbirth does not simulate. */
  simulated: boolean
  flags: readonly FlagSpec[]
  children?: readonly CommandNode[]
  /** cobra Required flags (MarkFlagRequired). */
  required?: readonly string[]
}

const f = (name: string, type: FlagType, shorthand?: string): FlagSpec =>
  shorthand ? { name, type, shorthand } : { name, type }
const no = (name: string, type: FlagType, shorthand?: string): FlagSpec => ({
  ...f(name, type, shorthand),
  simulated: false,
})

const FILENAME = f('filename', 'stringSlice', 'f')
const DRY_RUN = no('dry-run', 'string')
const FIELD_MANAGER = no('field-manager', 'string')
const SELECTOR_NO = no('selector', 'string', 'l')
const OUTPUT_NO = no('output', 'string', 'o')
const PRINT_NO = [
  OUTPUT_NO,
  no('template', 'string'),
  no('allow-missing-template-keys', 'bool'),
  no('show-managed-fields', 'bool'),
]
const FILES_NO = [no('filename', 'stringSlice', 'f'), no('kustomize', 'string', 'k'), no('recursive', 'bool', 'R')]
const VALIDATE_NO = no('validate', 'string')
const SAVE_CONFIG_NO = no('save-config', 'bool')

function leaf(name: string, flags: readonly FlagSpec[], extra: Partial<CommandNode> = {}): CommandNode {
  return { name, simulated: true, flags, ...extra }
}

function unsimulated(name: string, aliases?: readonly string[]): CommandNode {
  return aliases ? { name, aliases, simulated: false, flags: [] } : { name, simulated: false, flags: [] }
}

const CREATE_SUBS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['namespace', ['ns']],
  ['quota', ['resourcequota']],
  ['secret', []],
  ['configmap', ['cm']],
  ['serviceaccount', ['sa']],
  ['service', ['svc']],
  ['clusterrole', []],
  ['clusterrolebinding', []],
  ['role', []],
  ['rolebinding', []],
  ['poddisruptionbudget', ['pdb']],
  ['priorityclass', ['pc']],
  ['job', []],
  ['cronjob', ['cj']],
  ['ingress', ['ing']],
  ['token', []],
]

const createDeployment = leaf(
  'deployment',
  [
    f('image', 'stringSlice'),
    f('port', 'int32'),
    f('replicas', 'int32', 'r'),
    DRY_RUN,
    FIELD_MANAGER,
    VALIDATE_NO,
    SAVE_CONFIG_NO,
    ...PRINT_NO,
  ],
  { aliases: ['deploy'], required: ['image'] },
)

const create: CommandNode = leaf(
  'create',
  [
    FILENAME,
    no('kustomize', 'string', 'k'),
    no('recursive', 'bool', 'R'),
    no('edit', 'bool'),
    no('raw', 'string'),
    no('windows-line-endings', 'bool'),
    DRY_RUN,
    FIELD_MANAGER,
    VALIDATE_NO,
    SAVE_CONFIG_NO,
    SELECTOR_NO,
    no('record', 'bool'),
    ...PRINT_NO,
  ],
  { children: [createDeployment, ...CREATE_SUBS.map(([n, a]) => unsimulated(n, a))] },
)

const apply = leaf('apply', [
  FILENAME,
  no('kustomize', 'string', 'k'),
  no('recursive', 'bool', 'R'),
  DRY_RUN,
  FIELD_MANAGER,
  VALIDATE_NO,
  no('server-side', 'bool'),
  no('force-conflicts', 'bool'),
  no('prune', 'bool'),
  no('all', 'bool'),
  no('overwrite', 'bool'),
  no('force', 'bool'),
  no('grace-period', 'int'),
  no('cascade', 'string'),
  no('wait', 'bool'),
  no('timeout', 'duration'),
  no('openapi-patch', 'bool'),
  no('prune-allowlist', 'stringArray'),
  no('applyset', 'string'),
  no('subresource', 'string'),
  no('record', 'bool'),
  SELECTOR_NO,
  ...PRINT_NO,
])

const run = leaf(
  'run',
  [
    f('image', 'string'),
    f('port', 'string'),
    f('labels', 'string', 'l'),
    f('restart', 'string'),
    f('command', 'bool'),
    f('env', 'stringArray'),
    f('annotations', 'stringArray'),
    f('image-pull-policy', 'string'),
    no('stdin', 'bool', 'i'),
    no('tty', 'bool', 't'),
    no('attach', 'bool'),
    no('leave-stdin-open', 'bool'),
    no('rm', 'bool'),
    no('expose', 'bool'),
    no('quiet', 'bool', 'q'),
    no('privileged', 'bool'),
    no('overrides', 'string'),
    no('override-type', 'string'),
    no('pod-running-timeout', 'duration'),
    no('cascade', 'string'),
    no('force', 'bool'),
    no('grace-period', 'int'),
    no('timeout', 'duration'),
    no('wait', 'bool'),
    no('record', 'bool'),
    DRY_RUN,
    FIELD_MANAGER,
    SAVE_CONFIG_NO,
    ...FILES_NO,
    ...PRINT_NO,
  ],
  { required: ['image'] },
)

const del = leaf('delete', [
  f('grace-period', 'int'),
  f('now', 'bool'),
  f('force', 'bool'),
  f('ignore-not-found', 'bool'),
  no('all', 'bool'),
  no('all-namespaces', 'bool', 'A'),
  no('cascade', 'string'),
  no('field-selector', 'string'),
  no('interactive', 'bool', 'i'),
  no('raw', 'string'),
  no('timeout', 'duration'),
  no('wait', 'bool'),
  no('output', 'string', 'o'),
  SELECTOR_NO,
  DRY_RUN,
  ...FILES_NO,
])

const scale = leaf(
  'scale',
  [
    f('replicas', 'int'),
    no('current-replicas', 'int'),
    no('resource-version', 'string'),
    no('all', 'bool'),
    no('timeout', 'duration'),
    SELECTOR_NO,
    DRY_RUN,
    ...FILES_NO,
    ...PRINT_NO,
  ],
  { required: ['replicas'] },
)

const setImage = leaf('image', [
  no('all', 'bool'),
  no('local', 'bool'),
  SELECTOR_NO,
  DRY_RUN,
  FIELD_MANAGER,
  no('record', 'bool'),
  ...FILES_NO,
  ...PRINT_NO,
])
const set: CommandNode = {
  name: 'set',
  simulated: true,
  flags: [],
  children: [setImage, ...['env', 'resources', 'selector', 'serviceaccount', 'subject'].map((n) => unsimulated(n))],
}

const ROLLOUT_COMMON = [SELECTOR_NO, ...FILES_NO]
const rollout: CommandNode = {
  name: 'rollout',
  simulated: true,
  flags: [],
  children: [
    leaf('history', [f('revision', 'int64'), ...ROLLOUT_COMMON, ...PRINT_NO]),
    unsimulated('pause'),
    leaf('restart', [FIELD_MANAGER, ...ROLLOUT_COMMON, ...PRINT_NO]),
    unsimulated('resume'),
    leaf('status', [f('watch', 'bool', 'w'), f('revision', 'int64'), no('timeout', 'duration'), ...ROLLOUT_COMMON]),
    leaf('undo', [f('to-revision', 'int64'), DRY_RUN, ...ROLLOUT_COMMON, ...PRINT_NO]),
  ],
}

const NODE_COMMON = [DRY_RUN, SELECTOR_NO]
const cordon = leaf('cordon', NODE_COMMON)
const uncordon = leaf('uncordon', NODE_COMMON)
const drain = leaf('drain', [
  f('ignore-daemonsets', 'bool'),
  f('delete-emptydir-data', 'bool'),
  f('force', 'bool'),
  f('grace-period', 'int'),
  no('timeout', 'duration'),
  no('pod-selector', 'string'),
  no('disable-eviction', 'bool'),
  no('skip-wait-for-delete-timeout', 'int'),
  no('chunk-size', 'int64'),
  ...NODE_COMMON,
])

const taint = leaf('taint', [
  f('overwrite', 'bool'),
  no('all', 'bool'),
  SELECTOR_NO,
  DRY_RUN,
  FIELD_MANAGER,
  VALIDATE_NO,
  ...PRINT_NO,
])

const label = leaf('label', [
  f('overwrite', 'bool'),
  no('list', 'bool'),
  no('local', 'bool'),
  no('field-selector', 'string'),
  no('all', 'bool'),
  no('all-namespaces', 'bool', 'A'),
  no('resource-version', 'string'),
  SELECTOR_NO,
  DRY_RUN,
  FIELD_MANAGER,
  ...FILES_NO,
  ...PRINT_NO,
])

const get = leaf('get', [
  f('output', 'string', 'o'),
  f('selector', 'string', 'l'),
  f('all-namespaces', 'bool', 'A'),
  f('watch', 'bool', 'w'),
  f('watch-only', 'bool'),
  no('show-labels', 'bool'),
  no('sort-by', 'string'),
  no('no-headers', 'bool'),
  no('field-selector', 'string'),
  no('ignore-not-found', 'bool'),
  no('label-columns', 'stringSlice', 'L'),
  no('show-kind', 'bool'),
  no('raw', 'string'),
  no('output-watch-events', 'bool'),
  no('chunk-size', 'int64'),
  no('subresource', 'string'),
  no('server-print', 'bool'),
  no('template', 'string'),
  no('allow-missing-template-keys', 'bool'),
  no('show-managed-fields', 'bool'),
  ...FILES_NO,
])

const describe = leaf('describe', [
  no('all-namespaces', 'bool', 'A'),
  no('show-events', 'bool'),
  no('chunk-size', 'int64'),
  SELECTOR_NO,
  ...FILES_NO,
])

const auth: CommandNode = {
  name: 'auth',
  simulated: true,
  flags: [],
  children: [
    leaf('can-i', [
      f('all-namespaces', 'bool', 'A'),
      f('quiet', 'bool', 'q'),
      f('subresource', 'string'),
      no('list', 'bool'),
      no('no-headers', 'bool'),
    ]),
    unsimulated('reconcile'),
    unsimulated('whoami'),
  ],
}

const SIMULATED_ROOTS: readonly CommandNode[] = [
  apply,
  create,
  run,
  del,
  scale,
  set,
  rollout,
  cordon,
  uncordon,
  drain,
  taint,
  label,
  get,
  describe,
  auth,
]

/** The root's subcommands, each real kubectl command present so suggestions and refusals read right. */
export const ROOT_CHILDREN: readonly CommandNode[] = ROOT_COMMANDS.map(
  (name) => SIMULATED_ROOTS.find((c) => c.name === name) ?? unsimulated(name),
)

export function findChild(node: { children?: readonly CommandNode[] }, word: string): CommandNode | undefined {
  return node.children?.find((c) => c.name === word || (c.aliases ?? []).includes(word))
}
