/**
 * Scenario tests of whole scheduling cycles: the FitError text kube-scheduler v1.35 prints, and the node it
 * picks, with the arithmetic in comments. Reason strings: pkg/scheduler/framework/plugins/*; the message format:
 * pkg/scheduler/framework/types.go FitError.Error (reasons counted per node, "COUNT reason" sorted as strings).
 */
import { describe, expect, it } from 'vitest'
import { cluster, node, pod, schedule } from './testing.ts'
import { numFeasibleNodesToFind } from './scheduleOne.ts'
import { topIndices } from './framework/record.ts'
import { Rng } from '../sim/rng.ts'

// The PostFilter reasons, joined with ", " (runtime/framework.go RunPostFilterPlugins): DynamicResources' comes first
// (dynamicresources.go PostFilter, a pod without claims), then DefaultPreemption's "preemption: ...".
const NOT_HELPFUL = (n: number) => `no new claims to deallocate, preemption: 0/${n} nodes are available: ${n} Preemption is not helpful for scheduling.`
const NO_VICTIMS = (n: number) => `no new claims to deallocate, preemption: 0/${n} nodes are available: ${n} No preemption victims found for incoming pod.`

function messageOf(r: ReturnType<typeof schedule>): string {
  if (r.kind === 'scheduled') throw new Error(`expected a failure, got ${r.node}`)
  return r.message
}

describe('FitError text', () => {
  it('nodeSelector matching nothing', () => {
    const c = cluster([node('w1'), node('w2'), node('w3')])
    const r = schedule(c, pod('p', { spec: { nodeSelector: { disktype: 'ssd' } } }))
    // NodeAffinity rejects all 3 as UnschedulableAndUnresolvable, so preemption cannot help anywhere.
    expect(messageOf(r)).toBe(`0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. ${NOT_HELPFUL(3)}`)
  })

  it('CPU larger than any node', () => {
    const c = cluster([node('w1', { cpu: '2' }), node('w2', { cpu: '4' }), node('w3', { cpu: '4' })])
    const r = schedule(c, pod('p', { requests: [{ cpu: '8' }] }))
    // 8000m > allocatable everywhere ⇒ "Insufficient cpu" is Unresolvable (v1.34+) ⇒ not a preemption candidate.
    expect(messageOf(r)).toBe(`0/3 nodes are available: 3 Insufficient cpu. ${NOT_HELPFUL(3)}`)
  })

  it('CPU short but resolvable: preemption is tried, but no pod has lower priority', () => {
    const c = cluster([node('w1', { cpu: '2' }), node('w2', { cpu: '2' })], [
      pod('busy1', { node: 'w1', requests: [{ cpu: '1500m' }] }),
      pod('busy2', { node: 'w2', requests: [{ cpu: '1500m' }] }),
    ])
    // 1000m ≤ 2000m allocatable but > 2000m − 1500m free ⇒ Unschedulable ⇒ candidates; equal priority ⇒ no victims.
    const r = schedule(c, pod('p', { requests: [{ cpu: '1' }] }))
    expect(messageOf(r)).toBe(`0/2 nodes are available: 2 Insufficient cpu. ${NO_VICTIMS(2)}`)
  })

  it('a tainted node next to small nodes: the tainted node reports only its taint', () => {
    const c = cluster([
      node('control-plane', { cpu: '8', taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }),
      node('w1', { cpu: '1' }), node('w2', { cpu: '1' }), node('w3', { cpu: '1' }),
    ])
    const r = schedule(c, pod('p', { requests: [{ cpu: '2' }] }))
    // TaintToleration runs before NodeResourcesFit; both reasons are Unresolvable ⇒ 4 × not helpful.
    expect(messageOf(r)).toBe(`0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu. ${NOT_HELPFUL(4)}`)
  })

  it('mixes "not helpful" and "no victims" in the preemption part, sorted as strings', () => {
    const c = cluster([
      node('tainted', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }),
      node('w1', { cpu: '2' }), node('w2', { cpu: '2' }),
    ], [pod('a', { node: 'w1', requests: [{ cpu: '2' }] }), pod('b', { node: 'w2', requests: [{ cpu: '2' }] })])
    const r = schedule(c, pod('p', { requests: [{ cpu: '1' }] }))
    expect(messageOf(r)).toBe('0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.')
  })

  it('reason counts of 10 or more sort as text: "10 …" before "2 …"', () => {
    const tainted = Array.from({ length: 10 }, (_, i) => node(`t${String(i).padStart(2, '0')}`, { taints: [{ key: 'gpu', effect: 'NoSchedule' }] }))
    const c = cluster([...tainted, node('s1', { cpu: '1' }), node('s2', { cpu: '1' })])
    const r = schedule(c, pod('p', { requests: [{ cpu: '2' }] }))
    // "10 node(s) had untolerated taint(s)" < "2 Insufficient cpu" byte-wise ('1' < '2'), though 10 > 2.
    expect(messageOf(r)).toBe(`0/12 nodes are available: 10 node(s) had untolerated taint(s), 2 Insufficient cpu. ${NOT_HELPFUL(12)}`)
  })

  it('a cordoned node', () => {
    const c = cluster([node('w1', { unschedulable: true })])
    expect(messageOf(schedule(c, pod('p')))).toBe(`0/1 nodes are available: 1 node(s) were unschedulable. ${NOT_HELPFUL(1)}`)
  })

  it('host port conflicts', () => {
    const web = (name: string, n?: string) => pod(name, { node: n, spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80, hostPort: 8080 }] }] } })
    const c = cluster([node('w1'), node('w2')], [web('a', 'w1'), web('b', 'w2')])
    // NodePorts is Unschedulable (preemption could free the port) but the pods on the nodes have the same priority.
    expect(messageOf(schedule(c, web('p')))).toBe(`0/2 nodes are available: 2 node(s) didn't have free ports for the requested pod ports. ${NO_VICTIMS(2)}`)
  })

  it('too many pods', () => {
    const c = cluster([node('w1', { pods: '1' })], [pod('a', { node: 'w1' })])
    expect(messageOf(schedule(c, pod('p')))).toBe(`0/1 nodes are available: 1 Too many pods. ${NO_VICTIMS(1)}`)
  })

  it('two insufficient resources on one node count separately', () => {
    const c = cluster([node('w1', { cpu: '1', memory: '1Gi' })])
    const r = schedule(c, pod('p', { requests: [{ cpu: '2', memory: '2Gi' }] }))
    // One node, two reasons ⇒ "1 Insufficient cpu, 1 Insufficient memory" (uppercase sorts before lowercase).
    expect(messageOf(r)).toBe(`0/1 nodes are available: 1 Insufficient cpu, 1 Insufficient memory. ${NOT_HELPFUL(1)}`)
  })

  it('zero nodes', () => {
    const r = schedule(cluster([]), pod('p'))
    expect(r.kind).toBe('error')
    // schedule_one.go schedulingCycle: ErrNoNodesAvailable becomes UnschedulableAndUnresolvable (condition reason
    // Unschedulable, not SchedulerError), with the error's text as the message.
    expect(r.kind === 'error' && r.status.codeName).toBe('UnschedulableAndUnresolvable')
    expect(messageOf(r)).toBe('no nodes available to schedule pods')
  })

  it('a PreFilter rejection becomes the whole message (missing PersistentVolumeClaim)', () => {
    const c = cluster([node('w1'), node('w2')])
    const r = schedule(c, pod('p', { spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }] } }))
    expect(messageOf(r)).toBe(`0/2 nodes are available: persistentvolumeclaim "data" not found. ${NOT_HELPFUL(2)}`)
  })

  it('preemptionPolicy: Never', () => {
    const c = cluster([node('w1', { cpu: '1' })], [pod('a', { node: 'w1', requests: [{ cpu: '1' }] })])
    const r = schedule(c, pod('p', { priority: 100, requests: [{ cpu: '1' }], spec: { preemptionPolicy: 'Never' } }))
    expect(messageOf(r)).toBe('0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.')
  })
})

describe('the chosen node', () => {
  it('heterogeneous nodes with existing pods', () => {
    const c = cluster([
      node('n1', { cpu: '4', memory: '8Gi' }), node('n2', { cpu: '8', memory: '16Gi' }), node('n3', { cpu: '2', memory: '4Gi' }),
    ], [pod('e1', { node: 'n1', requests: [{ cpu: '1', memory: '1Gi' }] }), pod('e2', { node: 'n2', requests: [{ cpu: '6', memory: '4Gi' }] })])
    const r = schedule(c, pod('p', { requests: [{ cpu: '500m', memory: '512Mi' }] }))
    // TaintToleration: no taints ⇒ 100 × 3 = 300 everywhere. ImageLocality: no images ⇒ 0.
    // n1 LeastAllocated: cpu (4000−1500)·100/4000 = 62, mem (8192−1536)·100/8192 = 81 ⇒ (62+81)/2 = 71
    //    Balanced: |0.375 − 0.1875|/2 = 0.09375 ⇒ 90 ⇒ total 300+71+90 = 461
    // n2 LeastAllocated: cpu 1500·100/8000 = 18, mem 11776·100/16384 = 71 ⇒ 44; Balanced |0.8125−0.28125|/2 ⇒ 73 ⇒ 417
    // n3 LeastAllocated: cpu 1500·100/2000 = 75, mem 3584·100/4096 = 87 ⇒ 81; Balanced |0.25−0.125|/2 ⇒ 93 ⇒ 474
    expect(r.kind === 'scheduled' && r.node).toBe('n3')
    expect(r.state.recorder?.record.totalScore).toEqual({ n1: 461, n2: 417, n3: 474 })
    expect(r.state.recorder?.record.finalScore.n1).toEqual({ TaintToleration: 300, NodeResourcesFit: 71, NodeResourcesBalancedAllocation: 90, ImageLocality: 0 })
  })

  it('ImageLocality: the node that has the image', () => {
    const img = 'docker.io/library/nginx:1.27'
    const c = cluster([node('plain'), node('cached', { images: [{ names: [img], sizeBytes: 500 * 1024 * 1024 }] })])
    const r = schedule(c, pod('p', { images: [img], requests: [{ cpu: '100m', memory: '100Mi' }] }))
    // spread 1/2 ⇒ 250 MiB; 100·(250−23)/(1000−23) = 23 ⇒ cached 23, plain 0; everything else equal.
    expect(r.kind === 'scheduled' && r.node).toBe('cached')
    expect(r.state.recorder?.record.score.cached.ImageLocality).toBe(23)
    expect(r.state.recorder?.record.score.plain.ImageLocality).toBe(0)
  })

  it('a PreferNoSchedule taint steers the pod away', () => {
    const c = cluster([node('soft', { taints: [{ key: 'spot', effect: 'PreferNoSchedule' }] }), node('clean')])
    const r = schedule(c, pod('p'))
    // raw: soft 1, clean 0; reverse normalize: soft 100 − 100·1/1 = 0, clean 100; × 3.
    expect(r.kind === 'scheduled' && r.node).toBe('clean')
    expect(r.state.recorder?.record.finalScore.soft.TaintToleration).toBe(0)
    expect(r.state.recorder?.record.finalScore.clean.TaintToleration).toBe(300)
  })

  it('preferred node affinity weights', () => {
    const c = cluster([node('zone-a', { labels: { zone: 'a' } }), node('ssd', { labels: { disktype: 'ssd' } })])
    const r = schedule(c, pod('p', { spec: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 20, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
      { weight: 80, preference: { matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd'] }] } },
    ] } } } }))
    // raw 20 and 80; normalized 100·20/80 = 25 and 100; × 2 ⇒ 50 and 200.
    expect(r.kind === 'scheduled' && r.node).toBe('ssd')
    expect(r.state.recorder?.record.normalizedScore['zone-a'].NodeAffinity).toBe(25)
    expect(r.state.recorder?.record.finalScore.ssd.NodeAffinity).toBe(200)
  })

  it('topology spread across zones', () => {
    const z = (name: string, zone: string) => node(name, { labels: { 'topology.kubernetes.io/zone': zone } })
    const web = (name: string, n?: string) => pod(name, { node: n, labels: { app: 'web' }, spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }] } })
    const c = cluster([z('a1', 'a'), z('b1', 'b'), z('c1', 'c')], [web('w1', 'a1'), web('w2', 'a1'), web('w3', 'b1')])
    const r = schedule(c, web('new'))
    // counts a=2, b=1, c=0 ⇒ min 0; skew a: 2+1−0 = 3 > 1, b: 1+1−0 = 2 > 1, c: 0+1−0 = 1 ⇒ only c1 fits.
    expect(r.kind === 'scheduled' && r.node).toBe('c1')
    expect(r.state.recorder?.record.filter.a1.PodTopologySpread).toBe("node(s) didn't match pod topology spread constraints")
  })

  it('pod anti-affinity', () => {
    const c = cluster([node('a'), node('b')], [pod('web-1', { node: 'a', labels: { app: 'web' } })])
    const r = schedule(c, pod('web-2', { labels: { app: 'web' }, spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' }] } } } }))
    expect(r.kind === 'scheduled' && r.node).toBe('b')
    expect(r.state.recorder?.record.filter.a.InterPodAffinity).toBe("node(s) didn't match pod anti-affinity rules")
    // Only one node is feasible: no scoring.
    expect(r.state.recorder?.record.scoringNote).toMatch(/Only one node is feasible/)
  })

  it('preemption: the lower-priority pod is the victim and its node is nominated', () => {
    const c = cluster([node('n1', { cpu: '2' }), node('n2', { cpu: '2' })], [
      pod('low', { node: 'n1', priority: 0, requests: [{ cpu: '1500m' }] }),
      pod('mid', { node: 'n2', priority: 500, requests: [{ cpu: '1500m' }] }),
    ])
    const r = schedule(c, pod('high', { priority: 1000, requests: [{ cpu: '1' }] }))
    // Both nodes are candidates; pickOneNodeForPreemption prefers the lowest highest-priority victim: low (0) < mid (500).
    expect(r.kind).toBe('unschedulable')
    expect(c.preempted).toEqual([{ preemptor: 'default/high', node: 'n1', victims: ['default/low'] }])
    // A successful preemption adds nothing to the FailedScheduling text.
    expect(messageOf(r)).toBe('0/2 nodes are available: 2 Insufficient cpu.')
  })
})

describe('numFeasibleNodesToFind', () => {
  it('follows the adaptive percentage', () => {
    expect(numFeasibleNodesToFind(0, 50)).toBe(50) // < 100 nodes: all
    expect(numFeasibleNodesToFind(0, 1000)).toBe(420) // 50 − 1000/125 = 42%
    expect(numFeasibleNodesToFind(0, 5000)).toBe(500) // 50 − 40 = 10%
    expect(numFeasibleNodesToFind(0, 6000)).toBe(300) // 50 − 48 = 2% → 5% floor
    expect(numFeasibleNodesToFind(0, 1500)).toBe(570) // 50 − 12 = 38%
    expect(numFeasibleNodesToFind(1, 5000)).toBe(100) // 1% = 50 → at least 100
    expect(numFeasibleNodesToFind(100, 5000)).toBe(5000)
  })
})

describe('topIndices (the compact record keeps the top-scored nodes)', () => {
  it('is sorting every index by total (descending, ties by index) and keeping the first k', () => {
    const rng = new Rng(3)
    for (let round = 0; round < 200; round++) {
      const totals = Array.from({ length: rng.int(40) }, () => rng.int(6) * 50)
      const k = 1 + rng.int(12)
      const want = totals.map((_, i) => i).sort((a, b) => totals[b] - totals[a] || a - b).slice(0, k)
      expect(topIndices(totals, k)).toEqual(want)
    }
  })
})
