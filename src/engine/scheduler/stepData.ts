/**
 * Small pure helpers of the KubeScheduler component's hot paths (index.ts): comparing a pod's labels between two
 * watch events, and the plugin names the binding steps list.
 */

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
