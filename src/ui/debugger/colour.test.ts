import { describe, expect, it } from 'vitest'
import { NO_HUE, colouring } from './colour.ts'
import { apiStep, onNode } from './testSteps.ts'

const owners = [
  { pod: 'default/web-1-a', owner: { kind: 'ReplicaSet', name: 'web-1' } },
  { pod: 'default/web-1-b', owner: { kind: 'ReplicaSet', name: 'web-1' } },
  { pod: 'default/web-2-a', owner: { kind: 'ReplicaSet', name: 'web-2' } },
  { pod: 'default/solo' },
]
const pods = owners.map((o) => o.pod)
const trace = [apiStep('default/web-1-b'), apiStep(), onNode('CRI', 'w1', 'default/web-2-a'), apiStep('default/solo'), apiStep('default/web-1-a')]

describe('colouring', () => {
  it('by owner: one hue per ReplicaSet, a pod without one is its own entry, steps about no pod have none', () => {
    const { hue, legend } = colouring(trace, 'owner', pods, owners)
    expect(legend.map((l) => [l.label, l.hue, l.pods])).toEqual([
      ['ReplicaSet web-1', 0, ['web-1-a', 'web-1-b']], ['ReplicaSet web-2', 1, ['web-2-a']], ['default/solo', 2, undefined],
    ])
    expect(legend[0].focus).toEqual({ kind: 'owner', name: 'ReplicaSet web-1', pods: ['default/web-1-a', 'default/web-1-b'] })
    expect([...hue]).toEqual([0, NO_HUE, 1, 2, 0])
  })
  it('by pod: one hue per pod, cycling through the palette past ten', () => {
    const { hue, legend } = colouring(trace, 'pod', pods, owners)
    expect(legend.map((l) => l.hue)).toEqual([0, 1, 2, 3])
    expect(legend[3].focus).toEqual({ kind: 'pod', name: 'default/solo' })
    expect([...hue]).toEqual([1, NO_HUE, 2, 3, 0])
    const many = Array.from({ length: 12 }, (_, i) => `default/p${i}`)
    expect(colouring([], 'pod', many, []).legend.map((l) => l.hue)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1])
  })
})
