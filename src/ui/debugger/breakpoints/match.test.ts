import { describe, expect, it } from 'vitest'
import { describe as describeBp, firstHit, matches, readBreakpoints, writeBreakpoints } from './match.ts'
import type { Breakpoint } from './match.ts'
import { apiStep, bind, failed, filter, onNode, pop, preempt, queueMove, startupError } from '../testSteps.ts'

describe('matches', () => {
  it('a cycle starts when the queue pops that pod, not another', () => {
    expect(matches({ kind: 'cycleStarts', pod: 'default/a' }, pop('default/a'))).toBe(true)
    expect(matches({ kind: 'cycleStarts', pod: 'default/a' }, pop('default/b'))).toBe(false)
    expect(matches({ kind: 'cycleStarts', pod: 'default/a' }, apiStep('default/a'))).toBe(false)
  })
  it('FailedScheduling: a failed cycle, not the scheduler failing to start', () => {
    expect(matches({ kind: 'failedScheduling' }, failed('default/a'))).toBe(true)
    expect(matches({ kind: 'failedScheduling' }, startupError())).toBe(false)
    expect(matches({ kind: 'failedScheduling' }, bind('default/a', 'w1'))).toBe(false)
  })
  it('Preempted: a preemption that evicts a victim', () => {
    expect(matches({ kind: 'preempted' }, preempt('default/hi', 'w1', ['default/lo']))).toBe(true)
    expect(matches({ kind: 'preempted' }, preempt('default/hi', 'w1', []))).toBe(false)
  })
  it('a plugin rejects a node: any plugin, or the one named', () => {
    const f = filter('default/a', {
      w1: { NodeResourcesFit: 'Insufficient cpu', TaintToleration: 'passed' }, w2: { NodeResourcesFit: 'passed' },
    })
    expect(matches({ kind: 'rejectsNode', node: 'w1' }, f)).toBe(true)
    expect(matches({ kind: 'rejectsNode', node: 'w2' }, f)).toBe(false)
    expect(matches({ kind: 'rejectsNode', node: 'w3' }, f)).toBe(false)
    expect(matches({ kind: 'rejectsNode', node: 'w1', plugin: 'NodeResourcesFit' }, f)).toBe(true)
    expect(matches({ kind: 'rejectsNode', node: 'w1', plugin: 'TaintToleration' }, f)).toBe(false)
    expect(matches({ kind: 'rejectsNode', node: 'w1', plugin: 'NodeAffinity' }, f)).toBe(false)
  })
  it('bound to a node', () => {
    expect(matches({ kind: 'boundTo', node: 'w1' }, bind('default/a', 'w1'))).toBe(true)
    expect(matches({ kind: 'boundTo', node: 'w1' }, bind('default/a', 'w2'))).toBe(false)
  })
  it('the queue moves a pod: any, or the one named', () => {
    expect(matches({ kind: 'queueMoves' }, queueMove('default/a'))).toBe(true)
    expect(matches({ kind: 'queueMoves', pod: 'default/a' }, queueMove('default/a'))).toBe(true)
    expect(matches({ kind: 'queueMoves', pod: 'default/b' }, queueMove('default/a'))).toBe(false)
    expect(matches({ kind: 'queueMoves' }, onNode('kubelet', 'w1', 'default/a'))).toBe(false)
  })
})

describe('firstHit', () => {
  const trace = [
    pop('default/a'), filter('default/a', { w1: { NodeResourcesFit: 'Insufficient cpu' } }), failed('default/a'),
    queueMove('default/a'), pop('default/a'), bind('default/a', 'w2'),
  ]
  const bps: Breakpoint[] = [
    { id: 1, enabled: true, kind: 'boundTo', node: 'w2' },
    { id: 2, enabled: true, kind: 'failedScheduling' },
    { id: 3, enabled: false, kind: 'rejectsNode', node: 'w1' },
  ]
  it('finds the first enabled match after the playhead (a disabled one never stops)', () => {
    expect(firstHit(bps, trace, 0)).toEqual({ step: 2, breakpoint: bps[1] })
    expect(firstHit(bps, trace, 2)).toEqual({ step: 5, breakpoint: bps[0] })
    expect(firstHit(bps, trace, 5)).toBeUndefined()
    expect(firstHit(bps, trace, -1, 1)).toBeUndefined()
    expect(firstHit([], trace, -1)).toBeUndefined()
  })
})

describe('readBreakpoints', () => {
  it('reads what writeBreakpoints wrote, with fresh ids', () => {
    const bps: Breakpoint[] = [
      { id: 7, enabled: true, kind: 'rejectsNode', node: 'w1', plugin: 'TaintToleration' },
      { id: 9, enabled: false, kind: 'queueMoves' },
    ]
    const back = readBreakpoints(JSON.parse(JSON.stringify(writeBreakpoints(bps))))
    expect(back).toEqual([{ ...bps[0], id: 1 }, { ...bps[1], id: 2 }])
  })
  it('leaves out what is not a breakpoint, and repeats', () => {
    expect(readBreakpoints('x')).toEqual([])
    const input = [
      { kind: 'cycleStarts' }, { kind: 'nope' }, null, { kind: 'boundTo', node: 7 }, { kind: 'preempted' }, { kind: 'preempted' },
    ]
    expect(readBreakpoints(input))
      .toEqual([{ id: 1, enabled: true, kind: 'preempted' }])
  })
  it('describes each kind in words', () => {
    expect(describeBp({ kind: 'rejectsNode', node: 'w1' })).toBe('a Filter plugin rejects node w1')
    expect(describeBp({ kind: 'cycleStarts', pod: 'default/a' })).toBe("default/a's scheduling cycle starts")
  })
})
