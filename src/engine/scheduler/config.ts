/**
 * KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1): defaults, merging with the default profile and
 * validation, with kube-scheduler's messages.
 * Mirrors: pkg/scheduler/apis/config/v1/defaults.go (mergePlugins/mergePluginSet), apis/config/validation
 * (validation.go, validation_pluginargs.go) and framework/runtime/framework.go (expandMultiPointPlugins,
 * updatePluginList, getScoreWeights).
 */
import type { KObject } from '../api/types.ts'
import { goNulls } from '../api/goNulls.ts'
import { schedulerConfigTypeError } from './configGuard.ts'
import { EXTENSION_POINTS, EXTENSION_POINT_NAMES, implementsPoint } from './framework/runtime.ts'
import type { ExtensionPoint, ResolvedProfile } from './framework/runtime.ts'
import type { Handle, Plugin } from './framework/interface.ts'
import { DEFAULT_MULTIPOINT, inTreeRegistry } from './plugins/registry.ts'

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler'
export const CONFIG_API_VERSION = 'kubescheduler.config.k8s.io/v1'

export interface SchedulerSettings {
  profiles: ResolvedProfile[]
  /** Global percentageOfNodesToScore; 0 = adaptive. */
  percentageOfNodesToScore: number
  podInitialBackoffSeconds: number
  podMaxBackoffSeconds: number
}

interface PluginRef { name: string; weight?: number }
interface PluginSet { enabled?: PluginRef[]; disabled?: PluginRef[] }
type Plugins = Partial<Record<ExtensionPoint | 'multiPoint', PluginSet>>
interface ProfileIn { schedulerName?: string; percentageOfNodesToScore?: number; plugins?: Plugins; pluginConfig?: { name: string; args?: Record<string, unknown> }[] }

const TOP_FIELDS = new Set(['apiVersion', 'kind', 'metadata', 'parallelism', 'leaderElection', 'clientConnection', 'healthzBindAddress', 'metricsBindAddress', 'enableProfiling', 'enableContentionProfiling', 'percentageOfNodesToScore', 'podInitialBackoffSeconds', 'podMaxBackoffSeconds', 'profiles', 'extenders', 'delayCacheUntilActive', 'featureGates'])
const PROFILE_FIELDS = new Set(['schedulerName', 'percentageOfNodesToScore', 'plugins', 'pluginConfig'])
const PLUGINS_FIELDS = new Set(['multiPoint', ...EXTENSION_POINT_NAMES])

/** A stub handle: config validation only constructs plugins to see which extension points they implement. */
const STUB_HANDLE = {} as Handle

/** mergePluginSet: defaults minus disabled ("*" = all), re-configured defaults in place, then the rest appended. */
function mergePluginSet(defaults: PluginRef[], custom: PluginSet | undefined): { enabled: PluginRef[]; disabled: Set<string> } {
  const disabled = new Set((custom?.disabled ?? []).map((p) => p.name))
  // A zero Plugin (from `null`) is named "".
  const customEnabled = (custom?.enabled ?? []).map((p) => ({ ...p, name: (p.name as string | undefined) ?? '' }))
  const byName = new Map(customEnabled.map((p, i) => [p.name, i]))
  const replaced = new Set<number>()
  const enabled: PluginRef[] = []
  if (!disabled.has('*')) {
    for (const d of defaults) {
      if (disabled.has(d.name)) continue
      const i = byName.get(d.name)
      if (i !== undefined) { enabled.push(customEnabled[i]); replaced.add(i) } else enabled.push(d)
    }
  }
  customEnabled.forEach((p, i) => { if (!replaced.has(i)) enabled.push(p) })
  return { enabled, disabled }
}

export type ConfigResult = { settings: SchedulerSettings } | { error: string }

/** defaultSettings is the configuration kube-scheduler runs with when given none. */
export function defaultSettings(): SchedulerSettings {
  const r = loadSchedulerConfig(undefined)
  if ('error' in r) throw new Error(r.error)
  return r.settings
}

export function loadSchedulerConfig(obj: KObject | undefined): ConfigResult {
  // Decoded into the v1 Go types first: wrong JSON types are refused, a null is Go's zero value.
  const typeError = obj ? schedulerConfigTypeError(obj as Record<string, unknown>) : undefined
  if (typeError) return { error: typeError }
  const cfg = goNulls(obj ?? {}) as Record<string, unknown>
  if (obj) {
    if (cfg.apiVersion !== CONFIG_API_VERSION) return { error: `no kind "KubeSchedulerConfiguration" is registered for version "${String(cfg.apiVersion ?? '')}" in scheme "pkg/scheduler/apis/config/scheme/scheme.go:33"` }
    for (const k of Object.keys(cfg)) if (!TOP_FIELDS.has(k)) return { error: `strict decoding error: unknown field "${k}"` }
  }
  const errs: string[] = []
  const pct = (cfg.percentageOfNodesToScore as number | undefined) ?? 0
  if (pct < 0 || pct > 100) errs.push(`percentageOfNodesToScore: Invalid value: ${pct}: not in valid range [0-100]`)
  const initial = (cfg.podInitialBackoffSeconds as number | undefined) ?? 1
  const max = (cfg.podMaxBackoffSeconds as number | undefined) ?? 10
  if (initial <= 0) errs.push(`podInitialBackoffSeconds: Invalid value: ${initial}: must be greater than 0`)
  if (max < initial) errs.push(`podMaxBackoffSeconds: Invalid value: ${max}: must be greater than or equal to PodInitialBackoffSeconds`)
  const parallelism = cfg.parallelism as number | undefined
  if (parallelism !== undefined && parallelism <= 0) errs.push(`parallelism: Invalid value: ${parallelism}: should be an integer value greater than zero`)

  const profilesIn = (cfg.profiles as ProfileIn[] | undefined) ?? [{}]
  if (profilesIn.length === 0) errs.push('profiles: Required value')
  const registry = inTreeRegistry()
  const profiles: ResolvedProfile[] = []
  const seen = new Map<string, number>()
  profilesIn.forEach((p, idx) => {
    const path = `profiles[${idx}]`
    for (const k of Object.keys(p ?? {})) if (!PROFILE_FIELDS.has(k)) errs.push(`strict decoding error: unknown field "${path}.${k}"`)
    for (const k of Object.keys(p.plugins ?? {})) if (!PLUGINS_FIELDS.has(k)) errs.push(`strict decoding error: unknown field "${path}.plugins.${k}"`)
    const name = p.schedulerName ?? DEFAULT_SCHEDULER_NAME
    if (name === '') errs.push(`${path}.schedulerName: Required value`)
    const prev = seen.get(name)
    if (prev !== undefined) errs.push(`${path}.schedulerName: Duplicate value: "profiles[${prev}].schedulerName"`)
    else seen.set(name, idx)
    const ppct = p.percentageOfNodesToScore
    if (ppct !== undefined && (ppct < 0 || ppct > 100)) errs.push(`${path}.percentageOfNodesToScore: Invalid value: ${ppct}: not in valid range [0-100]`)

    const args = new Map<string, unknown>()
    const argErrs = validatePluginConfig(p.pluginConfig ?? [], `${path}.pluginConfig`, args)
    errs.push(...argErrs)

    // Merge with the defaults: only multiPoint has default plugins in v1.
    const multi = mergePluginSet(DEFAULT_MULTIPOINT, p.plugins?.multiPoint)
    const weights = new Map<string, number>()
    for (const e of multi.enabled) if (e.weight !== undefined) weights.set(e.name, e.weight)
    const points = {} as Record<ExtensionPoint, string[]>
    // Errors building the framework are reported as kube-scheduler's profile.NewMap reports them.
    const fw = `initializing profiles: creating profile for scheduler name ${name}: `
    const instances = new Map<string, Plugin | null>()
    const instance = (n: string): Plugin | null => {
      if (!instances.has(n)) {
        const f = registry.get(n)
        let inst: Plugin | null = null
        try { inst = f ? f(args.get(n), STUB_HANDLE) : null } catch { inst = null }
        instances.set(n, inst)
      }
      return instances.get(n) ?? null
    }
    for (const point of EXTENSION_POINT_NAMES) {
      const iface = EXTENSION_POINTS[point].iface
      const specific = mergePluginSet([], p.plugins?.[point])
      const enabledSet: string[] = []
      for (const e of specific.enabled) {
        if (!registry.has(e.name)) { errs.push(fw + `${iface} "${e.name}" does not exist`); continue }
        const inst = instance(e.name)
        if (inst && !implementsPoint(inst, point)) { errs.push(fw + `plugin "${e.name}" does not extend ${iface} plugin`); continue }
        if (enabledSet.includes(e.name)) { errs.push(fw + `plugin "${e.name}" already registered as "${iface}"`); continue }
        enabledSet.push(e.name)
        if (point === 'score' && e.weight !== undefined) weights.set(e.name, e.weight)
      }
      if (specific.disabled.has('*')) { points[point] = enabledSet; continue }
      const multiEnabled: string[] = []
      const overrides: string[] = []
      for (const e of multi.enabled) {
        if (!registry.has(e.name)) { if (point === 'preFilter') errs.push(fw + `${iface} "${e.name}" does not exist`); continue }
        const inst = instance(e.name)
        if (!inst || !implementsPoint(inst, point)) continue
        if (specific.disabled.has(e.name)) continue
        if (enabledSet.includes(e.name)) { overrides.push(e.name); continue }
        if (multiEnabled.includes(e.name)) { errs.push(fw + `plugin "${e.name}" already registered as "${iface}"`); continue }
        multiEnabled.push(e.name)
      }
      points[point] = [...enabledSet.filter((n) => overrides.includes(n)), ...multiEnabled, ...enabledSet.filter((n) => !overrides.includes(n))]
    }
    for (const [n, w] of weights) if (w < 0) errs.push(`${path}.plugins.score: Invalid value: ${w}: weight of plugin ${n} must be greater than or equal to 0`)
    if (points.queueSort.length !== 1) errs.push(fw + `only one queue sort plugin required for profile with scheduler name "${name}", but got ${points.queueSort.length}`)
    if (points.bind.length === 0) errs.push(fw + `at least one bind plugin is needed for profile with scheduler name "${name}"`)
    profiles.push({ schedulerName: name, points, weights, args, percentageOfNodesToScore: ppct ?? null })
  })
  // All profiles must use the same queue sort plugin.
  for (let i = 1; i < profiles.length; i++) {
    if (profiles[i].points.queueSort.join() !== profiles[0].points.queueSort.join()) errs.push(`profiles[${i}].plugins.queueSort: Invalid value: "${profiles[i].points.queueSort.join()}": must be the same for all profiles`)
  }
  if (errs.length > 0) return { error: errs.length === 1 ? errs[0] : `[${errs.join(', ')}]` }
  return { settings: { profiles, percentageOfNodesToScore: pct, podInitialBackoffSeconds: initial, podMaxBackoffSeconds: max } }
}

const STRATEGIES = ['LeastAllocated', 'MostAllocated', 'RequestedToCapacityRatio']

/** validatePluginConfig checks the args kube-scheduler validates for the plugins modelled here. */
function validatePluginConfig(list: { name: string; args?: Record<string, unknown> }[], path: string, out: Map<string, unknown>): string[] {
  const errs: string[] = []
  list.forEach((pc, i) => {
    const p = `${path}[${i}]`
    if (out.has(pc.name)) { errs.push(`${path}: Duplicate value: "${pc.name}"`); return }
    const args = pc.args ?? {}
    out.set(pc.name, args)
    const ap = `${p}.args`
    if (pc.name === 'NodeResourcesFit') {
      const ss = (args.scoringStrategy ?? {}) as { type?: string; resources?: { name: string; weight: number }[]; requestedToCapacityRatio?: { shape?: { utilization: number; score: number }[] } }
      if (ss.type !== undefined && !STRATEGIES.includes(ss.type)) errs.push(`${ap}.scoringStrategy.type: Unsupported value: "${ss.type}": supported values: "LeastAllocated", "MostAllocated", "RequestedToCapacityRatio"`)
      ;(Array.isArray(ss.resources) ? ss.resources : []).forEach((r, j) => {
        if (!(r.weight >= 1 && r.weight <= 100)) errs.push(`${ap}.scoringStrategy.resources[${j}].weight: Invalid value: ${r.weight}: resource weight of ${r.name} not in valid range [1, 100]`)
      })
      if (ss.type === 'RequestedToCapacityRatio') {
        const shape = ss.requestedToCapacityRatio?.shape ?? []
        if (shape.length === 0) errs.push(`${ap}.scoringStrategy.requestedToCapacityRatio.shape: Required value: at least one point must be specified`)
        shape.forEach((pt, j) => {
          const sp = `${ap}.scoringStrategy.requestedToCapacityRatio.shape[${j}]`
          if (!(pt.utilization >= 0 && pt.utilization <= 100)) errs.push(`${sp}.utilization: Invalid value: ${pt.utilization}: not in valid range [0, 100]`)
          else if (j > 0 && pt.utilization <= shape[j - 1].utilization) errs.push(`${sp}.utilization: Invalid value: ${pt.utilization}: utilization values must be sorted in increasing order`)
          if (!(pt.score >= 0 && pt.score <= 10)) errs.push(`${sp}.score: Invalid value: ${pt.score}: not in valid range [0, 10]`)
        })
      }
    } else if (pc.name === 'InterPodAffinity') {
      const w = args.hardPodAffinityWeight as number | undefined
      if (w !== undefined && (w < 0 || w > 100)) errs.push(`${ap}.hardPodAffinityWeight: Invalid value: ${w}: not in valid range [0, 100]`)
    } else if (pc.name === 'DefaultPreemption') {
      const pctv = args.minCandidateNodesPercentage as number | undefined
      if (pctv !== undefined && (pctv < 0 || pctv > 100)) errs.push(`${ap}.minCandidateNodesPercentage: Invalid value: ${pctv}: not in valid range [0, 100]`)
      const abs = args.minCandidateNodesAbsolute as number | undefined
      if (abs !== undefined && abs < 0) errs.push(`${ap}.minCandidateNodesAbsolute: Invalid value: ${abs}: not in valid range [0, inf)`)
    } else if (pc.name === 'PodTopologySpread') {
      const t = args.defaultingType as string | undefined
      if (t !== undefined && t !== 'System' && t !== 'List') errs.push(`${ap}.defaultingType: Unsupported value: "${t}": supported values: "List", "System"`)
    }
  })
  return errs
}
