import { describe, expect, it } from 'vitest'
import { concernMask, concerns, focusForQuery, followFocus, nodeOfStep, nodesOf } from './focus.ts'
import { apiStep, bind, failed, filter, onNode, pop, preempt, reserve, select } from './testSteps.ts'

describe('concerns a node', () => {
  const node = { kind: 'node', name: 'w1' } as const
  it('its kubelet, CRI and CNI steps, not another node\'s', () => {
    expect(concerns(node, onNode('kubelet', 'w1', 'default/a'))).toBe(true)
    expect(concerns(node, onNode('CRI', 'w1'))).toBe(true)
    expect(concerns(node, onNode('CNI', 'w1'))).toBe(true)
    expect(concerns(node, onNode('kubelet', 'w2'))).toBe(false)
  })
  it('scheduler steps about it: rejected on it, chosen, reserved, bound, preempted on it', () => {
    expect(concerns(node, filter('default/a', { w1: { TaintToleration: 'node(s) had untolerated taint' } }))).toBe(true)
    expect(concerns(node, filter('default/a', { w1: { TaintToleration: 'passed' } }))).toBe(false)
    expect(concerns(node, select('default/a', 'w1'))).toBe(true)
    expect(concerns(node, select('default/a', 'w2'))).toBe(false)
    expect(concerns(node, reserve('default/a', 'w1'))).toBe(true)
    expect(concerns(node, bind('default/a', 'w1'))).toBe(true)
    expect(concerns(node, bind('default/a', 'w2'))).toBe(false)
    expect(concerns(node, preempt('default/hi', 'w1', ['default/lo']))).toBe(true)
  })
  it('not the pod\'s other steps', () => {
    expect(concerns(node, pop('default/a'))).toBe(false)
    expect(concerns(node, apiStep('default/a'))).toBe(false)
    expect(concerns(node, failed('default/a'))).toBe(false)
  })
})

describe('concerns a pod', () => {
  it('its steps anywhere, and a preemption that evicts it', () => {
    const pod = { kind: 'pod', name: 'default/lo' } as const
    expect(concerns(pod, apiStep('default/lo'))).toBe(true)
    expect(concerns(pod, onNode('kubelet', 'w1', 'default/lo'))).toBe(true)
    expect(concerns(pod, apiStep('default/hi'))).toBe(false)
    expect(concerns(pod, apiStep())).toBe(false)
    expect(concerns(pod, preempt('default/hi', 'w1', ['default/lo']))).toBe(true)
  })
  it('an owner: each of its pods', () => {
    const owner = { kind: 'owner', name: 'ReplicaSet/web-1', pods: ['default/web-1-a', 'default/web-1-b'] } as const
    const trace = [apiStep('default/web-1-a'), apiStep('default/web-2-a'), onNode('CRI', 'w1', 'default/web-1-b'), apiStep()]
    expect([...concernMask(owner, trace)]).toEqual([1, 0, 1, 0])
    expect(trace.map((e) => concerns(owner, e))).toEqual([true, false, true, false])
  })
})

describe('the find box names a pod or a node', () => {
  const pods = ['default/nginx', 'kube-system/w1']
  const nodes = ['w1', 'w2']
  it('by name, namespace/name, or with pod: / node: in front', () => {
    expect(focusForQuery('nginx', pods, nodes)).toEqual({ kind: 'pod', name: 'default/nginx' })
    expect(focusForQuery(' default/nginx ', pods, nodes)).toEqual({ kind: 'pod', name: 'default/nginx' })
    expect(focusForQuery('w2', pods, nodes)).toEqual({ kind: 'node', name: 'w2' })
    expect(focusForQuery('w1', pods, nodes)).toEqual({ kind: 'pod', name: 'kube-system/w1' })
    expect(focusForQuery('node:w1', pods, nodes)).toEqual({ kind: 'node', name: 'w1' })
    expect(focusForQuery('ngin', pods, nodes)).toBeUndefined()
    expect(focusForQuery('', pods, nodes)).toBeUndefined()
  })
  it('knows the nodes the trace names', () => {
    expect(nodesOf([onNode('kubelet', 'w2'), filter('p', { w1: {}, w3: {} }), bind('p', 'w4')])).toEqual(['w2', 'w1', 'w3', 'w4'])
  })
})

describe('entering focus', () => {
  it('the step\'s node: where it ran, or the scheduler\'s choice', () => {
    expect(nodeOfStep(onNode('CNI', 'w3'))).toBe('w3')
    expect(nodeOfStep(bind('default/a', 'w2'))).toBe('w2')
    expect(nodeOfStep(select('default/a', 'w1'))).toBe('w1')
    expect(nodeOfStep(pop('default/a'))).toBeUndefined()
  })
  it('the playhead stays on a step of the focus, else moves to the next one, else the one before', () => {
    const mask = Uint8Array.from([0, 1, 0, 0, 1, 0])
    expect(followFocus(mask, 1)).toBe(1)
    expect(followFocus(mask, 2)).toBe(4)
    expect(followFocus(mask, 5)).toBe(4)
    expect(followFocus(mask, -1)).toBe(1)
    expect(followFocus(new Uint8Array(3), 2)).toBe(2)
  })
})
