import type { KObject } from '../api/types.ts'
import { copyOf, withKey } from '../api/copy.ts'
import type { EngineContext } from '../context.ts'
import { latency } from '../context.ts'
import type { ObjectChange } from '../events.ts'
import type { Compare, EtcdWatchEvent, KV, Op, TxnResult } from './store.ts'
import { EtcdStore } from './store.ts'
import type { WritePurpose } from './traceTypes.ts'

/** TxnNote says, for the trace, which request a transaction serves and why it writes. */
export interface TxnNote {
  pod?: string
  requestId?: number
  purpose: WritePurpose
}

/**
 * Etcd is the etcd member as the kube-apiserver sees it: transactions over the network with a commit
 * latency, each one a step in the etcd lane carrying the change it made. Every write stamps the new
 * revision into metadata.resourceVersion, as the apiserver's etcd3 storage does on read-back.
 */
export class Etcd {
  readonly store = new EtcdStore()
  private readonly ctx: EngineContext

  constructor(ctx: EngineContext) {
    this.ctx = ctx
  }

  /** txn commits after the write latency and calls cb with the result (and the changes). */
  txn(compares: Compare[], ops: Op[], cb: (r: TxnResult) => void, note: TxnNote): void {
    const { sim, trace } = this.ctx
    const half = latency(this.ctx, 'etcdWrite') / 2
    trace.emit({
      type: 'etcd:Txn', lane: 'kube-apiserver', from: 'kube-apiserver', to: 'etcd', arrive: sim.now() + half,
      pod: note.pod, requestId: note.requestId, outcome: 'info',
      details: { phase: 'request', compares, ops: ops.map((o) => ({ type: o.type, key: o.key })), purpose: note.purpose },
    })
    sim.after(half, () => {
      const result = this.store.txn(compares, ops, stampResourceVersion)
      for (const e of result.events) {
        trace.emit({
          type: 'etcd:Txn', lane: 'etcd', from: 'etcd', to: 'kube-apiserver', arrive: sim.now() + half,
          pod: note.pod, requestId: note.requestId, outcome: 'ok',
          details: {
            phase: 'commit', op: e.type, key: e.kv.key, revision: e.revision, createRevision: e.kv.createRevision,
            version: e.kv.version, purpose: note.purpose,
          },
          change: toChange(e),
        })
      }
      if (!result.succeeded) {
        trace.emit({
          type: 'etcd:Txn', lane: 'etcd', from: 'etcd', to: 'kube-apiserver', arrive: sim.now() + half,
          pod: note.pod, requestId: note.requestId, outcome: 'warning',
          details: { phase: 'conflict', compares, revision: result.revision, purpose: note.purpose },
        })
      }
      sim.after(half, () => cb(result))
    })
  }

  /** get reads one key (linearizable read, no trace step: reads are served from the watch cache). */
  get(key: string): KV | undefined {
    return this.store.get(key)
  }

  range(prefix: string): KV[] {
    return this.store.range(prefix)
  }

  /** bucketRevision is the revision of the last write under one resource's prefix (EtcdStore.bucketRevision). */
  bucketRevision(bucket: string): number {
    return this.store.bucketRevision(bucket)
  }

  /** watch streams every committed write under prefix (the apiserver's watch cache feeds on it). */
  watch(prefix: string, cb: (e: EtcdWatchEvent) => void): () => void {
    return this.store.watch(prefix, cb)
  }

  /** seed writes objects at start-up, before the story begins (no trace steps). */
  seed(entries: { key: string; value: KObject }[]): void {
    for (const { key, value } of entries) this.store.txn([], [{ type: 'put', key, value }], stampResourceVersion)
  }
}

function stampResourceVersion(value: KObject, revision: number): KObject {
  // Hot (every write): copies, not spreads, as a new object's metadata lacks the key (see copyOf); `{ ...value,
  // metadata }` was ~0.4% of the engine bench alone (see withKey).
  const metadata = copyOf(value.metadata)
  metadata.resourceVersion = String(revision)
  return withKey(value, 'metadata', metadata)
}

function toChange(e: EtcdWatchEvent): ObjectChange {
  const obj = e.type === 'DELETE' ? e.prevKv?.value : e.kv.value
  const meta = obj?.metadata ?? {}
  const change: ObjectChange = {
    key: e.kv.key,
    type: e.type === 'DELETE' ? 'DELETED' : e.prevKv ? 'MODIFIED' : 'ADDED',
    revision: e.revision,
    kind: obj?.kind ?? '',
    name: meta.name ?? '',
  }
  if (meta.namespace) change.namespace = meta.namespace
  if (e.prevKv) change.before = e.prevKv.value
  if (e.type !== 'DELETE') change.after = e.kv.value
  return change
}
