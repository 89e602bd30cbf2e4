/**
 * explainNode and explainNodes: per node the record's verdict, each plugin's verdict and score, and the constraints
 * that explain them. Never re-decides: the record (framework/record.ts) is the verdict; the constraints say why.
 */
import type { NodeInfo } from '../../framework/types.ts'
import { contextOf } from '../context.ts'
import type { ExplainContext } from '../context.ts'
import { constraintText, failing } from '../text.ts'
import type { ConstraintReason, ExplainInputs, NodeExplanation, PluginReason } from '../types.ts'
import { nodeNameReasons, taintReasons, unschedulableReasons } from './node.ts'
import { preferredNodeAffinityReasons, requiredNodeAffinityReasons } from './nodeAffinity.ts'
import { preferredInterPodReasons, requiredInterPodReasons } from './interPod.ts'
import { portReasons, resourceReasons } from './resources.ts'
import { spreadReasons } from './spread.ts'

export { nodeNameReasons, taintReasons, unschedulableReasons } from './node.ts'
export { labelTermsSatisfied, preferredNodeAffinityReasons, requiredNodeAffinityReasons } from './nodeAffinity.ts'
export { preferredInterPodReasons, requiredInterPodReasons } from './interPod.ts'
export { portReasons, resourceReasons } from './resources.ts'
export { spreadConstraintsFor, spreadReasons } from './spread.ts'

const NO_SCHEDULE = ['NoSchedule', 'NoExecute']

/** constraintsOf: the plugin's Filter-side constraints, plus its Score-side ones when it scored. */
function constraintsOf(ctx: ExplainContext, plugin: string, node: NodeInfo, scores: boolean): ConstraintReason[] {
  switch (plugin) {
    case 'NodeName': return nodeNameReasons(ctx, node)
    case 'NodeUnschedulable': return unschedulableReasons(ctx, node)
    case 'TaintToleration': return taintReasons(ctx, node, scores ? [...NO_SCHEDULE, 'PreferNoSchedule'] : NO_SCHEDULE)
    case 'NodeAffinity':
      return [...requiredNodeAffinityReasons(ctx, node), ...(scores ? preferredNodeAffinityReasons(ctx, node) : [])]
    case 'NodePorts': return portReasons(ctx, node)
    case 'NodeResourcesFit': return resourceReasons(ctx, node)
    case 'PodTopologySpread':
      return [
        ...spreadReasons(ctx, node, 'DoNotSchedule'), ...(scores ? spreadReasons(ctx, node, 'ScheduleAnyway') : []),
      ]
    case 'InterPodAffinity':
      return [...requiredInterPodReasons(ctx, node), ...(scores ? preferredInterPodReasons(ctx, node) : [])]
    default: return []
  }
}

const PREFILTER_PASS = new Set(['Success', 'Skip'])

/** preFilterExclusion: the PreFilter plugin whose node subset leaves this node out, if any. */
function preFilterExclusion(ctx: ExplainContext, node: string): string | null {
  for (const p of ctx.inputs.record.preFilter) if (p.nodeNames && !p.nodeNames.includes(node)) return p.plugin
  return null
}

function summaryOf(ctx: ExplainContext, e: Omit<NodeExplanation, 'summary'>): string {
  const r = ctx.inputs.record
  switch (e.verdict) {
    case 'rejected': {
      const pr = e.plugins.find((p) => p.plugin === e.rejectedBy)
      const cause = pr?.constraints.find(failing)
      const why = cause ? constraintText(cause) : (pr?.message ?? 'see its message')
      return `rejected by ${e.rejectedBy ?? 'a plugin'}: ${why}`
    }
    case 'excluded':
      return `excluded at PreFilter: ${e.rejectedBy ?? 'a plugin'} limits the pod to other nodes`
    case 'notEvaluated':
      if (r.detail === 'compact') return 'not recorded in this compact record (recompute the cycle in full to see it)'
      return `not evaluated: ${r.numFeasibleNodesToFind} feasible node(s) were found before this one was reached`
    case 'feasible': {
      const total = r.totalScore[e.node]
      if (r.selectedNode === e.node) {
        if (total === undefined) return 'selected: the only feasible node, chosen without scoring'
        const tie = r.tiedNodes > 1 ? `, tied with ${r.tiedNodes - 1} other node(s)` : ''
        return `selected: the highest total score (${total})${tie}`
      }
      if (total === undefined) return 'feasible'
      const best = r.selectedNode ? r.totalScore[r.selectedNode] : undefined
      return `feasible, total score ${total}${best === undefined ? '' : ` (${r.selectedNode} has ${best})`}`
    }
    default: return e.verdict
  }
}

/** explainNode explains one node of the record's cycle. */
export function explainNode(inputs: ExplainInputs, node: string): NodeExplanation {
  const ctx = contextOf(inputs)
  const r = inputs.record
  const info = ctx.byName.get(node)
  const row = r.filter[node]
  const rejectedAtPreFilter = r.preFilter.find((p) => !PREFILTER_PASS.has(p.status))
  const excludedBy = rejectedAtPreFilter ? null : preFilterExclusion(ctx, node)
  const failedFilter = row ? r.filterPlugins.find((p) => row[p] !== undefined && row[p] !== 'passed') : undefined
  const feasible = row ? failedFilter === undefined : r.totalScore[node] !== undefined || r.selectedNode === node
  const scored = new Set(r.scorePlugins.map((p) => p.plugin))
  const plugins: PluginReason[] = []
  if (rejectedAtPreFilter) {
    const { plugin, message } = rejectedAtPreFilter
    plugins.push({ plugin, verdict: 'rejected', ...(message === undefined ? {} : { message }), constraints: [], lines: [] })
  }
  const names = [...r.filterPlugins, ...r.scorePlugins.map((p) => p.plugin).filter((p) => !r.filterPlugins.includes(p))]
  for (const plugin of names) {
    const cell = row?.[plugin]
    const isFilter = r.filterPlugins.includes(plugin)
    // A compact record keeps no per-node filter row: a feasible node passed every plugin.
    const verdict: PluginReason['verdict'] = !isFilter || cell === undefined
      ? (feasible && (!isFilter || !row) ? 'passed' : 'notEvaluated')
      : cell === 'passed' ? 'passed' : 'rejected'
    const constraints = info ? constraintsOf(ctx, plugin, info, scored.has(plugin)) : []
    const lines = constraints.map((c) => ({ text: constraintText(c), failing: failing(c) }))
    const pr: PluginReason = { plugin, verdict, constraints, lines }
    if (verdict === 'rejected' && cell !== undefined) pr.message = cell
    const raw = r.score[node]?.[plugin]
    if (raw !== undefined) {
      const weight = r.scorePlugins.find((p) => p.plugin === plugin)?.weight ?? 0
      const normalized = r.normalizedScore[node]?.[plugin] ?? 0
      pr.score = { raw, normalized, weight, final: r.finalScore[node]?.[plugin] ?? 0 }
    }
    plugins.push(pr)
  }
  let e: Omit<NodeExplanation, 'summary'>
  if (rejectedAtPreFilter) e = { node, verdict: 'rejected', rejectedBy: rejectedAtPreFilter.plugin, plugins }
  else if (excludedBy) e = { node, verdict: 'excluded', rejectedBy: excludedBy, plugins }
  else if (failedFilter) e = { node, verdict: 'rejected', rejectedBy: failedFilter, plugins }
  else e = { node, verdict: feasible ? 'feasible' : 'notEvaluated', plugins }
  return { ...e, summary: summaryOf(ctx, e) }
}

/** explainNodes: every node, the evaluated ones in the record's evaluation order first, then the snapshot's. */
export function explainNodes(inputs: ExplainInputs): NodeExplanation[] {
  const seen = new Set<string>()
  const order: string[] = []
  const r = inputs.record
  for (const n of [...r.evaluated, ...Object.keys(r.filter), ...inputs.nodes.map((x) => x.metadata?.name ?? '')]) {
    if (!seen.has(n)) { seen.add(n); order.push(n) }
  }
  return order.map((n) => explainNode(inputs, n))
}
