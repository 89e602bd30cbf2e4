import { describe, expect, it } from 'vitest'
import type { Node } from '../api/types.ts'
import { nodeUpdateEvents } from './informers.ts'

const node = (extra: Partial<Node> = {}): Node => ({
  metadata: { name: 'n1', labels: { zone: 'a' } },
  spec: {},
  status: { allocatable: { cpu: '4' }, conditions: [{ type: 'Ready', status: 'True' }] },
  ...extra,
})

describe('nodeUpdateEvents', () => {
  it('names each scheduling property that changed, and nothing for an unchanged node', () => {
    expect(nodeUpdateEvents(node(), node())).toEqual([])
    expect(nodeUpdateEvents(node(), node({ metadata: { name: 'n1', labels: { zone: 'b' } } }))).toEqual(['NodeLabelChange'])
    expect(nodeUpdateEvents(node(), node({ spec: { unschedulable: true, taints: [{ key: 'k', effect: 'NoSchedule' }] } })))
      .toEqual(['NodeTaintChange', 'NodeSpecUnschedulableChange'])
    expect(nodeUpdateEvents(node(), node({ status: { allocatable: { cpu: '2' }, conditions: [{ type: 'Ready', status: 'False' }] } })))
      .toEqual(['NodeAllocatableChange', 'NodeConditionChange'])
  })
})
