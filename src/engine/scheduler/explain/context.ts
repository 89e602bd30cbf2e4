/**
 * The scheduler's view rebuilt from plain objects: NodeInfo and PodInfo as the cache holds them at the cycle.
 * Mirrors: pkg/scheduler/backend/cache snapshot (pods on a node, aggregated requests, used ports); the scheduler's
 * pod informer drops Succeeded and Failed pods (fieldSelector status.phase!=Succeeded,status.phase!=Failed).
 * Simplified: pods nominated to a node (RunFilterPluginsWithNominatedPods) are not added.
 */
import type { LabelSelector } from '../../api/types.ts'
import type { LabelSelectorRequirement } from 'kubernetes-types/meta/v1'
import { NodeInfo, PodInfo } from '../framework/types.ts'
import type { ExplainInputs } from './types.ts'

export interface ExplainContext {
  inputs: ExplainInputs
  pod: PodInfo
  /** Snapshot order. */
  nodeInfos: NodeInfo[]
  byName: Map<string, NodeInfo>
  nsLabels(ns: string): Record<string, string> | undefined
}

const cache = new WeakMap<ExplainInputs, ExplainContext>()

/** contextOf builds (once per inputs object) the NodeInfos the reasons are computed on. */
export function contextOf(inputs: ExplainInputs): ExplainContext {
  const hit = cache.get(inputs)
  if (hit) return hit
  const pod = new PodInfo(inputs.pod)
  const nodeInfos = inputs.nodes.map((n) => new NodeInfo(n))
  const byName = new Map(nodeInfos.map((n) => [n.name, n]))
  for (const p of inputs.pods) {
    const name = p.spec?.nodeName
    if (!name || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue
    const pi = new PodInfo(p)
    if (pi.key === pod.key) continue
    byName.get(name)?.addPod(pi)
  }
  const ns = inputs.namespaceLabels ?? {}
  const ctx: ExplainContext = { inputs, pod, nodeInfos, byName, nsLabels: (n) => ns[n] }
  cache.set(inputs, ctx)
  return ctx
}

const requirementText = (r: LabelSelectorRequirement): string => {
  const values = [...(r.values ?? [])].sort()
  switch (r.operator) {
    case 'In': return `${r.key} in (${values.join(',')})`
    case 'NotIn': return `${r.key} notin (${values.join(',')})`
    case 'Exists': return r.key
    case 'DoesNotExist': return `!${r.key}`
    default: return `${r.key} ${r.operator} (${values.join(',')})`
  }
}

/**
 * selectorText writes a LabelSelector as labels.Selector.String() does (requirements sorted by key); `<none>`
 * for a nil selector (it matches nothing) and `<everything>` for an empty one.
 */
export function selectorText(sel: LabelSelector | null | undefined): string {
  if (!sel) return '<none>'
  const reqs: { key: string; text: string }[] = []
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` })
  for (const r of sel.matchExpressions ?? []) reqs.push({ key: r.key, text: requirementText(r) })
  if (reqs.length === 0) return '<everything>'
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((r) => r.text).join(',')
}

/** podKey is namespace/name, as the scheduler names pods. */
export const podKey = (p: PodInfo): string => p.key
