/**
 * Field and label selectors as the watch cache applies them (fields: spec.nodeName, metadata.name,
 * metadata.namespace, status.phase with =, ==, !=).
 * Mirrors: staging/src/k8s.io/apimachinery/pkg/fields/selector.go, pkg/registry/core/pod/strategy.go ToSelectableFields.
 */
import type { KObject } from '../api/types.ts'

type Req = { field: string; op: '=' | '!='; value: string }

/** parseFieldSelector parses "a=b,c!=d"; empty means everything. */
export function parseFieldSelector(s: string | undefined): Req[] {
  if (!s) return []
  return s.split(',').filter(Boolean).map((part) => {
    const ne = part.indexOf('!=')
    if (ne >= 0) return { field: part.slice(0, ne), op: '!=' as const, value: part.slice(ne + 2) }
    const eq = part.indexOf('==') >= 0 ? part.indexOf('==') : part.indexOf('=')
    const len = part.indexOf('==') >= 0 ? 2 : 1
    return { field: part.slice(0, eq), op: '=' as const, value: part.slice(eq + len) }
  })
}

/** A field's path, split once: every write is checked against every candidate watcher's selector. */
const fieldPaths = new Map<string, readonly string[]>()

export function fieldValue(obj: KObject, field: string): string {
  let path = fieldPaths.get(field)
  if (!path) {
    path = field.split('.')
    // Bounded: field selectors come from requests, and only a handful of fields are selectable.
    if (fieldPaths.size < 64) fieldPaths.set(field, path)
  }
  let cur: unknown = obj
  for (const p of path) cur = typeof cur === 'object' && cur !== null ? (cur as Record<string, unknown>)[p] : undefined
  return cur === undefined || cur === null ? '' : String(cur)
}

/** matchesFields applies parsed field requirements. */
export function matchesFields(obj: KObject, reqs: Req[]): boolean {
  return reqs.every((r) => (fieldValue(obj, r.field) === r.value) === (r.op === '='))
}

/** matchesLabelString applies a labelSelector string of equality terms and `key`/`!key` existence. */
export function matchesLabelString(obj: KObject, s: string | undefined): boolean {
  if (!s) return true
  const labels = obj.metadata?.labels ?? {}
  return s.split(',').filter(Boolean).every((t) => {
    if (t.startsWith('!')) return !(t.slice(1) in labels)
    const [k, op, v] = /^([^!=]+)(!=|==|=)?(.*)$/.exec(t)?.slice(1) ?? [t, '', '']
    if (!op) return k in labels
    return op === '!=' ? labels[k] !== v : labels[k] === v
  })
}
