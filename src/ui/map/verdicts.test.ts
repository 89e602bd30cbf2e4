import { describe, expect, it } from 'vitest'
import { emptyCycleRecord } from '../testing/cycleRecord.ts'
import type { CycleRecord } from '../../engine/scheduler/framework/record.ts'
import { describeVerdict, indexRecord, verdictOf } from './verdicts.ts'
import { allocationBand, allocationOf, colourNodes, scoreBand } from './colours.ts'
import type { ColourInput } from './colours.ts'

/** A record as the scheduler's CycleRecorder fills it (src/engine/scheduler/framework/record.ts). */
function rec(over: Partial<CycleRecord>): CycleRecord {
  return {
    ...emptyCycleRecord('default/web'),
    numAllNodes: 4,
    numFeasibleNodesToFind: 100,
    filterPlugins: ['NodeUnschedulable', 'NodeResourcesFit', 'TaintToleration'],
    ...over,
  }
}

const FULL = rec({
  filter: {
    a: { NodeUnschedulable: 'passed', NodeResourcesFit: 'passed', TaintToleration: 'passed' },
    b: { NodeUnschedulable: 'passed', NodeResourcesFit: 'Insufficient cpu' },
    c: { NodeUnschedulable: 'node(s) were unschedulable' },
    d: { NodeUnschedulable: 'passed', NodeResourcesFit: 'passed', TaintToleration: 'passed' },
  },
  evaluated: ['a', 'b', 'c', 'd'],
  totalScore: { a: 180, d: 150 },
  selectedNode: 'a',
})

describe('verdicts from a cycle record', () => {
  it('a full record: the first rejecting plugin and its reason, feasible with its score, the selected node', () => {
    const ix = indexRecord(FULL)
    expect(verdictOf(ix, 'a')).toEqual({ kind: 'feasible', score: 180, selected: true })
    expect(verdictOf(ix, 'd')).toEqual({ kind: 'feasible', score: 150, selected: false })
    expect(verdictOf(ix, 'b')).toEqual({ kind: 'rejected', plugin: 'NodeResourcesFit', reason: 'Insufficient cpu' })
    expect(verdictOf(ix, 'c')).toEqual({
      kind: 'rejected',
      plugin: 'NodeUnschedulable',
      reason: 'node(s) were unschedulable',
    })
    expect(verdictOf(ix, 'e')).toEqual({ kind: 'notEvaluated' })
  })
  it('a compact record (above 100 nodes): only the top-scored nodes are known', () => {
    const ix = indexRecord(rec({ detail: 'compact', totalScore: { a: 99 }, selectedNode: 'a' }))
    expect(verdictOf(ix, 'a').kind).toBe('feasible')
    expect(verdictOf(ix, 'z')).toEqual({ kind: 'notRecorded' })
    expect(describeVerdict(verdictOf(ix, 'z'))).toMatch(/^not recorded at this size/)
  })
  it("PreFilter narrowing: the nodes left out carry upstream's status text; a PreFilter rejection excludes all", () => {
    // Upstream schedule_one.go findNodesThatFitPod: SetAbsentNodesStatus("node(s) didn't satisfy plugin(s) %v").
    const narrowed = indexRecord(
      rec({ preFilter: [{ plugin: 'NodeAffinity', status: 'Success', nodeNames: ['a'] }], filter: FULL.filter }),
    )
    expect(verdictOf(narrowed, 'b')).toEqual({
      kind: 'excluded',
      plugin: 'NodeAffinity',
      reason: "node(s) didn't satisfy plugin(s) [NodeAffinity]",
    })
    expect(verdictOf(narrowed, 'a').kind).toBe('feasible')
    const both = indexRecord(
      rec({
        preFilter: [
          { plugin: 'VolumeBinding', status: 'Success', nodeNames: ['a', 'b'] },
          { plugin: 'NodeAffinity', status: 'Success', nodeNames: ['b', 'c'] },
        ],
      }),
    )
    expect(both.allowed).toEqual(new Set(['b']))
    expect(verdictOf(both, 'a')).toMatchObject({
      kind: 'excluded',
      reason: "node(s) didn't satisfy plugin(s) [NodeAffinity VolumeBinding]",
    })
    const rejected = indexRecord(
      rec({ preFilter: [{ plugin: 'NodePorts', status: 'UnschedulableAndUnresolvable', message: 'no' }] }),
    )
    expect(verdictOf(rejected, 'a')).toEqual({ kind: 'excluded', plugin: 'NodePorts', reason: 'no' })
  })
  it('no record: no cycle', () => {
    expect(verdictOf(indexRecord(null), 'a')).toEqual({ kind: 'noCycle' })
    expect(verdictOf(indexRecord(undefined), 'a')).toEqual({ kind: 'noCycle' })
  })
})

const node = (name: string, cpu: number, mem: number, verdict = verdictOf(indexRecord(FULL), name)): ColourInput => ({
  verdict,
  cpuRequested: cpu,
  cpuAllocatable: 4000,
  memoryRequested: mem,
  memoryAllocatable: 8,
})

describe('colouring', () => {
  it('verdict mode: one legend entry per category with counts, each rejecting plugin its own colour', () => {
    const c = colourNodes(
      ['a', 'b', 'c', 'd', 'e'].map((n) => node(n, 0, 0)),
      'verdict',
      false,
    )
    expect(c.keys).toEqual([
      'selected',
      'rejected:NodeResourcesFit',
      'rejected:NodeUnschedulable',
      'feasible',
      'notEvaluated',
    ])
    expect(c.legend.map((e) => [e.label, e.count])).toEqual([
      ['selected node', 1],
      ['feasible', 1],
      ['rejected by NodeResourcesFit', 1],
      ['rejected by NodeUnschedulable', 1],
      ['not evaluated', 1],
    ])
    expect(new Set(c.legend.map((e) => e.colour)).size).toBe(5)
    expect(colourNodes([node('a', 0, 0)], 'verdict', true).colours.get('selected')).not.toBe(c.colours.get('selected'))
    expect(c.note).toBeUndefined()
  })
  it('verdict mode says why a compact record leaves nodes uncoloured', () => {
    const c = colourNodes([node('x', 0, 0, { kind: 'notRecorded' })], 'verdict', false)
    expect(c.legend[0].label).toBe('not recorded at this size')
    expect(c.note).toMatch(/Above 100 nodes/)
  })
  it('score mode: bands between the lowest and highest total; nodes without a score apart', () => {
    expect(scoreBand(150, 150, 180)).toBe(0)
    expect(scoreBand(180, 150, 180)).toBe(4)
    expect(scoreBand(7, 7, 7)).toBe(4)
    const c = colourNodes(
      ['a', 'b', 'd'].map((n) => node(n, 0, 0)),
      'score',
      false,
    )
    expect(c.keys).toEqual(['score:4', 'noScore', 'score:0'])
    expect(c.legend.find((e) => e.key === 'score:4')?.label).toBe('score 174–180')
  })
  it('allocation mode: the higher of cpu and memory requested ÷ allocatable, over 100 % apart', () => {
    expect(allocationOf(node('a', 1000, 6))).toBe(0.75)
    expect(allocationBand(0)).toBe(0)
    expect(allocationBand(0.25)).toBe(0)
    expect(allocationBand(0.26)).toBe(1)
    expect(allocationBand(1)).toBe(3)
    expect(allocationBand(1.01)).toBe(4)
    const c = colourNodes([node('a', 0, 0), node('b', 5000, 0)], 'allocation', false)
    expect(c.legend.map((e) => e.label)).toEqual(['0–25 % requested', 'over 100 % requested'])
  })
})
