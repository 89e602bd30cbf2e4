/**
 * The watch cache's field index (issue #18): a write is evaluated only against the watchers its spec.nodeName /
 * metadata.name can match, and notifies exactly the watchers, in exactly the order, that a full scan would.
 */
import { describe, expect, it } from 'vitest'
import type { KObject } from '../api/types.ts'
import type { WatchEvent } from '../client/http.ts'
import { loadCluster } from '../cluster/index.ts'
import type { EtcdWatchEvent } from '../etcd/store.ts'
import { createSimulation } from '../index.ts'
import { parseFieldSelector } from './selectors.ts'
import { WatchCache } from './watchCache.ts'
import type { Watcher } from './watchCache.ts'

const N = 1000

function setup() {
  const cluster = loadCluster(undefined, 'default')
  if ('error' in cluster) throw new Error(cluster.error)
  const sim = createSimulation({ cluster, seed: 1 })
  const cache = new WatchCache(sim.ctx)
  const got: string[] = []
  const watchers: Watcher[] = []
  const add = (id: string, prefix: string, fieldSelector: string, labels?: string) => {
    const w: Watcher = {
      id: watchers.length + 1, prefix, kind: prefix.includes('pods') ? 'Pod' : 'Node', labels, path: id,
      fields: parseFieldSelector(fieldSelector),
      sink: { subscriber: 'kubelet', onEvent: (e: WatchEvent) => got.push(`${id} ${e.type}`), onError: () => {} },
    }
    watchers.push(w)
    cache.add(w)
  }
  // Watchers in the order a cluster starts them: the scheduler's, then two per kubelet, and a label watch.
  add('scheduler-pods', '/registry/pods/', 'status.phase!=Succeeded,status.phase!=Failed')
  add('scheduler-nodes', '/registry/minions/', '')
  for (let i = 0; i < N; i++) {
    add(`kubelet-${i}-node`, '/registry/minions/', `metadata.name=node-${i}`)
    add(`kubelet-${i}-pods`, '/registry/pods/', `spec.nodeName=node-${i}`)
  }
  add('web-pods', '/registry/pods/default/', 'metadata.name=web', 'app=web')
  add('unassigned', '/registry/pods/', 'spec.nodeName=')
  return { sim, cache, got, watchers }
}

const podAt = (node: string | undefined, phase = 'Pending', name = 'web'): KObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { app: 'web' } },
  spec: { ...(node ? { nodeName: node } : {}), containers: [] }, status: { phase },
}) as KObject

const kv = (key: string, value: KObject, rev: number) =>
  ({ key, value, createRevision: 1, modRevision: rev, version: 1 })

/** The writes of one pod's life: created, bound to node-7, Running, moved (as a recreate would), deleted. */
function writes(): EtcdWatchEvent[] {
  const key = '/registry/pods/default/web'
  const states = [undefined, podAt(undefined), podAt('node-7'), podAt('node-7', 'Running'), podAt('node-9', 'Running')]
  const out: EtcdWatchEvent[] = []
  for (let i = 1; i < states.length; i++) {
    const prev = states[i - 1]
    const prevKv = prev ? { prevKv: kv(key, prev, i + 9) } : {}
    out.push({ type: 'PUT', kv: kv(key, states[i] as KObject, i + 10), ...prevKv, revision: i + 10 })
  }
  const last = states.at(-1) as KObject
  out.push({ type: 'DELETE', kv: kv(key, last, 20), prevKv: kv(key, last, 14), revision: 20 })
  const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-3' } } as KObject
  const nodeKey = '/registry/minions/node-3'
  out.push({ type: 'PUT', kv: kv(nodeKey, node, 21), prevKv: kv(nodeKey, node, 2), revision: 21 })
  return out
}

/** fullScan is the cache before the index: every watcher, in order, against every write. */
function fullScan(cache: WatchCache, watchers: Watcher[], e: EtcdWatchEvent): string[] {
  const out: string[] = []
  for (const w of watchers) {
    if (!e.kv.key.startsWith(w.prefix)) continue
    const was = cache.matches(w, e.prevKv?.value)
    const is = cache.matches(w, e.type === 'PUT' ? e.kv.value : undefined)
    if (is) out.push(`${w.path} ${was ? 'MODIFIED' : 'ADDED'}`)
    else if (was) out.push(`${w.path} DELETED`)
  }
  return out
}

describe('the watch cache with one watch per kubelet on spec.nodeName and metadata.name', () => {
  it(`notifies the same watchers in the same order as a full scan, with ${N} kubelets`, () => {
    const { sim, cache, got, watchers } = setup()
    const expected: string[] = []
    for (const e of writes()) {
      expected.push(...fullScan(cache, watchers, e))
      cache.onEtcdEvent(e)
    }
    sim.run(sim.nowMs() + 60_000)
    expect(got).toEqual(expected)
    expect(got).toContain('kubelet-7-pods ADDED')
    expect(got).toContain('kubelet-7-pods DELETED')
    expect(got).toContain('kubelet-9-pods ADDED')
    expect(got).toContain('kubelet-3-node MODIFIED')
    expect(got).toContain('unassigned DELETED')
  })
  it('evaluates a pod write against a handful of watchers, not one per kubelet', () => {
    const { cache } = setup()
    const [create, bind] = writes()
    cache.onEtcdEvent(create)
    // The scheduler's pod watch, the unassigned-pods watch and the web-pods watch (the index under name "web").
    expect(cache.evaluations).toBe(3)
    cache.evaluations = 0
    cache.onEtcdEvent(bind)
    // Plus node-7's kubelet: its pod watch matches the new nodeName.
    expect(cache.evaluations).toBe(4)
  })
  it('evaluates a node write against its own kubelet and the unindexed node watches only', () => {
    const { cache } = setup()
    cache.onEtcdEvent(writes().at(-1) as EtcdWatchEvent)
    expect(cache.evaluations).toBe(2)
  })
})
