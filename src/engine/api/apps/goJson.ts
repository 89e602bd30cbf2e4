/**
 * How a field error prints a bad value that is not a plain string or number: since Kubernetes v1.34 ErrorBody
 * renders it with encoding/json (before: Go syntax such as `map[string]string{"app":"x"}`).
 * Mirrors: staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go (ErrorBody: int64/int32/bool with
 * %v, string with %q, anything else json.Marshal) and encoding/json's rules: map keys sorted, struct fields in
 * declaration order, omitempty fields dropped, a nil map or pointer `null`, and <, >, & escaped as \u003c …
 */
import type { LabelSelector } from '../types.ts'

/** goJsonString: encoding/json's string encoding (HTML-safe, so `<b>` is "\u003cb\u003e"). */
export function goJsonString(s: string): string {
  return JSON.stringify(s)
    .replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

/** goJsonStringMap: a map[string]string (labels, matchLabels); nil prints `null`, keys in byte order. */
export function goJsonStringMap(m: Record<string, string> | undefined): string {
  if (m === undefined) return 'null'
  const keys = Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${keys.map((k) => `${goJsonString(k)}:${goJsonString(String(m[k]))}`).join(',')}}`
}

/** goJsonLabelSelector: *metav1.LabelSelector — matchLabels then matchExpressions, both omitempty. */
export function goJsonLabelSelector(sel: LabelSelector | undefined): string {
  if (sel === undefined) return 'null'
  const parts: string[] = []
  if (sel.matchLabels && Object.keys(sel.matchLabels).length > 0) {
    parts.push(`"matchLabels":${goJsonStringMap(sel.matchLabels)}`)
  }
  if (sel.matchExpressions && sel.matchExpressions.length > 0) {
    const exprs = sel.matchExpressions.map((r) => {
      // LabelSelectorRequirement: key and operator always, values omitempty.
      const fields = [`"key":${goJsonString(r.key ?? '')}`, `"operator":${goJsonString(r.operator ?? '')}`]
      if (r.values && r.values.length > 0) fields.push(`"values":[${r.values.map(goJsonString).join(',')}]`)
      return `{${fields.join(',')}}`
    })
    parts.push(`"matchExpressions":[${exprs.join(',')}]`)
  }
  return `{${parts.join(',')}}`
}

/** goJsonIntOrString: intstr.IntOrString's MarshalJSON — a number bare, a string quoted. */
export function goJsonIntOrString(v: number | string | undefined): string {
  if (v === undefined) return '0'
  return typeof v === 'number' ? String(v) : goJsonString(v)
}
