/**
 * The watch cache: fed by etcd's watch on /registry/, it fans every committed change out to the watchers whose
 * path, field and label selectors match — an object that stops matching arrives as DELETED, one that starts
 * matching as ADDED, as the real cacher does (staging/src/k8s.io/apiserver/pkg/storage/cacher/cacher.go).
 *
 * Watchers whose field selector pins `spec.nodeName` or `metadata.name` to one value (every kubelet's two watches)
 * are indexed by that value, as the cacher's IndexerFuncs for pods' spec.nodeName do: a write is only evaluated
 * against the watchers indexed under its before/after values, plus the unindexed ones. Candidates are visited in
 * the order the watchers were added, so notifications are scheduled in the same order as a full scan would.
 */
import type { KObject } from '../api/types.ts'
import { podKey } from '../api/podKey.ts'
import type { WatchEvent, WatchSink } from '../client/http.ts'
import type { NotifyCause } from '../client/traceTypes.ts'
import type { EngineContext } from '../context.ts'
import { latency } from '../context.ts'
import type { TraceDetailsMap } from '../events.ts'
import type { EtcdWatchEvent } from '../etcd/store.ts'
import { fieldValue, matchesFields, matchesLabelString, parseFieldSelector } from './selectors.ts'

export interface Watcher {
  id: number
  prefix: string
  kind: string
  fields: ReturnType<typeof parseFieldSelector>
  labels: string | undefined
  sink: WatchSink
  path: string
}

/** The fields a watcher can be indexed by: the selectors kubelets use, one per node. */
export const INDEXED_FIELDS = ['spec.nodeName', 'metadata.name'] as const
type IndexedField = (typeof INDEXED_FIELDS)[number]

interface Entry {
  /** seq is the order of add(): candidates are notified in it, as the full scan did. */
  seq: number
  w: Watcher
}

export class WatchCache {
  private readonly unindexed: Entry[] = []
  /**
   * The unindexed watchers by their prefix's resource (/registry/pods/): a write is only looked at by those of its
   * key's resource. `wide` counts the ones whose prefix names no resource (all of `unindexed` are candidates then).
   */
  private readonly unindexedByResource = new Map<string, Entry[]>()
  private wide = 0
  private readonly index = new Map<IndexedField, Map<string, Entry[]>>(INDEXED_FIELDS.map((f) => [f, new Map()]))
  private seq = 0
  private readonly ctx: EngineContext
  /** evaluations counts watcher-against-write checks in onEtcdEvent (tests count work instead of timing it). */
  evaluations = 0

  constructor(ctx: EngineContext) {
    this.ctx = ctx
  }

  add(w: Watcher): void {
    const entry = { seq: this.seq++, w }
    const key = indexKey(w)
    if (!key) {
      this.unindexed.push(entry)
      const resource = resourceOf(w.prefix)
      if (resource === undefined) this.wide++
      else {
        const list = this.unindexedByResource.get(resource)
        if (list) list.push(entry)
        else this.unindexedByResource.set(resource, [entry])
      }
      return
    }
    const byValue = this.index.get(key.field)
    const list = byValue?.get(key.value)
    if (list) list.push(entry)
    else byValue?.set(key.value, [entry])
  }

  matches(w: Watcher, obj: KObject | undefined): boolean {
    return !!obj && matchesFields(obj, w.fields) && matchesLabelString(obj, w.labels)
  }

  /** candidates lists, in add() order, the watchers that can match the object before or after the write. */
  private candidates(key: string, before: KObject | undefined, after: KObject | undefined): Entry[] {
    // A watcher of another resource would be skipped for its prefix: only the key's resource's are candidates.
    const resource = this.wide ? undefined : resourceOf(key)
    const unindexed = resource === undefined ? this.unindexed : (this.unindexedByResource.get(resource) ?? NONE)
    const lists: Entry[][] = [unindexed]
    for (const field of INDEXED_FIELDS) {
      const byValue = this.index.get(field)
      if (!byValue?.size) continue
      const was = before ? fieldValue(before, field) : undefined
      const is = after ? fieldValue(after, field) : undefined
      const a = was === undefined ? undefined : byValue.get(was)
      if (a) lists.push(a)
      const b = is === undefined || is === was ? undefined : byValue.get(is)
      if (b) lists.push(b)
    }
    if (lists.length === 1) return unindexed
    if (lists.length === 2 && unindexed.length === 0) return lists[1]
    // Hot (every pod write: the unindexed watchers and its node's kubelet): each list is in seq order already.
    if (lists.length === 2) return mergeBySeq(lists[0], lists[1])
    return lists.flat().sort((a, b) => a.seq - b.seq)
  }

  /** onEtcdEvent turns one committed write into watch notifications. */
  onEtcdEvent(e: EtcdWatchEvent): void {
    const before = e.prevKv?.value
    const after = e.type === 'PUT' ? e.kv.value : undefined
    for (const { w } of this.candidates(e.kv.key, before, after)) {
      if (!e.kv.key.startsWith(w.prefix)) continue
      this.evaluations++
      const was = this.matches(w, before)
      const is = this.matches(w, after)
      let type: NotifyType | undefined
      if (is) type = was ? 'MODIFIED' : 'ADDED'
      else if (was) type = 'DELETED'
      if (!type) continue
      const object = (type === 'DELETED' ? (after ?? before) : after) as KObject
      this.deliver(w, { type, object }, e.revision, causeOf(type, !!before, !!after))
    }
  }

  /** deliver sends one notification after the dispatch latency, as a watch:Notify step. */
  deliver(w: Watcher, ev: WatchEvent & { type: NotifyType }, revision: number, cause: NotifyCause): void {
    const { sim, trace } = this.ctx
    sim.after(latency(this.ctx, 'watchDispatch'), () => {
      const m = ev.object.metadata ?? {}
      if (w.sink.traced && !w.sink.traced(ev)) return w.sink.onEvent(ev)
      // Hot (one per notification): two literals rather than a spread of the optional namespace (same key order).
      const { path: watch, kind } = w
      const { type } = ev
      const name = m.name ?? ''
      const subscriber = w.sink.subscriber
      const resourceVersion = m.resourceVersion
      const details: TraceDetailsMap['watch:Notify'] = m.namespace
        ? { watch, type, revision, resourceVersion, cause, kind, name, namespace: m.namespace, subscriber }
        : { watch, type, revision, resourceVersion, cause, kind, name, subscriber }
      trace.emit({
        type: 'watch:Notify', lane: 'kube-apiserver', from: 'kube-apiserver', to: w.sink.subscriber, arrive: sim.now() + latency(this.ctx, 'network'),
        node: w.sink.node, pod: w.kind === 'Pod' ? podKey(m.namespace, m.name) : undefined, outcome: 'info', details,
      })
      w.sink.onEvent(ev)
    })
  }
}

const NONE: Entry[] = []

/**
 * resourceOf: the resource part of a key or a watch prefix (/registry/pods/ns/name → /registry/pods/), undefined
 * when there is none (/registry/). A key under a prefix has the prefix's resource.
 */
function resourceOf(key: string): string | undefined {
  const i = key.indexOf('/', key.indexOf('/', 1) + 1)
  return i < 0 ? undefined : key.slice(0, i + 1)
}

/** mergeBySeq merges two lists in seq order into one, as flat().sort() by seq would (seqs are unique). */
function mergeBySeq(a: Entry[], b: Entry[]): Entry[] {
  const out: Entry[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) out.push(a[i].seq < b[j].seq ? a[i++] : b[j++])
  while (i < a.length) out.push(a[i++])
  while (j < b.length) out.push(b[j++])
  return out
}

/**
 * indexKey picks the equality requirement a watcher is indexed by: an object whose field has another value can
 * never match it, so the watcher need not be looked at for that write.
 */
export function indexKey(w: Watcher): { field: IndexedField; value: string } | undefined {
  for (const field of INDEXED_FIELDS) {
    const req = w.fields.find((r) => r.field === field && r.op === '=')
    if (req) return { field, value: req.value }
  }
  return undefined
}

/** The watch event types a change can produce (BOOKMARK and ERROR are not sent by the cache here). */
export type NotifyType = 'ADDED' | 'MODIFIED' | 'DELETED'

/** causeOf tells a selector transition (an update that makes an object start or stop matching) from a plain change. */
function causeOf(type: NotifyType, existed: boolean, exists: boolean): NotifyCause {
  if (type === 'MODIFIED') return 'updated'
  if (type === 'ADDED') return existed ? 'entered-selector' : 'created'
  return exists ? 'left-selector' : 'deleted'
}
