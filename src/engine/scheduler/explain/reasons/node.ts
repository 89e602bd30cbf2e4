/**
 * Reasons of the node-level filters: NodeName, NodeUnschedulable and TaintToleration (Filter: NoSchedule and
 * NoExecute taints; Score: PreferNoSchedule taints).
 * Mirrors: plugins/nodename/node_name.go, plugins/nodeunschedulable/node_unschedulable.go,
 * plugins/tainttoleration/taint_toleration.go (FindMatchingUntoleratedTaint, countIntolerableTaintsPreferNoSchedule).
 */
import { tolerates } from '../../../api/taints.ts'
import { TAINT_NODE_UNSCHEDULABLE } from '../../plugins/NodeUnschedulable.ts'
import type { ExplainContext } from '../context.ts'
import type { NodeInfo } from '../../framework/types.ts'
import type { ConstraintReason } from '../types.ts'

export function nodeNameReasons(ctx: ExplainContext, node: NodeInfo): ConstraintReason[] {
  const wanted = ctx.pod.pod.spec?.nodeName
  if (!wanted) return []
  return [{ kind: 'nodeName', wanted, matches: wanted === node.name }]
}

export function unschedulableReasons(ctx: ExplainContext, node: NodeInfo): ConstraintReason[] {
  const unschedulable = node.node.spec?.unschedulable === true
  const tolerated = (ctx.pod.pod.spec?.tolerations ?? []).some((t) =>
    tolerates(t, { key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' }))
  return unschedulable ? [{ kind: 'unschedulable', unschedulable, tolerated }] : []
}

/**
 * taintReasons lists every taint of the node with the toleration that covers it (or none). Filter looks at
 * NoSchedule and NoExecute taints, Score at PreferNoSchedule ones: `effects` picks which.
 */
export function taintReasons(ctx: ExplainContext, node: NodeInfo, effects: string[]): ConstraintReason[] {
  const tols = ctx.pod.pod.spec?.tolerations ?? []
  const out: ConstraintReason[] = []
  for (const taint of node.node.spec?.taints ?? []) {
    if (!effects.includes(taint.effect)) continue
    const toleration = tols.find((t) => tolerates(t, taint)) ?? null
    out.push({ kind: 'taint', taint, effect: taint.effect, tolerated: toleration !== null, toleration })
  }
  return out
}
