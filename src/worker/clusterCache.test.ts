import { describe, expect, it } from 'vitest'
import { loadClusterOnce, loadClusterShared } from './clusterCache.ts'
import { createSimulation } from '../engine/index.ts'
import { presetText } from '../protocol/clusters.ts'

const deepFreeze = (o: unknown): void => {
  if (o === null || typeof o !== 'object' || Object.isFrozen(o)) return
  Object.freeze(o)
  for (const v of Object.values(o)) deepFreeze(v)
}

describe('loadClusterOnce', () => {
  it('parses a text once and again only when it changes', () => {
    const a = loadClusterOnce(presetText('two-nodes'))
    expect(loadClusterOnce(presetText('two-nodes'))).toBe(a)
    const b = loadClusterOnce(presetText('zones'))
    expect(b).not.toBe(a)
    expect(loadClusterOnce(presetText('two-nodes'))).not.toBe(a)
  })

  it('keeps a broken file\'s error, with where it is', () => {
    const r = loadClusterOnce('apiVersion: v1\nkind: Node\nmetadata: {name: [}\n')
    expect('error' in r && r.error).toMatch(/cluster\.yaml/)
  })

  it('hands out a cluster that simulations only read (a frozen one runs the same)', () => {
    const text = presetText('default')
    const cluster = loadClusterOnce(text)
    if ('error' in cluster) throw new Error(cluster.error)
    deepFreeze(cluster)
    const run = () => {
      const sim = createSimulation({ cluster, seed: 3 })
      sim.start()
      sim.apply({ files: [{ name: 'pod.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx:1.27}]\n' }] })
      sim.run()
      return JSON.stringify(sim.trace)
    }
    // Modules are strict: a write into the frozen cluster would throw here.
    expect(run()).toBe(run())
  })

  it('shares the kept cluster with a what-if of the same text, and parses an edited one without replacing it', () => {
    const kept = loadClusterOnce(presetText('two-nodes'))
    expect(loadClusterShared(presetText('two-nodes'))).toBe(kept)
    const edited = loadClusterShared(presetText('zones'))
    expect(edited).not.toBe(kept)
    expect(loadClusterOnce(presetText('two-nodes'))).toBe(kept)
  })
})
