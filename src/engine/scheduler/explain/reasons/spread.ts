/**
 * Reasons of PodTopologySpread: per constraint, the matching pods per domain, which domains count and why, the
 * global minimum and the skew the pod would create on this node against maxSkew.
 * Mirrors: plugins/podtopologyspread/common.go (filterTopologySpreadConstraints, matchNodeInclusionPolicies,
 * nodeLabelsMatchSpreadConstraints, countPodsMatchSelector) and filtering.go v1.35 (calPreFilterState,
 * minMatchNum, Filter: skew = matchNum + selfMatchNum − minMatchNum). A domain counts when one of its nodes has
 * every constraint's topology key and passes the inclusion policies (nodeAffinityPolicy Honor and
 * nodeTaintsPolicy Ignore by default): spec.unschedulable is not a taint, so a cordoned node still counts.
 * Simplified: ScheduleAnyway constraints are shown with the same counts; Score (scoring.go) counts only the
 * domains of the feasible nodes.
 */
import { matchesLabelSelector } from '../../../api/labels.ts'
import { untolerated } from '../../../api/taints.ts'
import type { LabelSelector } from '../../../api/types.ts'
import type { TopologySpreadConstraint } from 'kubernetes-types/core/v1'
import type { NodeInfo, PodInfo } from '../../framework/types.ts'
import { requiredNodeAffinityMatches } from '../../plugins/helper.ts'
import { SYSTEM_DEFAULT_CONSTRAINTS } from '../../plugins/PodTopologySpread.ts'
import type { PodTopologySpreadArgs } from '../../plugins/PodTopologySpread.ts'
import { selectorText } from '../context.ts'
import type { ExplainContext } from '../context.ts'
import type { ConstraintReason, SpreadDomain } from '../types.ts'

type Policy = 'Honor' | 'Ignore'
interface SpreadConstraint {
  maxSkew: number
  topologyKey: string
  whenUnsatisfiable: string
  selector: LabelSelector | null
  minDomains: number
  nodeAffinityPolicy: Policy
  nodeTaintsPolicy: Policy
}
type RawConstraint = Pick<TopologySpreadConstraint, 'maxSkew' | 'topologyKey' | 'whenUnsatisfiable' | 'labelSelector' |
  'minDomains' | 'nodeAffinityPolicy' | 'nodeTaintsPolicy' | 'matchLabelKeys'>

const DO_NOT_SCHEDULE = ['NoSchedule', 'NoExecute']

function toConstraint(c: RawConstraint, podLabels: Record<string, string>, selector?: LabelSelector): SpreadConstraint {
  let sel: LabelSelector | null = selector ?? c.labelSelector ?? null
  // matchLabelKeys are ANDed into the selector with the pod's values (a nil selector stays labels.Nothing()).
  const keys = (c.matchLabelKeys ?? []).filter((k) => k in podLabels)
  if (sel && keys.length > 0) {
    const added = keys.map((k) => ({ key: k, operator: 'In', values: [podLabels[k]] }))
    sel = { ...sel, matchExpressions: [...(sel.matchExpressions ?? []), ...added] }
  }
  return {
    maxSkew: c.maxSkew, topologyKey: c.topologyKey, whenUnsatisfiable: c.whenUnsatisfiable, selector: sel,
    minDomains: c.minDomains ?? 1,
    nodeAffinityPolicy: c.nodeAffinityPolicy === 'Ignore' ? 'Ignore' : 'Honor',
    nodeTaintsPolicy: c.nodeTaintsPolicy === 'Honor' ? 'Honor' : 'Ignore',
  }
}

/** spreadArgs reads the profile's PodTopologySpreadArgs (validated by config.ts when the profile was loaded). */
function spreadArgs(ctx: ExplainContext): PodTopologySpreadArgs | undefined {
  return ctx.inputs.profile?.args.get('PodTopologySpread') as PodTopologySpreadArgs | undefined
}

/** constraintsFor is getConstraints: the pod's own constraints, or the profile's defaults with the default selector. */
export function spreadConstraintsFor(ctx: ExplainContext, action: string): SpreadConstraint[] {
  const labels = (ctx.pod.pod.metadata?.labels ?? {}) as Record<string, string>
  const own = ctx.pod.pod.spec?.topologySpreadConstraints ?? []
  if (own.length > 0) return own.filter((c) => c.whenUnsatisfiable === action).map((c) => toConstraint(c, labels))
  const args = spreadArgs(ctx)
  const defaults: RawConstraint[] = (args?.defaultingType ?? 'System') === 'System'
    ? SYSTEM_DEFAULT_CONSTRAINTS : (args?.defaultConstraints ?? [])
  const sel = ctx.inputs.defaultSelector
  const empty = !sel || (Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0)
  if (empty) return []
  return defaults.filter((c) => c.whenUnsatisfiable === action).map((c) => toConstraint(c, labels, sel))
}

/** whyExcluded says which inclusion policy drops the node, or null when it counts. */
function whyExcluded(c: SpreadConstraint, pod: PodInfo, node: NodeInfo): string | null {
  if (c.nodeAffinityPolicy === 'Honor' && !requiredNodeAffinityMatches(pod, node)) {
    return `${node.name} does not match the pod's nodeSelector/required node affinity (nodeAffinityPolicy Honor)`
  }
  if (c.nodeTaintsPolicy === 'Honor') {
    const t = untolerated(node.node.spec?.taints, pod.pod.spec?.tolerations, DO_NOT_SCHEDULE)[0]
    if (t) {
      const taint = `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`
      return `${node.name} has the untolerated taint ${taint} (nodeTaintsPolicy Honor)`
    }
  }
  return null
}

function countMatching(pods: PodInfo[], selector: LabelSelector | null, ns: string): number {
  let n = 0
  for (const p of pods) {
    if (p.pod.metadata?.deletionTimestamp || (p.pod.metadata?.namespace ?? 'default') !== ns) continue
    if (matchesLabelSelector(selector, p.pod.metadata?.labels)) n++
  }
  return n
}

function domainsOf(ctx: ExplainContext, all: SpreadConstraint[], c: SpreadConstraint): SpreadDomain[] {
  const ns = ctx.pod.pod.metadata?.namespace ?? 'default'
  const byValue = new Map<string, SpreadDomain & { why: string[] }>()
  for (const node of ctx.nodeInfos) {
    // nodeLabelsMatchSpreadConstraints: a node lacking any constraint's key is no domain of any constraint.
    if (!all.every((x) => x.topologyKey in node.labels)) continue
    const v = node.labels[c.topologyKey]
    let d = byValue.get(v)
    if (!d) byValue.set(v, (d = { value: v, pods: 0, eligible: false, nodes: [], why: [] }))
    d.nodes.push(node.name)
    const why = whyExcluded(c, ctx.pod, node)
    if (why) { d.why.push(why); continue }
    d.eligible = true
    d.pods += countMatching(node.pods, c.selector, ns)
    if (node.node.spec?.unschedulable) (d.cordoned ??= []).push(node.name)
  }
  return [...byValue.values()].map(({ why, ...d }) => (d.eligible ? d : { ...d, whyNot: why.join('; ') }))
}

/** spreadReasons: one reason per constraint with `action` (DoNotSchedule for Filter, ScheduleAnyway for Score). */
export function spreadReasons(ctx: ExplainContext, node: NodeInfo, action: string): ConstraintReason[] {
  const constraints = spreadConstraintsFor(ctx, action)
  const podLabels = ctx.pod.pod.metadata?.labels
  return constraints.map((c) => {
    const domains = domainsOf(ctx, constraints, c)
    const eligible = domains.filter((d) => d.eligible)
    const few = eligible.length < c.minDomains || eligible.length === 0
    const minMatch = few ? 0 : Math.min(...eligible.map((d) => d.pods))
    const nodeDomain = c.topologyKey in node.labels ? node.labels[c.topologyKey] : null
    const selfMatch = matchesLabelSelector(c.selector, podLabels)
    const here = eligible.find((d) => d.value === nodeDomain)?.pods ?? 0
    const skewIfPlaced = nodeDomain === null ? null : here + (selfMatch ? 1 : 0) - minMatch
    return {
      kind: 'spread', topologyKey: c.topologyKey, maxSkew: c.maxSkew, whenUnsatisfiable: c.whenUnsatisfiable,
      minDomains: c.minDomains, nodeAffinityPolicy: c.nodeAffinityPolicy, nodeTaintsPolicy: c.nodeTaintsPolicy,
      selector: selectorText(c.selector), domains, nodeDomain, selfMatch, minMatch, skewIfPlaced,
      satisfied: skewIfPlaced !== null && skewIfPlaced <= c.maxSkew,
    }
  })
}
