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
  // Hot (three objects per node, every cycle): nodes whose raw and normalized scores are all equal share their
  // three rows (the record is only read once the cycle ends: the same JSON). Equal totals find the candidates.
  const byTotal = new Map<number, number[]>()
  const sameScores = (i: number, j: number): boolean => {
    for (const p of plugins) {
      if (p.normalized[i] !== p.normalized[j] || (p.raw !== null && p.raw[i] !== p.raw[j])) return false
    }
    return true
  }
  for (const i of keep) {
    const name = nodes[i].name
    rec.totalScore[name] = totals[i]
    let peers = byTotal.get(totals[i])
    if (!peers) byTotal.set(totals[i], (peers = []))
    const j = peers.find((k) => sameScores(i, k))
    if (j !== undefined) {
      const twin = nodes[j].name
      rec.score[name] = rec.score[twin]
      rec.normalizedScore[name] = rec.normalizedScore[twin]
      rec.finalScore[name] = rec.finalScore[twin]
      continue
    }
    peers.push(i)
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
  }
  // The Score step's summary and the Select step read the best totals: ranked here from the arrays, not from the
  // record's hundred-key object (hot: a for-in over it per read).
  const top: [string, number][] = []
  for (const i of keep) insertRanked(top, RANKED_TOTALS, nodes[i].name, totals[i])
  rankedMemo.set(rec.totalScore, { top, count: keep.length })
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

/** How many of a record's best totals are kept ranked (the Score step's summary shows five). */
export const RANKED_TOTALS = 5

/** The best totals, best first (ties by name, as sorting by total then name gives), and how many nodes there are. */
export interface RankedTotals {
  top: [string, number][]
  count: number
}

/** insertRanked puts (name, v) into `top` (best first, ties by name) when it is among the k best so far. */
export function insertRanked(top: [string, number][], k: number, name: string, v: number): void {
  const last = top[top.length - 1]
  if (top.length === k && (v < last[1] || (v === last[1] && name > last[0]))) return
  let j = top.length
  while (j > 0 && (top[j - 1][1] < v || (top[j - 1][1] === v && top[j - 1][0] > name))) j--
  top.splice(j, 0, [name, v])
  if (top.length > k) top.pop()
}

/** rankTotals: the k best of a totals object in one pass, without sorting every node to show a few. */
export function rankTotals(totals: Record<string, number>, k: number): RankedTotals {
  const top: [string, number][] = []
  let count = 0
  for (const n in totals) {
    count++
    insertRanked(top, k, n, totals[n])
  }
  return { top, count }
}

/** A totals object's best RANKED_TOTALS: recordScores sets them; a record from elsewhere is ranked on first use. */
const rankedMemo = new WeakMap<Record<string, number>, RankedTotals>()
export function rankedTotals(totals: Record<string, number>): RankedTotals {
  let r = rankedMemo.get(totals)
  if (!r) rankedMemo.set(totals, (r = rankTotals(totals, RANKED_TOTALS)))
  return r
}

/** runnerUpOf: the best-scored node other than the selected one (ties to the first name): one of the best two. */
export function runnerUpOf(totals: Record<string, number> | undefined, selected: string): [string, number] | undefined {
  if (!totals) return undefined
  for (const e of rankedTotals(totals).top) if (e[0] !== selected) return e
  return undefined
}
