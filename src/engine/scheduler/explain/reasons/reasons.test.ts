import { describe, expect, it } from 'vitest'
import { node, pod } from '../../testing.ts'
import { explainNode } from './index.ts'
import { explainCycle } from '../testing.ts'
import { constraintText, failing } from '../text.ts'
import type { NodeExplanation } from '../types.ts'

const ZONE = 'topology.kubernetes.io/zone'
const HOST = 'kubernetes.io/hostname'
const causes = (e: NodeExplanation): string[] =>
  (e.plugins.find((p) => p.plugin === e.rejectedBy)?.constraints ?? []).filter(failing).map(constraintText)

describe('node affinity and nodeSelector reasons', () => {
  const nodes = [node('w-a', { labels: { [ZONE]: 'zone-a', disk: 'ssd' } }), node('w-b', { labels: { [ZONE]: 'zone-b' } })]

  it('names the label the affinity term wanted and what the node has', () => {
    const p = pod('p', { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE, operator: 'In', values: ['zone-a'] }] }] } } } } })
    const inputs = explainCycle(nodes, [], p)
    expect(inputs.record.selectedNode).toBe('w-a')
    const b = explainNode(inputs, 'w-b')
    expect(b).toMatchObject({ verdict: 'rejected', rejectedBy: 'NodeAffinity' })
    const label = b.plugins.find((x) => x.plugin === 'NodeAffinity')?.constraints[0]
    expect(label).toEqual({ kind: 'label', source: 'requiredAffinity', key: ZONE, operator: 'In', values: ['zone-a'], nodeValue: 'zone-b', matches: false, term: 0 })
    expect(causes(b)).toEqual([`required node affinity term 0 wants ${ZONE} In [zone-a]: the node has ${ZONE}=zone-b (does not match)`])
    expect(explainNode(inputs, 'w-a').verdict).toBe('feasible')
  })

  it('nodeSelector: a missing label', () => {
    const inputs = explainCycle(nodes, [], pod('p', { spec: { nodeSelector: { disk: 'ssd' } } }))
    expect(causes(explainNode(inputs, 'w-b'))).toEqual(['nodeSelector disk=ssd: the node has no disk label (does not match)'])
  })

  it('preferred terms carry their weight and the NodeAffinity score', () => {
    const p = pod('p', { spec: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 7, preference: { matchExpressions: [{ key: 'disk', operator: 'Exists' }] } }] } } } })
    const inputs = explainCycle(nodes, [], p)
    const a = explainNode(inputs, 'w-a').plugins.find((x) => x.plugin === 'NodeAffinity')
    expect(a?.constraints).toEqual([{ kind: 'label', source: 'preferredAffinity', key: 'disk', operator: 'Exists', values: [], nodeValue: 'ssd', matches: true, term: 0, weight: 7 }])
    expect(a?.score).toEqual({ raw: 7, normalized: 100, weight: 2, final: 200 })
  })
})

describe('taint reasons', () => {
  it('names the taint and effect not tolerated, and the toleration that covers another', () => {
    const nodes = [
      node('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }, { key: 'gpu', value: 'yes', effect: 'NoExecute' }] }),
      node('w', {}),
    ]
    const p = pod('p', { spec: { tolerations: [{ key: 'gpu', operator: 'Equal', value: 'yes', effect: 'NoExecute' }] } })
    const inputs = explainCycle(nodes, [], p)
    const cp = explainNode(inputs, 'cp')
    expect(cp).toMatchObject({ verdict: 'rejected', rejectedBy: 'TaintToleration' })
    const taints = cp.plugins.find((x) => x.plugin === 'TaintToleration')?.constraints ?? []
    expect(taints.map((t) => (t.kind === 'taint' ? [t.taint.key, t.effect, t.tolerated] : null))).toEqual([
      ['node-role.kubernetes.io/control-plane', 'NoSchedule', false], ['gpu', 'NoExecute', true]])
    expect(cp.summary).toBe('rejected by TaintToleration: taint node-role.kubernetes.io/control-plane:NoSchedule is not tolerated')
    expect(constraintText(taints[1])).toBe('taint gpu=yes:NoExecute is tolerated (toleration gpu Equal NoExecute)')
  })
})

describe('inter-pod affinity reasons', () => {
  const nodes = [node('w-1', { labels: { [ZONE]: 'zone-a' } }), node('w-2', { labels: { [ZONE]: 'zone-a' } }), node('w-3', { labels: { [ZONE]: 'zone-b' } })]
  const antiWeb = { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: HOST, labelSelector: { matchLabels: { app: 'web' } } }] }

  it('anti-affinity names the conflicting pod', () => {
    const pods = [pod('web-0', { node: 'w-1', labels: { app: 'web' } })]
    const inputs = explainCycle(nodes, pods, pod('web-1', { labels: { app: 'web' }, spec: { affinity: { podAntiAffinity: antiWeb } } }))
    const w1 = explainNode(inputs, 'w-1')
    expect(w1).toMatchObject({ verdict: 'rejected', rejectedBy: 'InterPodAffinity' })
    const c = w1.plugins.find((x) => x.plugin === 'InterPodAffinity')?.constraints[0]
    expect(c).toMatchObject({ kind: 'interPod', term: 'antiAffinity', matchingPods: ['default/web-0'], satisfied: false, nodeDomain: 'w-1', selector: 'app=web' })
    expect(w1.summary).toBe(`rejected by InterPodAffinity: pod anti-affinity (${HOST}, selector app=web): conflicts in ${HOST}=w-1 with default/web-0`)
    expect(explainNode(inputs, 'w-2').verdict).toBe('feasible')
  })

  it("an existing pod's anti-affinity: the pod whose term rejects this one", () => {
    const pods = [pod('db-0', { node: 'w-3', labels: { app: 'db' }, spec: { affinity: { podAntiAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: ZONE, labelSelector: { matchLabels: { app: 'web' } } }] } } } })]
    const inputs = explainCycle(nodes, pods, pod('web-1', { labels: { app: 'web' } }))
    const w3 = explainNode(inputs, 'w-3')
    expect(w3.rejectedBy).toBe('InterPodAffinity')
    expect(causes(w3)).toEqual([`existing pod default/db-0 has required anti-affinity (${ZONE}, selector app=web) matching this pod in ${ZONE}=zone-b`])
  })

  it('affinity with no matching pod in the domain, and the first pod of a self-affine group', () => {
    const affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: ZONE, labelSelector: { matchLabels: { app: 'cache' } } }] } }
    const inputs = explainCycle(nodes, [pod('cache-0', { node: 'w-3', labels: { app: 'cache' } })], pod('p', { spec: { affinity } }))
    expect(inputs.record.selectedNode).toBe('w-3')
    expect(causes(explainNode(inputs, 'w-1'))).toEqual([`pod affinity (${ZONE}, selector app=cache): no matching pod in ${ZONE}=zone-a`])
    const first = explainCycle(nodes, [], pod('cache-1', { labels: { app: 'cache' }, spec: { affinity } }))
    expect(explainNode(first, 'w-1').plugins.find((x) => x.plugin === 'InterPodAffinity')?.constraints[0]).toMatchObject({ satisfied: true, selfAffine: true })
  })
})

describe('resource and port reasons', () => {
  it('request, allocated, allocatable and what is left, in milliCPU and bytes', () => {
    const nodes = [node('w-1', { cpu: '4', memory: '8Gi' })]
    const pods = [pod('busy', { node: 'w-1', requests: [{ cpu: '3500m', memory: '1Gi' }] })]
    const inputs = explainCycle(nodes, pods, pod('p', { requests: [{ cpu: '1', memory: '512Mi' }] }))
    const w1 = explainNode(inputs, 'w-1')
    expect(w1.rejectedBy).toBe('NodeResourcesFit')
    const cs = w1.plugins.find((x) => x.plugin === 'NodeResourcesFit')?.constraints ?? []
    expect(cs.find((c) => c.kind === 'resource' && c.resource === 'cpu')).toEqual({
      kind: 'resource', resource: 'cpu', requested: 1000, allocated: 3500, allocatable: 4000, free: 500, fits: false, unresolvable: false })
    expect(cs.find((c) => c.kind === 'resource' && c.resource === 'memory')).toMatchObject({ requested: 512 * 2 ** 20, allocated: 2 ** 30, free: 7 * 2 ** 30, fits: true })
    expect(causes(w1)).toEqual(['cpu: requested 1000m, allocated 3500m of 4000m, free 500m: does not fit'])
  })

  it('a host port names the pod holding it', () => {
    const withPort = (name: string, n?: string) => ({ ...pod(name, n ? { node: n } : {}),
      spec: { nodeName: n, containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, hostPort: 8080 }] }] } })
    const inputs = explainCycle([node('w-1')], [withPort('holder', 'w-1')], withPort('p'))
    const w1 = explainNode(inputs, 'w-1')
    expect(w1.rejectedBy).toBe('NodePorts')
    expect(causes(w1)).toEqual(['host port TCP 0.0.0.0:8080 is already used by default/holder'])
  })
})

describe('node verdicts the record holds', () => {
  it('a PreFilter node subset excludes the other nodes', () => {
    const p = pod('p', { spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['w-2'] }] }] } } } } })
    const inputs = explainCycle([node('w-1'), node('w-2')], [], p)
    expect(explainNode(inputs, 'w-1')).toMatchObject({ verdict: 'excluded', rejectedBy: 'NodeAffinity',
      summary: 'excluded at PreFilter: NodeAffinity limits the pod to other nodes' })
    expect(explainNode(inputs, 'w-2')).toMatchObject({ verdict: 'feasible', summary: 'selected: the only feasible node, chosen without scoring' })
  })

  it('nodes after numFeasibleNodesToFind feasible ones are not evaluated', () => {
    const nodes = Array.from({ length: 120 }, (_, i) => node(`n-${String(i).padStart(3, '0')}`))
    const inputs = explainCycle(nodes, [], pod('p'), { config: { percentageOfNodesToScore: 10 } })
    expect(inputs.record.numFeasibleNodesToFind).toBe(100)
    const verdicts = nodes.map((n) => explainNode(inputs, n.metadata?.name ?? '').verdict)
    expect(verdicts.filter((v) => v === 'feasible')).toHaveLength(100)
    expect(verdicts.filter((v) => v === 'notEvaluated')).toHaveLength(20)
    const skipped = nodes.map((n) => n.metadata?.name ?? '').find((n) => !inputs.record.filter[n]) ?? ''
    expect(explainNode(inputs, skipped).summary).toBe('not evaluated: 100 feasible node(s) were found before this one was reached')
    expect(explainNode(inputs, skipped).plugins.every((p) => p.verdict === 'notEvaluated')).toBe(true)
  })

  it('a feasible, scored node: each plugin raw, normalized, weight and final', () => {
    const inputs = explainCycle([node('w-1'), node('w-2', { cpu: '8' })], [], pod('p', { requests: [{ cpu: '1' }] }))
    const other = inputs.record.selectedNode === 'w-1' ? 'w-2' : 'w-1'
    const e = explainNode(inputs, other)
    expect(e.verdict).toBe('feasible')
    expect(e.summary).toMatch(/^feasible, total score \d+ \(w-\d has \d+\)$/)
    for (const p of e.plugins.filter((x) => x.score)) {
      expect(p.score?.final).toBe((p.score?.normalized ?? 0) * (p.score?.weight ?? 0))
    }
  })
})
