/**
 * Small pure helpers of the KubeScheduler component's hot paths (index.ts): comparing a pod's labels between two
 * watch events, the plugin names the binding steps list, and the details of the Select and extension point steps.
 */
import type { CycleRecord } from './framework/record.ts'
import { recordRunnerUp, recordTotal } from './framework/record.ts'
import { isSuccess } from './framework/status.ts'
import type { MaybeStatus } from './framework/status.ts'
import type { ExtensionPointDetails, SelectDetails } from './traceTypes.ts'

/**
 * sameLabels is `JSON.stringify(a ?? {}) === JSON.stringify(b ?? {})` without the strings while every value is a
 * string (hot: every watch event of a pod compares its labels); anything else is left to JSON's own rules.
 */
export function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true
  const ka = Object.keys(a ?? {})
  const kb = Object.keys(b ?? {})
  if (ka.length === kb.length) {
    let plain = true
    for (let i = 0; i < ka.length && plain; i++) {
      const va: unknown = (a as Record<string, unknown>)[ka[i]]
      const vb: unknown = (b as Record<string, unknown>)[kb[i]]
      if (typeof va !== 'string' || typeof vb !== 'string') plain = false
      else if (ka[i] !== kb[i] || va !== vb) return false
    }
    if (plain) return true
  }
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {})
}

/**
 * The names of an extension point's plugins, worked out once per (framework-owned, fixed) plugin list: hot, three
 * steps of every pod list them. The steps share the array; nothing writes to a trace event's details.
 */
const namesOf = new WeakMap<readonly { name: string }[], string[]>()
export function pluginNames(plugins: readonly { name: string }[]): string[] {
  let names = namesOf.get(plugins)
  if (!names) namesOf.set(plugins, (names = plugins.map((p) => p.name)))
  return names
}

/**
 * selectDetails: the Select step's details. Hot (one per pod): the optional keys are assigned in their place rather
 * than spread in; the key order is the step's JSON order.
 */
export function selectDetails(node: string, rec: CycleRecord | null, seed: number): SelectDetails {
  const total = rec ? recordTotal(rec, node) : undefined
  const runnerUp = rec ? recordRunnerUp(rec, node) : undefined
  const select = { selectedNode: node, cycle: rec } as SelectDetails
  if (total !== undefined) select.totalScore = total
  if (runnerUp) select.runnerUp = { node: runnerUp[0], score: runnerUp[1] }
  select.tiedNodes = rec?.tiedNodes ?? 0
  select.scoringNote = rec?.scoringNote ?? null
  select.seed = seed
  return select
}

/** pointDetails: a Reserve, Permit or PreBind step's details (its plugins, and which one failed with what). */
export function pointDetails(node: string, plugins: readonly { name: string }[], s: MaybeStatus): ExtensionPointDetails {
  const d: ExtensionPointDetails = { node, plugins: pluginNames(plugins), status: s ? s.codeName : 'Success' }
  if (s && !isSuccess(s)) {
    if (s.plugin) d.failedPlugin = s.plugin
    d.message = s.message()
  }
  return d
}
