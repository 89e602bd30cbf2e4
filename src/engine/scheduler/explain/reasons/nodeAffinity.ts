/**
 * Reasons of NodeAffinity: each nodeSelector entry and each requirement of the required (Filter) and preferred
 * (Score) node affinity terms, with the value the node has.
 * Mirrors: plugins/nodeaffinity/node_affinity.go and component-helpers/scheduling/corev1/nodeaffinity
 * (terms ORed, requirements ANDed; an empty term matches nothing; matchFields only metadata.name).
 */
import { matchesRequirement } from '../../../api/labels.ts'
import type { NodeSelectorRequirement, NodeSelectorTerm } from '../../../api/types.ts'
import type { NodeInfo } from '../../framework/types.ts'
import type { ExplainContext } from '../context.ts'
import type { ConstraintReason, LabelSource } from '../types.ts'

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/
const isLabelValue = (v: string): boolean => v.length <= 63 && LABEL_VALUE.test(v)

/** requirementMatches: nodeSelectorRequirementsAsSelector turns an invalid In/NotIn value into "match nothing". */
function requirementMatches(r: NodeSelectorRequirement, labels: Record<string, string>): boolean {
  if ((r.operator === 'In' || r.operator === 'NotIn') && !(r.values ?? []).every(isLabelValue)) return false
  return matchesRequirement(r.key, r.operator, r.values ?? [], labels)
}

function termReasons(t: NodeSelectorTerm, node: NodeInfo, source: LabelSource, term: number, weight?: number):
  ConstraintReason[] {
  const out: ConstraintReason[] = []
  const extra = weight === undefined ? {} : { weight }
  for (const r of t.matchExpressions ?? []) {
    const nodeValue = Object.prototype.hasOwnProperty.call(node.labels, r.key) ? node.labels[r.key] : null
    out.push({
      kind: 'label', source, key: r.key, operator: r.operator, values: r.values ?? [], nodeValue,
      matches: requirementMatches(r, node.labels), term, ...extra,
    })
  }
  for (const r of t.matchFields ?? []) {
    const matches = r.key === 'metadata.name' &&
      matchesRequirement('metadata.name', r.operator, r.values ?? [], { 'metadata.name': node.name })
    out.push({
      kind: 'label', source, key: r.key, operator: r.operator, values: r.values ?? [],
      nodeValue: r.key === 'metadata.name' ? node.name : null, matches, term, ...extra,
    })
  }
  // An empty term matches no node: one line says so.
  if (out.length === 0) {
    out.push({
      kind: 'label', source, key: '', operator: '', values: [], nodeValue: null, matches: false, term, ...extra,
    })
  }
  return out
}

/** requiredReasons: the nodeSelector map and the required terms (what Filter checks). */
export function requiredNodeAffinityReasons(ctx: ExplainContext, node: NodeInfo): ConstraintReason[] {
  const spec = ctx.pod.pod.spec
  const out: ConstraintReason[] = []
  for (const [key, want] of Object.entries(spec?.nodeSelector ?? {})) {
    const nodeValue = Object.prototype.hasOwnProperty.call(node.labels, key) ? node.labels[key] : null
    out.push({
      kind: 'label', source: 'nodeSelector', key, operator: '=', values: [want], nodeValue, matches: nodeValue === want,
    })
  }
  const req = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  ;(req?.nodeSelectorTerms ?? []).forEach((t, i) => out.push(...termReasons(t, node, 'requiredAffinity', i)))
  return out
}

/** preferredReasons: each preferred term's requirements with its weight (terms of weight 0 are dropped). */
export function preferredNodeAffinityReasons(ctx: ExplainContext, node: NodeInfo): ConstraintReason[] {
  const pref = ctx.pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []
  const out: ConstraintReason[] = []
  pref.forEach((p, i) => {
    if (p.weight !== 0) out.push(...termReasons(p.preference, node, 'preferredAffinity', i, p.weight))
  })
  return out
}

/** termsSatisfied: the required terms are ORed; a term holds when all its requirements match. */
export function labelTermsSatisfied(reasons: ConstraintReason[], source: LabelSource): boolean {
  const terms = new Map<number, boolean>()
  for (const r of reasons) {
    if (r.kind !== 'label' || r.source !== source || r.term === undefined) continue
    terms.set(r.term, (terms.get(r.term) ?? true) && r.matches)
  }
  if (terms.size === 0) return true
  return [...terms.values()].some((v) => v)
}
