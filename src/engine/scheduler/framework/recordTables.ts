/**
 * A cycle record's node tables (filter rows; raw, normalized and final scores; totals), written out the first time
 * they are read.
 *
 * Why: a full record's tables are five objects keyed by node name per cycle. V8 keeps an object with a hundred keys
 * added one by one as a dictionary (~6 KB), and building them for every cycle was about a fifth of a 1,000-pod run's
 * time (apply → Running, 100 nodes: 1.45 s with the tables built, 1.15 s without), yet the run never reads them:
 * the trace's JSON, a postMessage, the inspector and `podbirth explain` do. The record keeps the arrays the cycle
 * made anyway (node order, statuses of the rejected nodes, each plugin's scores) and a getter per table builds the
 * table on first read and returns that same object ever after. JSON.stringify and structured clone read getters as
 * they read values, in the key's own place, so the record's JSON is what the eagerly built tables gave.
 */
import { keyedByName } from '../../api/copy.ts'
import type { NodeInfo } from './types.ts'
import type { ScoredPlugin } from './runtime.ts'

type Table<T> = Record<string, Record<string, T>>

/** The four score tables of a record, in the record's key order. */
export interface ScoreTables {
  score: Table<number>
  normalizedScore: Table<number>
  finalScore: Table<number>
  totalScore: Record<string, number>
}

/** The best totals, best first (ties by name, as sorting by total then name gives), and how many nodes there are. */
export interface RankedTotals {
  top: [string, number][]
  count: number
}

interface FilterSource {
  /** The evaluated nodes, in evaluation order. */
  names: readonly string[]
  plugins: readonly string[]
  /** The row of each node a plugin rejected; every other evaluated node passed every plugin. */
  rejected: ReadonlyMap<string, Record<string, string>>
}

interface ScoreSource {
  nodes: readonly NodeInfo[]
  plugins: readonly ScoredPlugin[]
  totals: readonly number[]
  /** The indices of the nodes the record keeps, in the tables' key order. */
  keep: readonly number[]
}

/** RecordTables holds what one record's tables are built from, and the tables once built. */
export class RecordTables {
  private filterSource: FilterSource | null = null
  private scoreSource: ScoreSource | null = null
  private filterTable: Table<string> | null = null
  private scoreTables: ScoreTables | null = null
  /** The best totals (RANKED_TOTALS of them), ranked from the arrays when the scores were recorded. */
  ranked: RankedTotals | null = null

  setFilter(source: FilterSource): void {
    this.filterSource = source
    this.filterTable = null
  }

  setScores(source: ScoreSource, ranked: RankedTotals): void {
    this.scoreSource = source
    this.scoreTables = null
    this.ranked = ranked
  }

  filter(): Table<string> {
    return (this.filterTable ??= this.filterSource ? buildFilterTable(this.filterSource) : {})
  }

  scores(): ScoreTables {
    return (this.scoreTables ??= this.scoreSource ? buildScoreTables(this.scoreSource) : emptyScores())
  }

  /** A kept node's total, read from the arrays (the same as `totalScore[node]`, without building the table). */
  total(node: string): number | undefined {
    const s = this.scoreSource
    if (!s) return undefined
    for (const i of s.keep) if (s.nodes[i].name === node) return s.totals[i]
    return undefined
  }
}

/** Four tables keyed by node name (keyedByName: see why there). */
const emptyScores = (): ScoreTables => ({
  score: keyedByName(), normalizedScore: keyedByName(), finalScore: keyedByName(), totalScore: keyedByName(),
})

/** The nodes that passed every plugin share one row: a record is read, never written, once its cycle ends. */
export function buildFilterTable(s: FilterSource): Table<string> {
  const table: Table<string> = keyedByName()
  let passed: Record<string, string> | null = null
  for (const name of s.names) {
    const row = s.rejected.get(name)
    if (row) {
      table[name] = row
      continue
    }
    if (!passed) {
      passed = {}
      for (const p of s.plugins) passed[p] = 'passed'
    }
    table[name] = passed
  }
  return table
}

/**
 * buildScoreTables: a row per kept node; nodes whose raw and normalized scores are all equal share their three rows
 * (equal totals find the candidates).
 */
export function buildScoreTables(s: ScoreSource): ScoreTables {
  const t = emptyScores()
  const { nodes, plugins, totals } = s
  const byTotal = new Map<number, number[]>()
  const sameScores = (i: number, j: number): boolean => {
    for (const p of plugins) {
      if (p.normalized[i] !== p.normalized[j] || (p.raw !== null && p.raw[i] !== p.raw[j])) return false
    }
    return true
  }
  for (const i of s.keep) {
    const name = nodes[i].name
    t.totalScore[name] = totals[i]
    let peers = byTotal.get(totals[i])
    if (!peers) byTotal.set(totals[i], (peers = []))
    const j = peers.find((k) => sameScores(i, k))
    if (j !== undefined) {
      const twin = nodes[j].name
      t.score[name] = t.score[twin]
      t.normalizedScore[name] = t.normalizedScore[twin]
      t.finalScore[name] = t.finalScore[twin]
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
    t.score[name] = raw
    t.normalizedScore[name] = norm
    t.finalScore[name] = fin
  }
  return t
}
