/**
 * What one scheduling cycle decided about each node, for the cluster map: feasible, rejected by a Filter plugin (and
 * why), excluded at PreFilter, never evaluated, or not recorded (a compact record keeps counts, not rows). Read from
 * the cycle's CycleRecord (src/engine/scheduler/framework/record.ts), which mirrors what kube-scheduler's
 * schedulePod / findNodesThatFitPod decide (pkg/scheduler/schedule_one.go). Pure: no React, no store.
 */
import type { CycleRecord } from '../../engine/scheduler/framework/record.ts'
import { assertNever } from '../../engine/events.ts'

export type Verdict =
  /** Passed every Filter plugin; `score` is its total when scoring ran and was recorded. */
  | { kind: 'feasible'; score?: number; selected: boolean }
  /** The first Filter plugin that rejected it, with that plugin's reason. */
  | { kind: 'rejected'; plugin: string; reason: string }
  /** A PreFilter plugin narrowed the nodes (PreFilterResult.NodeNames) or rejected the pod before Filter ran. */
  | { kind: 'excluded'; plugin: string; reason: string }
  /** Filter stopped before reaching it: numFeasibleNodesToFind feasible nodes were already found. */
  | { kind: 'notEvaluated' }
  /** The record is compact (a cluster above 100 nodes): it keeps counts and the top-scored nodes only. */
  | { kind: 'notRecorded' }
  /** No cycle is selected (or recording was off). */
  | { kind: 'noCycle' }

export type VerdictKind = Verdict['kind']

const REJECTING = new Set(['Unschedulable', 'UnschedulableAndUnresolvable', 'Error'])

/** The part of a record the map reads once per cycle, so each node's verdict is a few lookups. */
export interface VerdictIndex {
  record: CycleRecord | null
  /** Nodes a PreFilter result allows (null: every node), and the plugins that narrowed them. */
  allowed: Set<string> | null
  narrowedBy: string[]
  /** A PreFilter plugin that rejected the pod outright: every node is excluded by it. */
  preFilterRejection?: { plugin: string; reason: string }
}

/** indexRecord prepares a cycle's record for verdictOf. */
export function indexRecord(record: CycleRecord | null | undefined): VerdictIndex {
  if (!record) return { record: null, allowed: null, narrowedBy: [] }
  let allowed = null as Set<string> | null
  const narrowedBy: string[] = []
  let preFilterRejection: VerdictIndex['preFilterRejection']
  for (const p of record.preFilter) {
    if (REJECTING.has(p.status)) {
      preFilterRejection ??= { plugin: p.plugin, reason: p.message ?? p.status }
      continue
    }
    if (!p.nodeNames) continue
    // Several PreFilter results intersect (upstream PreFilterResult.Merge).
    const names = new Set(p.nodeNames)
    allowed = allowed ? new Set([...allowed].filter((n) => names.has(n))) : names
    narrowedBy.push(p.plugin)
  }
  return { record, allowed, narrowedBy: narrowedBy.sort(), preFilterRejection }
}

/** verdictOf: what the indexed cycle decided about one node. */
export function verdictOf(ix: VerdictIndex, node: string): Verdict {
  const r = ix.record
  if (!r) return { kind: 'noCycle' }
  if (ix.preFilterRejection) return { kind: 'excluded', ...ix.preFilterRejection }
  if (ix.allowed && !ix.allowed.has(node)) {
    // The status findNodesThatFitPod gives the nodes a PreFilterResult leaves out (upstream schedule_one.go).
    const plugins = ix.narrowedBy.join(' ')
    return {
      kind: 'excluded',
      plugin: ix.narrowedBy.join(', '),
      reason: `node(s) didn't satisfy plugin(s) [${plugins}]`,
    }
  }
  const score = r.totalScore[node]
  const selected = r.selectedNode === node
  const row = r.filter[node]
  if (row) {
    const failed = r.filterPlugins.find((p) => row[p] !== undefined && row[p] !== 'passed')
    if (failed) return { kind: 'rejected', plugin: failed, reason: row[failed] }
    return { kind: 'feasible', score, selected }
  }
  // A compact record still lists the top-scored nodes (all feasible) and the selected one.
  if (score !== undefined || selected) return { kind: 'feasible', score, selected }
  return r.detail === 'full' ? { kind: 'notEvaluated' } : { kind: 'notRecorded' }
}

/** describeVerdict: one line for a hover or a screen reader ("rejected by NodeResourcesFit: Insufficient cpu"). */
export function describeVerdict(v: Verdict): string {
  switch (v.kind) {
    case 'feasible': {
      const score = v.score === undefined ? '' : ` (score ${v.score})`
      return v.selected ? `selected: the pod was placed here${score}` : `feasible${score}`
    }
    case 'rejected':
      return `rejected by ${v.plugin}: ${v.reason}`
    case 'excluded':
      return `excluded at PreFilter by ${v.plugin}: ${v.reason}`
    case 'notEvaluated':
      return 'not evaluated: enough feasible nodes were found first (numFeasibleNodesToFind)'
    case 'notRecorded':
      return 'not recorded at this size: above 100 nodes a cycle keeps counts and the top 10 nodes'
    case 'noCycle':
      return 'no scheduling cycle selected'
    default:
      return assertNever(v, 'verdict')
  }
}
