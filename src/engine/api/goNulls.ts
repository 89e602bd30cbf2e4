/**
 * goNulls gives a decoded YAML/JSON document Go's encoding/json meaning of `null`, so engine code that reads it
 * never meets a JS null: a null struct, pointer, slice or map field is left at its zero value (absent here); a
 * null element of a list of structs is the zero struct `{}` (of a list of strings, `""`); a null entry of a
 * ResourceList is the zero resource.Quantity, "0" (Quantity.UnmarshalJSON accepts `null`); a null entry of a
 * map[string]string (labels, annotations) is "".
 * Mirrors: encoding/json (Unmarshal: "The JSON null value unmarshals into an interface, map, pointer, or slice by
 * setting that Go value to nil ... Otherwise ... has no effect on the value") and
 * staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (UnmarshalJSON on "null").
 * Simplified: without a schema per kind, a map is a ResourceList when its key is one of QUANTITY_MAPS, and a
 * list is a list of strings when its other elements are strings.
 */
const QUANTITY_MAPS = new Set(['requests', 'limits', 'capacity', 'allocatable', 'hard', 'used', 'max', 'min', 'default',
  'defaultRequest', 'maxLimitRequestRatio', 'overhead'])
const STRING_MAPS = new Set(['labels', 'annotations', 'nodeSelector', 'data', 'stringData', 'matchLabels'])

export function goNulls<T>(value: T): T {
  return normalize(value, '') as T
}

function normalize(value: unknown, key: string): unknown {
  // Hot (every create's body): index and key loops rather than some/map and Object.entries pairs.
  if (Array.isArray(value)) {
    const out: unknown[] = []
    let strings: boolean | undefined
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i]
      if (v !== null) out.push(normalize(v, ''))
      else out.push((strings ??= value.some((x) => typeof x === 'string')) ? '' : {})
    }
    return out
  }
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  const obj = value as Record<string, unknown>
  for (const k of Object.keys(obj)) {
    const v = obj[k]
    if (v === null) {
      if (QUANTITY_MAPS.has(key)) out[k] = '0'
      else if (STRING_MAPS.has(key)) out[k] = ''
      continue
    }
    out[k] = normalize(v, k)
  }
  return out
}

export const jsonType = (v: unknown) =>
  Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v === 'object' ? 'object' : typeof v

type Want = 'string' | 'array' | 'object'

/** check: encoding/json's UnmarshalTypeError for field `field` of `obj` when it is present with another JSON type. */
export function check(obj: Record<string, unknown>, field: string, want: Want, goStruct: string, goType: string,
  goPath = field): string | undefined {
  const v = obj[field]
  if (v === undefined || jsonType(v) === want) return undefined
  return `json: cannot unmarshal ${jsonType(v)} into Go struct field ${goStruct}.${goPath} of type ${goType}`
}
