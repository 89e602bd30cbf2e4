/**
 * CycleRecorder collects what one scheduling cycle decided, for the trace, the inspector and `podbirth explain`.
 * Nothing here feeds back into the decision.
 *
 * Cost at scale: the runtime already keeps per-node statuses and per-plugin score arrays (it needs them), so the
 * record only references them while the cycle runs; `finish` turns them into plain JSON. In `full` detail every
 * evaluated node is listed; in `compact` detail (large clusters) the record keeps the reason histogram, the
 * feasible count and the top nodes by total score with their breakdown, so a 5,000-node cluster does not retain
 * megabytes per cycle. Any cycle can be recomputed in full from the deterministic inputs (`podbirth explain`).
 */
import type { NodeInfo } from './types.ts'
import type { ScoredPlugin } from './runtime.ts'

export type Detail = 'full' | 'compact'

export interface PluginOutcome {
  plugin: string
  /** Success, Skip, Unschedulable, UnschedulableAndUnresolvable, Error. */
  status: string
  message?: string
}

export interface CycleRecord {
  pod: string
  profile: string
  detail: Detail
  numAllNodes: number
  numFeasibleNodesToFind: number
  startIndex: number
  nominatedNode: string | null
  preFilter: (PluginOutcome & { nodeNames?: string[] })[]
  /** Filter plugins that ran (PreFilter Skip removes a plugin from Filter). */
  filterPlugins: string[]
  /** Nodes examined by Filter, in evaluation order (full detail only). */
  evaluated: string[]
  /** node → plugin → "passed" | reason text (full detail; absent plugin = not evaluated on that node). */
  filter: Record<string, Record<string, string>>
  /** How many nodes each plugin rejected, and with which reasons (always kept). */
  rejectedBy: Record<string, { nodes: number; reasons: Record<string, number> }>
  numEvaluated: number
  numFeasible: number
  postFilter: (PluginOutcome & { nominatedNodeName?: string })[]
  preScore: PluginOutcome[]
  scorePlugins: { plugin: string; weight: number }[]
  /** node → plugin → raw score (plugins that returned Skip are absent). */
  score: Record<string, Record<string, number>>
  normalizedScore: Record<string, Record<string, number>>
  finalScore: Record<string, Record<string, number>>
  totalScore: Record<string, number>
  /** When scoring was skipped: why (one feasible node). */
  scoringNote: string | null
  selectedNode: string | null
  /** How many nodes shared the best total (the seeded random generator picked among them). */
  tiedNodes: number
  message: string | null
}

export function newCycleRecord(pod: string, profile: string, detail: Detail): CycleRecord {
  return {
    pod, profile, detail, numAllNodes: 0, numFeasibleNodesToFind: 0, startIndex: 0, nominatedNode: null,
    preFilter: [], filterPlugins: [], evaluated: [], filter: {}, rejectedBy: {}, numEvaluated: 0, numFeasible: 0,
    postFilter: [], preScore: [], scorePlugins: [], score: {}, normalizedScore: {}, finalScore: {}, totalScore: {},
    scoringNote: null, selectedNode: null, tiedNodes: 0, message: null,
  }
}

/** The number of top-scored nodes a compact record keeps. */
export const COMPACT_TOP_NODES = 10
/** Clusters up to this many nodes are recorded in full detail by default. */
export const FULL_DETAIL_MAX_NODES = 100

/** CycleRecorder is attached to a CycleState; the runtime fills `record`. */
export class CycleRecorder {
  readonly record: CycleRecord
  constructor(pod: string, profile: string, detail: Detail) {
    this.record = newCycleRecord(pod, profile, detail)
  }
  get full(): boolean {
    return this.record.detail === 'full'
  }
}

/**
 * recordScores keeps the cycle's scores in its record: every feasible node in full detail, the top-scored ones (and
 * the selected node) in compact detail.
 */
export function recordScores(
  rec: CycleRecord, nodes: readonly NodeInfo[], plugins: readonly ScoredPlugin[], totals: number[], selected: number,
): void {
  rec.scorePlugins = plugins.map((p) => ({ plugin: p.plugin, weight: p.weight }))
  let keep: number[]
  if (rec.detail === 'full') {
    keep = nodes.map((_, i) => i)
  } else {
    keep = topIndices(totals, COMPACT_TOP_NODES)
    if (!keep.includes(selected)) keep.push(selected)
  }
  for (const i of keep) {
    const name = nodes[i].name
    const raw: Record<string, number> = {}
    const norm: Record<string, number> = {}
    const fin: Record<string, number> = {}
    for (const p of plugins) {
      raw[p.plugin] = p.raw ? p.raw[i] : p.normalized[i]
      norm[p.plugin] = p.normalized[i]
      fin[p.plugin] = p.normalized[i] * p.weight
    }
    rec.score[name] = raw
    rec.normalizedScore[name] = norm
    rec.finalScore[name] = fin
    rec.totalScore[name] = totals[i]
  }
}

/**
 * topIndices: the indices of the k highest totals, highest first, ties by lower index, as sorting every index
 * and keeping the first k would give, without sorting thousands of nodes to keep ten.
 */
export function topIndices(totals: number[], k: number): number[] {
  const top: number[] = []
  for (let i = 0; i < totals.length; i++) {
    const t = totals[i]
    if (top.length === k && totals[top[k - 1]] >= t) continue
    let j = top.length
    while (j > 0 && totals[top[j - 1]] < t) j--
    top.splice(j, 0, i)
    if (top.length > k) top.pop()
  }
  return top
}

/** runnerUpOf: the best-scored node other than the selected one (ties to the first name), in one pass. */
export function runnerUpOf(totals: Record<string, number> | undefined, selected: string): [string, number] | undefined {
  let best: [string, number] | undefined
  for (const n in totals) {
    if (n === selected) continue
    const v = totals[n]
    if (!best || v > best[1] || (v === best[1] && n < best[0])) best = [n, v]
  }
  return best
}
