/**
 * InterPodAffinity, table-driven, ported from kubernetes/kubernetes
 * pkg/scheduler/framework/plugins/interpodaffinity/filtering_test.go (TestRequiredAffinitySingleNode,
 * TestRequiredAffinityMultipleNodes) and scoring_test.go (TestPreferredAffinity). Same inputs, same expected outputs.
 * Filter: required affinity (UnschedulableAndUnresolvable), required anti-affinity (Unschedulable), existing pods'
 * required anti-affinity (Unschedulable). Score: per topology domain Σ weights of matching preferred terms (± for
 * anti), plus existing pods' required affinity terms at hardPodAffinityWeight 1; normalized min–max (trunc).
 */
import { describe, expect, it } from 'vitest'
import type { Node, Pod } from '../../api/types.ts'
import { cluster, filterAll, node, pod, scoreAll } from '../testing.ts'

const AFF = "UnschedulableAndUnresolvable: node(s) didn't match pod affinity rules"
const ANTI = "Unschedulable: node(s) didn't match pod anti-affinity rules"
const EXISTING_ANTI = "Unschedulable: node(s) didn't satisfy existing pods anti-affinity rules"

/** A node with exactly these labels (no default hostname label), as in the upstream fixtures. */
const nodeL = (name: string, labels: Record<string, string>): Node => {
  const n = node(name, { labels })
  if (!('kubernetes.io/hostname' in labels)) delete (n.metadata?.labels as Record<string, string>)['kubernetes.io/hostname']
  return n
}
interface Req { key: string; operator: string; values?: string[] }
interface Term { labelSelector?: { matchExpressions: Req[] }; topologyKey: string; namespaces?: string[]; namespaceSelector?: { matchExpressions: Req[] } }
const term = (topologyKey: string, ...exprs: Req[]): Term => ({ labelSelector: { matchExpressions: exprs }, topologyKey })
const In = (key: string, ...values: string[]): Req => ({ key, operator: 'In', values })
const NotIn = (key: string, ...values: string[]): Req => ({ key, operator: 'NotIn', values })
const Exists = (key: string): Req => ({ key, operator: 'Exists' })
const DoesNotExist = (key: string): Req => ({ key, operator: 'DoesNotExist' })
const weighted = (weight: number, t: Term) => ({ weight, podAffinityTerm: t })

interface Aff { req?: Term[]; anti?: Term[]; pref?: ReturnType<typeof weighted>[]; prefAnti?: ReturnType<typeof weighted>[] }
const affinity = (a: Aff) => ({
  ...(a.req || a.pref ? { podAffinity: { ...(a.req ? { requiredDuringSchedulingIgnoredDuringExecution: a.req } : {}), ...(a.pref ? { preferredDuringSchedulingIgnoredDuringExecution: a.pref } : {}) } } : {}),
  ...(a.anti || a.prefAnti ? { podAntiAffinity: { ...(a.anti ? { requiredDuringSchedulingIgnoredDuringExecution: a.anti } : {}), ...(a.prefAnti ? { preferredDuringSchedulingIgnoredDuringExecution: a.prefAnti } : {}) } } : {}),
})
let seq = 0
/** A pod with labels and affinity; `node` places it. */
const P = (labels: Record<string, string>, a: Aff = {}, o: { node?: string; ns?: string; name?: string } = {}): Pod =>
  pod(o.name ?? `pod-${++seq}`, { labels, node: o.node, ns: o.ns, spec: Object.keys(a).length ? { affinity: affinity(a) } : {} })

describe('InterPodAffinity Filter (TestRequiredAffinitySingleNode)', () => {
  const podLabel = { service: 'securityscan' }
  const podLabel2 = { security: 'S1' }
  const node1 = () => nodeL('node1', { region: 'r1', zone: 'z11' })
  const existing = () => P(podLabel, {}, { node: 'node1' })
  const cases: { name: string; pod: Pod; pods?: Pod[]; want: string; nsLabels?: Record<string, Record<string, string>> }[] = [
    { name: 'A pod that has no required pod affinity scheduling rules can schedule onto a node with no existing pods', pod: P({}), want: 'Skip' },
    {
      // The existing pod (service=securityscan) is in region r1 ⇒ affinityCounts[region=r1] = 1 > 0.
      name: 'satisfies with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using In operator that matches the existing pod',
      pod: P(podLabel2, { req: [term('region', In('service', 'securityscan', 'value2'))] }), pods: [existing()], want: 'Success',
    },
    {
      name: 'satisfies the pod with requiredDuringSchedulingIgnoredDuringExecution in PodAffinity using not in operator in labelSelector that matches the existing pod',
      pod: P(podLabel2, { req: [term('region', NotIn('service', 'securityscan3', 'value3'))] }), pods: [existing()], want: 'Success',
    },
    {
      // namespaces [DiffNameSpace]: the pod in "ns" does not count, the incoming pod doesn't match itself ⇒ no exception.
      name: 'Does not satisfy the PodAffinity with labelSelector because of diff Namespace',
      pod: P(podLabel2, { req: [{ ...term('region', In('service', 'securityscan', 'value2')), namespaces: ['DiffNameSpace'] }] }),
      pods: [P(podLabel, {}, { node: 'node1', ns: 'ns' })], want: AFF,
    },
    {
      // topologyKey "" is not a node label ⇒ "All topology labels must exist on the node".
      name: "Doesn't satisfy the PodAffinity because of unmatching labelSelector with the existing pod",
      pod: P(podLabel, { req: [term('', In('service', 'antivirusscan', 'value2'))] }), pods: [existing()], want: AFF,
    },
    {
      name: 'satisfies the PodAffinity with different label Operators in multiple RequiredDuringSchedulingIgnoredDuringExecution ',
      pod: P(podLabel2, { req: [term('region', Exists('service'), DoesNotExist('wrongkey')), term('region', In('service', 'securityscan'), NotIn('service', 'WrongValue'))] }),
      pods: [existing()], want: 'Success',
    },
    {
      // The existing pod must match ALL terms; securityscan2 fails the second ⇒ counts empty; self doesn't match ⇒ no exception.
      name: "The labelSelector requirements(items of matchExpressions) are ANDed, the pod cannot schedule onto the node because one of the matchExpression item don't match.",
      pod: P(podLabel2, { req: [term('region', Exists('service'), DoesNotExist('wrongkey')), term('region', In('service', 'securityscan2'), NotIn('service', 'WrongValue'))] }),
      pods: [existing()], want: AFF,
    },
    {
      // anti-affinity on "node": node1 has no "node" label ⇒ passes.
      name: 'satisfies the PodAffinity and PodAntiAffinity with the existing pod',
      pod: P(podLabel2, { req: [term('region', In('service', 'securityscan', 'value2'))], anti: [term('node', In('service', 'antivirusscan', 'value2'))] }),
      pods: [existing()], want: 'Success',
    },
    {
      name: 'satisfies the PodAffinity and PodAntiAffinity and PodAntiAffinity symmetry with the existing pod',
      pod: P(podLabel2, { req: [term('region', In('service', 'securityscan', 'value2'))], anti: [term('node', In('service', 'antivirusscan', 'value2'))] }),
      pods: [P(podLabel, { anti: [term('node', In('service', 'antivirusscan', 'value2'))] }, { node: 'node1' })], want: 'Success',
    },
    {
      // antiAffinityCounts[zone=z11] = 1 (the securityscan pod) ⇒ Unschedulable.
      name: "satisfies the PodAffinity but doesn't satisfy the PodAntiAffinity with the existing pod",
      pod: P(podLabel2, { req: [term('region', In('service', 'securityscan', 'value2'))], anti: [term('zone', In('service', 'securityscan', 'value2'))] }),
      pods: [existing()], want: ANTI,
    },
    {
      // The existing pod's anti-affinity (zone, service=securityscan) matches the incoming pod ⇒ existingAntiAffinityCounts[zone=z11] = 1.
      name: "satisfies the PodAffinity and PodAntiAffinity but doesn't satisfy PodAntiAffinity symmetry with the existing pod",
      pod: P(podLabel, { req: [term('region', In('service', 'securityscan', 'value2'))], anti: [term('node', In('service', 'antivirusscan', 'value2'))] }),
      pods: [P(podLabel, { anti: [term('zone', In('service', 'securityscan', 'value2'))] }, { node: 'node1' })], want: EXISTING_ANTI,
    },
    {
      // NotIn securityscan: matches neither itself nor (no) other pods in the snapshot ⇒ no pod, no exception.
      name: 'pod matches its own Label in PodAffinity and that matches the existing pod Labels',
      pod: P(podLabel, { req: [term('region', NotIn('service', 'securityscan', 'value2'))] }), want: AFF,
    },
    {
      name: "verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. doesn't satisfy PodAntiAffinity symmetry with the existing pod",
      pod: P(podLabel), pods: [P(podLabel, { anti: [term('zone', In('service', 'securityscan', 'value2'))] }, { node: 'node1' })], want: EXISTING_ANTI,
    },
    {
      // The existing pod's term doesn't match the incoming pod ⇒ no counts, no terms of its own ⇒ PreFilter Skip.
      name: 'verify that PodAntiAffinity from existing pod is respected when pod has no AntiAffinity constraints. satisfy PodAntiAffinity symmetry with the existing pod',
      pod: P(podLabel), pods: [P(podLabel, { anti: [term('zone', NotIn('service', 'securityscan', 'value2'))] }, { node: 'node1' })], want: 'Skip',
    },
    {
      // Incoming anti (security exists, region) matches the existing S1 pod ⇒ checked before existing pods' anti-affinity.
      name: "satisfies the PodAntiAffinity with existing pod but doesn't satisfy PodAntiAffinity symmetry with incoming pod",
      pod: P(podLabel, { anti: [term('region', Exists('service')), term('region', Exists('security'))] }),
      pods: [P(podLabel2, { anti: [term('zone', Exists('security'))] }, { node: 'node1' })], want: ANTI,
    },
    {
      name: 'PodAntiAffinity symmetry check a1: incoming pod and existing pod partially match each other on AffinityTerms',
      pod: P(podLabel, { anti: [term('zone', Exists('service')), term('zone', Exists('security'))] }),
      pods: [P(podLabel2, { anti: [term('zone', Exists('security'))] }, { node: 'node1' })], want: ANTI,
    },
    {
      // Incoming (security=S1) anti on "security" doesn't match the existing (service) pod; the existing pod's
      // "security" term matches the incoming pod ⇒ existing anti-affinity.
      name: 'PodAntiAffinity symmetry check a2: incoming pod and existing pod partially match each other on AffinityTerms',
      pod: P(podLabel2, { anti: [term('zone', Exists('security'))] }),
      pods: [P(podLabel, { anti: [term('zone', Exists('service')), term('zone', Exists('security'))] }, { node: 'node1' })], want: EXISTING_ANTI,
    },
    {
      name: 'PodAntiAffinity symmetry check b1: incoming pod and existing pod partially match each other on AffinityTerms',
      pod: P({ abc: '', xyz: '' }, { anti: [term('zone', Exists('abc')), term('zone', Exists('def'))] }),
      pods: [P({ def: '', xyz: '' }, { anti: [term('zone', Exists('abc')), term('zone', Exists('def'))] }, { node: 'node1' })], want: ANTI,
    },
    {
      name: 'PodAntiAffinity symmetry check b2: incoming pod and existing pod partially match each other on AffinityTerms',
      pod: P({ def: '', xyz: '' }, { anti: [term('zone', Exists('abc')), term('zone', Exists('def'))] }),
      pods: [P({ abc: '', xyz: '' }, { anti: [term('zone', Exists('abc')), term('zone', Exists('def'))] }, { node: 'node1' })], want: ANTI,
    },
    {
      name: 'affinity with NamespaceSelector',
      pod: P(podLabel2, { req: [{ ...term('region', In('service', 'securityscan', 'value2')), namespaceSelector: { matchExpressions: [In('team', 'team1')] } }] }),
      pods: [P(podLabel, {}, { node: 'node1', ns: 'subteam1.team1' })], want: 'Success',
      nsLabels: { 'subteam1.team1': { team: 'team1' }, 'subteam2.team2': { team: 'team2' } },
    },
    {
      name: 'affinity with non-matching NamespaceSelector',
      pod: P(podLabel2, { req: [{ ...term('region', In('service', 'securityscan', 'value2')), namespaceSelector: { matchExpressions: [In('team', 'team1')] } }] }),
      pods: [P(podLabel, {}, { node: 'node1', ns: 'subteam2.team2' })], want: AFF,
      nsLabels: { 'subteam1.team1': { team: 'team1' }, 'subteam2.team2': { team: 'team2' } },
    },
  ]
  it.each(cases)('$name', ({ pod: p, pods, want, nsLabels }) => {
    expect(filterAll(cluster([node1()], pods ?? [], { nsLabels }), 'InterPodAffinity', p)).toEqual({ node1: want })
  })
})

describe('InterPodAffinity Filter: the first pod of a self-affine group (TestRequiredAffinityMultipleNodes)', () => {
  const self = () => P({ foo: 'bar', service: 'securityscan' }, { req: [term('zone', In('foo', 'bar')), term('zone', In('service', 'securityscan'))] })
  const p1 = () => P({ foo: 'bar' }, {}, { node: 'nodeA', name: 'p1' })
  it("The affinity rule is to schedule all of the pods of this collection to the same zone. The first pod of the collection should not be blocked from being scheduled onto any node, even there's no existing pod that matches the rule anywhere.", () => {
    // p1 {foo: bar} does not match BOTH terms ⇒ affinityCounts empty; the pod matches its own terms ⇒ exception.
    const c = cluster([nodeL('nodeA', { zone: 'az1', hostname: 'h1' }), nodeL('nodeB', { zone: 'az2', hostname: 'h2' })], [p1()])
    expect(filterAll(c, 'InterPodAffinity', self())).toEqual({ nodeA: 'Success', nodeB: 'Success' })
  })
  it('The first pod of the collection can not be scheduled onto nodes that lack the topology key (zoneLabel instead of zone)', () => {
    // "All topology labels must exist on the node" is checked before the exception.
    const c = cluster([nodeL('nodeA', { zoneLabel: 'az1', hostname: 'h1' }), nodeL('nodeB', { zoneLabel: 'az2', hostname: 'h2' })], [p1()])
    expect(filterAll(c, 'InterPodAffinity', self())).toEqual({ nodeA: AFF, nodeB: AFF })
  })
  it('(plugin source, satisfyPodAffinity) once one pod matches all terms, only its zone passes', () => {
    // affinityCounts[zone=az1] = 1 ⇒ the exception (len(affinityCounts) == 0) no longer applies to az2.
    const c = cluster([nodeL('nodeA', { zone: 'az1', hostname: 'h1' }), nodeL('nodeB', { zone: 'az2', hostname: 'h2' })], [P({ foo: 'bar', service: 'securityscan' }, {}, { node: 'nodeA' })])
    expect(filterAll(c, 'InterPodAffinity', self())).toEqual({ nodeA: 'Success', nodeB: AFF })
  })
})

describe('InterPodAffinity Score (TestPreferredAffinity)', () => {
  const rgChina = { region: 'China' }, rgIndia = { region: 'India' }, az1 = { az: 'az1' }, az2 = { az: 'az2' }, rgChinaAz1 = { region: 'China', az: 'az1' }
  const S1 = { security: 'S1' }, S2 = { security: 'S2' }
  const stayWithS1InRegion: Aff = { pref: [weighted(5, term('region', In('security', 'S1')))] }
  const stayWithS2InRegion: Aff = { pref: [weighted(6, term('region', In('security', 'S2')))] }
  const affinity3: Aff = { pref: [weighted(8, term('region', NotIn('security', 'S1'), In('security', 'S2'))), weighted(2, term('region', Exists('security'), DoesNotExist('wrongkey')))] }
  const hardAffinity: Aff = { req: [term('region', In('security', 'S1', 'value2')), term('region', Exists('security'), DoesNotExist('wrongkey'))] }
  const awayFromS1InAz: Aff = { prefAnti: [weighted(5, term('az', In('security', 'S1')))] }
  const awayFromS2InAz: Aff = { prefAnti: [weighted(5, term('az', In('security', 'S2')))] }
  const stayWithS1InRegionAwayFromS2InAz: Aff = { pref: [weighted(8, term('region', In('security', 'S1')))], prefAnti: [weighted(5, term('az', In('security', 'S2')))] }
  const nsSel = { ...term('region', In('security', 'S1')), namespaces: ['subteam2.team2'], namespaceSelector: { matchExpressions: [In('team', 'team1')] } }
  const affinityNamespaceSelector: Aff = { pref: [weighted(5, nsSel)] }
  const antiAffinityNamespaceSelector: Aff = { prefAnti: [weighted(5, nsSel)] }
  const nsLabels = { 'subteam1.team1': { team: 'team1' }, 'subteam2.team1': { team: 'team1' }, 'subteam1.team2': { team: 'team2' }, 'subteam2.team2': { team: 'team2' } }
  const N = (labels: Record<string, string>[]) => labels.map((l, i) => nodeL(`node${i + 1}`, l))
  const on = (n: string, labels: Record<string, string>, a: Aff = {}, ns?: string) => P(labels, a, { node: n, ns })

  const cases: { name: string; pod: Pod; pods?: Pod[]; nodes: Node[]; raw?: Record<string, number>; want: Record<string, number> | 'Skip' }[] = [
    { name: 'all nodes are same priority as Affinity is nil', pod: P(S1), nodes: N([rgChina, rgIndia, az1]), want: 'Skip' },
    {
      // region=China: +5 (S1 on node1); node3's S1 pod is in no region; India: its pod is S2. raw 5/0/0 ⇒ 100/0/0.
      name: 'Affinity: pod that matches topology key & pods in nodes will get high score comparing to otherswhich doesn\'t match either pods in nodes or in topology key',
      pod: P(S1, stayWithS1InRegion), pods: [on('node1', S1), on('node2', S2), on('node3', S1)], nodes: N([rgChina, rgIndia, az1]),
      raw: { node1: 5, node2: 0, node3: 0 }, want: { node1: 100, node2: 0, node3: 0 },
    },
    {
      // region=China: +5 ⇒ node1 and node2 (both China) 5, node3 (India) 0.
      name: 'All the nodes that have the same topology key & label value with one of them has an existing pod that match the affinity rules, have the same score',
      pod: P({}, stayWithS1InRegion), pods: [on('node1', S1)], nodes: N([rgChina, rgChinaAz1, rgIndia]),
      want: { node1: 100, node2: 100, node3: 0 },
    },
    {
      // China: 4 S2 pods ·6 = 24; India: 2 ·6 = 12. min 12, max 24: China 100·12/12 = 100, India 0.
      name: 'Affinity: nodes in one region has more matching pods comparing to other region, so the region which has more matches will get high score',
      pod: P(S1, stayWithS2InRegion), pods: [on('node1', S2), on('node1', S2), on('node2', S2), on('node3', S2), on('node4', S2), on('node5', S2)],
      nodes: N([rgChina, rgIndia, rgChina, rgChina, rgIndia]),
      raw: { node1: 24, node2: 12, node3: 24, node4: 24, node5: 12 }, want: { node1: 100, node2: 0, node3: 100, node4: 100, node5: 0 },
    },
    {
      // China: S1 pod matches only the weight-2 term ⇒ 2; India: S2 pod matches 8 and 2 ⇒ 10; node3 no region ⇒ 0.
      // min 0, max 10: node1 100·2/10 = 20, node2 100, node3 0.
      name: 'Affinity: different Label operators and values for pod affinity scheduling preference, including some match failures ',
      pod: P(S1, affinity3), pods: [on('node1', S1), on('node2', S2), on('node3', S1)], nodes: N([rgChina, rgIndia, az1]),
      raw: { node1: 2, node2: 10, node3: 0 }, want: { node1: 20, node2: 100, node3: 0 },
    },
    {
      // Existing pods' preferred affinity: node2's pod wants S2 in region (+6 India), the incoming pod is S2.
      name: 'Affinity symmetry: considered only the preferredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry',
      pod: P(S2), pods: [on('node1', S1, stayWithS1InRegion), on('node2', S2, stayWithS2InRegion)], nodes: N([rgChina, rgIndia, az1]),
      want: { node1: 0, node2: 100, node3: 0 },
    },
    {
      // node1's pod term selects namespaces subteam2.team2 ∪ team=team1 ⇒ includes subteam1.team1 (the incoming pod's) ⇒ China +5.
      name: 'Affinity symmetry with namespace selector',
      pod: P(S1, {}, { ns: 'subteam1.team1' }), pods: [on('node1', S1, affinityNamespaceSelector), on('node2', S2, stayWithS2InRegion)], nodes: N([rgChina, rgIndia, az1]),
      want: { node1: 100, node2: 0, node3: 0 },
    },
    {
      // China −5; others 0. min −5, max 0: node1 0, node2 and node3 100·5/5 = 100.
      name: 'AntiAffinity symmetry with namespace selector',
      pod: P(S1, {}, { ns: 'subteam1.team1' }), pods: [on('node1', S1, antiAffinityNamespaceSelector), on('node2', S2, stayWithS2InRegion)], nodes: N([rgChina, rgIndia, az1]),
      raw: { node1: -5, node2: 0, node3: 0 }, want: { node1: 0, node2: 100, node3: 100 },
    },
    {
      // hardPodAffinityWeight 1 per required term the incoming pod matches: node1 China 1+1 = 2, node2 India 2, node3 0.
      name: 'Affinity symmetry: considered RequiredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry',
      pod: P(S1), pods: [on('node1', S1, hardAffinity), on('node2', S2, hardAffinity)], nodes: N([rgChina, rgIndia, az1]),
      raw: { node1: 2, node2: 2, node3: 0 }, want: { node1: 100, node2: 100, node3: 0 },
    },
    {
      // az1 −5 (S1 on node1); node2 has no az. min −5, max 0: node1 0, node2 100.
      name: 'Anti Affinity: pod that does not match existing pods in node will get high score ',
      pod: P(S1, awayFromS1InAz), pods: [on('node1', S1), on('node2', S2)], nodes: N([az1, rgChina]),
      raw: { node1: -5, node2: 0 }, want: { node1: 0, node2: 100 },
    },
    {
      name: 'Anti Affinity: pod that does not match topology key & match the pods in nodes will get higher score comparing to others ',
      pod: P(S1, awayFromS1InAz), pods: [on('node1', S1), on('node2', S1)], nodes: N([az1, rgChina]),
      want: { node1: 0, node2: 100 },
    },
    {
      // az1: 2 S1 pods ⇒ −10; node2 (India) 0.
      name: 'Anti Affinity: one node has more matching pods comparing to other node, so the node which has more unmatches will get high score',
      pod: P(S1, awayFromS1InAz), pods: [on('node1', S1), on('node1', S1), on('node2', S2)], nodes: N([az1, rgIndia]),
      raw: { node1: -10, node2: 0 }, want: { node1: 0, node2: 100 },
    },
    {
      // node1's pod avoids S2 in az (incoming is S2) ⇒ az1 −5; node2's pod avoids S1 ⇒ no match. min −5, max 0.
      name: 'Anti Affinity symmetry: the existing pods in node which has anti affinity match will get high score',
      pod: P(S2), pods: [on('node1', S1, awayFromS2InAz), on('node2', S2, awayFromS1InAz)], nodes: N([az1, az2]),
      want: { node1: 0, node2: 100 },
    },
    {
      // China +8 (S1 on node1); node2 az1 has an S1 pod, not S2 ⇒ 0.
      name: 'Affinity and Anti Affinity: considered only preferredDuringSchedulingIgnoredDuringExecution in both pod affinity & anti affinity',
      pod: P(S1, stayWithS1InRegionAwayFromS2InAz), pods: [on('node1', S1), on('node2', S1)], nodes: N([rgChina, az1]),
      want: { node1: 100, node2: 0 },
    },
    {
      // China: 5 S1 pods ·8 = 40 (node1, node3, node4); India: 2 ·8 = 16. No S2 anywhere ⇒ no anti. ⇒ 100/0/100/100/0.
      name: 'Affinity and Anti Affinity: considering both affinity and anti-affinity, the pod to schedule and existing pods have the same labels',
      pod: P(S1, stayWithS1InRegionAwayFromS2InAz),
      pods: [on('node1', S1), on('node1', S1), on('node2', S1), on('node3', S1), on('node3', S1), on('node4', S1), on('node5', S1)],
      nodes: N([rgChinaAz1, rgIndia, rgChina, rgChina, rgIndia]),
      raw: { node1: 40, node2: 16, node3: 40, node4: 40, node5: 16 }, want: { node1: 100, node2: 0, node3: 100, node4: 100, node5: 0 },
    },
    {
      // affinity 8 (China, S1 on node1); anti −5 (az1, S2 on node2); symmetry +8 (India: node3's pod wants S1);
      // anti symmetry −5 (az2: node4's pod avoids S1). raw 8/−5/8/−5 ⇒ 100/0/100/0.
      name: 'Affinity and Anti Affinity and symmetry: considered only preferredDuringSchedulingIgnoredDuringExecution in both pod affinity & anti affinity & symmetry',
      pod: P(S1, stayWithS1InRegionAwayFromS2InAz),
      pods: [on('node1', S1), on('node2', S2), on('node3', {}, stayWithS1InRegionAwayFromS2InAz), on('node4', {}, awayFromS1InAz)],
      nodes: N([rgChina, az1, rgIndia, az2]),
      raw: { node1: 8, node2: -5, node3: 8, node4: -5 }, want: { node1: 100, node2: 0, node3: 100, node4: 0 },
    },
    {
      // Only node2's pod has affinity: +8 for region China, which both nodes share ⇒ max = min ⇒ all 0.
      name: "Avoid panic when partial nodes in a topology don't have pods with affinity",
      pod: P(S1), pods: [on('node1', S1), on('node2', {}, stayWithS1InRegionAwayFromS2InAz)], nodes: N([rgChina, rgChina]),
      raw: { node1: 8, node2: 8 }, want: { node1: 0, node2: 0 },
    },
    {
      // Selected namespaces: subteam2.team2 ∪ team1 ⇒ subteam1.team1 ×2 and subteam2.team1 count, subteam1.team2 not.
      // China 2·5 = 10, India 5. ⇒ 100/0.
      name: 'Affinity with pods matching NamespaceSelector',
      pod: P(S1, affinityNamespaceSelector, { ns: 'subteam1.team1' }),
      pods: [on('node1', S1, {}, 'subteam1.team1'), on('node1', S1, {}, 'subteam1.team1'), on('node1', S1, {}, 'subteam1.team2'), on('node2', S1, {}, 'subteam2.team1')],
      nodes: N([rgChina, rgIndia]),
      raw: { node1: 10, node2: 5 }, want: { node1: 100, node2: 0 },
    },
  ]
  it.each(cases)('$name', ({ pod: p, pods, nodes, raw, want }) => {
    const r = scoreAll(cluster(nodes, pods ?? [], { nsLabels }), 'InterPodAffinity', p)
    if (want === 'Skip') { expect(r).toBe('Skip'); return }
    if (r === 'Skip') throw new Error('unexpected Skip')
    if (raw) expect(r.raw).toEqual(raw)
    expect(r.normalized).toEqual(want)
  })
})
