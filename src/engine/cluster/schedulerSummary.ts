/**
 * What the Cluster tab says about kube-scheduler: the profiles it runs with and each one's NodeResourcesFit
 * scoring strategy, or — when the cluster file's KubeSchedulerConfiguration is invalid — kube-scheduler's error and
 * the line and column in the cluster file of the value it is about (for the editor's marker).
 * The error text is loadSchedulerConfig's (scheduler/config.ts, mirroring pkg/scheduler/apis/config/validation and
 * framework/runtime/framework.go); this file only finds where it points. Its paths are Go field paths
 * (`profiles[0].pluginConfig[1].args.scoringStrategy.type`), which are the YAML paths too (the v1 JSON names).
 * Simplified: of several errors (kube-scheduler prints them as one aggregate "[a, b]"), the first is located.
 */
import { scoringStrategyOf } from '../scheduler/explain/compare.ts'
import type { KObject } from '../api/types.ts'
import { parseDocuments } from '../yaml.ts'
import { positionOf } from '../api/schema/position.ts'
import type { PathElem } from '../api/schema/decode.ts'
import { DEFAULT_SCHEDULER_NAME, loadSchedulerConfig } from '../scheduler/config.ts'
import { EXTENSION_POINTS, EXTENSION_POINT_NAMES } from '../scheduler/framework/runtime.ts'

export interface SchedulerProfileSummary {
  schedulerName: string
  /** NodeResourcesFit's scoringStrategy.type: LeastAllocated (the default), MostAllocated, RequestedToCapacityRatio. */
  scoringStrategy: string
}

export interface SchedulerSummary {
  /** True when the cluster file has a KubeSchedulerConfiguration (else kube-scheduler runs with its defaults). */
  configured: boolean
  /** The profiles kube-scheduler runs (none when it did not start). */
  profiles: SchedulerProfileSummary[]
  /** kube-scheduler's start-up error, and where in the cluster file (1-based) when it can be placed. */
  error?: { message: string; line?: number; column?: number }
}

/** schedulerSummary: `config` the cluster's KubeSchedulerConfiguration, `text` the cluster file it came from. */
export function schedulerSummary(config: KObject | undefined, text: string | undefined): SchedulerSummary {
  const loaded = loadSchedulerConfig(config)
  const configured = config !== undefined
  if (!('error' in loaded)) {
    const profiles = loaded.settings.profiles.map((p) => ({
      schedulerName: p.schedulerName, scoringStrategy: scoringStrategyOf(p.args),
    }))
    return { configured, profiles }
  }
  const at = text !== undefined && config ? locate(text, config, loaded.error) : undefined
  return { configured, profiles: [], error: { message: loaded.error, ...at } }
}

/** The document of `text` that holds the KubeSchedulerConfiguration (the first one, as loadCluster keeps). */
function configDocument(text: string): number {
  return parseDocuments(text).findIndex(({ value }) => typeof value === 'object' && value !== null
    && !Array.isArray(value) && 'kind' in value && value.kind === 'KubeSchedulerConfiguration')
}

/** locate: the line and column of what kube-scheduler's error is about, else of the document's `kind`. */
function locate(text: string, config: KObject, error: string): { line: number; column: number } | undefined {
  const doc = configDocument(text)
  if (doc < 0) return undefined
  const path = errorPath(config, error.replace(/^\[/, ''))
  return positionOf(text, doc, path ?? ['kind'], path === undefined)
}

/** fieldPath parses a Go field path: `profiles[0].plugins.filter` → ['profiles', 0, 'plugins', 'filter']. */
export function fieldPath(s: string): PathElem[] {
  const out: PathElem[] = []
  for (const part of s.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part)
    if (!m) return out
    if (m[1]) out.push(m[1])
    for (const i of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(i[1]))
  }
  return out
}

type ProfileIn = { schedulerName?: unknown; plugins?: Record<string, { enabled?: { name?: unknown }[] } | null> }

/** errorPath: the path into the configuration that kube-scheduler's message is about, when it can tell. */
export function errorPath(config: KObject, error: string): PathElem[] | undefined {
  const unknown = /^strict decoding error: unknown field "([^"]+)"/.exec(error)
  if (unknown) return fieldPath(unknown[1])
  if (/^no kind "KubeSchedulerConfiguration" is registered/.test(error)) return ['apiVersion']
  // Field errors (field.ErrorList): "<path>: Invalid value: …", "Required value", "Duplicate value", …
  const field = /^([A-Za-z][\w.[\]]*): (?:Invalid value|Required value|Duplicate value|Unsupported value|Forbidden)/
    .exec(error)
  if (field) return fieldPath(field[1])
  // Building a profile's framework: "creating profile for scheduler name N: <iface> "P" does not exist" or
  // "plugin "P" does not extend <iface> plugin" — the plugin's entry in that profile's extension point.
  const fw = new RegExp('creating profile for scheduler name (.*?): (?:(\\w+Plugin) "([^"]+)" does not exist'
    + '|plugin "([^"]+)" (?:does not extend (\\w+Plugin) plugin|already registered as "(\\w+Plugin)")|.*)', 's').exec(error)
  if (!fw) return undefined
  const profiles = (Array.isArray(config.profiles) ? config.profiles : [{}]) as ProfileIn[]
  const nameOf = (p: ProfileIn | null) =>
    (typeof p?.schedulerName === 'string' && p.schedulerName !== '' ? p.schedulerName : DEFAULT_SCHEDULER_NAME)
  const idx = profiles.findIndex((p) => nameOf(p) === fw[1])
  if (idx < 0) return undefined
  const plugin = fw[3] ?? fw[4]
  const iface = fw[2] ?? fw[5] ?? fw[6]
  const plugins = profiles[idx]?.plugins ?? {}
  const first = EXTENSION_POINT_NAMES.filter((p) => EXTENSION_POINTS[p].iface === iface)
  const points = [...first, ...EXTENSION_POINT_NAMES, 'multiPoint']
  for (const point of plugin ? points : []) {
    const j = (plugins[point]?.enabled ?? []).findIndex((e) => e?.name === plugin)
    if (j >= 0) return ['profiles', idx, 'plugins', point, 'enabled', j, 'name']
  }
  return Array.isArray(config.profiles) ? ['profiles', idx] : undefined
}
