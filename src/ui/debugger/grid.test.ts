import { describe, expect, it } from 'vitest'
import { emptyCycleRecord } from '../testing/cycleRecord.ts'
import type { CycleRecord } from '../../engine/scheduler/framework/record.ts'
import { buildRows, filterRows, groupItems, neverEvaluated, sortRows, visibleRange, ZONE_LABEL } from './grid.ts'

/** A full record, as the scheduler's CycleRecorder starts it. */
function record(): CycleRecord {
  const r = emptyCycleRecord('default/p')
  r.numAllNodes = 4
  r.numEvaluated = 3
  r.numFeasible = 2
  r.filterPlugins = ['NodeAffinity', 'PodTopologySpread']
  r.evaluated = ['b1', 'a1', 'a2']
  r.filter = {
    a1: { NodeAffinity: 'passed', PodTopologySpread: 'passed' },
    a2: { NodeAffinity: "node(s) didn't match Pod's node affinity/selector" },
    b1: { NodeAffinity: 'passed', PodTopologySpread: 'passed' },
  }
  r.totalScore = { a1: 80, b1: 120 }
  return r
}
const labels = {
  a1: { [ZONE_LABEL]: 'zone-a' },
  a2: { [ZONE_LABEL]: 'zone-a' },
  b1: { [ZONE_LABEL]: 'zone-b' },
  c1: {},
}

describe('decision grid', () => {
  it('gives every node a verdict, its rejecting plugin and its group', () => {
    const rows = buildRows(record(), labels, ZONE_LABEL)
    expect(rows.map((r) => [r.node, r.verdict, r.rejectedBy ?? '', r.group, r.order])).toEqual([
      ['a1', 'feasible', '', 'zone-a', 1],
      ['a2', 'rejected', 'NodeAffinity', 'zone-a', 2],
      ['b1', 'feasible', '', 'zone-b', 0],
      ['c1', 'notEvaluated', '', '', -1],
    ])
  })
  it('marks nodes outside a PreFilter node subset as excluded', () => {
    const r = record()
    r.preFilter = [{ plugin: 'NodeAffinity', status: 'Success', nodeNames: ['a1', 'a2', 'b1'] }]
    expect(buildRows(r, labels, ZONE_LABEL).find((x) => x.node === 'c1')?.verdict).toBe('excluded')
  })
  it('filters by text and verdict, sorts by score and groups with headers', () => {
    const rows = buildRows(record(), labels, ZONE_LABEL)
    expect(filterRows(rows, 'affinity', 'all').map((r) => r.node)).toEqual(['a2'])
    expect(filterRows(rows, 'zone-b', 'feasible').map((r) => r.node)).toEqual(['b1'])
    expect(sortRows(rows, 'score').map((r) => r.node)).toEqual(['b1', 'a1', 'a2', 'c1'])
    expect(sortRows(rows, 'verdict').map((r) => r.node)).toEqual(['a1', 'b1', 'a2', 'c1'])
    const items = groupItems(rows)
    expect(items.map((i) => (i.kind === 'group' ? `[${i.group}:${i.count}/${i.feasible}]` : i.row.node))).toEqual([
      '[zone-a:2/1]',
      'a1',
      'a2',
      '[zone-b:1/1]',
      'b1',
      '[:1/0]',
      'c1',
    ])
  })
  it('renders only the rows in view, with overscan', () => {
    expect(visibleRange(0, 260, 26, 5000, 8)).toEqual({ start: 0, end: 18 })
    expect(visibleRange(26 * 1000, 260, 26, 5000, 8)).toEqual({ start: 992, end: 1018 })
    expect(visibleRange(26 * 4999, 260, 26, 5000, 8)).toEqual({ start: 4991, end: 5000 })
  })
  it('counts the nodes never evaluated', () => {
    const r = record()
    r.numAllNodes = 10
    r.rejectedBy = { PreFilter: { nodes: 2, reasons: {} } }
    expect(neverEvaluated(r)).toEqual({ excluded: 2, notReached: 5 })
  })
})
