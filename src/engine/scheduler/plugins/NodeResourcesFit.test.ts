/**
 * NodeResourcesFit, table-driven, ported from kubernetes/kubernetes pkg/scheduler/framework/plugins/noderesources:
 * fit_test.go (TestEnoughRequests, TestNotEnoughRequests, TestStorageRequests, TestRestartableInitContainers,
 * TestFitScore), least_allocated_test.go (TestLeastAllocatedScoringStrategy), most_allocated_test.go
 * (TestMostAllocatedScoringStrategy) and requested_to_capacity_ratio_test.go
 * (TestRequestedToCapacityRatioScoringStrategy, TestResourceBinPackingSingleExtended). Same inputs, same expected
 * outputs; the arithmetic is in a comment per case.
 * Filter: request > allocatable − requested ⇒ "Insufficient <r>"; UnschedulableAndUnresolvable when some request
 * exceeds the node's whole allocatable (v1.34+); a best-effort pod is checked on the pod count only.
 * Score: LeastAllocated (cap−req)·100/cap, MostAllocated min(req,cap)·100/cap, weighted average (integer division);
 * RequestedToCapacityRatio: shape(req·100/cap) averaged over resources whose score > 0, rounded. Scoring counts
 * an unset cpu/memory request as 100m/200Mi; a scalar resource the pod does not request is skipped.
 */
import { describe, expect, it } from 'vitest'
import type { Node, Pod } from '../../api/types.ts'
import { cluster, filterAll, node, pod, scoreAll } from '../testing.ts'

type Req = Record<string, string>
const ctrs = (prefix: string, reqs: Req[], extra: Record<string, unknown> = {}) =>
  reqs.map((r, i) => ({ name: `${prefix}${i}`, image: 'busybox', resources: { requests: r }, ...extra }))

/** A pod with exactly these containers (none for []), init containers, sidecars (restartable init) and overhead. */
function rpod(name: string, containers: Req[], o: { init?: Req[]; sidecars?: Req[]; overhead?: Req; node?: string } = {}): Pod {
  const init = [...ctrs('s', o.sidecars ?? [], { restartPolicy: 'Always' }), ...ctrs('i', o.init ?? [])]
  return pod(name, {
    node: o.node,
    spec: { containers: ctrs('c', containers), ...(init.length ? { initContainers: init } : {}), ...(o.overhead ? { overhead: o.overhead } : {}) },
  })
}

const A = 'example.com/aaa'
const B = 'example.com/bbb'
const K8S_A = 'kubernetes.io/something'
const HP = 'hugepages-2Mi'
const S = 'Success'
const U = (...r: string[]) => `Unschedulable: ${r.join(', ')}`
const UU = (...r: string[]) => `UnschedulableAndUnresolvable: ${r.join(', ')}`

describe('NodeResourcesFit Filter', () => {
  // makeAllocatableResources(10, 20, 32, 5, 20, 5): cpu 10m, memory 20, pods 32, example.com/aaa 5,
  // ephemeral-storage 20, hugepages-2Mi 5. Each case has one existing pod on the node.
  const n1 = (): Node => node('n1', { cpu: '10m', memory: '20', pods: '32', extra: { [A]: '5', 'ephemeral-storage': '20', [HP]: '5' } })
  const run = (p: Pod, existing: Req, nodeFn: () => Node = n1) =>
    filterAll(cluster([nodeFn()], [rpod('existing', [existing], { node: 'n1' })]), 'NodeResourcesFit', p).n1

  describe('TestEnoughRequests', () => {
    const cases: { name: string; pod: Pod; existing: Req; want: string }[] = [
      // best-effort pod: only the pod count (1+1 ≤ 32) is checked, though cpu 10/10 and memory 20/20 are used.
      { name: 'no resources requested always fits', pod: rpod('p', []), existing: { cpu: '10m', memory: '20' }, want: S },
      // cpu 1 > 10−10 = 0; memory 1 > 20−20 = 0; neither 1 > 10 nor 1 > 20 ⇒ resolvable.
      {
        name: 'too many resources fails', pod: rpod('p', [{ cpu: '1m', memory: '1' }]), existing: { cpu: '10m', memory: '20' },
        want: U('Insufficient cpu', 'Insufficient memory'),
      },
      // cpu max(1, init 3) = 3 > 10−8 = 2; memory max(1,1) = 1 ≤ 20−19 = 1.
      {
        name: 'too many resources fails due to init container cpu', pod: rpod('p', [{ cpu: '1m', memory: '1' }], { init: [{ cpu: '3m', memory: '1' }] }),
        existing: { cpu: '8m', memory: '19' }, want: U('Insufficient cpu'),
      },
      // cpu max(1, 3, 2) = 3 > 2.
      {
        name: 'too many resources fails due to highest init container cpu',
        pod: rpod('p', [{ cpu: '1m', memory: '1' }], { init: [{ cpu: '3m', memory: '1' }, { cpu: '2m', memory: '1' }] }),
        existing: { cpu: '8m', memory: '19' }, want: U('Insufficient cpu'),
      },
      // memory max(1, 3) = 3 > 20−19 = 1; cpu 1 ≤ 10−9 = 1.
      {
        name: 'too many resources fails due to init container memory', pod: rpod('p', [{ cpu: '1m', memory: '1' }], { init: [{ cpu: '1m', memory: '3' }] }),
        existing: { cpu: '9m', memory: '19' }, want: U('Insufficient memory'),
      },
      // memory max(1, 3, 2) = 3 > 1.
      {
        name: 'too many resources fails due to highest init container memory',
        pod: rpod('p', [{ cpu: '1m', memory: '1' }], { init: [{ cpu: '1m', memory: '3' }, { cpu: '1m', memory: '2' }] }),
        existing: { cpu: '9m', memory: '19' }, want: U('Insufficient memory'),
      },
      // max(1, 1) = 1 ≤ 1 for cpu and memory (a sum would be 2).
      {
        name: "init container fits because it's the max, not sum, of containers and init containers",
        pod: rpod('p', [{ cpu: '1m', memory: '1' }], { init: [{ cpu: '1m', memory: '1' }] }), existing: { cpu: '9m', memory: '19' }, want: S,
      },
      {
        name: "multiple init containers fit because it's the max, not sum, of containers and init containers",
        pod: rpod('p', [{ cpu: '1m', memory: '1' }], { init: [{ cpu: '1m', memory: '1' }, { cpu: '1m', memory: '1' }] }),
        existing: { cpu: '9m', memory: '19' }, want: S,
      },
      // cpu 1 ≤ 5; memory 1 ≤ 15.
      { name: 'both resources fit', pod: rpod('p', [{ cpu: '1m', memory: '1' }]), existing: { cpu: '5m', memory: '5' }, want: S },
      // cpu 2 > 10−9 = 1; memory 1 ≤ 15.
      { name: 'one resource memory fits', pod: rpod('p', [{ cpu: '2m', memory: '1' }]), existing: { cpu: '9m', memory: '5' }, want: U('Insufficient cpu') },
      // memory 2 > 20−19 = 1; cpu 1 ≤ 5.
      { name: 'one resource cpu fits', pod: rpod('p', [{ cpu: '1m', memory: '2' }]), existing: { cpu: '5m', memory: '19' }, want: U('Insufficient memory') },
      // cpu 5 ≤ 10−5 = 5; memory 1 ≤ 1.
      { name: 'equal edge case', pod: rpod('p', [{ cpu: '5m', memory: '1' }]), existing: { cpu: '5m', memory: '19' }, want: S },
      // cpu max(4, 5) = 5 ≤ 5.
      {
        name: 'equal edge case for init container', pod: rpod('p', [{ cpu: '4m', memory: '1' }], { init: [{ cpu: '5m', memory: '1' }] }),
        existing: { cpu: '5m', memory: '19' }, want: S,
      },
      // aaa 1 ≤ 5−0.
      { name: 'extended resource fits', pod: rpod('p', [{ [A]: '1' }]), existing: {}, want: S },
      { name: 'extended resource fits for init container', pod: rpod('p', [{}], { init: [{ [A]: '1' }] }), existing: {}, want: S },
      // aaa 10 > 5−0 and 10 > 5 (whole allocatable) ⇒ unresolvable.
      {
        name: 'extended resource capacity enforced', pod: rpod('p', [{ cpu: '1m', memory: '1', [A]: '10' }]), existing: { [A]: '0' },
        want: UU(`Insufficient ${A}`),
      },
      {
        name: 'extended resource capacity enforced for init container', pod: rpod('p', [{}], { init: [{ cpu: '1m', memory: '1', [A]: '10' }] }),
        existing: { [A]: '0' }, want: UU(`Insufficient ${A}`),
      },
      // aaa 1 > 5−5 = 0, 1 ≤ 5 ⇒ resolvable.
      {
        name: 'extended resource allocatable enforced', pod: rpod('p', [{ cpu: '1m', memory: '1', [A]: '1' }]), existing: { [A]: '5' },
        want: U(`Insufficient ${A}`),
      },
      {
        name: 'extended resource allocatable enforced for init container', pod: rpod('p', [{}], { init: [{ cpu: '1m', memory: '1', [A]: '1' }] }),
        existing: { [A]: '5' }, want: U(`Insufficient ${A}`),
      },
      // aaa 3+3 = 6 > 5−2 = 3 and 6 > 5 ⇒ unresolvable.
      {
        name: 'extended resource allocatable enforced for multiple containers',
        pod: rpod('p', [{ cpu: '1m', memory: '1', [A]: '3' }, { cpu: '1m', memory: '1', [A]: '3' }]), existing: { [A]: '2' },
        want: UU(`Insufficient ${A}`),
      },
      // init containers: max(3, 3) = 3 ≤ 3.
      {
        name: 'extended resource allocatable admits multiple init containers',
        pod: rpod('p', [{}], { init: [{ cpu: '1m', memory: '1', [A]: '3' }, { cpu: '1m', memory: '1', [A]: '3' }] }), existing: { [A]: '2' }, want: S,
      },
      // max(6, 3) = 6 > 3 and 6 > 5 ⇒ unresolvable.
      {
        name: 'extended resource allocatable enforced for multiple init containers',
        pod: rpod('p', [{}], { init: [{ cpu: '1m', memory: '1', [A]: '6' }, { cpu: '1m', memory: '1', [A]: '3' }] }), existing: { [A]: '2' },
        want: UU(`Insufficient ${A}`),
      },
      // bbb: allocatable 0, 1 > 0 ⇒ unresolvable.
      {
        name: 'extended resource allocatable enforced for unknown resource', pod: rpod('p', [{ cpu: '1m', memory: '1', [B]: '1' }]), existing: {},
        want: UU(`Insufficient ${B}`),
      },
      {
        name: 'extended resource allocatable enforced for unknown resource for init container',
        pod: rpod('p', [{}], { init: [{ cpu: '1m', memory: '1', [B]: '1' }] }), existing: {}, want: UU(`Insufficient ${B}`),
      },
      // kubernetes.io/something: allocatable 0, 10 > 0.
      {
        name: 'kubernetes.io resource capacity enforced', pod: rpod('p', [{ cpu: '1m', memory: '1', [K8S_A]: '10' }]), existing: {},
        want: UU(`Insufficient ${K8S_A}`),
      },
      // hugepages-2Mi 10 > 5−0 and 10 > 5.
      {
        name: 'hugepages resource capacity enforced', pod: rpod('p', [{ cpu: '1m', memory: '1', [HP]: '10' }]), existing: { [HP]: '0' },
        want: UU(`Insufficient ${HP}`),
      },
      {
        name: 'hugepages resource capacity enforced for init container', pod: rpod('p', [{}], { init: [{ cpu: '1m', memory: '1', [HP]: '10' }] }),
        existing: { [HP]: '0' }, want: UU(`Insufficient ${HP}`),
      },
      // hugepages 3+3 = 6 > 5−2 = 3 and 6 > 5.
      {
        name: 'hugepages resource allocatable enforced for multiple containers',
        pod: rpod('p', [{ cpu: '1m', memory: '1', [HP]: '3' }, { cpu: '1m', memory: '1', [HP]: '3' }]), existing: { [HP]: '2' },
        want: UU(`Insufficient ${HP}`),
      },
      // cpu 1+3 = 4 ≤ 10−5; memory 1+13 = 14 ≤ 20−5.
      {
        name: 'resources + pod overhead fits', pod: rpod('p', [{ cpu: '1m', memory: '1' }], { overhead: { cpu: '3m', memory: '13' } }),
        existing: { cpu: '5m', memory: '5' }, want: S,
      },
      // memory 1+15 = 16 > 15, 16 ≤ 20 ⇒ resolvable; cpu 1+1 = 2 ≤ 5.
      {
        name: 'requests + overhead does not fit for memory', pod: rpod('p', [{ cpu: '1m', memory: '1' }], { overhead: { cpu: '1m', memory: '15' } }),
        existing: { cpu: '5m', memory: '5' }, want: U('Insufficient memory'),
      },
      // aaa request 0 is skipped although the node is over-committed (6 used of 5).
      {
        name: 'skip checking extended resource request with quantity zero via resource groups',
        pod: rpod('p', [{ cpu: '1m', memory: '1', [A]: '0' }]), existing: { [A]: '6' }, want: S,
      },
    ]
    it.each(cases)('$name', ({ pod: p, existing, want }) => expect(run(p, existing)).toBe(want))
  })

  describe('TestNotEnoughRequests', () => {
    // makeAllocatableResources(10, 20, 1, 0, 0, 0): one pod slot, already taken ⇒ 1+1 > 1.
    const n1pods1 = () => node('n1', { cpu: '10m', memory: '20', pods: '1' })
    const cases: { name: string; pod: Pod; existing: Req; want: string }[] = [
      { name: "even without specified resources, predicate fails when there's no space for additional pod", pod: rpod('p', []), existing: { cpu: '10m', memory: '20' }, want: U('Too many pods') },
      { name: "even if both resources fit, predicate fails when there's no space for additional pod", pod: rpod('p', [{ cpu: '1m', memory: '1' }]), existing: { cpu: '5m', memory: '5' }, want: U('Too many pods') },
      { name: "even for equal edge case, predicate fails when there's no space for additional pod", pod: rpod('p', [{ cpu: '5m', memory: '1' }]), existing: { cpu: '5m', memory: '19' }, want: U('Too many pods') },
      {
        name: "even for equal edge case, predicate fails when there's no space for additional pod due to init container",
        pod: rpod('p', [{ cpu: '5m', memory: '1' }], { init: [{ cpu: '5m', memory: '1' }] }), existing: { cpu: '5m', memory: '19' }, want: U('Too many pods'),
      },
    ]
    it.each(cases)('$name', ({ pod: p, existing, want }) => expect(run(p, existing, n1pods1)).toBe(want))
  })

  describe('TestStorageRequests', () => {
    const cases: { name: string; pod: Pod; existing: Req; want: string }[] = [
      { name: 'empty storage requested, and pod fits', pod: rpod('p', [{ cpu: '1m', memory: '1' }]), existing: { cpu: '2m', memory: '10' }, want: S },
      // ephemeral-storage 25 > 20−0 and 25 > 20 ⇒ unresolvable.
      {
        name: 'storage ephemeral local storage request exceeds allocatable', pod: rpod('p', [{ 'ephemeral-storage': '25' }]),
        existing: { cpu: '2m', memory: '2' }, want: UU('Insufficient ephemeral-storage'),
      },
      // 5 ≤ 20−10.
      {
        name: 'ephemeral local storage is sufficient', pod: rpod('p', [{ 'ephemeral-storage': '5' }]),
        existing: { cpu: '2m', memory: '2', 'ephemeral-storage': '10' }, want: S,
      },
      { name: 'pod fits', pod: rpod('p', [{ 'ephemeral-storage': '10' }]), existing: { cpu: '2m', memory: '2' }, want: S },
    ]
    it.each(cases)('$name', ({ pod: p, existing, want }) => expect(run(p, existing)).toBe(want))
  })

  describe('TestRestartableInitContainers', () => {
    // makeAllocatableResources(2, 0, 1, 0, 0, 0): cpu 2m, no pods on the node. A sidecar adds to the containers.
    const run2 = (p: Pod) => filterAll(cluster([node('n1', { cpu: '2m', memory: '0', pods: '1' })]), 'NodeResourcesFit', p).n1
    it.each([
      // cpu 1 + sidecar 1 = 2 ≤ 2.
      { name: "allow pod if the total requested resources do not exceed the node's allocatable resources", cpu: '1m', want: S },
      // cpu 1 + sidecar 2 = 3 > 2 and 3 > 2 (allocatable) ⇒ unresolvable.
      { name: "not allow pod if the total requested resources do exceed the node's allocatable resources", cpu: '2m', want: UU('Insufficient cpu') },
    ])('$name', ({ cpu, want }) => expect(run2(rpod('p', [{ cpu: '1m' }], { sidecars: [{ cpu }] }))).toBe(want))
  })
})

/** A node as st.MakeNode().Capacity(...): allocatable = capacity = these resources (no pods slots needed). */
const cap = (name: string, cpu: string, memory: string, extra: Req = {}) => node(name, { cpu, memory, extra })
/** A pod as st.MakePod().Req(r1).Req(r2)...: one container per request list (none when empty). */
const req = (name: string, reqs: Req[], nodeName?: string) => rpod(name, reqs, { node: nodeName })

const fitConfig = (type: string, resources: { name: string; weight: number }[], shape?: { utilization: number; score: number }[]) => ({
  profiles: [{ pluginConfig: [{ name: 'NodeResourcesFit', args: { scoringStrategy: { type, resources, ...(shape ? { requestedToCapacityRatio: { shape } } : {}) } } }] }],
})
const DEFAULT_RES = [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }]
const XYZ = 'abc.com/xyz'
const EXTENDED_RES = [...DEFAULT_RES, { name: XYZ, weight: 1 }]

interface ScoreCase { name: string; pod: Pod; nodes: Node[]; existing?: Pod[]; resources?: { name: string; weight: number }[]; want: Record<string, number> }
function score(type: string, c: ScoreCase, shape?: { utilization: number; score: number }[]): Record<string, number> {
  const r = scoreAll(cluster(c.nodes, c.existing ?? [], { config: fitConfig(type, c.resources ?? DEFAULT_RES, shape) }), 'NodeResourcesFit', c.pod)
  if (r === 'Skip') throw new Error('unexpected Skip')
  return r.raw
}

describe('NodeResourcesFit Score: LeastAllocated (TestLeastAllocatedScoringStrategy)', () => {
  const cases: ScoreCase[] = [
    {
      // cpu (4000−0)·100/4000 = 100; memory (10000−0)·100/10000 = 100; (100+100)/2 = 100 on both nodes.
      name: 'nothing scheduled, nothing requested', pod: req('p', []),
      nodes: [cap('node1', '4000', '10000'), cap('node2', '4000', '10000')], want: { node1: 100, node2: 100 },
    },
    {
      // node1: cpu (4000−3000)·100/4000 = 25; memory (10000−5000)·100/10000 = 50; (25+50)/2 = 37.
      // node2: cpu (6000−3000)·100/6000 = 50; memory 50; (50+50)/2 = 50.
      name: 'nothing scheduled, resources requested, differently sized nodes',
      pod: req('p', [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }]),
      nodes: [cap('node1', '4000', '10000'), cap('node2', '6000', '10000')], want: { node1: 37, node2: 50 },
    },
    {
      // existing pods have no containers ⇒ nothing requested; 100 on both.
      name: 'no resources requested, pods scheduled', pod: req('p', []),
      nodes: [cap('node1', '4000', '10000'), cap('node2', '4000', '10000')],
      existing: [req('e1', [], 'node1'), req('e2', [], 'node1'), req('e3', [], 'node2'), req('e4', [], 'node2')], want: { node1: 100, node2: 100 },
    },
    {
      // node1: cpu (10000−6000)·100/10000 = 40; memory (20000−0)·100/20000 = 100; (40+100)/2 = 70.
      // node2: cpu 40; memory (20000−5000)·100/20000 = 75; (40+75)/2 = 57.
      name: 'no resources requested, pods scheduled with resources', pod: req('p', []),
      nodes: [cap('node1', '10000', '20000'), cap('node2', '10000', '20000')],
      existing: [
        req('e1', [{ cpu: '3000', memory: '0' }], 'node1'), req('e2', [{ cpu: '3000', memory: '0' }], 'node1'),
        req('e3', [{ cpu: '3000', memory: '0' }], 'node2'), req('e4', [{ cpu: '3000', memory: '5000' }], 'node2'),
      ],
      want: { node1: 70, node2: 57 },
    },
    {
      // node1: cpu (10000−6000)·100/10000 = 40; memory (20000−5000)·100/20000 = 75; (40+75)/2 = 57.
      // node2: cpu 40; memory (20000−10000)·100/20000 = 50; (40+50)/2 = 45.
      name: 'resources requested, pods scheduled with resources',
      pod: req('p', [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }]),
      nodes: [cap('node1', '10000', '20000'), cap('node2', '10000', '20000')],
      existing: [req('e1', [{ cpu: '3000', memory: '0' }], 'node1'), req('e2', [{ cpu: '3000', memory: '5000' }], 'node2')],
      want: { node1: 57, node2: 45 },
    },
    {
      // node1: 57 as above. node2: cpu 40; memory (50000−10000)·100/50000 = 80; (40+80)/2 = 60.
      name: 'resources requested, pods scheduled with resources, differently sized nodes',
      pod: req('p', [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }]),
      nodes: [cap('node1', '10000', '20000'), cap('node2', '10000', '50000')],
      existing: [req('e1', [{ cpu: '3000', memory: '0' }], 'node1'), req('e2', [{ cpu: '3000', memory: '5000' }], 'node2')],
      want: { node1: 57, node2: 60 },
    },
    {
      // node1: cpu 6000 > 4000 ⇒ 0; memory (10000−0)·100/10000 = 100; (0+100)/2 = 50.
      // node2: cpu 0; memory (10000−5000)·100/10000 = 50; (0+50)/2 = 25.
      name: 'requested resources exceed node capacity', pod: req('p', [{ cpu: '3000', memory: '0' }]),
      nodes: [cap('node1', '4000', '10000'), cap('node2', '4000', '10000')],
      existing: [req('e1', [{ cpu: '3000', memory: '0' }], 'node1'), req('e2', [{ cpu: '3000', memory: '5000' }], 'node2')],
      want: { node1: 50, node2: 25 },
    },
    {
      // allocatable 0 for cpu and memory ⇒ every resource skipped ⇒ 0.
      name: 'zero node resources, pods scheduled with resources', pod: req('p', []),
      nodes: [cap('node1', '0', '0'), cap('node2', '0', '0')],
      existing: [req('e1', [{ cpu: '3000', memory: '0' }], 'node1'), req('e2', [{ cpu: '3000', memory: '5000' }], 'node2')],
      want: { node1: 0, node2: 0 },
    },
    {
      // node1: cpu 25, memory 50; (25·1 + 50·2)/(1+2) = 41. node2: cpu 50, memory 50; (50 + 100)/3 = 50.
      name: 'nothing scheduled, resources requested with different weight on CPU and memory, differently sized nodes',
      pod: req('p', [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }], 'node1'),
      nodes: [cap('node1', '4000', '10000'), cap('node2', '6000', '10000')],
      resources: [{ name: 'memory', weight: 2 }, { name: 'cpu', weight: 1 }], want: { node1: 41, node2: 50 },
    },
    {
      // cpu (6000−3000)·100/6000 = 50, memory 50; abc.com/xyz not requested ⇒ skipped; (50+50)/2 = 50 on both.
      name: 'bypass extended resource if the pod does not request',
      pod: req('p', [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }], 'node1'),
      nodes: [cap('node1', '6000', '10000'), cap('node2', '6000', '10000', { [XYZ]: '4' })],
      resources: EXTENDED_RES, want: { node1: 50, node2: 50 },
    },
    {
      // cpu 50, memory 50; xyz node1 (4−2)·100/4 = 50 ⇒ (50+50+50)/3 = 50; node2 (10−2)·100/10 = 80 ⇒ 180/3 = 60.
      name: 'honor extended resource if the pod requests',
      pod: req('p', [{ cpu: '3000', memory: '5000', [XYZ]: '2' }], 'node1'),
      nodes: [cap('node1', '6000', '10000', { [XYZ]: '4' }), cap('node2', '6000', '10000', { [XYZ]: '10' })],
      resources: EXTENDED_RES, want: { node1: 50, node2: 60 },
    },
    {
      // xyz not requested ⇒ skipped; cpu (6000−3000)·100/6000 = 50; memory (10000−4000)·100/10000 = 60; 110/2 = 55.
      name: "if the node doesn't have a resource", pod: req('p', [{ cpu: '3000', memory: '4000' }], 'node1'),
      nodes: [cap('node1', '6000', '10000'), cap('node2', '6000', '10000', { [XYZ]: '4' })],
      resources: [{ name: XYZ, weight: 2 }, { name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }], want: { node1: 55, node2: 55 },
    },
  ]
  it.each(cases)('$name', (c) => expect(score('LeastAllocated', c)).toEqual(c.want))

  it.each([
    { name: 'resource with negative weight', resources: [{ name: 'memory', weight: -1 }, { name: 'cpu', weight: 1 }], err: /resources\[0\]\.weight/ },
    { name: 'resource with zero weight', resources: [{ name: 'memory', weight: 1 }, { name: 'cpu', weight: 0 }], err: /resources\[1\]\.weight/ },
    { name: 'resource weight larger than MaxNodeScore', resources: [{ name: 'memory', weight: 1 }, { name: 'cpu', weight: 101 }], err: /resources\[1\]\.weight/ },
  ])('$name', ({ resources, err }) => {
    expect(() => cluster([cap('node1', '4000', '10000')], [], { config: fitConfig('LeastAllocated', resources) })).toThrow(err)
  })

  it('is the default strategy (no pluginConfig)', () => {
    // Same as "nothing scheduled, resources requested, differently sized nodes": 37, 50.
    const r = scoreAll(cluster([cap('node1', '4000', '10000'), cap('node2', '6000', '10000')]), 'NodeResourcesFit',
      req('p', [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }]))
    expect(r).toEqual({ raw: { node1: 37, node2: 50 }, normalized: { node1: 37, node2: 50 } })
  })
})

describe('NodeResourcesFit Score: MostAllocated (TestMostAllocatedScoringStrategy)', () => {
  const cases: ScoreCase[] = [
    {
      // cpu 0·100/4000 = 0; memory 0; 0 on both.
      name: 'nothing scheduled, nothing requested', pod: req('p', []),
      nodes: [cap('node1', '4000', '10000'), cap('node2', '4000', '10000')], want: { node1: 0, node2: 0 },
    },
    {
      // node1: cpu 3000·100/4000 = 75; memory 5000·100/10000 = 50; (75+50)/2 = 62. node2: 50, 50 ⇒ 50.
      name: 'nothing scheduled, resources requested, differently sized nodes',
      pod: req('p', [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }]),
      nodes: [cap('node1', '4000', '10000'), cap('node2', '6000', '10000')], want: { node1: 62, node2: 50 },
    },
    {
      // node1: cpu 6000·100/10000 = 60; memory 0 ⇒ (60+0)/2 = 30. node2: 60; memory 5000·100/20000 = 25 ⇒ 85/2 = 42.
      name: 'no resources requested, pods scheduled with resources', pod: req('p', []),
      nodes: [cap('node1', '10000', '20000'), cap('node2', '10000', '20000')],
      existing: [
        req('e1', [{ cpu: '3000', memory: '0' }], 'node1'), req('e2', [{ cpu: '3000', memory: '0' }], 'node1'),
        req('e3', [{ cpu: '3000', memory: '0' }], 'node2'), req('e4', [{ cpu: '3000', memory: '5000' }], 'node2'),
      ],
      want: { node1: 30, node2: 42 },
    },
    {
      // node1: cpu 60; memory 5000·100/20000 = 25 ⇒ 42. node2: cpu 60; memory 10000·100/20000 = 50 ⇒ 55.
      name: 'resources requested, pods scheduled with resources',
      pod: req('p', [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }]),
      nodes: [cap('node1', '10000', '20000'), cap('node2', '10000', '20000')],
      existing: [req('e1', [{ cpu: '3000', memory: '0' }], 'node1'), req('e2', [{ cpu: '3000', memory: '5000' }], 'node2')],
      want: { node1: 42, node2: 55 },
    },
    {
      // node1: cpu 5000·100/5000 = 100; memory 9000·100/10000 = 90 ⇒ 95. node2: cpu 5000·100/10000 = 50; memory 100 ⇒ 75.
      name: 'resources requested equal node capacity',
      pod: req('p', [{ cpu: '2000', memory: '4000' }, { cpu: '3000', memory: '5000' }]),
      nodes: [cap('node1', '5000', '10000'), cap('node2', '10000', '9000')], want: { node1: 95, node2: 75 },
    },
    {
      // node1: (75·1 + 50·2)/3 = 58. node2: (50 + 100)/3 = 50.
      name: 'nothing scheduled, resources requested, differently sized nodes',
      pod: req('p', [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }]),
      nodes: [cap('node1', '4000', '10000'), cap('node2', '6000', '10000')],
      resources: [{ name: 'memory', weight: 2 }, { name: 'cpu', weight: 1 }], want: { node1: 58, node2: 50 },
    },
    {
      // No requests anywhere ⇒ the 100m/200Mi non-zero defaults.
      // node1: cpu 3·100m = 300m > 250m ⇒ capped, 100; memory 600Mi·100/1000Mi = 60; (100+60)/2 = 80.
      // node2: cpu 100m·100/250m = 40; memory 200Mi·100/1000Mi = 20; (40+20)/2 = 30.
      name: 'no resources requested, pods scheduled, nonzero request for resource', pod: pod('p'),
      nodes: [cap('node1', '250m', '1000Mi'), cap('node2', '250m', '1000Mi')],
      existing: [pod('e1', { node: 'node1' }), pod('e2', { node: 'node1' })], want: { node1: 80, node2: 30 },
    },
    {
      // cpu 3000·100/6000 = 50, memory 50; xyz not requested ⇒ skipped; 50 on both.
      name: 'bypass extended resource if the pod does not request',
      pod: req('p', [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }]),
      nodes: [cap('node1', '6000', '10000'), cap('node2', '6000', '10000', { [XYZ]: '4' })],
      resources: EXTENDED_RES, want: { node1: 50, node2: 50 },
    },
    {
      // cpu 50, memory 50; xyz node1 2·100/4 = 50 ⇒ 150/3 = 50; node2 2·100/10 = 20 ⇒ 120/3 = 40.
      name: 'honor extended resource if the pod request', pod: req('p', [{ cpu: '3000', memory: '5000', [XYZ]: '2' }], 'node1'),
      nodes: [cap('node1', '6000', '10000', { [XYZ]: '4' }), cap('node2', '6000', '10000', { [XYZ]: '10' })],
      resources: EXTENDED_RES, want: { node1: 50, node2: 40 },
    },
    {
      // xyz skipped; cpu 3000·100/6000 = 50; memory 4000·100/10000 = 40; (50+40)/2 = 45.
      name: "if the node doesn't have a resource", pod: req('p', [{ cpu: '3000', memory: '4000' }], 'node1'),
      nodes: [cap('node1', '6000', '10000'), cap('node2', '6000', '10000', { [XYZ]: '4' })],
      resources: [{ name: XYZ, weight: 2 }, { name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }], want: { node1: 45, node2: 45 },
    },
  ]
  it.each(cases)('$name', (c) => expect(score('MostAllocated', c)).toEqual(c.want))
})

describe('NodeResourcesFit Score: RequestedToCapacityRatio', () => {
  // Shape {0,10},{100,0} scaled ×10 to {0,100},{100,0}: score(u) = 100 − u.
  const shape = [{ utilization: 0, score: 10 }, { utilization: 100, score: 0 }]
  const cases: ScoreCase[] = [
    {
      // u = 0 for cpu and memory ⇒ 100, 100 ⇒ 100 on both.
      name: 'nothing scheduled, nothing requested (default - least requested nodes have priority)', pod: req('p', []),
      nodes: [cap('node1', '4000', '10000'), cap('node2', '4000', '10000')],
      existing: [req('e1', [], 'node1'), req('e2', [], 'node1')], want: { node1: 100, node2: 100 },
    },
    {
      // node1: cpu u = 3000·100/4000 = 75 ⇒ 25; memory u = 50 ⇒ 50; round((25+50)/2) = round(37.5) = 38.
      // node2: cpu u = 50 ⇒ 50; memory 50 ⇒ 50.
      name: 'nothing scheduled, resources requested, differently sized nodes (default - least requested nodes have priority)',
      pod: req('p', [{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }]),
      nodes: [cap('node1', '4000', '10000'), cap('node2', '6000', '10000')],
      existing: [req('e1', [], 'node1'), req('e2', [], 'node1')], want: { node1: 38, node2: 50 },
    },
    {
      // Same utilizations from the existing pods (3000/5000 on each): 38, 50.
      name: 'no resources requested, pods scheduled with resources (default - least requested nodes have priority)', pod: req('p', []),
      nodes: [cap('node1', '4000', '10000'), cap('node2', '6000', '10000')],
      existing: [req('e1', [{ cpu: '3000', memory: '5000' }], 'node1'), req('e2', [{ cpu: '3000', memory: '5000' }], 'node2')],
      want: { node1: 38, node2: 50 },
    },
  ]
  it.each(cases)('$name (TestRequestedToCapacityRatioScoringStrategy)', (c) => expect(score('RequestedToCapacityRatio', c, shape)).toEqual(c.want))

  // TestResourceBinPackingSingleExtended: resources [intel.com/foo:1], shape {0,0},{100,1} ⇒ score(u) = 10·u/100.
  const FOO = 'intel.com/foo'
  const binNodes = () => [cap('node1', '4000m', String(10000 * 1024 * 1024), { [FOO]: '8' }), cap('node2', '4000m', String(10000 * 1024 * 1024), { [FOO]: '4' })]
  const binShape = [{ utilization: 0, score: 0 }, { utilization: 100, score: 1 }]
  const bin: ScoreCase[] = [
    // foo not requested ⇒ skipped ⇒ weightSum 0 ⇒ 0.
    { name: 'nothing scheduled, nothing requested', pod: req('p', []), nodes: binNodes(), want: { node1: 0, node2: 0 } },
    {
      // node1: u = 2·100/8 = 25 ⇒ 10·25/100 = 2; node2: u = 2·100/4 = 50 ⇒ 5.
      name: 'resources requested, pods scheduled with less resources', pod: req('p', [{ [FOO]: '2' }]), nodes: binNodes(),
      existing: [req('e1', [])], want: { node1: 2, node2: 5 },
    },
    {
      // node1: 2; node2: u = (2+2)·100/4 = 100 ⇒ 10.
      name: 'resources requested, pods scheduled with resources, on node with existing pod running ', pod: req('p', [{ [FOO]: '2' }]),
      nodes: binNodes(), existing: [req('e1', [{ [FOO]: '2' }], 'node2')], want: { node1: 2, node2: 10 },
    },
    {
      // node1: u = 4·100/8 = 50 ⇒ 5; node2: u = 100 ⇒ 10.
      name: 'resources requested, pods scheduled with more resources', pod: req('p', [{ [FOO]: '4' }]), nodes: binNodes(),
      existing: [req('e1', [])], want: { node1: 5, node2: 10 },
    },
  ]
  it.each(bin)('$name (TestResourceBinPackingSingleExtended)', (c) =>
    expect(score('RequestedToCapacityRatio', { ...c, resources: [{ name: FOO, weight: 1 }] }, binShape)).toEqual(c.want))
})

describe('NodeResourcesFit Score (TestFitScore)', () => {
  // node1 4000/10000 with 2000/4000 used; node2 6000/10000 with 1000/2000 used.
  const nodes = () => [cap('node1', '4000', '10000'), cap('node2', '6000', '10000')]
  const existing = () => [req('e1', [{ cpu: '2000', memory: '4000' }], 'node1'), req('e2', [{ cpu: '1000', memory: '2000' }], 'node2')]
  const big = () => req('p', [{ cpu: '3000', memory: '5000' }])
  const small = () => req('p', [{ cpu: '1000', memory: '2000' }])
  it.each([
    {
      // shape {0,10},{100,0}. node1: cpu u = 5000·100/4000 > cap ⇒ score(100) = 0 (dropped); memory u = 90 ⇒ 10; 10/1 = 10.
      // node2: cpu u = 4000·100/6000 = 66 ⇒ 34; memory u = 70 ⇒ 30; round(64/2) = 32.
      name: 'test case for ScoringStrategy RequestedToCapacityRatio case1', type: 'RequestedToCapacityRatio', pod: big(),
      shape: [{ utilization: 0, score: 10 }, { utilization: 100, score: 0 }], want: { node1: 10, node2: 32 },
    },
    {
      // shape {0,0},{100,10}. node1: cpu 100, memory 90 ⇒ 95. node2: cpu 66, memory 70 ⇒ 68.
      name: 'test case for ScoringStrategy RequestedToCapacityRatio case2', type: 'RequestedToCapacityRatio', pod: big(),
      shape: [{ utilization: 0, score: 0 }, { utilization: 100, score: 10 }], want: { node1: 95, node2: 68 },
    },
    {
      // node1: cpu 3000·100/4000 = 75; memory 6000·100/10000 = 60; 135/2 = 67.
      // node2: cpu 2000·100/6000 = 33; memory 4000·100/10000 = 40; 73/2 = 36.
      name: 'test case for ScoringStrategy MostAllocated', type: 'MostAllocated', pod: small(), want: { node1: 67, node2: 36 },
    },
    {
      // node1: cpu (4000−3000)·100/4000 = 25; memory (10000−6000)·100/10000 = 40; 65/2 = 32.
      // node2: cpu (6000−2000)·100/6000 = 66; memory 60; 126/2 = 63.
      name: 'test case for ScoringStrategy LeastAllocated', type: 'LeastAllocated', pod: small(), want: { node1: 32, node2: 63 },
    },
  ])('$name', ({ type, pod: p, shape, want }) => expect(score(type, { name: '', pod: p, nodes: nodes(), existing: existing(), want }, shape)).toEqual(want))

  // Sidecar (restartable init container) requests add to the containers' on the existing pod of node1.
  const sidecarNodes = () => [cap('node1', '4000', '10000'), cap('node2', '4000', '10000')]
  const sidecarExisting = () => [
    rpod('e1', [{ cpu: '1000', memory: '2000' }], { node: 'node1', sidecars: [{ cpu: '1000', memory: '2000' }] }),
    req('e2', [{ cpu: '1000', memory: '2000' }], 'node2'),
  ]
  it.each([
    {
      // node1: cpu (2000+1000)·100/4000 = 75; memory (4000+2000)·100/10000 = 60; 67.
      // node2: cpu 2000·100/4000 = 50; memory 4000·100/10000 = 40; 45.
      name: 'test case for ScoringStrategy MostAllocated with sidecar container', type: 'MostAllocated', want: { node1: 67, node2: 45 },
    },
    {
      // node1: cpu 25; memory 40; 32. node2: cpu 50; memory 60; 55.
      name: 'test case for ScoringStrategy LeastAllocated with sidecar container', type: 'LeastAllocated', want: { node1: 32, node2: 55 },
    },
  ])('$name', ({ type, want }) => expect(score(type, { name: '', pod: small(), nodes: sidecarNodes(), existing: sidecarExisting(), want })).toEqual(want))
})
