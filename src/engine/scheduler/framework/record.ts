/**
 * CycleRecorder collects what one scheduling cycle decided, for the trace, the inspector and `podbirth explain`.
 * Nothing here feeds back into the decision.
 *
 * Cost at scale: in `full` detail every evaluated node is listed; in `compact` detail (large clusters) the record
 * keeps the reason histogram, the feasible count and the top nodes by total score with their breakdown, so a
 * 5,000-node cluster does not retain megabytes per cycle. A full record keeps the arrays the cycle made and writes
 * its per-node tables out on first read (recordTables.ts). Any cycle can be recomputed in full from the
 * deterministic inputs (`podbirth explain`).
 */
import type { NodeInfo } from './types.ts'
import type { ScoredPlugin } from './runtime.ts'
import type { Status } from './status.ts'
import { RecordTables, buildFilterTable, buildScoreTables } from './recordTables.ts'
import type { RankedTotals } from './recordTables.ts'

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

/** The tables behind a recorder's record, and behind the Score steps that show them (recordTables.ts). */
const tablesOf = new WeakMap<object, RecordTables>()

/** A full record's keys whose values are its tables, written out when first read. */
export type TableKey = 'filter' | 'score' | 'normalizedScore' | 'finalScore' | 'totalScore'

/**
 * The table keys' getters: one function each, shared by every full record and every step that shows its tables,
 * each finding the tables by `this` (tablesOf). A getter made per object (a closure) gave each object a hidden class
 * of its own, which V8 keeps as a dictionary (~1.5 KB a record, ~0.9 KB a Score step); shared getters added in the
 * same key order keep one hidden class for them all.
 */
const TABLE_GETTERS: Record<TableKey, PropertyDescriptor> = {
  filter: tableGetter((t) => t.filter()),
  score: tableGetter((t) => t.scores().score),
  normalizedScore: tableGetter((t) => t.scores().normalizedScore),
  finalScore: tableGetter((t) => t.scores().finalScore),
  totalScore: tableGetter((t) => t.scores().totalScore),
}

function tableGetter(read: (t: RecordTables) => unknown): PropertyDescriptor {
  return {
    get(this: object): unknown {
      const t = tablesOf.get(this)
      if (!t) throw new Error('a cycle record table read from an object that shows none')
      return read(t)
    },
    enumerable: true,
    configurable: true,
  }
}

const isTableKey = (k: string, keys: readonly TableKey[]): k is TableKey => (keys as readonly string[]).includes(k)

/** withTables: a copy of `data` (a step's few keys, in order) whose `keys` are getters of the tables `t`. */
function withTables<T extends object>(data: T, t: RecordTables, keys: readonly TableKey[]): T {
  const out = {} as T
  for (const k of Object.keys(data) as (keyof T & string)[]) {
    if (isTableKey(k, keys)) Object.defineProperty(out, k, TABLE_GETTERS[k])
    else out[k] = data[k]
  }
  tablesOf.set(out, t)
  return out
}

/**
 * tabledCycleRecord: a record whose node tables are getters, built on first read from what the cycle recorded
 * (recordTables.ts says why). Its keys are newCycleRecord's, in the same order, added by name: V8 turns an object
 * that gets more than a dozen keys by computed name (as withTables adds them) into a dictionary.
 */
function tabledCycleRecord(pod: string, profile: string, detail: Detail): CycleRecord {
  const rec: Partial<CycleRecord> = {
    pod, profile, detail, numAllNodes: 0, numFeasibleNodesToFind: 0, startIndex: 0, nominatedNode: null,
    preFilter: [], filterPlugins: [], evaluated: [],
  }
  Object.defineProperty(rec, 'filter', TABLE_GETTERS.filter)
  rec.rejectedBy = {}
  rec.numEvaluated = 0
  rec.numFeasible = 0
  rec.postFilter = []
  rec.preScore = []
  rec.scorePlugins = []
  Object.defineProperty(rec, 'score', TABLE_GETTERS.score)
  Object.defineProperty(rec, 'normalizedScore', TABLE_GETTERS.normalizedScore)
  Object.defineProperty(rec, 'finalScore', TABLE_GETTERS.finalScore)
  Object.defineProperty(rec, 'totalScore', TABLE_GETTERS.totalScore)
  rec.scoringNote = null
  rec.selectedNode = null
  rec.tiedNodes = 0
  rec.message = null
  tablesOf.set(rec, new RecordTables())
  return rec as CycleRecord
}

/**
 * showTables: `view` (a step's details) with `keys` read from a full record's tables, as the record reads them (and
 * scoreRanking ranks from them). A compact record's `view` is data already, returned as it is; a full record made
 * without tables (newCycleRecord) has its tables' values put in their places.
 */
export function showTables<T extends object>(view: T, rec: CycleRecord, keys: readonly TableKey[]): T {
  const t = tablesOf.get(rec)
  if (t) return withTables(view, t, keys)
  if (rec.detail === 'full') {
    for (const k of keys) Object.defineProperty(view, k, { value: rec[k], enumerable: true, writable: true, configurable: true })
  }
  return view
}

/** The number of top-scored nodes a compact record keeps. */
export const COMPACT_TOP_NODES = 10
/** Clusters up to this many nodes are recorded in full detail by default. */
export const FULL_DETAIL_MAX_NODES = 100

/** CycleRecorder is attached to a CycleState; the runtime fills `record`. */
export class CycleRecorder {
  readonly record: CycleRecord
  constructor(pod: string, profile: string, detail: Detail) {
    // A compact record's tables hold a few nodes: built as the cycle ends, as data (getters cost each record a
    // hidden class of its own, more than those few rows).
    this.record = detail === 'full' ? tabledCycleRecord(pod, profile, detail) : newCycleRecord(pod, profile, detail)
  }
  get full(): boolean {
    return this.record.detail === 'full'
  }
}

/**
 * recordFilterRows keeps the Filter's per-node rows: `names` in evaluation order, `statuses` the rejected ones.
 * A row lists the plugins run on the node, each "passed" up to the one that rejected it (its message).
 */
export function recordFilterRows(
  rec: CycleRecord, names: readonly string[], plugins: readonly string[], statuses: ReadonlyMap<string, Status>,
): void {
  const rejected = new Map<string, Record<string, string>>()
  for (const name of names) {
    const s = statuses.get(name)
    if (!s) continue
    const row: Record<string, string> = {}
    for (const p of plugins) {
      if (s.plugin === p) {
        row[p] = s.message()
        break
      }
      row[p] = 'passed'
    }
    rejected.set(name, row)
  }
  const t = tablesOf.get(rec)
  if (t) t.setFilter({ names, plugins, rejected })
  else Object.assign(rec.filter, buildFilterTable({ names, plugins, rejected }))
}

/**
 * recordScores keeps the cycle's scores in its record: every feasible node in full detail, the top-scored ones (and
 * the selected node) in compact detail.
 */
export function recordScores(
  rec: CycleRecord, nodes: readonly NodeInfo[], plugins: readonly ScoredPlugin[], totals: number[], selected: number,
): void {
  rec.scorePlugins = plugins.map((p) => ({ plugin: p.plugin, weight: p.weight }))
  let keep: readonly number[]
  if (rec.detail === 'full') {
    keep = everyIndex(nodes.length)
  } else {
    const best = topIndices(totals, COMPACT_TOP_NODES)
    if (!best.includes(selected)) best.push(selected)
    keep = best
  }
  // The Score step's summary and the Select step read the best totals: ranked here from the arrays.
  const top: [string, number][] = []
  for (const i of keep) insertRanked(top, RANKED_TOTALS, nodes[i].name, totals[i])
  const ranked = { top, count: keep.length }
  // A compact record keeps a few of thousands of nodes: only their scores are kept, not the cycle's whole arrays.
  const source = rec.detail === 'full' ? { nodes, plugins, totals, keep } : keptOnly(nodes, plugins, totals, keep)
  const t = tablesOf.get(rec)
  if (t) {
    t.setScores(source, ranked)
    return
  }
  const built = buildScoreTables(source)
  rec.score = built.score
  rec.normalizedScore = built.normalizedScore
  rec.finalScore = built.finalScore
  rec.totalScore = built.totalScore
  rankedMemo.set(built.totalScore, ranked)
}

/**
 * 0, 1, … n-1, one array per n: a full record keeps every node, and the tables only read these. Read-only by type,
 * not frozen: Node 20's optimizing compiler iterates a frozen array (`for…of`) through the generic iterator, an
 * object per element and six times slower (3.9 MB of a 1,000-pod run).
 */
const identities = new Map<number, readonly number[]>()
function everyIndex(n: number): readonly number[] {
  let ids = identities.get(n)
  if (!ids) {
    if (identities.size >= 64) identities.clear()
    ids = Array.from({ length: n }, (_, i) => i)
    identities.set(n, ids)
  }
  return ids
}

/** keptOnly: the kept nodes' entries of the cycle's arrays, in the kept order (the tables' key order). */
function keptOnly(
  nodes: readonly NodeInfo[], plugins: readonly ScoredPlugin[], totals: readonly number[], keep: readonly number[],
): { nodes: NodeInfo[]; plugins: ScoredPlugin[]; totals: number[]; keep: number[] } {
  return {
    nodes: keep.map((i) => nodes[i]),
    plugins: plugins.map((p) => ({
      plugin: p.plugin, weight: p.weight, raw: p.raw && keep.map((i) => (p.raw as number[])[i]),
      normalized: keep.map((i) => p.normalized[i]),
    })),
    totals: keep.map((i) => totals[i]),
    keep: keep.map((_, j) => j),
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

/** How many of a record's best totals are kept ranked (the Score step's summary shows five). */
export const RANKED_TOTALS = 5

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

/**
 * scoreRanking: the best RANKED_TOTALS totals of a record or of a Score step's details: ranked from the arrays when
 * the cycle recorded its scores (without building the totals table), else from the table once and remembered.
 */
const rankedMemo = new WeakMap<Record<string, number>, RankedTotals>()
export function scoreRanking(owner: { totalScore: Record<string, number> }): RankedTotals {
  const ranked = tablesOf.get(owner)?.ranked
  if (ranked) return ranked
  // A record without getters, and the Score step showing it, share one totals object: its ranking is kept by it.
  const totals = owner.totalScore
  let r = rankedMemo.get(totals)
  if (!r) rankedMemo.set(totals, (r = rankTotals(totals, RANKED_TOTALS)))
  return r
}

/** recordTotal: `rec.totalScore[node]`, read from the arrays when the record has them. */
export function recordTotal(rec: CycleRecord, node: string): number | undefined {
  const t = tablesOf.get(rec)
  return t ? t.total(node) : rec.totalScore[node]
}

/** recordRunnerUp: the best-scored node other than the selected one (ties to the first name): one of the best two. */
export function recordRunnerUp(rec: CycleRecord, selected: string): [string, number] | undefined {
  for (const e of scoreRanking(rec).top) if (e[0] !== selected) return e
  return undefined
}
