/**
 * The decision view's grid model: one row per node (its Filter verdicts, the plugin that rejected it, its total
 * score), grouped by a label (topology.kubernetes.io/zone by default), filtered by text and verdict, sorted, and
 * cut to the rows in view (the grid renders only those: 5,000 nodes stay cheap).
 */
import type { CycleRecord } from '../../engine/scheduler/framework/record.ts'

export const ZONE_LABEL = 'topology.kubernetes.io/zone'

export type Verdict = 'feasible' | 'rejected' | 'notEvaluated' | 'excluded'

export interface GridRow {
  node: string
  verdict: Verdict
  /** The first plugin that rejected the node, and its reason. */
  rejectedBy?: string
  reason?: string
  /** plugin → "passed" | reason; an absent plugin was not evaluated on the node. */
  cells: Record<string, string>
  total?: number
  /** The value of the grouping label ("" when the node has none). */
  group: string
  /** Position in the round-robin walk (evaluation order), or -1. */
  order: number
}

/** The nodes a PreFilter result limited the cycle to (PreFilterResult.NodeNames), or null when none did. */
function preFilterSubset(record: CycleRecord): Set<string> | null {
  let subset: Set<string> | null = null
  for (const p of record.preFilter) {
    if (!p.nodeNames) continue
    const names = new Set(p.nodeNames)
    if (subset === null) {
      subset = names
      continue
    }
    const both = new Set<string>()
    for (const n of subset) if (names.has(n)) both.add(n)
    subset = both
  }
  return subset
}

/** buildRows: a row per node (`nodes`: every node of the snapshot, else the record's), grouped by `groupBy`. */
export function buildRows(
  record: CycleRecord,
  labels: Record<string, Record<string, string>>,
  groupBy: string,
): GridRow[] {
  const names = Object.keys(labels).length ? Object.keys(labels) : Object.keys(record.filter)
  const subset = preFilterSubset(record)
  const order = new Map(record.evaluated.map((n, i) => [n, i] as const))
  return names.map((node) => {
    const cells = record.filter[node] ?? {}
    const rejectedBy = record.filterPlugins.find((p) => cells[p] !== undefined && cells[p] !== 'passed')
    let verdict: Verdict
    if (record.filter[node]) verdict = rejectedBy ? 'rejected' : 'feasible'
    else if (subset && !subset.has(node)) verdict = 'excluded'
    else verdict = 'notEvaluated'
    return {
      node,
      verdict,
      cells,
      total: record.totalScore[node],
      group: labels[node]?.[groupBy] ?? '',
      order: order.get(node) ?? -1,
      ...(rejectedBy ? { rejectedBy, reason: cells[rejectedBy] } : {}),
    }
  })
}

export type Show = 'all' | 'feasible' | 'rejected'
export type SortKey = 'name' | 'verdict' | 'score'

/** filterRows keeps the rows whose name, group or reason contains `text` (any case) and whose verdict fits `show`. */
export function filterRows(rows: readonly GridRow[], text: string, show: Show): GridRow[] {
  const q = text.trim().toLowerCase()
  return rows.filter((r) => {
    if (show === 'feasible' && r.verdict !== 'feasible') return false
    if (show === 'rejected' && r.verdict !== 'rejected') return false
    if (!q) return true
    return (
      r.node.toLowerCase().includes(q) ||
      r.group.toLowerCase().includes(q) ||
      (r.rejectedBy ?? '').toLowerCase().includes(q) ||
      (r.reason ?? '').toLowerCase().includes(q)
    )
  })
}

const VERDICT_RANK: Record<Verdict, number> = { feasible: 0, rejected: 1, notEvaluated: 2, excluded: 3 }
const byName = (a: GridRow, b: GridRow) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0)

/** sortRows: by name; by verdict (feasible first, then the rejecting plugin); by score (highest first). */
export function sortRows(rows: readonly GridRow[], key: SortKey, descending = false): GridRow[] {
  const cmp = (a: GridRow, b: GridRow): number => {
    if (key === 'verdict') {
      return (
        VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] ||
        (a.rejectedBy ?? '').localeCompare(b.rejectedBy ?? '') ||
        byName(a, b)
      )
    }
    if (key === 'score')
      return (b.total ?? -1) - (a.total ?? -1) || VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] || byName(a, b)
    return byName(a, b)
  }
  const out = [...rows].sort(cmp)
  return descending ? out.reverse() : out
}

export type GridItem = { kind: 'group'; group: string; count: number; feasible: number } | { kind: 'row'; row: GridRow }

/** groupItems puts a header before each group (groups in name order, "" last), rows keeping their order inside. */
export function groupItems(rows: readonly GridRow[]): GridItem[] {
  const groups = new Map<string, GridRow[]>()
  for (const r of rows) {
    let g = groups.get(r.group)
    if (!g) groups.set(r.group, (g = []))
    g.push(r)
  }
  const keys = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
  const out: GridItem[] = []
  for (const k of keys) {
    const g = groups.get(k) as GridRow[]
    out.push({ kind: 'group', group: k, count: g.length, feasible: g.filter((r) => r.verdict === 'feasible').length })
    for (const row of g) out.push({ kind: 'row', row })
  }
  return out
}

/** visibleRange: the items to render for a scroll position (fixed row height), with `overscan` rows either side. */
export function visibleRange(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  count: number,
  overscan = 8,
): { start: number; end: number } {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight)
  const start = Math.max(0, first - overscan)
  const end = Math.min(count, first + Math.ceil(Math.max(0, viewport) / rowHeight) + overscan)
  return { start, end: Math.max(start, end) }
}

/** The labels every node has some value for, the zone first: what the grid may group by. */
export function groupableLabels(labels: Record<string, Record<string, string>>): string[] {
  const keys = new Set<string>()
  for (const l of Object.values(labels)) for (const k of Object.keys(l)) keys.add(k)
  const rest = [...keys].filter((k) => k !== ZONE_LABEL && k !== 'kubernetes.io/hostname').sort()
  return [ZONE_LABEL, ...rest]
}

/** cellMark: ✓ passed, ✗ rejected, · not evaluated (the CLI's marks). */
export function cellMark(v: string | undefined): '✓' | '✗' | '·' {
  return v === undefined ? '·' : v === 'passed' ? '✓' : '✗'
}

/** The never-evaluated count: nodes the walk did not reach (numFeasibleNodesToFind was met) or PreFilter excluded. */
export function neverEvaluated(record: CycleRecord): { notReached: number; excluded: number } {
  const excluded = record.rejectedBy.PreFilter?.nodes ?? 0
  return { excluded, notReached: Math.max(0, record.numAllNodes - record.numEvaluated - excluded) }
}
