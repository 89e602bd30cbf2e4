import { describe, expect, it } from 'vitest'
import type { TraceEvent } from '../../engine/events.ts'
import { emptyCycleRecord } from '../testing/cycleRecord.ts'
import type { CycleRecord } from '../../engine/scheduler/framework/record.ts'
import { cycleAt, indexCycles } from './cycle.ts'

const base = (seq: number, pod?: string) => ({
  seq,
  t: seq,
  lane: 'kube-scheduler' as const,
  outcome: 'info' as const,
  summary: '',
  pod,
})
const record = (pod: string, selectedNode: string | null): CycleRecord => ({
  ...emptyCycleRecord(pod),
  numAllNodes: 1,
  numFeasibleNodesToFind: 100,
  numEvaluated: 1,
  numFeasible: 1,
  selectedNode,
})
const pop = (seq: number, pod: string): TraceEvent => ({
  ...base(seq, pod),
  type: 'scheduler:Pop',
  details: {
    attempts: 1,
    queue: { activeQ: 0, backoffQ: 0, unschedulablePods: 0 },
    fromBackoff: false,
    priority: 0,
    schedulerName: 'default-scheduler',
  },
})
const select = (seq: number, pod: string): TraceEvent => ({
  ...base(seq, pod),
  type: 'scheduler:Select',
  details: { selectedNode: 'n1', cycle: record(pod, 'n1'), tiedNodes: 0, scoringNote: null, seed: 1 },
})
const failed = (seq: number, pod: string, phase: 'scheduling' | 'binding'): TraceEvent => ({
  ...base(seq, pod),
  type: 'scheduler:Unschedulable',
  details: {
    phase,
    reason: 'Unschedulable',
    message: '0/1 nodes are available',
    queue: 'unschedulablePods',
    unschedulablePlugins: [],
    hints: [],
    attempts: 1,
    backoffSeconds: 1,
    ...(phase === 'scheduling' ? { cycle: record(pod, null) } : {}),
  },
})
const other = (seq: number): TraceEvent =>
  ({ ...base(seq), lane: 'etcd', type: 'etcd:Txn', details: undefined }) as unknown as TraceEvent

describe('the cycle a step shows', () => {
  // 0 other, 1 pop a, 2 other, 3 select a, 4 other, 5 pop b, 6 failed b, 7 pop b, 8 select b, 9 failed b (binding)
  const events = [
    other(0),
    pop(1, 'default/a'),
    other(2),
    select(3, 'default/a'),
    other(4),
    pop(5, 'default/b'),
    failed(6, 'default/b', 'scheduling'),
    pop(7, 'default/b'),
    select(8, 'default/b'),
    failed(9, 'default/b', 'binding'),
  ]
  const spans = indexCycles(events)
  it('indexes each recorded cycle from its Pop to the step carrying the record; a binding failure extends its Select', () => {
    expect(spans.map((s) => [s.pod, s.start, s.at, s.end, s.record.selectedNode])).toEqual([
      ['default/a', 1, 3, 3, 'n1'],
      ['default/b', 5, 6, 6, null],
      ['default/b', 7, 8, 9, 'n1'],
    ])
  })
  it('a step inside a cycle shows that cycle (before its record is reached); after it, the last one finished', () => {
    expect(cycleAt(spans, 0)).toBeUndefined()
    expect(cycleAt(spans, 2)?.end).toBe(3)
    expect(cycleAt(spans, 4)?.end).toBe(3)
    expect(cycleAt(spans, 5)?.end).toBe(6)
    expect(cycleAt(spans, 6)?.end).toBe(6)
    expect(cycleAt(spans, 7)?.end).toBe(9)
    expect(cycleAt(spans, 100)?.end).toBe(9)
    expect(cycleAt([], 3)).toBeUndefined()
  })
})
