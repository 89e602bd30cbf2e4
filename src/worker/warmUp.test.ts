import { describe, expect, it } from 'vitest'
import { WARM_UP_PODS, warmUp, warmUpManifest } from './warmUp.ts'
import { createSimulation } from '../engine/index.ts'
import { loadCluster } from '../engine/cluster/index.ts'
import { presetText } from '../protocol/clusters.ts'

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: c, image: nginx:1.27}]\n'

function trace(preset: string): string {
  const cluster = loadCluster(presetText(preset), 'cluster.yaml')
  if ('error' in cluster) throw new Error(cluster.error)
  const sim = createSimulation({ cluster, seed: 3 })
  sim.apply({ files: [{ name: 'pod.yaml', text: POD }] })
  sim.run()
  return JSON.stringify(sim.trace)
}

describe('the warm-up', () => {
  it('leaves the next run\'s trace as it would have been', async () => {
    const before = [trace('default'), trace('two-nodes')]
    expect(await warmUp(async () => {}, () => false)).toBe(true)
    expect([trace('default'), trace('two-nodes')]).toEqual(before)
  })

  it('runs its pods to Running', () => {
    const cluster = loadCluster(presetText('default'), 'cluster.yaml')
    if ('error' in cluster) throw new Error(cluster.error)
    const sim = createSimulation({ cluster, seed: 1 })
    sim.apply({ files: [{ name: 'pod.yaml', text: warmUpManifest(WARM_UP_PODS) }] })
    sim.run()
    expect(sim.pods().filter((p) => p.status?.phase === 'Running')).toHaveLength(WARM_UP_PODS)
  })

  it('stops between slices when asked, without finishing', async () => {
    let slices = 0
    const done = await warmUp(async () => { slices++ }, () => slices >= 2)
    expect(done).toBe(false)
    expect(slices).toBe(2)
  })
})
