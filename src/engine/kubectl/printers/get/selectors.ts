/**
 * Selectors and label maps as kubectl prints them.
 * Mirrors: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector and
 * FormatLabelSelector, staging/src/k8s.io/apimachinery/pkg/labels/selector.go internalSelector.String and
 * Requirement.String, staging/src/k8s.io/apimachinery/pkg/labels/labels.go FormatLabels.
 */
import type { LabelSelector } from '../../../api/types.ts'

// Go's sort.Strings compares bytes; label keys and values are ASCII, so code-unit order is the same.
const byteOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * selectorString is LabelSelectorAsSelector(sel).String(): one requirement per matchLabels entry and per expression,
 * sorted by key, values of a set requirement deduplicated and sorted; "" for a nil or empty selector, undefined when
 * LabelSelectorAsSelector fails (an unknown operator, which validation never stores).
 */
export function selectorString(sel: LabelSelector | undefined | null): string | undefined {
  if (!sel) return ''
  const reqs: { key: string; text: string }[] = []
  for (const [key, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key, text: `${key}=${v}` })
  for (const e of sel.matchExpressions ?? []) {
    const values = [...new Set(e.values ?? [])].sort(byteOrder).join(',')
    switch (e.operator) {
      case 'In':
        reqs.push({ key: e.key, text: `${e.key} in (${values})` })
        break
      case 'NotIn':
        reqs.push({ key: e.key, text: `${e.key} notin (${values})` })
        break
      case 'Exists':
        reqs.push({ key: e.key, text: e.key })
        break
      case 'DoesNotExist':
        reqs.push({ key: e.key, text: `!${e.key}` })
        break
      default:
        return undefined
    }
  }
  // sort.Sort(ByKey(requirements)); ties keep insertion order here, which is what small lists get in Go too.
  return reqs
    .sort((a, b) => byteOrder(a.key, b.key))
    .map((r) => r.text)
    .join(',')
}

/** formatLabelSelector is metav1.FormatLabelSelector: the selector, `<none>` when empty, `<error>` if invalid. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  const s = selectorString(sel)
  if (s === undefined) return '<error>'
  return s.length === 0 ? '<none>' : s
}

/** formatLabels is labels.FormatLabels: sorted `k=v` pairs joined by commas, `<none>` for no labels. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort(byteOrder)
  if (keys.length === 0) return '<none>'
  return keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(',')
}
