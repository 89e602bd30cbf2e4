import { describe, expect, it } from 'vitest'
import type { NodeExplanation } from '../../engine/scheduler/explain/types.ts'
import { amount, cellTip, constraintText } from './reasonText.ts'

describe('constraint lines', () => {
  it('says the spread counts per domain, the skew against maxSkew and the policies', () => {
    expect(
      constraintText({
        kind: 'spread',
        topologyKey: 'topology.kubernetes.io/zone',
        maxSkew: 1,
        whenUnsatisfiable: 'DoNotSchedule',
        minDomains: 1,
        nodeAffinityPolicy: 'Honor',
        nodeTaintsPolicy: 'Ignore',
        selector: 'app=api',
        nodeDomain: 'zone-a',
        selfMatch: true,
        minMatch: 0,
        skewIfPlaced: 2,
        satisfied: false,
        domains: [
          { value: 'zone-a', pods: 1, eligible: true, nodes: [] },
          { value: 'zone-c', pods: 0, eligible: true, nodes: [], cordoned: ['c1'] },
        ],
      }),
    ).toBe(
      'topology spread on topology.kubernetes.io/zone (DoNotSchedule, selector app=api): zone-a: 1 pod, zone-c: 0 pods ' +
        '(cordoned: c1); global minimum 0; skew if placed here 2 (maxSkew 1); nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore: violated',
    )
  })
  it('names the conflicting pod, the taint, the label and the resources', () => {
    expect(
      constraintText({
        kind: 'interPod',
        term: 'antiAffinity',
        topologyKey: 'kubernetes.io/hostname',
        selector: 'app=cache',
        nodeDomain: 'c1',
        matchingPods: ['default/cache-1'],
        satisfied: false,
      }),
    ).toBe('antiAffinity on kubernetes.io/hostname=c1 (selector app=cache): matching pods: default/cache-1: violated')
    expect(
      constraintText({
        kind: 'taint',
        taint: { key: 'gpu', value: 'true', effect: 'NoSchedule' },
        effect: 'NoSchedule',
        tolerated: false,
        toleration: null,
      }),
    ).toBe('taint gpu=true:NoSchedule is not tolerated by the pod')
    expect(
      constraintText({
        kind: 'label',
        source: 'requiredAffinity',
        key: 'disktype',
        operator: 'In',
        values: ['ssd'],
        nodeValue: 'hdd',
        matches: false,
        term: 0,
      }),
    ).toBe('requiredAffinity (term 1) wants disktype In [ssd]: the node has disktype=hdd (does not match)')
    expect(
      constraintText({
        kind: 'resource',
        resource: 'cpu',
        requested: 6000,
        allocated: 500,
        allocatable: 4000,
        free: 3500,
        fits: false,
        unresolvable: true,
      }),
    ).toBe('cpu: requests 6000m, 500m of 4000m allocated, 3500m free: more than the node has at all')
    expect(amount('memory', 8 * 1024 ** 3)).toBe('8Gi')
  })
  it("puts the failing constraints in a rejected cell's tooltip", () => {
    const x: NodeExplanation = {
      node: 'c1',
      verdict: 'rejected',
      rejectedBy: 'InterPodAffinity',
      summary: '',
      plugins: [
        {
          plugin: 'InterPodAffinity',
          verdict: 'rejected',
          constraints: [
            {
              kind: 'interPod',
              term: 'antiAffinity',
              topologyKey: 'kubernetes.io/hostname',
              selector: 'app=cache',
              nodeDomain: 'c1',
              matchingPods: ['default/cache-1'],
              satisfied: false,
            },
            {
              kind: 'interPod',
              term: 'affinity',
              topologyKey: 'zone',
              selector: 'app=x',
              nodeDomain: 'a',
              matchingPods: [],
              satisfied: true,
            },
          ],
        },
      ],
    }
    expect(cellTip('c1', 'InterPodAffinity', 'nope', x)).toBe(
      'InterPodAffinity rejected c1: nope — antiAffinity on kubernetes.io/hostname=c1 (selector app=cache): matching pods: default/cache-1: violated',
    )
    expect(cellTip('c1', 'NodeName', undefined, x)).toMatch(/did not run/)
  })
})
