/**
 * Strict field validation for Pods, as the apiserver's strict decoder does with `fieldValidation=Strict`: every
 * field must exist in the v1 Pod schema. The field tree (pod.fields.json) is generated from the maintained
 * `kubernetes-models` package by src/cli/tools/generatePodSchema.ts.
 * Mirrors: staging/src/k8s.io/apimachinery/pkg/runtime/serializer/json/json.go (strict errors) and
 * staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go ("%s in version %q cannot be handled as a %s: %v").
 * Simplified: only unknown fields are reported; values of the wrong JSON type are not checked yet.
 */
import type { KObject } from '../types.ts'
import tree from './pod.fields.json' with { type: 'json' }

type Field = { kind: 'scalar' | 'object' | 'array' | 'map'; type?: string; scalar?: string; required?: boolean }
const TREE = tree as Record<string, Record<string, Field>>

function walk(value: unknown, typeName: string, path: string, out: string[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return
  const fields = TREE[typeName]
  if (!fields) return
  for (const [k, v] of Object.entries(value)) {
    const f = fields[k]
    const p = path ? `${path}.${k}` : k
    if (!f) { out.push(`unknown field "${p}"`); continue }
    if (!f.type) continue
    if (f.kind === 'object') walk(v, f.type, p, out)
    else if (f.kind === 'array' && Array.isArray(v)) v.forEach((item, i) => walk(item, f.type as string, `${p}[${i}]`, out))
    else if (f.kind === 'map' && v && typeof v === 'object') for (const [mk, mv] of Object.entries(v)) walk(mv, f.type, `${p}[${mk}]`, out)
  }
}

/** strictDecode returns the strict-decoding errors of a Pod (empty for other kinds and for a clean Pod). */
export function strictDecode(obj: KObject): string[] {
  if (obj.kind !== 'Pod' || obj.apiVersion !== 'v1') return []
  const out: string[] = []
  walk(obj, 'Pod', '', out)
  return out
}

/** strictDecodeMessage is the 400 Bad Request text. */
export function strictDecodeMessage(obj: KObject, errors: string[]): string {
  return `${obj.kind} in version "${obj.apiVersion}" cannot be handled as a ${obj.kind}: strict decoding error: ${errors.join(', ')}`
}
