import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cpuMilli, bytes } from '../../src/engine/api/quantity.ts'
import { applyAndRun } from './helpers.ts'

const nodeArb = fc.record({
  cpu: fc.constantFrom('1', '2', '4', '500m'),
  memory: fc.constantFrom('512Mi', '1Gi', '4Gi'),
  pods: fc.integer({ min: 1, max: 5 }),
  tainted: fc.boolean(),
})
const podArb = fc.record({
  cpu: fc.constantFrom(undefined, '100m', '250m', '1', '3'),
  memory: fc.constantFrom(undefined, '64Mi', '300Mi', '2Gi'),
  image: fc.constantFrom('nginx:1.27', 'busybox:1.36', 'redis:7.4', 'nginx:9.9', 'nosuch/image:1'),
  pin: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
})

function clusterYaml(nodes: { cpu: string; memory: string; pods: number; tainted: boolean }[]): string {
  return nodes.map((n, i) => `apiVersion: v1
kind: Node
metadata: {name: n${i}}
spec:
  podCIDR: 10.244.${i}.0/24
${n.tainted ? '  taints: [{key: dedicated, value: x, effect: NoSchedule}]\n' : ''}status:
  capacity: {cpu: "${n.cpu}", memory: ${n.memory}, pods: "${n.pods}"}
  allocatable: {cpu: "${n.cpu}", memory: ${n.memory}, pods: "${n.pods}"}`).join('\n---\n')
}

function podsYaml(pods: { cpu?: string; memory?: string; image: string; pin?: number }[], nodeCount: number): string {
  return pods.map((p, i) => {
    const req = [p.cpu ? `cpu: "${p.cpu}"` : '', p.memory ? `memory: ${p.memory}` : ''].filter(Boolean).join(', ')
    return `apiVersion: v1
kind: Pod
metadata: {name: p${i}}
spec:
${p.pin !== undefined ? `  nodeName: n${p.pin % nodeCount}\n` : ''}  containers:
  - name: c
    image: ${p.image}
${req ? `    resources: {requests: {${req}}}\n` : ''}`
  }).join('---\n')
}

describe('properties over random clusters and pods', () => {
  it('no exception, increasing resourceVersions, no pod bound twice, no node overcommitted', () => {
    fc.assert(fc.property(fc.array(nodeArb, { minLength: 1, maxLength: 4 }), fc.array(podArb, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 1000 }), (nodes, pods, seed) => {
      const sim = applyAndRun({ clusterText: clusterYaml(nodes), manifests: podsYaml(pods, nodes.length), seed, untilMs: 60_000 })
      const revs = sim.trace.filter((e) => e.change).map((e) => e.change?.revision as number)
      for (let i = 1; i < revs.length; i++) expect(revs[i]).toBeGreaterThan(revs[i - 1])
      // A pod's node never changes once set, and only one binding succeeds per pod.
      const nodeOf = new Map<string, string>()
      for (const e of sim.trace) {
        const after = e.change?.after as { kind?: string; metadata?: { uid?: string }; spec?: { nodeName?: string } } | undefined
        if (after?.kind !== 'Pod' || !after.spec?.nodeName) continue
        const uid = after.metadata?.uid as string
        if (nodeOf.has(uid)) expect(after.spec.nodeName).toBe(nodeOf.get(uid))
        nodeOf.set(uid, after.spec.nodeName)
      }
      const binds = sim.trace.filter((e) => e.type === 'scheduler:Bind').map((e) => e.pod)
      expect(new Set(binds).size).toBe(binds.length)
      // Admitted pods never exceed a node's allocatable.
      for (const n of sim.nodes()) {
        const live = sim.pods().filter((p) => p.spec?.nodeName === n.metadata?.name && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded')
        const cpu = live.reduce((a, p) => a + p.spec!.containers.reduce((b, c) => b + cpuMilli(c.resources?.requests?.cpu), 0), 0)
        const mem = live.reduce((a, p) => a + p.spec!.containers.reduce((b, c) => b + bytes(c.resources?.requests?.memory), 0), 0)
        expect(cpu).toBeLessThanOrEqual(cpuMilli(n.status?.allocatable?.cpu))
        expect(mem).toBeLessThanOrEqual(bytes(n.status?.allocatable?.memory))
        expect(live.length).toBeLessThanOrEqual(bytes(n.status?.allocatable?.pods))
      }
    }), { numRuns: 40, seed: 20261122 })
  })
})
