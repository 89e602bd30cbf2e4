import { describe, expect, it } from 'vitest'
import type { Pod } from '../../../api/types.ts'
import { node, pod } from '../../testing.ts'
import { explainNode, explainNodes } from './index.ts'
import { explainCycle } from '../testing.ts'
import type { ConstraintReason } from '../types.ts'

const ZONE = 'topology.kubernetes.io/zone'
const web = { matchLabels: { app: 'web' } }
const spreadPod = (tsc: Record<string, unknown>): Pod =>
  pod('new', { labels: { app: 'web' }, spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: ZONE, whenUnsatisfiable: 'DoNotSchedule', labelSelector: web, ...tsc }] } })

const spreadOf = (rs: ConstraintReason[]) => {
  const s = rs.find((r) => r.kind === 'spread')
  if (!s || s.kind !== 'spread') throw new Error('no spread reason')
  return s
}

/** The scenario: 12 nodes in 3 zones, zone-c cordoned; 2 web pods in zone-a, 2 in zone-b. */
function zones(o: { taintCordoned?: boolean } = {}) {
  const nodes = ['a', 'b', 'c'].flatMap((z) => [1, 2, 3, 4].map((i) => node(`${z}-${i}`, {
    labels: { [ZONE]: `zone-${z}` }, unschedulable: z === 'c',
    ...(z === 'c' && o.taintCordoned ? { taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] } : {}),
  })))
  const pods = [pod('web-1', { node: 'a-1', labels: { app: 'web' } }), pod('web-2', { node: 'a-2', labels: { app: 'web' } }),
    pod('web-3', { node: 'b-1', labels: { app: 'web' } }), pod('web-4', { node: 'b-2', labels: { app: 'web' } })]
  return { nodes, pods }
}

describe('PodTopologySpread reasons', () => {
  it('a cordoned zone still counts as a domain with 0 pods (nodeTaintsPolicy Ignore): skew 3 > maxSkew 1', () => {
    const { nodes, pods } = zones()
    const inputs = explainCycle(nodes, pods, spreadPod({}))
    expect(inputs.record.selectedNode).toBeNull()
    const a1 = explainNode(inputs, 'a-1')
    expect(a1.verdict).toBe('rejected')
    expect(a1.rejectedBy).toBe('PodTopologySpread')
    const s = spreadOf(a1.plugins.find((p) => p.plugin === 'PodTopologySpread')?.constraints ?? [])
    expect(s.domains.map((d) => [d.value, d.pods, d.eligible])).toEqual([['zone-a', 2, true], ['zone-b', 2, true], ['zone-c', 0, true]])
    expect(s.domains[2].cordoned).toEqual(['c-1', 'c-2', 'c-3', 'c-4'])
    expect(s).toMatchObject({ nodeDomain: 'zone-a', minMatch: 0, skewIfPlaced: 3, satisfied: false, selfMatch: true, nodeTaintsPolicy: 'Ignore', nodeAffinityPolicy: 'Honor', selector: 'app=web' })
    expect(a1.summary).toContain('placing the pod here in zone-a makes the skew 3 > maxSkew 1')
    expect(a1.summary).toContain('zone-c 0 (cordoned c-1, c-2, c-3, c-4 still count)')
    // The cordoned nodes themselves are rejected by NodeUnschedulable, before spreading is looked at.
    const c1 = explainNode(inputs, 'c-1')
    expect(c1.rejectedBy).toBe('NodeUnschedulable')
    expect(c1.summary).toBe('rejected by NodeUnschedulable: the node is cordoned (spec.unschedulable) and the pod does not tolerate node.kubernetes.io/unschedulable:NoSchedule')
  })

  it('nodeTaintsPolicy Honor drops the tainted cordoned zone: the minimum is 2 and zone-a fits', () => {
    const { nodes, pods } = zones({ taintCordoned: true })
    const inputs = explainCycle(nodes, pods, spreadPod({ nodeTaintsPolicy: 'Honor' }))
    expect(inputs.record.selectedNode).not.toBeNull()
    const s = spreadOf(explainNode(inputs, 'a-3').plugins.find((p) => p.plugin === 'PodTopologySpread')?.constraints ?? [])
    expect(s.domains.find((d) => d.value === 'zone-c')).toMatchObject({ eligible: false, pods: 0 })
    expect(s.domains.find((d) => d.value === 'zone-c')?.whyNot).toContain('node.kubernetes.io/unschedulable:NoSchedule (nodeTaintsPolicy Honor)')
    expect(s).toMatchObject({ minMatch: 2, skewIfPlaced: 1, satisfied: true })
  })

  it('minDomains above the number of domains makes the global minimum 0', () => {
    const { nodes, pods } = zones({ taintCordoned: true })
    const inputs = explainCycle(nodes, pods, spreadPod({ nodeTaintsPolicy: 'Honor', minDomains: 3 }))
    const a3 = explainNode(inputs, 'a-3')
    const s = spreadOf(a3.plugins.find((p) => p.plugin === 'PodTopologySpread')?.constraints ?? [])
    expect(s).toMatchObject({ minMatch: 0, skewIfPlaced: 3, satisfied: false })
    expect(a3.verdict).toBe('rejected')
    expect(a3.summary).toContain('global minimum 0 (2 domain(s) < minDomains 3)')
  })

  // Upstream: plugins/podtopologyspread/filtering_test.go TestPreFilterState, "NodeTaintsPolicy honored" and
  // "NodeTaintsPolicy ignored" (node-c tainted node.kubernetes.io/unschedulable:NoSchedule; bar pods a 1, b 2).
  const upstream = () => {
    const taints = [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]
    const nodes = [node('node-a', { labels: { node: 'node-a' } }), node('node-b', { labels: { node: 'node-b' } }),
      node('node-c', { labels: { node: 'node-c', bar: '' }, taints })]
    const bar = { bar: '' }
    const pods = [pod('p-a', { node: 'node-a', labels: bar }), pod('p-b', { node: 'node-b', labels: bar }),
      pod('p-c', { node: 'node-b', labels: bar }), pod('p-d', { node: 'node-c' })]
    const incoming = (policy?: string) => pod('p', { labels: { foo: '' }, spec: { topologySpreadConstraints: [{
      maxSkew: 1, topologyKey: 'node', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchExpressions: [{ key: 'bar', operator: 'Exists' }] },
      ...(policy ? { nodeTaintsPolicy: policy } : {}),
    }] } })
    return { nodes, pods, incoming }
  }
  for (const [name, policy, want] of [
    ['NodeTaintsPolicy honored', 'Honor', [['node-a', 1, true], ['node-b', 2, true], ['node-c', 0, false]]],
    ['NodeTaintsPolicy ignored', undefined, [['node-a', 1, true], ['node-b', 2, true], ['node-c', 0, true]]],
  ] as const) {
    it(name, () => {
      const u = upstream()
      const inputs = explainCycle(u.nodes, u.pods, u.incoming(policy))
      const s = spreadOf(explainNode(inputs, 'node-b').plugins.find((p) => p.plugin === 'PodTopologySpread')?.constraints ?? [])
      expect(s.domains.map((d) => [d.value, d.pods, d.eligible])).toEqual(want)
      expect(s.selector).toBe('bar')
      expect(s.selfMatch).toBe(false)
    })
  }

  it('explainNodes lists every node in record order with one verdict each', () => {
    const { nodes, pods } = zones()
    const all = explainNodes(explainCycle(nodes, pods, spreadPod({})))
    expect(all).toHaveLength(12)
    expect(all.filter((n) => n.verdict === 'rejected').map((n) => n.rejectedBy).sort()).toEqual([
      ...Array(4).fill('NodeUnschedulable'), ...Array(8).fill('PodTopologySpread')])
  })
})

describe('PodTopologySpread system defaults (ScheduleAnyway)', () => {
  it('apply only with a default selector (a Service or controller selects the pod)', () => {
    const nodes = [node('w-1', { labels: { [ZONE]: 'zone-a' } }), node('w-2', { labels: { [ZONE]: 'zone-b' } })]
    const pods = [pod('web-0', { node: 'w-1', labels: { app: 'web' } })]
    const p = pod('web-1', { labels: { app: 'web' } })
    const none = explainCycle(nodes, pods, p)
    expect(explainNode(none, 'w-1').plugins.find((x) => x.plugin === 'PodTopologySpread')?.constraints ?? []).toEqual([])
    const withSvc = explainCycle(nodes, pods, p, { defaultSelector: web })
    const cs = explainNode(withSvc, 'w-1').plugins.find((x) => x.plugin === 'PodTopologySpread')?.constraints ?? []
    // SYSTEM_DEFAULT_CONSTRAINTS: hostname maxSkew 3, zone maxSkew 5 (plugins/podtopologyspread/plugin.go).
    expect(cs.map((c) => (c.kind === 'spread' ? [c.topologyKey, c.maxSkew, c.whenUnsatisfiable, c.skewIfPlaced] : null))).toEqual([
      ['kubernetes.io/hostname', 3, 'ScheduleAnyway', 2], [ZONE, 5, 'ScheduleAnyway', 2]])
  })
})
