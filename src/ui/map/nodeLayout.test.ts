import { describe, expect, it } from 'vitest'
import {
  CAPTION_H,
  PAD,
  ZONE_LABEL,
  cellAt,
  chooseCell,
  groupCaption,
  hitTest,
  labelKeys,
  layoutNodes,
  move,
} from './nodeLayout.ts'

const zoned = (count: number, zones: number) =>
  Array.from({ length: count }, (_, i) => ({
    name: `node-${String(i + 1).padStart(4, '0')}`,
    labels: { [ZONE_LABEL]: `zone-${String.fromCharCode(97 + (i % zones))}` },
  }))

describe('the node map layout', () => {
  it('groups by the label, groups in value order and the unlabelled last, nodes by name within a group', () => {
    const nodes = [
      { name: 'b2', labels: { z: 'b' } },
      { name: 'x' },
      { name: 'a1', labels: { z: 'a' } },
      { name: 'b1', labels: { z: 'b' } },
    ]
    const l = layoutNodes(nodes, 'z', 400, 200)
    expect(l.groups.map((g) => [g.key, g.count])).toEqual([
      ['a', 1],
      ['b', 2],
      ['', 1],
    ])
    expect(l.order.map((i) => nodes[i].name)).toEqual(['a1', 'b1', 'b2', 'x'])
    expect(l.groups.map((g) => g.caption)).toEqual(['a · 1 node', 'b · 2 nodes', '(no z) · 1 node'])
    for (let pos = 0; pos < l.order.length; pos++) expect(l.positionOf[l.order[pos]]).toBe(pos)
  })
  it('one group of all nodes when grouping by nothing', () => {
    expect(layoutNodes(zoned(7, 3), '', 300, 200).groups.map((g) => g.caption)).toEqual(['all nodes · 7 nodes'])
    expect(groupCaption('zone-a', ZONE_LABEL, 5000)).toBe('zone-a · 5,000 nodes')
  })
  it('3 nodes get named tiles; 5,000 nodes fit the box in small cells', () => {
    const small = layoutNodes(zoned(3, 3), ZONE_LABEL, 460, 200)
    expect(small.named).toBe(true)
    expect(small.height).toBeLessThanOrEqual(200)
    const big = layoutNodes(zoned(5000, 8), ZONE_LABEL, 460, 200)
    expect(big.named).toBe(false)
    expect(big.cellW).toBeLessThanOrEqual(7)
    expect(big.groups).toHaveLength(8)
    expect(big.order).toHaveLength(5000)
  })
  it('chooseCell takes the largest cell that fits, else the smallest in its lowest arrangement', () => {
    expect(chooseCell([3], 460, 200).cellW).toBe(118)
    expect(chooseCell([100000], 200, 100).cellW).toBe(3)
  })
  it('groups go side by side when stacking them would not fit: 12 nodes in 3 zones become 3 columns', () => {
    const l = layoutNodes(zoned(12, 3), ZONE_LABEL, 430, 172)
    expect(l.blocksPerRow).toBe(3)
    expect(l.groups.map((g) => g.y)).toEqual([PAD, PAD, PAD])
    expect(l.groups[1].x).toBeGreaterThan(l.groups[0].x + l.groups[0].cols * l.pitchX)
    expect(l.height).toBeLessThanOrEqual(172)
    expect(l.named).toBe(true)
    const b1 = cellAt(l, 4)
    expect(hitTest(l, b1.x + 2, b1.y + 2)).toBe(4)
  })
  it('every cell stays inside the drawing and no two cells overlap', () => {
    const l = layoutNodes(zoned(250, 4), ZONE_LABEL, 333, 200)
    const seen = new Set<string>()
    for (let pos = 0; pos < l.order.length; pos++) {
      const { x, y } = cellAt(l, pos)
      expect(x + l.cellW).toBeLessThanOrEqual(l.width)
      expect(y + l.cellH).toBeLessThanOrEqual(l.height)
      seen.add(`${x},${y}`)
    }
    expect(seen.size).toBe(250)
  })
  it('hitTest finds the cell under a point, -1 on captions, gaps and past the last node', () => {
    const l = layoutNodes(zoned(50, 2), ZONE_LABEL, 300, 200)
    for (const pos of [0, 1, 24, 25, 49]) {
      const { x, y } = cellAt(l, pos)
      expect(hitTest(l, x + 1, y + 1)).toBe(pos)
      expect(hitTest(l, x + l.cellW - 0.5, y + l.cellH - 0.5)).toBe(pos)
    }
    expect(hitTest(l, PAD + 1, PAD + CAPTION_H / 2)).toBe(-1)
    expect(hitTest(l, 0, 0)).toBe(-1)
    const lastRow = cellAt(l, 24)
    expect(hitTest(l, lastRow.x + l.pitchX + 1, lastRow.y + 1)).toBe(l.groups[0].cols > 25 ? 25 : -1)
  })
  it('the keys walk the order, and up/down keep the column across groups', () => {
    const l = layoutNodes(zoned(10, 2), ZONE_LABEL, PAD * 2 + 3 * 20 - 2, 140)
    // 18 px cells, 3 columns: zone-a has 5 nodes (rows of 3 + 2), zone-b 5.
    expect(l.groups.map((g) => g.cols)).toEqual([3, 3])
    expect(l.blocksPerRow).toBe(1)
    expect(move(l, 0, 'ArrowRight')).toBe(1)
    expect(move(l, 4, 'ArrowRight')).toBe(5)
    expect(move(l, 0, 'ArrowLeft')).toBe(0)
    expect(move(l, 0, 'ArrowDown')).toBe(3)
    expect(move(l, 2, 'ArrowDown')).toBe(4)
    expect(move(l, 3, 'ArrowDown')).toBe(5)
    expect(move(l, 4, 'ArrowDown')).toBe(6)
    expect(move(l, 6, 'ArrowUp')).toBe(4)
    expect(move(l, 7, 'ArrowUp')).toBe(4)
    expect(move(l, 5, 'ArrowUp')).toBe(3)
    expect(move(l, 1, 'ArrowUp')).toBe(1)
    expect(move(l, 9, 'ArrowDown')).toBe(9)
    expect(move(l, 5, 'Home')).toBe(0)
    expect(move(l, 5, 'End')).toBe(9)
    expect(move(l, -1, 'ArrowDown')).toBe(0)
  })
  it('labelKeys lists every key once, the zone first', () => {
    expect(
      labelKeys([
        { name: 'a', labels: { b: '1', [ZONE_LABEL]: 'z' } },
        { name: 'c', labels: { a: '2', b: '3' } },
        { name: 'd' },
      ]),
    ).toEqual([ZONE_LABEL, 'a', 'b'])
  })
})
