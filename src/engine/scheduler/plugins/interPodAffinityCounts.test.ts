import { describe, expect, it } from 'vitest'
import type { Pod } from '../../api/types.ts'
import { Rng } from '../../sim/rng.ts'
import { cluster, node, pod } from '../testing.ts'
import { PodInfo } from '../framework/types.ts'
import { AffinityCounter } from './interPodAffinityCounts.ts'
import type { Counts } from './interPodAffinityCounts.ts'

const plain = (c: Counts) => Object.fromEntries([...c].map(([k, m]) => [k, Object.fromEntries([...m].sort())]))

function antiPod(name: string, app: string, key: string): Pod {
  return pod(name, {
    labels: { app },
    spec: { affinity: {
      podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app } }, topologyKey: key }] },
      podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'zone' }] },
    } },
  })
}

describe('AffinityCounter remembered counts', () => {
  it('equal a fresh count after every placement and removal (the fresh count runs on a copy of the node list)', () => {
    const nodes = Array.from({ length: 12 }, (_, i) => node(`n${i}`, { labels: { zone: `z${i % 3}` } }))
    const c = cluster(nodes)
    const counter = new AffinityCounter(c.core)
    const fresh = new AffinityCounter(c.core)
    const rng = new Rng(5)
    const placed: PodInfo[] = []
    for (let i = 0; i < 200; i++) {
      if (placed.length > 0 && rng.int(4) === 0) {
        const gone = placed.splice(rng.int(placed.length), 1)[0]
        c.core.cache.removePod(gone.key)
      } else {
        const app = ['web', 'db', 'cache'][rng.int(3)]
        const p = new PodInfo(antiPod(`p${i}`, app, rng.int(2) === 0 ? 'zone' : 'kubernetes.io/hostname'))
        c.core.cache.assumePod(p, `n${rng.int(12)}`)
        placed.push(p)
      }
      const incoming = new PodInfo(antiPod(`in${i}`, ['web', 'db'][i % 2], 'kubernetes.io/hostname'))
      const all = c.core.nodeInfos()
      const got = counter.existingCounts(incoming, all)
      const want = fresh.existingCounts(incoming, [...all])
      expect(plain(got.counts)).toEqual(plain(want.counts))
      const gotIn = counter.incomingCounts(incoming, all)
      const wantIn = fresh.incomingCounts(incoming, [...all])
      expect([plain(gotIn.affinity), plain(gotIn.anti)]).toEqual([plain(wantIn.affinity), plain(wantIn.anti)])
      if (i > 0) expect(got.shared && gotIn.shared).toBe(true)
    }
  })
})
