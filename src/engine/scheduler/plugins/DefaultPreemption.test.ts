/**
 * DefaultPreemption, table-driven, ported from kubernetes/kubernetes
 * pkg/scheduler/framework/plugins/defaultpreemption/default_preemption_test.go (TestSelectBestCandidate,
 * TestPodEligibleToPreemptOthers, TestPreempt) with the fixtures of that file: priorities neg −100, low 0, mid 100,
 * high 1000, veryHigh 10000; small/medium/large/veryLarge = 100m/200m/300m/500m CPU and 100/200/300/500 bytes;
 * nodes have veryLargeRes capacity; epochTime1..6 are increasing start times. Here the whole default profile runs
 * (upstream registers only NodeResourcesFit or PodTopologySpread; the other default plugins pass for these pods).
 * pickOneNodeForPreemption: fewest PDB violations, lowest highest-priority victim, lowest Σ(priority + MaxInt32 + 1),
 * fewest victims, latest earliest-start-time among the highest-priority victims, then the first.
 */
import { describe, expect, it } from 'vitest'
import type { Node, Pod } from '../../api/types.ts'
import { Code, newStatus } from '../framework/status.ts'
import type { Status } from '../framework/status.ts'
import { PodInfo, cluster, node, plugin, pod, schedule } from '../testing.ts'
import type { DefaultPreemption } from './DefaultPreemption.ts'
import { pickOneNodeForPreemption } from './DefaultPreemption.ts'

const neg = -100, low = 0, mid = 100, high = 1000, veryHigh = 10000
const small = { cpu: '100m', memory: '100' }, medium = { cpu: '200m', memory: '200' }, large = { cpu: '300m', memory: '300' }, veryLarge = { cpu: '500m', memory: '500' }
/** epochTimeN: N ns after the epoch upstream; seconds here (only the order matters). */
const epoch = (n = 0) => `1970-01-01T00:00:0${n}Z`
const N = (name: string): Node => node(name, { cpu: '500m', memory: '500' })
const P = (name: string, nodeName: string, priority: number, req: Record<string, string>, startN = 0): Pod =>
  pod(name, { node: nodeName, priority, requests: [req], startTime: epoch(startN) })
const incoming = (priority: number, req: Record<string, string>, spec: Record<string, unknown> = {}) => pod('p', { priority, requests: [req], spec })

function preempt(nodes: Node[], pods: Pod[], p: Pod) {
  const c = cluster(nodes, pods)
  const r = schedule(c, p)
  return { c, r, picked: c.preempted.map((x) => ({ node: x.node, victims: [...x.victims].sort() })) }
}

describe('DefaultPreemption pickOneNodeForPreemption (TestSelectBestCandidate)', () => {
  const cases: { name: string; nodes: string[]; pod: Pod; pods: Pod[]; expected: string[] }[] = [
    {
      // Each node: 300m used + 300m asked > 500m; the mid pod is the only victim on either ⇒ a tie to the end.
      name: 'a pod that fits on both nodes when lower priority pods are preempted', nodes: ['node1', 'node2'], pod: incoming(high, large),
      pods: [P('p1', 'node1', mid, large), P('p2', 'node2', mid, large)], expected: ['node1', 'node2'],
    },
    {
      // Victims: node1 [mid, mid], node2 [mid, low], node3 [low, low]; highest victim priority 100/100/0 ⇒ node3.
      name: 'node with min highest priority pod is picked', nodes: ['node1', 'node2', 'node3'], pod: incoming(high, veryLarge),
      pods: [P('p1.1', 'node1', mid, medium), P('p1.2', 'node1', mid, large), P('p2.1', 'node2', mid, medium), P('p2.2', 'node2', low, medium), P('p3.1', 'node3', low, medium), P('p3.2', 'node3', low, medium)],
      expected: ['node3'],
    },
    {
      // All highest = mid; Σ: node1 100+100, node2 100+0, node3 100+100 (each + 2·2^31) ⇒ node2.
      name: 'when highest priorities are the same, minimum sum of priorities is picked', nodes: ['node1', 'node2', 'node3'], pod: incoming(high, veryLarge),
      pods: [P('p1.1', 'node1', mid, medium), P('p1.2', 'node1', mid, large), P('p2.1', 'node2', mid, large), P('p2.2', 'node2', low, medium), P('p3.1', 'node3', mid, medium), P('p3.2', 'node3', mid, medium)],
      expected: ['node2'],
    },
    {
      // node1 [mid, neg, mid, neg]: Σ 0 + 4·2^31; node2 [mid, neg]: 0 + 2·2^31; node3 [mid, neg, low]: 0 + 3·2^31 ⇒ node2.
      name: 'when highest priority and sum are the same, minimum number of pods is picked', nodes: ['node1', 'node2', 'node3'], pod: incoming(high, veryLarge),
      pods: [
        P('p1.1', 'node1', mid, small), P('p1.2', 'node1', neg, small), P('p1.3', 'node1', mid, small), P('p1.4', 'node1', neg, small),
        P('p2.1', 'node2', mid, large), P('p2.2', 'node2', neg, medium),
        P('p3.1', 'node3', mid, medium), P('p3.2', 'node3', neg, small), P('p3.3', 'node3', low, small),
      ],
      expected: ['node2'],
    },
    {
      // Raw sums would pick node1 (100−100−100 = −100) but adjusted: node1 −100 + 3·2^31 > node2 0 + 2·2^31 ⇒ node2.
      name: 'sum of adjusted priorities is considered', nodes: ['node1', 'node2', 'node3'], pod: incoming(high, veryLarge),
      pods: [
        P('p1.1', 'node1', mid, small), P('p1.2', 'node1', neg, small), P('p1.3', 'node1', neg, small),
        P('p2.1', 'node2', mid, large), P('p2.2', 'node2', neg, medium),
        P('p3.1', 'node3', mid, medium), P('p3.2', 'node3', neg, small), P('p3.3', 'node3', low, small),
      ],
      expected: ['node2'],
    },
    {
      // Highest victim: node1 mid, node2 high, node3 mid, node4 mid ⇒ drop node2. Σ: node1 100 + 3·2^31,
      // node3 100 + 4·2^31, node4 200 + 4·2^31 ⇒ node1.
      name: 'non-overlapping lowest high priority, sum priorities, and number of pods', nodes: ['node1', 'node2', 'node3', 'node4'], pod: incoming(veryHigh, veryLarge),
      pods: [
        P('p1.1', 'node1', mid, small), P('p1.2', 'node1', low, small), P('p1.3', 'node1', low, small),
        P('p2.1', 'node2', high, large),
        P('p3.1', 'node3', mid, medium), P('p3.2', 'node3', low, small), P('p3.3', 'node3', low, small), P('p3.4', 'node3', low, medium),
        P('p4.1', 'node4', mid, medium), P('p4.2', 'node4', mid, small), P('p4.3', 'node4', mid, small), P('p4.4', 'node4', neg, small),
      ],
      expected: ['node1'],
    },
    {
      // All [mid, mid]; earliest start: node1 t2, node2 t3, node3 t1 ⇒ the latest, node2.
      name: "same priority, same number of victims, different start time for each node's pod", nodes: ['node1', 'node2', 'node3'], pod: incoming(high, veryLarge),
      pods: [P('p1.1', 'node1', mid, medium, 2), P('p1.2', 'node1', mid, medium, 2), P('p2.1', 'node2', mid, medium, 3), P('p2.2', 'node2', mid, medium, 3), P('p3.1', 'node3', mid, medium, 1), P('p3.2', 'node3', mid, medium, 1)],
      expected: ['node2'],
    },
    {
      // Earliest per node: node1 min(4,2)=2, node2 min(5,1)=1, node3 min(3,6)=3 ⇒ node3.
      name: 'same priority, same number of victims, different start time for all pods', nodes: ['node1', 'node2', 'node3'], pod: incoming(high, veryLarge),
      pods: [P('p1.1', 'node1', mid, medium, 4), P('p1.2', 'node1', mid, medium, 2), P('p2.1', 'node2', mid, medium, 5), P('p2.2', 'node2', mid, medium, 1), P('p3.1', 'node3', mid, medium, 3), P('p3.2', 'node3', mid, medium, 6)],
      expected: ['node3'],
    },
    {
      // Only the highest-priority (mid) victims' start times count: node1 t2, node2 t6, node3 t5 ⇒ node2.
      name: 'different priority, same number of victims, different start time for all pods', nodes: ['node1', 'node2', 'node3'], pod: incoming(high, veryLarge),
      pods: [P('p1.1', 'node1', low, medium, 4), P('p1.2', 'node1', mid, medium, 2), P('p2.1', 'node2', mid, medium, 6), P('p2.2', 'node2', low, medium, 1), P('p3.1', 'node3', low, medium, 3), P('p3.2', 'node3', mid, medium, 5)],
      expected: ['node2'],
    },
  ]
  it.each(cases)('$name', ({ nodes, pod: p, pods, expected }) => {
    const { r, picked } = preempt(nodes.map(N), pods, p)
    expect(r.kind).toBe('unschedulable')
    expect(picked).toHaveLength(1)
    expect(expected).toContain(picked[0].node)
  })

  it('pickOneNodeForPreemption on candidates directly: fewer PDB violations first, then the lower highest-priority victim', () => {
    const v = (name: string, priority: number) => new PodInfo(pod(name, { priority }))
    // a: 1 violation; b, c: none ⇒ {b, c}; highest victim b 100, c 0 ⇒ c.
    const best = pickOneNodeForPreemption([
      { node: 'a', victims: [v('a1', 0)], numPDBViolations: 1 },
      { node: 'b', victims: [v('b1', 100)], numPDBViolations: 0 },
      { node: 'c', victims: [v('c1', 0)], numPDBViolations: 0 },
    ])
    expect(best.node).toBe('c')
  })
})

describe('DefaultPreemption Preempt (TestPreempt)', () => {
  const basicPods = () => [P('p1.1', 'node1', low, small), P('p1.2', 'node1', low, small), P('p2.1', 'node2', high, large), P('p3.1', 'node3', mid, medium)]
  it('basic preemption logic', () => {
    // node1: both low pods must go (100m+100m+500m > 500m); node2: p2.1 has equal priority ⇒ no victims;
    // node3: [mid]. Highest victim node1 0 < node3 100 ⇒ node1.
    const { picked } = preempt(['node1', 'node2', 'node3'].map(N), basicPods(), incoming(high, veryLarge, { preemptionPolicy: 'PreemptLowerPriority' }))
    expect(picked).toEqual([{ node: 'node1', victims: ['default/p1.1', 'default/p1.2'] }])
  })
  it('PreemptionPolicy is nil', () => {
    const { picked } = preempt(['node1', 'node2', 'node3'].map(N), basicPods(), incoming(high, veryLarge))
    expect(picked).toEqual([{ node: 'node1', victims: ['default/p1.1', 'default/p1.2'] }])
  })
  it('no preempting in pod', () => {
    const { r, picked } = preempt(['node1', 'node2', 'node3'].map(N), basicPods(), incoming(high, veryLarge, { preemptionPolicy: 'Never' }))
    expect(picked).toEqual([])
    expect(r.kind === 'unschedulable' && r.message).toBe('0/3 nodes are available: 3 Insufficient cpu, 3 Insufficient memory. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.')
  })
  it('preemption for topology spread constraints', () => {
    // Nodes "node-a/zone1", "node-b/zone1", "node-x/zone2" ⇒ labels hostname and zone. zone1 = 3, zone2 = 2, min 2:
    // zone1: 3+1−2 = 2 > 1; node-x: hostname 2+1−1 = 2 > 1 ⇒ all Unschedulable. Only node-b has a lower-priority pod;
    // without p-b1: zone1 2+1−2 = 1, hostname 0+1−0 = 1 ⇒ fits; reprieving it fails ⇒ victim.
    const nodeZ = (name: string, zone: string) => node(name, { cpu: '500m', memory: '500', labels: { hostname: name, zone } })
    const spreadPod = (name: string, n: string, priority: number) => pod(name, { node: n, priority, labels: { foo: '' } })
    const foo = { matchExpressions: [{ key: 'foo', operator: 'Exists' }] }
    const p = pod('p', { priority: high, labels: { foo: '' }, spec: { topologySpreadConstraints: [
      { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: foo },
      { maxSkew: 1, topologyKey: 'hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: foo },
    ] } })
    const { picked } = preempt([nodeZ('node-a', 'zone1'), nodeZ('node-b', 'zone1'), nodeZ('node-x', 'zone2')],
      [spreadPod('p-a1', 'node-a', high), spreadPod('p-a2', 'node-a', high), spreadPod('p-b1', 'node-b', low), spreadPod('p-x1', 'node-x', high), spreadPod('p-x2', 'node-x', high)], p)
    expect(picked).toEqual([{ node: 'node-b', victims: ['default/p-b1'] }])
  })
})

describe('DefaultPreemption selectVictimsOnNode: reprieve from the most important pod down (plugin source)', () => {
  it('the large mid-priority pod is preempted, the small low-priority pod is reprieved', () => {
    // node 4 CPU: mid 3 + low 500m; incoming 3 CPU. Without both: 4 free ⇒ fits. Reprieve mid first (more important):
    // 3 + 3 > 4 ⇒ victim. Then low: 0.5 + 3 ≤ 4 ⇒ stays. Victims [mid].
    const { picked } = preempt([node('n1', { cpu: '4' })], [
      pod('mid', { node: 'n1', priority: 100, requests: [{ cpu: '3' }] }), pod('low', { node: 'n1', priority: 0, requests: [{ cpu: '500m' }] }),
    ], pod('p', { priority: 1000, requests: [{ cpu: '3' }] }))
    expect(picked).toEqual([{ node: 'n1', victims: ['default/mid'] }])
  })
  it('among equal priorities the longer-running pod is reprieved first (MoreImportantPod)', () => {
    // old and young: 1500m each, priority 0, node 3 CPU; incoming 1500m. Reprieve old first (earlier start): fits ⇒ stays;
    // young then does not fit ⇒ victim.
    const { picked } = preempt([node('n1', { cpu: '3' })], [
      pod('young', { node: 'n1', priority: 0, requests: [{ cpu: '1500m' }], startTime: '2026-01-01T00:00:10Z' }),
      pod('old', { node: 'n1', priority: 0, requests: [{ cpu: '1500m' }], startTime: '2026-01-01T00:00:01Z' }),
    ], pod('p', { priority: 1000, requests: [{ cpu: '1500m' }] }))
    expect(picked).toEqual([{ node: 'n1', victims: ['default/young'] }])
  })
})

describe('DefaultPreemption FitError texts', () => {
  it('"No preemption victims found for incoming pod" when no pod has lower priority', () => {
    const { r, picked } = preempt([N('node1'), N('node2')], [P('a', 'node1', high, large), P('b', 'node2', high, large)], incoming(high, large))
    expect(picked).toEqual([])
    // 300m used + 300m > 500m on both (Unschedulable ⇒ candidates), equal priority ⇒ no victims on either.
    expect(r.kind === 'unschedulable' && r.message).toBe('0/2 nodes are available: 2 Insufficient cpu, 2 Insufficient memory. no new claims to deallocate, preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.')
  })
  it('"Preemption is not helpful for scheduling" when every node is UnschedulableAndUnresolvable', () => {
    // 500m requested > 300m allocatable: Insufficient cpu is Unresolvable ⇒ no potential node at all.
    const { r, picked } = preempt([node('node1', { cpu: '300m' })], [P('a', 'node1', low, small)], incoming(high, veryLarge))
    expect(picked).toEqual([])
    expect(r.kind === 'unschedulable' && r.message).toBe('0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.')
  })
})

describe('DefaultPreemption PodEligibleToPreemptOthers (TestPodEligibleToPreemptOthers)', () => {
  /** A low-priority pod on node1 being deleted; byScheduler adds the DisruptionTarget condition preemption sets. */
  const terminating = (name: string, byScheduler: boolean): Pod => {
    const p = pod(name, { priority: low, node: 'node1', status: byScheduler ? { conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler' }] } : {} })
    ;(p.metadata as Record<string, unknown>).deletionTimestamp = '2026-01-01T00:00:05Z'
    return p
  }
  const withNominated = (name: string) => pod(name, { priority: high, status: { nominatedNodeName: 'node1' } })
  const cases: { name: string; pod: Pod; pods: Pod[]; nodes: string[]; status?: Status; want: [boolean, string] }[] = [
    {
      // The nominated node is UnschedulableAndUnresolvable ⇒ eligible, whatever is terminating there.
      name: 'Pod with nominated node', pod: withNominated('p_with_nominated_node'), pods: [terminating('p1', false)], nodes: ['node1'],
      status: newStatus(Code.UnschedulableAndUnresolvable, "node(s) had untolerated taint(s)"), want: [true, ''],
    },
    { name: 'Pod without nominated node', pod: pod('p_without_nominated_node', { priority: high }), pods: [], nodes: [], want: [true, ''] },
    {
      name: "Pod with 'PreemptNever' preemption policy", pod: pod('p_with_preempt_never_policy', { priority: high, spec: { preemptionPolicy: 'Never' } }), pods: [], nodes: [],
      want: [false, 'not eligible due to preemptionPolicy=Never.'],
    },
    {
      name: 'preemption victim pod terminating, as indicated by the dedicated DisruptionTarget condition', pod: withNominated('p_with_nominated_node'),
      pods: [terminating('p1', true)], nodes: ['node1'],
      want: [false, 'not eligible due to a terminating pod on the nominated node.'],
    },
    {
      name: 'non-victim Pods terminating', pod: withNominated('p_with_nominated_node'), pods: [terminating('p1', false)], nodes: ['node1'],
      want: [true, ''],
    },
  ]
  it.each(cases)('$name', ({ pod: p, pods, nodes, status, want }) => {
    const c = cluster(nodes.map((n) => node(n)), pods)
    const pl = plugin<DefaultPreemption>(c, 'DefaultPreemption')
    expect(c.core.withFramework(c.fwk, () => pl.podEligibleToPreemptOthers(new PodInfo(p), status))).toEqual(want)
  })
})

describe('DefaultPreemption calculateNumCandidates (default_preemption.go)', () => {
  // n = numNodes·pct/100 (integer), raised to minCandidateNodesAbsolute, capped at numNodes.
  const withArgs = (args?: Record<string, number>) => plugin<DefaultPreemption>(cluster([node('n')], [], args ? { config: { profiles: [{ schedulerName: 'default-scheduler', pluginConfig: [{ name: 'DefaultPreemption', args }] }] } } : {}), 'DefaultPreemption')
  it.each([
    // defaults 10% / 100
    [undefined, 0, 0], // 0 → 100 → capped 0
    [undefined, 10, 10], // 1 → 100 → capped 10
    [undefined, 1000, 100], // 100
    [undefined, 5000, 500], // 500 ≥ 100
    [{ minCandidateNodesPercentage: 40, minCandidateNodesAbsolute: 10 }, 100, 40], // 40 ≥ 10
    [{ minCandidateNodesPercentage: 40, minCandidateNodesAbsolute: 10 }, 20, 10], // 8 → 10
    [{ minCandidateNodesPercentage: 0, minCandidateNodesAbsolute: 1 }, 50, 1], // 0 → 1
  ] as const)('args %j, %d nodes → %d', (args, numNodes, want) => {
    expect(withArgs(args as Record<string, number> | undefined).calculateNumCandidates(numNodes)).toBe(want)
  })
})
