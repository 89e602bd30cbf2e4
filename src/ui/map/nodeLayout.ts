/**
 * Where each node sits on the cluster map: nodes grouped (by zone or any label), each group a caption and rows of
 * square cells, the groups stacked. The cell size shrinks with the node count so 3 nodes read as named tiles and
 * 5,000 fit a few hundred pixels. Hit-testing and keyboard moves are arithmetic on the same numbers (no search over
 * 5,000 cells). Pure: NodeMap draws it on a canvas, nodeLayout.test.ts checks it.
 */
import { assertNever } from '../../engine/events.ts'

export const ZONE_LABEL = 'topology.kubernetes.io/zone'

/** What grouping needs of a node. */
export interface GroupInput {
  name: string
  labels?: Record<string, string>
}

export interface MapGroup {
  /** The label's value ('' when the nodes lack the label). */
  key: string
  caption: string
  /** The caption without the word "nodes", for a narrow block. */
  short: string
  /** Position in `order` of the group's first node, and how many it has. */
  first: number
  count: number
  /** Top-left of the group's block (its caption); the cells start CAPTION_H below. */
  x: number
  y: number
  cols: number
  rows: number
}

export interface NodeLayout {
  /** Cell size and the pitch between cells (size + gap), in CSS pixels. */
  cellW: number
  cellH: number
  pitchX: number
  pitchY: number
  /** Groups side by side: how many blocks per row, and each block's width. */
  blocksPerRow: number
  blockW: number
  /** Cells wide enough to print the node's name in. */
  named: boolean
  width: number
  height: number
  groups: MapGroup[]
  /** Node indexes (into the input array) in drawing order: group by group, by name within a group. */
  order: number[]
  /** Position in `order` of each node index. */
  positionOf: Int32Array
}

export const PAD = 4
export const CAPTION_H = 16
const GROUP_GAP = 6
const BLOCK_GAP = 10
/** A block narrower than this would clip its caption to nothing. */
const MIN_BLOCK_W = 72
/** Groups side by side: at most this many blocks per row. */
const MAX_BLOCKS_PER_ROW = 12
/** Cell sizes tried, largest first: tiles with the node's name, down to a dot per node. */
export const CELL_SIZES: readonly { w: number; h: number }[] = [
  { w: 118, h: 26 },
  { w: 84, h: 20 },
  { w: 18, h: 18 },
  { w: 12, h: 12 },
  { w: 9, h: 9 },
  { w: 7, h: 7 },
  { w: 5, h: 5 },
  { w: 4, h: 4 },
  { w: 3, h: 3 },
]
/** Cells at least this wide print the node's name. */
export const NAMED_W = 84

/** groupKeyOf: the node's value of the grouping label ('' = all nodes in one group, or the label is missing). */
export function groupKeyOf(n: GroupInput, by: string): string {
  return by ? (n.labels?.[by] ?? '') : ''
}

/** groupCaption: "zone-a · 625 nodes", "(no accelerator) · 4,980 nodes", "all nodes · 3". */
export function groupCaption(key: string, by: string, count: number): string {
  const what = !by ? 'all nodes' : key === '' ? `(no ${by})` : key
  return `${what} · ${count.toLocaleString('en-US')} node${count === 1 ? '' : 's'}`
}

/** labelKeys: the label keys some node has, the zone first, for the "Group by" choice. */
export function labelKeys(nodes: readonly GroupInput[]): string[] {
  const keys = new Set<string>()
  for (const n of nodes) for (const k of Object.keys(n.labels ?? {})) keys.add(k)
  return [...keys].sort((a, b) => (a === ZONE_LABEL ? -1 : b === ZONE_LABEL ? 1 : a < b ? -1 : a > b ? 1 : 0))
}

export interface CellChoice {
  cellW: number
  cellH: number
  pitchX: number
  pitchY: number
  blocksPerRow: number
  blockW: number
  /** Cell columns per block. */
  cols: number
  height: number
}

/** The height of the groups laid out `perRow` blocks a row, `cols` cells wide each. */
function heightOf(counts: readonly number[], perRow: number, cols: number, pitchY: number): number {
  let h = 2 * PAD - GROUP_GAP
  for (let i = 0; i < counts.length; i += perRow) {
    let rows = 1
    for (let j = i; j < Math.min(i + perRow, counts.length); j++) rows = Math.max(rows, Math.ceil(counts[j] / cols))
    h += CAPTION_H + rows * pitchY + GROUP_GAP
  }
  return h
}

/**
 * chooseCell: the largest cell, and for it the fewest blocks per row, whose layout fits `maxHeight`; when nothing
 * fits, the smallest cell in its lowest arrangement (the box scrolls). Cells of at least 18 px keep a 2 px gap,
 * smaller ones 1 px.
 */
export function chooseCell(groupCounts: readonly number[], width: number, maxHeight: number): CellChoice {
  let best: CellChoice | undefined
  const inner = width - 2 * PAD
  for (const { w, h } of CELL_SIZES) {
    const gap = h >= 18 ? 2 : 1
    const pitchX = w + gap
    const pitchY = h + gap
    const most = Math.max(1, Math.min(groupCounts.length, MAX_BLOCKS_PER_ROW))
    for (let perRow = 1; perRow <= most; perRow++) {
      const blockW = Math.floor((inner - (perRow - 1) * BLOCK_GAP) / perRow)
      const cols = Math.floor((blockW + gap) / pitchX)
      if (cols < 1 || (perRow > 1 && blockW < MIN_BLOCK_W)) break
      const height = heightOf(groupCounts, perRow, cols, pitchY)
      const choice = { cellW: w, cellH: h, pitchX, pitchY, blocksPerRow: perRow, blockW, cols, height }
      if (height <= maxHeight) return choice
      if (!best || w < best.cellW || (w === best.cellW && height < best.height)) best = choice
    }
  }
  // Even one column of the smallest cells is too wide: one cell per row.
  return (
    best ?? { cellW: 3, cellH: 3, pitchX: 4, pitchY: 4, blocksPerRow: 1, blockW: inner, cols: 1, height: maxHeight }
  )
}

/** layoutNodes places the nodes grouped by label `by` ('' = one group) in a drawing `width` wide. */
export function layoutNodes(nodes: readonly GroupInput[], by: string, width: number, maxHeight: number): NodeLayout {
  const byKey = new Map<string, number[]>()
  nodes.forEach((n, i) => {
    const k = groupKeyOf(n, by)
    const list = byKey.get(k)
    if (list) list.push(i)
    else byKey.set(k, [i])
  })
  // Groups by value, nodes without the label last; nodes by name within a group.
  const keys = [...byKey.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0))
  const lists = keys.map((k) => (byKey.get(k) ?? []).sort((a, b) => (nodes[a].name < nodes[b].name ? -1 : 1)))
  const c = chooseCell(
    lists.map((l) => l.length),
    width,
    maxHeight,
  )
  const order: number[] = []
  const groups: MapGroup[] = []
  let y = PAD
  for (let i = 0; i < keys.length; i += c.blocksPerRow) {
    let rowsHere = 1
    for (let j = i; j < Math.min(i + c.blocksPerRow, keys.length); j++) {
      const list = lists[j]
      const rows = Math.max(1, Math.ceil(list.length / c.cols))
      rowsHere = Math.max(rowsHere, rows)
      const x = PAD + (j - i) * (c.blockW + BLOCK_GAP)
      const caption = groupCaption(keys[j], by, list.length)
      groups.push({
        key: keys[j],
        caption,
        short: caption.replace(/ nodes?$/, ''),
        first: order.length,
        count: list.length,
        x,
        y,
        cols: c.cols,
        rows,
      })
      order.push(...list)
    }
    y += CAPTION_H + rowsHere * c.pitchY + GROUP_GAP
  }
  const positionOf = new Int32Array(nodes.length)
  order.forEach((idx, pos) => {
    positionOf[idx] = pos
  })
  const height = Math.max(y - GROUP_GAP + PAD, 2 * PAD)
  return {
    cellW: c.cellW,
    cellH: c.cellH,
    pitchX: c.pitchX,
    pitchY: c.pitchY,
    blocksPerRow: c.blocksPerRow,
    blockW: c.blockW,
    named: c.cellW >= NAMED_W,
    width,
    height,
    groups,
    order,
    positionOf,
  }
}

/** cellAt: the top-left corner of the cell at position `pos` of the drawing order. */
export function cellAt(l: NodeLayout, pos: number): { x: number; y: number } {
  const g = groupOfPosition(l, pos)
  const k = pos - g.first
  return { x: g.x + (k % g.cols) * l.pitchX, y: g.y + CAPTION_H + Math.floor(k / g.cols) * l.pitchY }
}

/** groupOfPosition: the group holding position `pos` (binary search: groups are in order). */
export function groupOfPosition(l: NodeLayout, pos: number): MapGroup {
  let lo = 0
  let hi = l.groups.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (l.groups[mid].first <= pos) lo = mid
    else hi = mid - 1
  }
  return l.groups[lo]
}

/** hitTest: the position in the drawing order of the cell under (x, y), or -1 (a caption, a gap, past the end). */
export function hitTest(l: NodeLayout, x: number, y: number): number {
  for (const g of l.groups) {
    const top = g.y + CAPTION_H
    if (y < top || y >= top + g.rows * l.pitchY || x < g.x || x >= g.x + g.cols * l.pitchX) continue
    const col = Math.floor((x - g.x) / l.pitchX)
    const row = Math.floor((y - top) / l.pitchY)
    if (x - g.x - col * l.pitchX >= l.cellW || y - top - row * l.pitchY >= l.cellH) return -1
    const k = row * g.cols + col
    return k < g.count ? g.first + k : -1
  }
  return -1
}

export type MoveKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End'
export const MOVE_KEYS: readonly string[] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']

/**
 * move: the position the keyboard goes to from `pos`. Left and right walk the drawing order (across groups); up and
 * down keep the column, into the previous or next group's nearest row when the group ends.
 */
export function move(l: NodeLayout, pos: number, key: MoveKey): number {
  const last = l.order.length - 1
  if (last < 0) return -1
  if (pos < 0) return 0
  switch (key) {
    case 'ArrowLeft':
      return Math.max(0, pos - 1)
    case 'ArrowRight':
      return Math.min(last, pos + 1)
    case 'Home':
      return 0
    case 'End':
      return last
    case 'ArrowUp':
    case 'ArrowDown': {
      const gi = l.groups.indexOf(groupOfPosition(l, pos))
      const g = l.groups[gi]
      const k = pos - g.first
      const col = k % g.cols
      const row = Math.floor(k / g.cols)
      if (key === 'ArrowDown') {
        if (row + 1 < g.rows) return g.first + Math.min(g.count - 1, (row + 1) * g.cols + col)
        const next = l.groups[gi + 1]
        return next ? next.first + Math.min(next.count - 1, col) : pos
      }
      if (row > 0) return g.first + (row - 1) * g.cols + col
      const prev = l.groups[gi - 1]
      if (!prev) return pos
      const lastRow = prev.rows - 1
      return prev.first + Math.min(prev.count - 1, lastRow * prev.cols + col)
    }
    default:
      return assertNever(key, 'move key')
  }
}
