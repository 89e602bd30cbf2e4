/**
 * Strict field validation for Pods, as the apiserver's strict decoder does with `fieldValidation=Strict`: every
 * field must exist in the v1 Pod schema. The field tree (pod.fields.json) is generated from the maintained
 * `kubernetes-models` package by src/cli/tools/generatePodSchema.ts.
 * Mirrors: staging/src/k8s.io/apimachinery/pkg/runtime/serializer/json/json.go (strict errors) and
 * staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go ("%s in version %q cannot be handled as a %s: %v").
 * A value of the wrong JSON type fails decoding itself, as encoding/json reports it: `json: cannot unmarshal string
 * into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32` (the first one wins).
 * Simplified: Go integer widths come from a list of the Pod's int64 fields; everything else numeric is int32.
 */
import type { KObject } from '../types.ts'
import { QUANTITY_FORMAT_WRONG, QUANTITY_NUMERIC, QUANTITY_SUFFIX, quantityError } from '../quantity.ts'
import tree from './pod.fields.json' with { type: 'json' }

type Field = { kind: 'scalar' | 'object' | 'array' | 'map'; type?: string; scalar?: string; required?: boolean }
const TREE = tree as Record<string, Record<string, Field>>

const INT64 = new Set(['activeDeadlineSeconds', 'terminationGracePeriodSeconds', 'runAsUser', 'runAsGroup', 'fsGroup', 'supplementalGroups', 'tolerationSeconds', 'expirationSeconds', 'deletionGracePeriodSeconds', 'generation', 'observedGeneration', 'seconds'])

const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v === 'object' ? 'object' : typeof v)

function goType(name: string, f: Field): string {
  const base = f.type ? `v1.${f.type}` : f.scalar === 'number' ? (INT64.has(name) ? 'int64' : 'int32') : f.scalar === 'boolean' ? 'bool' : 'string'
  return f.kind === 'array' ? `[]${base}` : f.kind === 'map' ? `map[string]${base}` : base
}

interface Found { unknown: string[]; typeError?: string }

function walk(value: unknown, typeName: string, path: string, goPath: string, out: Found): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return
  const fields = TREE[typeName]
  if (!fields) return
  for (const [k, v] of Object.entries(value)) {
    const f = fields[k]
    const p = path ? `${path}.${k}` : k
    const gp = goPath ? `${goPath}.${k}` : k
    if (!f) { out.unknown.push(`unknown field "${p}"`); continue }
    // A resource.Quantity decodes itself (Quantity.UnmarshalJSON): its parse error fails the decoding as a whole.
    if (f.scalar === 'quantity') {
      const values = f.kind === 'map' && v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.values(v) : [v]
      for (const q of values) { const err = quantityError(q); if (err) out.typeError ??= err }
      continue
    }
    if (v === null) continue
    const want = f.kind === 'array' ? 'array' : f.kind === 'map' || f.type ? 'object' : f.scalar === 'number' ? 'number' : f.scalar === 'boolean' ? 'bool' : f.scalar === 'string' ? 'string' : undefined
    if (want && jsonType(v) !== want) {
      out.typeError ??= `json: cannot unmarshal ${jsonType(v)} into Go struct field ${typeName}.${gp} of type ${goType(k, f)}`
      continue
    }
    if (f.kind === 'array' && Array.isArray(v)) v.forEach((item, i) => {
      if (f.type) walk(item, f.type, `${p}[${i}]`, gp, out)
      else if (f.scalar === 'string' && typeof item !== 'string') out.typeError ??= `json: cannot unmarshal ${jsonType(item)} into Go struct field ${typeName}.${gp} of type string`
    })
    if (!f.type) continue
    if (f.kind === 'object') walk(v, f.type, p, gp, out)
    else if (f.kind === 'map' && v && typeof v === 'object') for (const [mk, mv] of Object.entries(v)) walk(mv, f.type, `${p}[${mk}]`, gp, out)
  }
}

/**
 * strictDecode returns the decoding errors of a Pod (empty for other kinds and for a clean Pod): a type error
 * alone (it fails decoding whatever fieldValidation says), or the unknown fields.
 */
export function strictDecode(obj: KObject): string[] {
  if (obj.kind !== 'Pod' || obj.apiVersion !== 'v1') return []
  const out: Found = { unknown: [] }
  walk(obj, 'Pod', '', '', out)
  return out.typeError ? [out.typeError] : out.unknown
}

const QUANTITY_ERRORS = new Set([QUANTITY_FORMAT_WRONG, QUANTITY_NUMERIC, QUANTITY_SUFFIX])

/**
 * isTypeError tells a decoding failure (a value of the wrong JSON type, a quantity that does not parse: rejected
 * even without strict validation) from unknown fields.
 */
export function isTypeError(errors: string[]): boolean {
  return errors.length === 1 && (errors[0].startsWith('json: ') || QUANTITY_ERRORS.has(errors[0]))
}

/** strictDecodeMessage is the 400 Bad Request text. */
export function strictDecodeMessage(obj: KObject, errors: string[]): string {
  const why = isTypeError(errors) ? errors[0] : `strict decoding error: ${errors.join(', ')}`
  return `${obj.kind} in version "${obj.apiVersion}" cannot be handled as a ${obj.kind}: ${why}`
}
