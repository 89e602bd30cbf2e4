/**
 * Parsed label selectors for the scheduler's hot loops. Upstream parses a pod's selectors once, when it builds the
 * PodInfo (framework.AffinityTerm holds a labels.Selector; podtopologyspread keeps one per constraint), instead of
 * on every match. Mirrors the semantics of api/labels.ts matchesLabelSelector exactly (nil selector ⇒ nothing,
 * empty ⇒ everything, matchLabels then matchExpressions); it only avoids re-reading the selector object each time.
 */
import { matchesRequirement } from '../../api/labels.ts'
import type { Labels } from '../../api/labels.ts'
import type { LabelSelector } from '../../api/types.ts'

interface ParsedSelector {
  keys: string[]
  values: string[]
  exprs: { key: string; operator: string; values: string[] }[]
}

const parsed = new WeakMap<LabelSelector, ParsedSelector>()
const EMPTY: Record<string, string> = {}

function parse(selector: LabelSelector): ParsedSelector {
  let p = parsed.get(selector)
  if (!p) {
    const ml = selector.matchLabels ?? {}
    const keys = Object.keys(ml)
    p = {
      keys, values: keys.map((k) => ml[k]),
      exprs: (selector.matchExpressions ?? [])
        .map((r) => ({ key: r.key, operator: r.operator, values: r.values ?? [] })),
    }
    parsed.set(selector, p)
  }
  return p
}

/** selectorMatches is matchesLabelSelector with the selector parsed once (cached by object identity). */
export function selectorMatches(selector: LabelSelector | null | undefined, labels: Labels): boolean {
  if (!selector) return false
  const p = parse(selector)
  const l = labels ?? EMPTY
  for (let i = 0; i < p.keys.length; i++) if (l[p.keys[i]] !== p.values[i]) return false
  for (let i = 0; i < p.exprs.length; i++) {
    const r = p.exprs[i]
    if (!matchesRequirement(r.key, r.operator, r.values, l)) return false
  }
  return true
}
