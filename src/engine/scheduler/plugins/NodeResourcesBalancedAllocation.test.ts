/**
 * NodeResourcesBalancedAllocation, table-driven, ported from kubernetes/kubernetes
 * pkg/scheduler/framework/plugins/noderesources/balanced_allocation_test.go (TestNodeResourcesBalancedAllocation,
 * the cases without DRA extended resources). Same inputs, same expected outputs; the arithmetic is in a comment
 * per case.
 * Score = (1 − std(fractions))·100, truncated; fraction = (node requested + pod request)/allocatable, capped at 1,
 * actual requests (no 100m/200Mi defaults); two resources: std = |f1 − f2|/2. A scalar resource the pod does not
 * request, or with allocatable 0, is left out. PreScore Skip for a best-effort pod.
 */
import { describe, expect, it } from 'vitest'
import type { Node, Pod } from '../../api/types.ts'
import { cluster, node, pod, scoreAll } from '../testing.ts'

type Req = Record<string, string>
const withContainers = (name: string, reqs: Req[], nodeName?: string): Pod =>
  pod(name, { node: nodeName, spec: { containers: reqs.map((r, i) => ({ name: `c${i}`, image: 'busybox', resources: { requests: r } })) } })

// The upstream pod specs.
const cpuOnly = (name: string, nodeName?: string) => withContainers(name, [{ cpu: '1000m', memory: '0' }, { cpu: '2000m', memory: '0' }], nodeName)
const cpuAndMemory = (name: string, nodeName?: string) => withContainers(name, [{ cpu: '1000m', memory: '2000' }, { cpu: '2000m', memory: '3000' }], nodeName)
const cpuAndMemoryAndGPU = (name: string, nodeName?: string) =>
  withContainers(name, [{ cpu: '1000m', memory: '2000' }, { cpu: '2000m', memory: '3000', 'nvidia.com/gpu': '3' }], nodeName)

/** makeNode(name, milliCPU, memory, extended): allocatable = capacity. */
const makeNode = (name: string, milliCPU: number, memory: number, extra: Req = {}): Node => node(name, { cpu: `${milliCPU}m`, memory: String(memory), extra })

const DEFAULT_RES = [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }]
const GPU_RES = [...DEFAULT_RES, { name: 'nvidia.com/gpu', weight: 1 }]
const config = (resources: { name: string; weight: number }[]) => ({ profiles: [{ pluginConfig: [{ name: 'NodeResourcesBalancedAllocation', args: { resources } }] }] })

interface Case { name: string; pod: Pod; nodes: Node[]; pods?: Pod[]; resources?: { name: string; weight: number }[]; want: Record<string, number> | 'Skip' }

describe('NodeResourcesBalancedAllocation (TestNodeResourcesBalancedAllocation)', () => {
  const cases: Case[] = [
    {
      // best-effort pod (no requests) ⇒ PreScore Skip.
      name: 'nothing scheduled, nothing requested, skip in PreScore', pod: withContainers('p', []),
      nodes: [makeNode('node1', 4000, 10000), makeNode('node2', 4000, 10000)], want: 'Skip',
    },
    {
      // node1: cpu 3000/4000 = 0.75; memory 5000/10000 = 0.5; std (0.75−0.5)/2 = 0.125; (1−0.125)·100 = 87.
      // node2: cpu 3000/6000 = 0.5; memory 0.5; std 0 ⇒ 100.
      name: 'nothing scheduled, resources requested, differently sized nodes', pod: cpuAndMemory('p'),
      nodes: [makeNode('node1', 4000, 10000), makeNode('node2', 6000, 10000)], want: { node1: 87, node2: 100 },
    },
    {
      // node1: cpu (3000+3000)/10000 = 0.6; memory (0+5000)/20000 = 0.25; std 0.175 ⇒ 82.
      // node2: cpu 0.6; memory (5000+5000)/20000 = 0.5; std 0.05 ⇒ 95.
      name: 'resources requested, pods scheduled with resources', pod: cpuAndMemory('p'),
      nodes: [makeNode('node1', 10000, 20000), makeNode('node2', 10000, 20000)],
      pods: [cpuOnly('e1', 'node1'), cpuAndMemory('e2', 'node2')], want: { node1: 82, node2: 95 },
    },
    {
      // node1: 82 as above. node2: cpu 0.6; memory 10000/50000 = 0.2; std 0.2 ⇒ 80.
      name: 'resources requested, pods scheduled with resources, differently sized nodes', pod: cpuAndMemory('p'),
      nodes: [makeNode('node1', 10000, 20000), makeNode('node2', 10000, 50000)],
      pods: [cpuOnly('e1', 'node1'), cpuAndMemory('e2', 'node2')], want: { node1: 82, node2: 80 },
    },
    {
      // node1: cpu (3000+3000)/6000 = 1; memory 0/10000 = 0; std 0.5 ⇒ 50.
      // node2: cpu 1; memory 5000/10000 = 0.5; std 0.25 ⇒ 75.
      name: 'requested resources at node capacity', pod: cpuOnly('p'),
      nodes: [makeNode('node1', 6000, 10000), makeNode('node2', 6000, 10000)],
      pods: [cpuOnly('e1', 'node1'), cpuAndMemory('e2', 'node2')], want: { node1: 50, node2: 75 },
    },
    {
      // Three resources: std = sqrt(Σ(f−mean)²/3).
      // node1: cpu 3000/3500 = 0.8571; memory 5000/40000 = 0.125; gpu (3+1)/8 = 0.5; mean 0.4940;
      //        std sqrt((0.3631² + 0.3690² + 0.0060²)/3) = 0.2989 ⇒ (1−0.2989)·100 = 70.
      // node2: cpu 0.8571; memory 0.125; gpu 1/8 = 0.125; mean 0.3690; std sqrt((0.4881² + 0.2440² + 0.2440²)/3) = 0.3451 ⇒ 65.
      name: 'include scalar resource on a node for balanced resource allocation',
      pod: withContainers('p', [{ memory: '0', 'nvidia.com/gpu': '1' }]),
      nodes: [makeNode('node1', 3500, 40000, { 'nvidia.com/gpu': '8' }), makeNode('node2', 3500, 40000, { 'nvidia.com/gpu': '8' })],
      pods: [cpuAndMemory('e1', 'node2'), cpuAndMemoryAndGPU('e2', 'node1')], resources: GPU_RES, want: { node1: 70, node2: 65 },
    },
    {
      // gpu not requested ⇒ left out on both nodes. cpu 3000/3500 = 0.8571; memory 5000/40000 = 0.125;
      // std (0.8571−0.125)/2 = 0.3661 ⇒ (1−0.3661)·100 = 63 on both.
      name: 'node without the scalar resource should skip the scalar resource', pod: cpuAndMemory('p'),
      nodes: [makeNode('node1', 3500, 40000, { 'nvidia.com/gpu': '8' }), makeNode('node2', 3500, 40000)], resources: GPU_RES,
      want: { node1: 63, node2: 63 },
    },
  ]
  it.each(cases)('$name', (c) => {
    const r = scoreAll(cluster(c.nodes, c.pods ?? [], c.resources ? { config: config(c.resources) } : {}), 'NodeResourcesBalancedAllocation', c.pod)
    if (c.want === 'Skip') expect(r).toBe('Skip')
    else expect(r).toEqual({ raw: c.want, normalized: c.want })
  })

  it('uses actual requests, not the 100m/200Mi defaults: a pod with an unset memory request is still scored', () => {
    // Same as "requested resources at node capacity" with a cpu-only pod whose memory request is unset: memory
    // fraction stays 0 (no 200Mi default) ⇒ node1 cpu 1, memory 0 ⇒ 50.
    const r = scoreAll(cluster([makeNode('node1', 6000, 10000)], [cpuOnly('e1', 'node1')]), 'NodeResourcesBalancedAllocation',
      withContainers('p', [{ cpu: '1000m' }, { cpu: '2000m' }]))
    expect(r).toEqual({ raw: { node1: 50 }, normalized: { node1: 50 } })
  })
})
