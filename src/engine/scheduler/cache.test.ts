/** The cache's node order is upstream's nodeTree: zones in order of appearance, nodes taken round-robin across zones. */
import { describe, expect, it } from 'vitest'
import { SchedulerCache } from './cache.ts'
import { node, pod } from './testing.ts'

describe('SchedulerCache', () => {
  it('lists nodes zone by zone, round-robin', () => {
    const c = new SchedulerCache()
    const z = (name: string, zone: string) => node(name, { labels: { 'topology.kubernetes.io/zone': zone } })
    for (const n of [z('a1', 'a'), z('a2', 'a'), z('a3', 'a'), z('b1', 'b'), z('c1', 'c'), z('c2', 'c')]) c.addNode(n)
    expect(c.nodeInfos().map((n) => n.name)).toEqual(['a1', 'b1', 'c1', 'a2', 'c2', 'a3'])
  })

  it('assumes a pod on a node, then confirms or forgets it', () => {
    const c = new SchedulerCache()
    c.addNode(node('n', { cpu: '2' }))
    const p = pod('p', { requests: [{ cpu: '500m' }] })
    c.addPod({ ...p, spec: { ...p.spec, nodeName: 'n' } } as typeof p)
    expect(c.nodeInfo('n')?.requested.milliCPU).toBe(500)
    c.removePod('default/p')
    expect(c.nodeInfo('n')?.requested.milliCPU).toBe(0)
    expect(c.nodeInfo('n')?.pods).toHaveLength(0)
  })

  it('shares image states: the spread counts every node that reports the name', () => {
    const c = new SchedulerCache()
    const img = { names: ['docker.io/library/nginx:1.27'], sizeBytes: 100 }
    c.addNode(node('a', { images: [img] }))
    c.addNode(node('b', { images: [img] }))
    c.addNode(node('c'))
    expect(c.nodeInfo('a')?.imageStates.get('docker.io/library/nginx:1.27')?.nodes.size).toBe(2)
    c.removeNode('b')
    expect(c.nodeInfo('a')?.imageStates.get('docker.io/library/nginx:1.27')?.nodes.size).toBe(1)
  })
})
