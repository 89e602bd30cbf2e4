/**
 * sortedJson is a value as Go's encoding/json writes a decoded object (map[string]interface{}): object keys sorted
 * (by UTF-16 code units, which is Go's byte order for every key outside the astral planes), keys whose value is
 * undefined left out. kubectl's last-applied annotation is this of the manifest, and the apiserver compares
 * decoded objects by it.
 */
export function sortedJson(v: unknown): string {
  // A copy with the keys inserted in order, written by the native JSON.stringify (a recursive concatenation cost 4×
  // as much per pod). JavaScript lists integer-like keys ("8", "10") first and in numeric order whatever the
  // insertion order, so a value with one is written by hand instead.
  const copy = sortedCopy(v)
  return copy === INTEGER_KEY ? byHand(v) : (JSON.stringify(copy) ?? 'undefined')
}

const INTEGER_KEY = Symbol('integer-like key')
const isIntegerKey = (k: string) => /^(?:0|[1-9]\d*)$/.test(k)
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

function sortedCopy(v: unknown): unknown {
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length)
    for (let i = 0; i < v.length; i++) {
      const x = sortedCopy(v[i])
      if (x === INTEGER_KEY) return INTEGER_KEY
      out[i] = x
    }
    return out
  }
  if (v === null || typeof v !== 'object') return v
  const keys = Object.keys(v).sort(byCodeUnits)
  const out: Record<string, unknown> = {}
  for (const k of keys) {
    const x = (v as Record<string, unknown>)[k]
    if (x === undefined) continue
    if (isIntegerKey(k)) return INTEGER_KEY
    const c = sortedCopy(x)
    if (c === INTEGER_KEY) return INTEGER_KEY
    out[k] = c
  }
  return out
}

function byHand(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : byHand(x))).join(',')}]`
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'undefined'
  const entries = Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => byCodeUnits(a, b))
  return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${byHand(x)}`).join(',')}}`
}
