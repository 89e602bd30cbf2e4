import { describe, expect, it } from 'vitest'
import { findSteps, partitionPoint } from './search.ts'
import { apiStep, bind, filter, onNode, pop } from './debugger/testSteps.ts'

describe('findSteps', () => {
  const trace = [apiStep('default/a'), pop('default/a'), filter('default/a', { w1: { TaintToleration: 'untolerated' } }), bind('default/a', 'w2'), onNode('kubelet', 'w2', 'default/a'), onNode('CRI', 'w2'), onNode('CNI', 'w1')]
  it('a node finds its kubelet, CRI and CNI steps and the scheduler steps about it', () => {
    expect(findSteps(trace, 'w2', ['default/a'], ['w1', 'w2'])).toEqual([3, 4, 5])
    expect(findSteps(trace, 'node:w1', ['default/a'], ['w1', 'w2'])).toEqual([2, 6])
  })
  it('a pod finds every step about it; other text is found in lanes, types and summaries', () => {
    expect(findSteps(trace, 'a', ['default/a'], [])).toEqual([0, 1, 2, 3, 4])
    expect(findSteps(trace, 'cri', [], [])).toEqual([5])
    // A prefix names a pod or node; it is not text (a pod that does not exist finds nothing).
    expect(findSteps(trace, 'pod:cri', [], [])).toEqual([])
    expect(findSteps(trace, '  ', [], [])).toEqual([])
  })
  it('partitionPoint', () => {
    expect(partitionPoint(5, (i) => i < 3)).toBe(3)
  })
})
