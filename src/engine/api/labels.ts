/**
 * Label selectors (metav1.LabelSelector) and set-based requirements.
 * Mirrors: kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/labels/selector.go and
 * pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector (nil selector ⇒ matches nothing, empty ⇒ everything).
 */
import type { LabelSelector } from './types.ts'

export type Labels = Record<string, string> | undefined

/** matchesLabelSelector applies a LabelSelector; a null/undefined selector matches nothing. */
export function matchesLabelSelector(selector: LabelSelector | undefined | null, labels: Labels): boolean {
  if (!selector) return false
  const l = labels ?? {}
  // for…in, not Object.entries: controllers match every pod of a ReplicaSet on each sync.
  const ml = selector.matchLabels
  if (ml) for (const k in ml) if (l[k] !== ml[k]) return false
  for (const r of selector.matchExpressions ?? []) {
    if (!matchesRequirement(r.key, r.operator, r.values ?? [], l)) return false
  }
  return true
}

/** matchesRequirement applies one set-based requirement (In, NotIn, Exists, DoesNotExist, Gt, Lt). */
export function matchesRequirement(key: string, operator: string, values: string[], labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, key)
  const v = labels[key]
  switch (operator) {
    case 'In': return has && values.includes(v)
    case 'NotIn': return !has || !values.includes(v)
    case 'Exists': return has
    case 'DoesNotExist': return !has
    case 'Gt':
    case 'Lt': {
      if (!has || values.length !== 1) return false
      const a = Number.parseInt(v, 10)
      const b = Number.parseInt(values[0], 10)
      if (!/^-?\d+$/.test(v) || Number.isNaN(b)) return false
      return operator === 'Gt' ? a > b : a < b
    }
    default: return false
  }
}

/** matchesSelectorMap applies a plain map selector (nodeSelector, Service selector): every pair must match. */
export function matchesSelectorMap(selector: Record<string, string> | undefined, labels: Labels): boolean {
  const l = labels ?? {}
  if (selector) for (const k in selector) if (l[k] !== selector[k]) return false
  return true
}
