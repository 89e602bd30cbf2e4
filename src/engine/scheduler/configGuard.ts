/**
 * schedulerConfigTypeError: decoding a KubeSchedulerConfiguration into its v1 Go types refuses a value of the
 * wrong JSON type in the fields the loader walks, as encoding/json words it (after goNulls, a null is Go's zero
 * value, so `profiles: [null]` is one default profile and `enabled: [null]` a plugin named "").
 * Mirrors: staging/src/k8s.io/kube-scheduler/config/v1/types.go (KubeSchedulerProfile, Plugins, PluginSet, Plugin,
 * PluginConfig) and encoding/json (UnmarshalTypeError).
 */
import { check, jsonType } from '../api/goNulls.ts'
import { EXTENSION_POINT_NAMES } from './framework/runtime.ts'

export function schedulerConfigTypeError(doc: Record<string, unknown>): string | undefined {
  const bad = check(doc, 'profiles', 'array', 'KubeSchedulerConfiguration', '[]v1.KubeSchedulerProfile')
  if (bad) return bad
  for (const p of (doc.profiles as unknown[] | undefined) ?? []) {
    if (p === null) continue
    if (jsonType(p) !== 'object') {
      return `json: cannot unmarshal ${jsonType(p)} into Go struct field KubeSchedulerConfiguration.profiles `
        + 'of type v1.KubeSchedulerProfile'
    }
    const prof = p as Record<string, unknown>
    const err = check(prof, 'plugins', 'object', 'KubeSchedulerProfile', 'v1.Plugins', 'profiles.plugins')
      ?? check(prof, 'pluginConfig', 'array', 'KubeSchedulerProfile', '[]v1.PluginConfig', 'profiles.pluginConfig')
      ?? check(prof, 'schedulerName', 'string', 'KubeSchedulerProfile', 'string', 'profiles.schedulerName')
      ?? pluginsError(prof.plugins)
      ?? entriesError(prof.pluginConfig, 'KubeSchedulerProfile', 'profiles.pluginConfig', 'v1.PluginConfig')
    if (err) return err
  }
  return undefined
}

function pluginsError(plugins: unknown): string | undefined {
  if (jsonType(plugins) !== 'object' || plugins === null) return undefined
  const set = plugins as Record<string, unknown>
  for (const point of ['multiPoint', ...EXTENSION_POINT_NAMES]) {
    const v = set[point]
    if (v === undefined || v === null) continue
    const path = `profiles.plugins.${point}`
    if (jsonType(v) !== 'object') {
      return `json: cannot unmarshal ${jsonType(v)} into Go struct field Plugins.${path} of type v1.PluginSet`
    }
    const ps = v as Record<string, unknown>
    const err = check(ps, 'enabled', 'array', 'PluginSet', '[]v1.Plugin', `${path}.enabled`)
      ?? check(ps, 'disabled', 'array', 'PluginSet', '[]v1.Plugin', `${path}.disabled`)
      ?? entriesError(ps.enabled, 'PluginSet', `${path}.enabled`, 'v1.Plugin')
      ?? entriesError(ps.disabled, 'PluginSet', `${path}.disabled`, 'v1.Plugin')
    if (err) return err
  }
  return undefined
}

/** entriesError: each element of a list of structs is a mapping (or null) whose `name` is a string. */
function entriesError(list: unknown, struct: string, path: string, goType: string): string | undefined {
  if (!Array.isArray(list)) return undefined
  for (const e of list) {
    if (e === null) continue
    const t = jsonType(e)
    if (t !== 'object') return `json: cannot unmarshal ${t} into Go struct field ${struct}.${path} of type ${goType}`
    const err = check(e as Record<string, unknown>, 'name', 'string', goType.replace('v1.', ''), 'string',
      `${path}.name`)
    if (err) return err
  }
  return undefined
}
