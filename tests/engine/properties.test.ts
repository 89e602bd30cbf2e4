import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cpuMilli, bytes } from '../../src/engine/api/quantity.ts'
import { applyAndRun } from './helpers.ts'
import { clusterYaml, nodeArb, podArb, podsYaml } from './arbitraries.ts'

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
