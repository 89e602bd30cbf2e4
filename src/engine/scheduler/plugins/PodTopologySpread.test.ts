/**
 * PodTopologySpread, table-driven, ported from kubernetes/kubernetes
 * pkg/scheduler/framework/plugins/podtopologyspread/{filtering_test.go,scoring_test.go} (TestSingleConstraint,
 * TestMultipleConstraints, TestPodTopologySpreadScore, TestPreScoreSkip) and the minDomains cases of
 * test/integration/scheduler/filters/filters_test.go (TestPodTopologySpreadFilter). Same inputs, same expected
 * outputs; the arithmetic is in a comment per case.
 * Filter: skew = matchNum(domain) + self(0|1) − minMatchNum (0 when domains < minDomains) must be ≤ maxSkew.
 * Score: Σ cnt·log(domains+2) + (maxSkew−1), rounded; normalize 100·(max+min−s)/max (integer), ignored → 0.
 */
import { describe, expect, it } from 'vitest'
import type { Node, Pod } from '../../api/types.ts'
import { cluster, filterAll, node, pod, scoreAll } from '../testing.ts'

const HOST = 'kubernetes.io/hostname'
const foo = { matchExpressions: [{ key: 'foo', operator: 'Exists' }] }
const bar = { matchExpressions: [{ key: 'bar', operator: 'Exists' }] }
type Sel = typeof foo | Record<string, never> | undefined

interface TSC { maxSkew: number; topologyKey: string; whenUnsatisfiable: string; labelSelector?: Sel; minDomains?: number; nodeAffinityPolicy?: string; nodeTaintsPolicy?: string }
const hard = (maxSkew: number, topologyKey: string, labelSelector: Sel, o: Partial<TSC> = {}): TSC => ({ maxSkew, topologyKey, whenUnsatisfiable: 'DoNotSchedule', ...(labelSelector ? { labelSelector } : {}), ...o })
const soft = (maxSkew: number, topologyKey: string, labelSelector: Sel, o: Partial<TSC> = {}): TSC => ({ ...hard(maxSkew, topologyKey, labelSelector, o), whenUnsatisfiable: 'ScheduleAnyway' })

/** The incoming pod: labels, constraints, optional extra spec (nodeSelector, affinity). */
const incoming = (labels: Record<string, string>, cs: TSC[], spec: Record<string, unknown> = {}): Pod =>
  pod('p', { labels, spec: { topologySpreadConstraints: cs, ...spec } })
/** A node with exactly these labels (the helper's default hostname label is dropped unless given). */
const nodeL = (name: string, labels: Record<string, string>, o: { taints?: { key: string; effect: string }[] } = {}): Node => {
  const n = node(name, { labels, taints: o.taints })
  if (!(HOST in labels)) delete (n.metadata?.labels as Record<string, string>)[HOST]
  return n
}
/** `n` existing pods named <prefix>1..n on a node with the given labels. */
const on = (nodeName: string, prefix: string, n: number, labels: Record<string, string> = { foo: '' }, ns?: string): Pod[] =>
  Array.from({ length: n }, (_, i) => pod(`${prefix}${i + 1}`, { node: nodeName, labels, ns }))
const terminating = (p: Pod): Pod => { (p.metadata as Record<string, unknown>).deletionTimestamp = '2026-01-01T00:00:01Z'; return p }
const codes = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.split(':')[0]]))

const zoneNodes = () => [
  nodeL('node-a', { zone: 'zone1', node: 'node-a' }), nodeL('node-b', { zone: 'zone1', node: 'node-b' }),
  nodeL('node-x', { zone: 'zone2', node: 'node-x' }), nodeL('node-y', { zone: 'zone2', node: 'node-y' }),
]
/** Pods spread over a/b/x/y as 2/1/0/3. */
const spread2103 = () => [...on('node-a', 'p-a', 2), ...on('node-b', 'p-b', 1), ...on('node-y', 'p-y', 3)]

describe('PodTopologySpread Filter (TestSingleConstraint / TestMultipleConstraints)', () => {
  const S = 'Success', U = 'Unschedulable', UU = 'UnschedulableAndUnresolvable'
  const cases: { name: string; pod: Pod; nodes: Node[]; pods?: Pod[]; want: Record<string, string> }[] = [
    {
      // zone1: 0+1−0=1 ≤ 1; zone2: 0+1−0=1 ≤ 1.
      name: 'no existing pods', pod: incoming({ foo: '' }, [hard(1, 'zone', foo)]), nodes: zoneNodes(),
      want: { 'node-a': S, 'node-b': S, 'node-x': S, 'node-y': S },
    },
    {
      // self 0 (pod lacks "bar"): every skew 0.
      name: "no existing pods, incoming pod doesn't match itself", pod: incoming({ foo: '' }, [hard(1, 'zone', bar)]), nodes: zoneNodes(),
      want: { 'node-a': S, 'node-b': S, 'node-x': S, 'node-y': S },
    },
    {
      // ns1/ns2 pods ignored ⇒ zone1: 0, zone2: 2, min 0. zone1: 0+1−0=1 ✓; zone2: 2+1−0=3 > 1 ✗.
      name: 'existing pods in a different namespace do not count', pod: incoming({ foo: '' }, [hard(1, 'zone', foo)]), nodes: zoneNodes(),
      pods: [...on('node-a', 'p-a', 1, { foo: '' }, 'ns1'), ...on('node-a', 'p-b', 1, { foo: '' }, 'ns2'), ...on('node-x', 'p-x', 1), ...on('node-y', 'p-y', 1)],
      want: { 'node-a': S, 'node-b': S, 'node-x': U, 'node-y': U },
    },
    {
      // zone1: 2+1=3, zone2: 0+3=3, min 3: 3+1−3=1 ≤ 1 everywhere.
      name: 'pods spread across zones as 3/3, all nodes fit', pod: incoming({ foo: '' }, [hard(1, 'zone', foo)]), nodes: zoneNodes(), pods: spread2103(),
      want: { 'node-a': S, 'node-b': S, 'node-x': S, 'node-y': S },
    },
    {
      // node-b has "zon" not "zone": not counted, and Filter says missing label (Unresolvable).
      // zone1: 1 (node-a), zone2: 2, min 1. zone1: 1+1−1=1 ✓; zone2: 2+1−1=2 > 1 ✗.
      name: "pods spread across zones as 1/2 due to absence of label 'zone' on node-b", pod: incoming({ foo: '' }, [hard(1, 'zone', foo)]),
      nodes: [nodeL('node-a', { zone: 'zone1', node: 'node-a' }), nodeL('node-b', { zon: 'zone1', node: 'node-b' }), nodeL('node-x', { zone: 'zone2', node: 'node-x' }), nodeL('node-y', { zone: 'zone2', node: 'node-y' })],
      pods: [...on('node-a', 'p-a', 1), ...on('node-b', 'p-b', 1), ...on('node-x', 'p-x', 1), ...on('node-y', 'p-y', 1)],
      want: { 'node-a': S, 'node-b': UU, 'node-x': U, 'node-y': U },
    },
    {
      name: "pod cannot be scheduled as all nodes don't have label 'rack'", pod: incoming({ foo: '' }, [hard(1, 'rack', foo)]),
      nodes: [nodeL('node-a', { zone: 'zone1', node: 'node-a' }), nodeL('node-x', { zone: 'zone2', node: 'node-x' })],
      want: { 'node-a': UU, 'node-x': UU },
    },
    {
      // min 0 (node-x). a: 2+1=3 ✗, b: 1+1=2 ✗, x: 0+1=1 ✓, y: 3+1=4 ✗ (maxSkew 1).
      name: 'pods spread across nodes as 2/1/0/3, only node-x fits', pod: incoming({ foo: '' }, [hard(1, 'node', foo)]), nodes: zoneNodes(), pods: spread2103(),
      want: { 'node-a': U, 'node-b': U, 'node-x': S, 'node-y': U },
    },
    {
      // maxSkew 2: a: 3 ✗, b: 2 ✓, x: 1 ✓, y: 4 ✗.
      name: 'pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit', pod: incoming({ foo: '' }, [hard(2, 'node', foo)]), nodes: zoneNodes(), pods: spread2103(),
      want: { 'node-a': U, 'node-b': S, 'node-x': S, 'node-y': U },
    },
    {
      // self 0: a: 2−0=2 ✗, b: 1 ✓, x: 0 ✓, y: 3 ✗.
      name: "pods spread across nodes as 2/1/0/3, but pod doesn't match itself", pod: incoming({ bar: '' }, [hard(1, 'node', foo)]), nodes: zoneNodes(), pods: spread2103(),
      want: { 'node-a': U, 'node-b': S, 'node-x': S, 'node-y': U },
    },
    {
      // nodeAffinityPolicy Honor (default): only node-a (2) and node-y (3) counted, min 2.
      // a: 2+1−2=1 ✓; b, x: 0+1−2=−1 ✓ (NodeAffinity would reject them); y: 3+1−2=2 ✗.
      name: 'incoming pod has nodeAffinity, pods spread as 2/~1~/~0~/3, hence node-a fits',
      pod: incoming({ foo: '' }, [hard(1, 'node', foo)], { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'node', operator: 'In', values: ['node-a', 'node-y'] }] }] } } } }),
      nodes: zoneNodes(), pods: spread2103(),
      want: { 'node-a': S, 'node-b': S, 'node-x': S, 'node-y': U },
    },
    {
      // The terminating pod on node-a is not counted: a: 0+1−0=1 ✓; b: 1+1−0=2 ✗.
      name: 'terminating Pods should be excluded', pod: incoming({ foo: '' }, [hard(1, 'node', foo)]),
      nodes: [nodeL('node-a', { node: 'node-a' }), nodeL('node-b', { node: 'node-b' })],
      pods: [terminating(pod('p-a', { node: 'node-a', labels: { foo: '' } })), pod('p-b', { node: 'node-b', labels: { foo: '' } })],
      want: { 'node-a': S, 'node-b': U },
    },
    {
      // zone: 3/3 ⇒ any node; node: 2/1/0/3 ⇒ node-x. Intersection: node-x.
      name: 'two Constraints on zone and node, spreads = [3/3, 2/1/0/3]', pod: incoming({ foo: '' }, [hard(1, 'zone', foo), hard(1, 'node', foo)]), nodes: zoneNodes(), pods: spread2103(),
      want: { 'node-a': U, 'node-b': U, 'node-x': S, 'node-y': U },
    },
  ]
  it.each(cases)('$name', ({ pod: p, nodes, pods, want }) => {
    expect(codes(filterAll(cluster(nodes, pods ?? []), 'PodTopologySpread', p))).toEqual(want)
  })

  it('reasons: missing label is UnschedulableAndUnresolvable, a skew violation Unschedulable', () => {
    const r = filterAll(cluster([nodeL('n1', { zone: 'z1' }), nodeL('n2', {}), nodeL('n3', { zone: 'z2' })], on('n1', 'e', 1)), 'PodTopologySpread', incoming({ foo: '' }, [hard(1, 'zone', foo)]))
    // z1: 1+1−0=2 > 1 (z2 has 0).
    expect(r).toEqual({
      n1: "Unschedulable: node(s) didn't match pod topology spread constraints",
      n2: "UnschedulableAndUnresolvable: node(s) didn't match pod topology spread constraints (missing required label)",
      n3: 'Success',
    })
  })

  it('Skip when the pod has only ScheduleAnyway constraints', () => {
    const r = filterAll(cluster(zoneNodes()), 'PodTopologySpread', incoming({ foo: '' }, [soft(1, 'zone', foo)]))
    expect(Object.values(r)).toEqual(['Skip', 'Skip', 'Skip', 'Skip'])
  })

  // test/integration/scheduler/filters/filters_test.go TestPodTopologySpreadFilter: defaultNodes are node-0..3 with
  // zone-0 (node-0,1) and zone-1 (node-2,3). Only PodTopologySpread runs here, so node-0 (excluded by the pod's
  // NodeAffinity, which the integration test relies on) shows PodTopologySpread's own verdict.
  const defaultNodes = () => [0, 1, 2, 3].map((i) => nodeL(`node-${i}`, { node: `node-${i}`, zone: `zone-${Math.floor(i / 2)}` }))
  const notNode0 = { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'node', operator: 'NotIn', values: ['node-0'] }] }] } } } }
  const spread221 = () => [...on('node-1', 'p1', 2), ...on('node-2', 'p2', 2), ...on('node-3', 'p3', 1)]
  const minDomainCases: { name: string; pod: Pod; pods: Pod[]; want: Record<string, string> }[] = [
    {
      // node-0 not counted (nodeAffinityPolicy Honor) ⇒ 3 domains < minDomains 4 ⇒ min 0.
      // node-1: 2+1−0=3 > 2 ✗; node-2: 3 ✗; node-3: 1+1−0=2 ✓; node-0: 0+1=1 (NodeAffinity rejects it) ⇒ candidates [node-3].
      name: 'pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains < minDomains, then the third node fits',
      pod: incoming({ foo: '' }, [hard(2, 'node', foo, { minDomains: 4 })], notNode0), pods: spread221(),
      want: { 'node-0': S, 'node-1': U, 'node-2': U, 'node-3': S },
    },
    {
      // 3 domains ≥ minDomains 2 ⇒ min 1: node-1: 2+1−1=2 ✓, node-3: 1+1−1=1 ✓ ⇒ all of node-1..3.
      name: 'pods spread across nodes as 2/2/1, maxSkew is 2, and the number of domains > minDomains, then the all nodes fit',
      pod: incoming({ foo: '' }, [hard(2, 'node', foo, { minDomains: 2 })], notNode0), pods: spread221(),
      want: { 'node-0': S, 'node-1': S, 'node-2': S, 'node-3': S },
    },
    {
      // zone-0: 2, zone-1: 1; 2 domains < 3 ⇒ min 0: zone-0: 2+1=3 > 2 ✗; zone-1: 1+1=2 ✓ ⇒ [node-2, node-3].
      name: 'pods spread across zone as 2/1, maxSkew is 2 and the number of domains < minDomains, then the third and fourth nodes fit',
      pod: incoming({ foo: '' }, [hard(2, 'zone', foo, { minDomains: 3 })]), pods: [...on('node-0', 'p1a', 1), ...on('node-1', 'p2a', 1), ...on('node-2', 'p3a', 1)],
      want: { 'node-0': U, 'node-1': U, 'node-2': S, 'node-3': S },
    },
    {
      // zone-0: 1, zone-1: 2; 2 domains ≥ 1 ⇒ min 1: zone-0: 1+1−1=1 ✓, zone-1: 2+1−1=2 ✓.
      name: 'pods spread across zone as 2/1, maxSkew is 2 and the number of domains < minDomains, then the all nodes fit',
      pod: incoming({ foo: '' }, [hard(2, 'zone', foo, { minDomains: 1 })]), pods: [...on('node-1', 'p1a', 1), ...on('node-2', 'p2a', 1), ...on('node-3', 'p3a', 1)],
      want: { 'node-0': S, 'node-1': S, 'node-2': S, 'node-3': S },
    },
  ]
  it.each(minDomainCases)('$name', ({ pod: p, pods, want }) => {
    expect(codes(filterAll(cluster(defaultNodes(), pods), 'PodTopologySpread', p))).toEqual(want)
  })
})

describe('PodTopologySpread Score (TestPodTopologySpreadScore)', () => {
  const hostNodes = (names: string[]) => names.map((n) => nodeL(n, { [HOST]: n }))
  const cases: { name: string; pod: Pod; nodes: Node[]; failed?: Node[]; pods?: Pod[]; raw?: Record<string, number>; want: Record<string, number> }[] = [
    {
      // weight log(2+2); no pods: raw 0,0 ⇒ max 0 ⇒ all 100.
      name: 'one constraint on node, no existing pods', pod: incoming({ foo: '' }, [soft(1, HOST, foo)]), nodes: hostNodes(['node-a', 'node-b']),
      want: { 'node-a': 100, 'node-b': 100 },
    },
    {
      // Only node-a is scored: raw round(2·log(3))=2 ⇒ 100·(2+2−2)/2 = 100.
      name: 'one constraint on node, only one node is candidate', pod: incoming({ foo: '' }, [soft(1, HOST, foo)]), nodes: hostNodes(['node-a']), failed: hostNodes(['node-b']),
      pods: [...on('node-a', 'p-a', 2), ...on('node-b', 'p-b', 1)],
      want: { 'node-a': 100 },
    },
    {
      // a, b: round(1·log(4))=1 ⇒ 100·(1+1−1)/1 = 100.
      name: 'one constraint on node, all nodes have the same number of matching pods', pod: incoming({ foo: '' }, [soft(1, HOST, foo)]), nodes: hostNodes(['node-a', 'node-b']),
      pods: [...on('node-a', 'p-a', 1), ...on('node-b', 'p-b', 1)],
      want: { 'node-a': 100, 'node-b': 100 },
    },
    {
      // w=log(4+2)=1.79: a 2·1.79=3.58→4, b 1.79→2, c 0, d 5.38→5; max 5, min 0: a 100·(5−4)/5=20, b 60, c 100, d 0.
      name: 'one constraint on node, all 4 nodes are candidates', pod: incoming({ foo: '' }, [soft(1, HOST, foo)]), nodes: hostNodes(['node-a', 'node-b', 'node-c', 'node-d']),
      pods: [...on('node-a', 'p-a', 2), ...on('node-b', 'p-b', 1), ...on('node-d', 'p-d', 3)],
      raw: { 'node-a': 4, 'node-b': 2, 'node-c': 0, 'node-d': 5 },
      want: { 'node-a': 20, 'node-b': 60, 'node-c': 100, 'node-d': 0 },
    },
    {
      // No labelSelector = labels.Nothing(): every count 0 ⇒ raw 0 ⇒ all 100.
      name: 'one constraint on node, null selector', pod: incoming({ foo: '' }, [soft(1, HOST, undefined)]), nodes: hostNodes(['node-a', 'node-b', 'node-c', 'node-d']),
      pods: [...on('node-a', 'p-a', 2), ...on('node-b', 'p-b', 1), ...on('node-d', 'p-d', 3)],
      raw: { 'node-a': 0, 'node-b': 0, 'node-c': 0, 'node-d': 0 },
      want: { 'node-a': 100, 'node-b': 100, 'node-c': 100, 'node-d': 100 },
    },
    {
      // maxSkew 2 adds 1: a 4.58→5, b 2.79→3, c 1, d 6.38→6; max 6, min 1: a 100·2/6=33, b 100·4/6=66, c 100, d 100·1/6=16.
      name: 'one constraint on node, all 4 nodes are candidates, maxSkew=2', pod: incoming({ foo: '' }, [soft(2, HOST, foo)]), nodes: hostNodes(['node-a', 'node-b', 'node-c', 'node-d']),
      pods: [...on('node-a', 'p-a', 2), ...on('node-b', 'p-b', 1), ...on('node-d', 'p-d', 3)],
      raw: { 'node-a': 5, 'node-b': 3, 'node-c': 1, 'node-d': 6 },
      want: { 'node-a': 33, 'node-b': 66, 'node-c': 100, 'node-d': 16 },
    },
    {
      // 4/3/2/1, maxSkew 3 adds 2: a 7.17+2→9, b 5.38+2→7, c 3.58+2→6, d 1.79+2→4; max 9, min 4:
      // a 100·(13−9)/9=44, b 100·6/9=66, c 100·7/9=77, d 100.
      name: 'one constraint on node, all 4 nodes are candidates, maxSkew=3', pod: incoming({ foo: '' }, [soft(3, HOST, foo)]), nodes: hostNodes(['node-a', 'node-b', 'node-c', 'node-d']),
      pods: [...on('node-a', 'p-a', 4), ...on('node-b', 'p-b', 3), ...on('node-c', 'p-c', 2), ...on('node-d', 'p-d', 1)],
      raw: { 'node-a': 9, 'node-b': 7, 'node-c': 6, 'node-d': 4 },
      want: { 'node-a': 44, 'node-b': 66, 'node-c': 77, 'node-d': 100 },
    },
    {
      // node-y fails filters (not scored, but its zone is not a candidate): w=log(3+2)=1.61: a 4·1.61=6.44→6, b 3.22→3,
      // x 1.61→2; max 6, min 2: a 100·(8−6)/6=33, b 100·5/6=83, x 100.
      name: 'one constraint on node, 3 out of 4 nodes are candidates', pod: incoming({ foo: '' }, [soft(1, HOST, foo)]), nodes: hostNodes(['node-a', 'node-b', 'node-x']), failed: hostNodes(['node-y']),
      pods: [...on('node-a', 'p-a', 4), ...on('node-b', 'p-b', 2), ...on('node-x', 'p-x', 1), ...on('node-y', 'p-y', 3)],
      raw: { 'node-a': 6, 'node-b': 3, 'node-x': 2 },
      want: { 'node-a': 33, 'node-b': 83, 'node-x': 100 },
    },
    {
      // node-b lacks the hostname label ⇒ ignored (0). Hostname size = 3 filtered − 1 ignored = 2, w=log(4)=1.39:
      // a 4·1.39=5.55→6, x 1.39→1; max 6, min 1: a 100·(7−6)/6=16, x 100, b 0.
      name: "one constraint on node, 3 out of 4 nodes are candidates, one node doesn't match topology key", pod: incoming({ foo: '' }, [soft(1, HOST, foo)]),
      nodes: [nodeL('node-a', { [HOST]: 'node-a' }), nodeL('node-b', { n: 'node-b' }), nodeL('node-x', { [HOST]: 'node-x' })], failed: hostNodes(['node-y']),
      pods: [...on('node-a', 'p-a', 4), ...on('node-b', 'p-b', 2), ...on('node-x', 'p-x', 1), ...on('node-y', 'p-y', 3)],
      raw: { 'node-a': 6, 'node-b': 0, 'node-x': 1 },
      want: { 'node-a': 16, 'node-b': 0, 'node-x': 100 },
    },
    {
      // zone1 = a4+b2 = 6, zone2 = x1+y3 = 4 (node-y counted: its zone has a candidate); w=log(2+2)=1.39:
      // a, b 6·1.39=8.32→8, x 5.55→6; max 8, min 6: a 100·(14−8)/8=75, x 100.
      name: 'one constraint on zone, 3 out of 4 nodes are candidates', pod: incoming({ foo: '' }, [soft(1, 'zone', foo)]),
      nodes: [nodeL('node-a', { zone: 'zone1', [HOST]: 'node-a' }), nodeL('node-b', { zone: 'zone1', [HOST]: 'node-b' }), nodeL('node-x', { zone: 'zone2', [HOST]: 'node-x' })],
      failed: [nodeL('node-y', { zone: 'zone2', [HOST]: 'node-y' })],
      pods: [...on('node-a', 'p-a', 4), ...on('node-b', 'p-b', 2), ...on('node-x', 'p-x', 1), ...on('node-y', 'p-y', 3)],
      raw: { 'node-a': 8, 'node-b': 8, 'node-x': 6 },
      want: { 'node-a': 75, 'node-b': 75, 'node-x': 100 },
    },
    {
      // zone1 = a2+b1 = 3, zone2 = x2+y4 = 6, zone w=log(2+2)=1.39; hostname w=log(2 candidates+2)=1.39.
      // a 3·1.39+2·1.39=6.93→7; x 6·1.39+2·1.39=11.09→11; max 11, min 7: a 100·(18−7)/11=100, x 100·7/11=63.
      name: 'two Constraints on zone and node, 2 out of 4 nodes are candidates', pod: incoming({ foo: '' }, [soft(1, 'zone', foo), soft(1, HOST, foo)]),
      nodes: [nodeL('node-a', { zone: 'zone1', [HOST]: 'node-a' }), nodeL('node-x', { zone: 'zone2', [HOST]: 'node-x' })],
      failed: [nodeL('node-b', { zone: 'zone1', [HOST]: 'node-b' }), nodeL('node-y', { zone: 'zone2', [HOST]: 'node-y' })],
      pods: [...on('node-a', 'p-a', 2), ...on('node-b', 'p-b', 1), ...on('node-x', 'p-x', 2), ...on('node-y', 'p-y', 4)],
      raw: { 'node-a': 7, 'node-x': 11 },
      want: { 'node-a': 100, 'node-x': 63 },
    },
    {
      // zone/foo: zone1 = a1+b1 = 2, zone2 = y1 = 1, w=log(4)=1.39; hostname/bar: 0/1/0/1, w=log(6)=1.79.
      // a 2.77→3; b 2.77+1.79=4.56→5; x 1.39→1; y 1.39+1.79=3.18→3; max 5, min 1: a 100·3/5=60, b 20, x 100, y 60.
      name: 'two Constraints on zone and node, with different labelSelectors', pod: incoming({ foo: '', bar: '' }, [soft(1, 'zone', foo), soft(1, HOST, bar)]),
      nodes: [nodeL('node-a', { zone: 'zone1', [HOST]: 'node-a' }), nodeL('node-b', { zone: 'zone1', [HOST]: 'node-b' }), nodeL('node-x', { zone: 'zone2', [HOST]: 'node-x' }), nodeL('node-y', { zone: 'zone2', [HOST]: 'node-y' })],
      pods: [pod('p-a1', { node: 'node-a', labels: { foo: '' } }), pod('p-b1', { node: 'node-b', labels: { foo: '', bar: '' } }), pod('p-y1', { node: 'node-y', labels: { foo: '' } }), pod('p-y2', { node: 'node-y', labels: { bar: '' } })],
      raw: { 'node-a': 3, 'node-b': 5, 'node-x': 1, 'node-y': 3 },
      want: { 'node-a': 60, 'node-b': 20, 'node-x': 100, 'node-y': 60 },
    },
    {
      // The ns1 pod is not counted: a 1·log(4)=1.39→1, b 2.77→3; max 3, min 1: a 100·(4−1)/3=100, b 100·1/3=33.
      name: 'existing pods in a different namespace do not count', pod: incoming({ foo: '' }, [soft(1, HOST, foo)]), nodes: hostNodes(['node-a', 'node-b']),
      pods: [...on('node-a', 'p-a1', 1, { foo: '' }, 'ns1'), ...on('node-a', 'p-a2', 1), ...on('node-b', 'p-b', 2)],
      want: { 'node-a': 100, 'node-b': 33 },
    },
    {
      // Terminating p-a not counted: a 0, b 1.39→1; max 1, min 0: a 100·(1−0)/1=100, b 0.
      name: 'terminating Pods should be excluded', pod: incoming({ foo: '' }, [soft(1, HOST, foo)]), nodes: hostNodes(['node-a', 'node-b']),
      pods: [terminating(pod('p-a', { node: 'node-a', labels: { foo: '' } })), pod('p-b', { node: 'node-b', labels: { foo: '' } })],
      want: { 'node-a': 100, 'node-b': 0 },
    },
    {
      // minDomains plays no part in scoring. w=log(3+2)=1.61, +1: a 2·1.61+1=4.22→4, b 4, c 2.61→3; max 4, min 3: a 100·3/4=75, c 100.
      name: 'minDomains has no effect when ScheduleAnyway', pod: incoming({ foo: '' }, [soft(2, 'node', foo, { minDomains: 10 })]),
      nodes: ['node-a', 'node-b', 'node-c'].map((n) => nodeL(n, { node: n })),
      pods: [...on('node-a', 'p-a', 2), ...on('node-b', 'p-b', 2), ...on('node-c', 'p-c', 1)],
      want: { 'node-a': 75, 'node-b': 75, 'node-c': 100 },
    },
    {
      // Honor (default): node-c (no foo label) fails the pod's nodeSelector, so its pod is not counted.
      // w=log(3+2)=1.61: a 3.22→3, b 1.61→2, c 0; max 3, min 0: a 0, b 100·1/3=33, c 100.
      name: 'NodeAffinityPolicy honoed with labelSelectors', pod: incoming({ foo: '' }, [soft(1, 'node', foo)], { nodeSelector: { foo: '' } }),
      nodes: [nodeL('node-a', { node: 'node-a', foo: '' }), nodeL('node-b', { node: 'node-b', foo: '' }), nodeL('node-c', { node: 'node-c' })],
      pods: [...on('node-a', 'p-a', 2), ...on('node-b', 'p-b', 1), ...on('node-c', 'p-c', 1)],
      raw: { 'node-a': 3, 'node-b': 2, 'node-c': 0 },
      want: { 'node-a': 0, 'node-b': 33, 'node-c': 100 },
    },
    {
      // Ignore: node-c's pod counts: a 3, b 2, c 2; max 3, min 2: a 100·2/3=66, b, c 100.
      name: 'NodeAffinityPolicy ignored with labelSelectors', pod: incoming({ foo: '' }, [soft(1, 'node', foo, { nodeAffinityPolicy: 'Ignore' })], { nodeSelector: { foo: '' } }),
      nodes: [nodeL('node-a', { node: 'node-a', foo: '' }), nodeL('node-b', { node: 'node-b', foo: '' }), nodeL('node-c', { node: 'node-c' })],
      pods: [...on('node-a', 'p-a', 2), ...on('node-b', 'p-b', 1), ...on('node-c', 'p-c', 1)],
      want: { 'node-a': 66, 'node-b': 100, 'node-c': 100 },
    },
    {
      // nodeTaintsPolicy Honor: tainted node-c (NoSchedule, not tolerated) not counted: a 3, b 2, c 0 ⇒ 0/33/100.
      name: 'NodeTaintsPolicy honored', pod: incoming({ foo: '' }, [soft(1, 'node', foo, { nodeTaintsPolicy: 'Honor' })]),
      nodes: [nodeL('node-a', { node: 'node-a' }), nodeL('node-b', { node: 'node-b' }), nodeL('node-c', { node: 'node-c' }, { taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] })],
      pods: [...on('node-a', 'p-a', 2), ...on('node-b', 'p-b', 1), ...on('node-c', 'p-c', 1)],
      want: { 'node-a': 0, 'node-b': 33, 'node-c': 100 },
    },
    {
      // Default Ignore: a 3, b 2, c 2 ⇒ 66/100/100.
      name: 'NodeTaintsPolicy ignored', pod: incoming({ foo: '' }, [soft(1, 'node', foo)]),
      nodes: [nodeL('node-a', { node: 'node-a' }), nodeL('node-b', { node: 'node-b' }), nodeL('node-c', { node: 'node-c' }, { taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] })],
      pods: [...on('node-a', 'p-a', 2), ...on('node-b', 'p-b', 1), ...on('node-c', 'p-c', 1)],
      want: { 'node-a': 66, 'node-b': 100, 'node-c': 100 },
    },
  ]
  it.each(cases)('$name', ({ pod: p, nodes, failed, pods, raw, want }) => {
    const r = scoreAll(cluster([...nodes, ...(failed ?? [])], pods ?? []), 'PodTopologySpread', p, nodes.map((n) => n.metadata?.name as string))
    if (r === 'Skip') throw new Error('unexpected Skip')
    if (raw) expect(r.raw).toEqual(raw)
    expect(r.normalized).toEqual(want)
  })
})

describe('PodTopologySpread system default constraints (hostname maxSkew 3, zone maxSkew 5)', () => {
  // The pod has no constraints of its own; a Service/ReplicaSet selecting it supplies the selector (DefaultSelector).
  const selectFoo = { defaultSelector: () => ({ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }) }
  it('system defaulting, nodes don\'t have zone, pods match service (TestPodTopologySpreadScore)', () => {
    // requireAllTopologies is false: nodes without a zone are scored. hostname w=log(4+2)=1.79, +2:
    // a 4·1.79+2=9.17→9, b 7.38→7, c 5.58→6, d 3.79→4; zone: absent on every node ⇒ not credited.
    // max 9, min 4: a 100·(13−9)/9=44, b 66, c 77, d 100 (same as one hostname constraint).
    const nodes = ['node-a', 'node-b', 'node-c', 'node-d'].map((n) => nodeL(n, { [HOST]: n }))
    const pods = [...on('node-a', 'p-a', 4), ...on('node-b', 'p-b', 3), ...on('node-c', 'p-c', 2), ...on('node-d', 'p-d', 1)]
    const r = scoreAll(cluster(nodes, pods, selectFoo), 'PodTopologySpread', pod('p', { labels: { foo: '' } }))
    expect(r !== 'Skip' && r.raw).toEqual({ 'node-a': 9, 'node-b': 7, 'node-c': 6, 'node-d': 4 })
    expect(r !== 'Skip' && r.normalized).toEqual({ 'node-a': 44, 'node-b': 66, 'node-c': 77, 'node-d': 100 })
  })
  it('system default constraints and a replicaset: nodes without a zone form the "" zone (TestPreScoreStateEmptyNodes weights)', () => {
    // Upstream expects weights [log(4+2), log(2+2)]: 4 hostnames; zones "mars" and "" (node-c, node-d).
    // With 3 matching pods on node-a: a 3·log6+2 + 3·log4+4 = 7.38+8.16 = 15.53→16; b 2 + 8.16 = 10.16→10;
    // c, d 0·log6+2 = 2 (no zone label ⇒ zone not credited). max 16, min 2: a 100·(18−16)/16=12, b 100·8/16=50, c, d 100.
    // (A zone weight of log(1+2) would give a 15, b 9.)
    const nodes = [
      nodeL('node-a', { [HOST]: 'node-a', 'topology.kubernetes.io/zone': 'mars' }), nodeL('node-b', { [HOST]: 'node-b', 'topology.kubernetes.io/zone': 'mars' }),
      nodeL('node-c', { [HOST]: 'node-c' }), nodeL('node-d', { [HOST]: 'node-d' }),
    ]
    const r = scoreAll(cluster(nodes, on('node-a', 'p-a', 3, { foo: 'tar' }), selectFoo), 'PodTopologySpread', pod('p', { labels: { foo: 'tar', baz: 'sup' } }))
    expect(r !== 'Skip' && r.raw).toEqual({ 'node-a': 16, 'node-b': 10, 'node-c': 2, 'node-d': 2 })
    expect(r !== 'Skip' && r.normalized).toEqual({ 'node-a': 12, 'node-b': 50, 'node-c': 100, 'node-d': 100 })
  })
})

describe('PodTopologySpread PreScore Skip (TestPreScoreSkip)', () => {
  const listDefaulting = { profiles: [{ schedulerName: 'default-scheduler', pluginConfig: [{ name: 'PodTopologySpread', args: { defaultingType: 'List' } }] }] }
  it("the pod doesn't have soft topology spread Constraints", () => {
    const c = cluster([node('node-a'), node('node-b')], [], { config: listDefaulting })
    expect(scoreAll(c, 'PodTopologySpread', pod('p'))).toBe('Skip')
  })
  it('only DoNotSchedule constraints: nothing to score', () => {
    expect(scoreAll(cluster([node('node-a')]), 'PodTopologySpread', incoming({ foo: '' }, [hard(1, 'zone', foo)]))).toBe('Skip')
  })
  it('system defaulting without a Service/ReplicaSet/StatefulSet/ReplicationController selecting the pod (empty default selector)', () => {
    expect(scoreAll(cluster([node('node-a', { labels: { 'topology.kubernetes.io/zone': 'z1' } })]), 'PodTopologySpread', pod('p', { labels: { foo: '' } }))).toBe('Skip')
  })
})
