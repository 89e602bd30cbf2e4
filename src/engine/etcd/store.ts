import type { KObject } from '../api/types.ts'

/** KV is one stored key as etcd reports it. */
export interface KV {
  key: string
  value: KObject
  createRevision: number
  modRevision: number
  version: number
}

export type EtcdEventType = 'PUT' | 'DELETE'

/** EtcdWatchEvent is what a watcher receives for each write under its prefix. */
export interface EtcdWatchEvent {
  type: EtcdEventType
  kv: KV
  prevKv?: KV
  revision: number
}

/** Compare is a txn guard: the key's modRevision must equal `modRevision` (0 = must not exist). */
export interface Compare {
  key: string
  modRevision: number
}

export type Op = { type: 'put'; key: string; value: KObject } | { type: 'delete'; key: string }

export interface TxnResult {
  succeeded: boolean
  revision: number
  events: EtcdWatchEvent[]
}

/** bucketOf: the resource part of a key (/registry/pods/ns/name → /registry/pods/), for cheap range reads. */
function bucketOf(key: string): string {
  const i = key.indexOf('/', key.indexOf('/', 1) + 1)
  return i < 0 ? key : key.slice(0, i + 1)
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Bucket: one resource's keys, their order (kept until a key is added or removed) and its last write's revision. */
interface Bucket {
  kvs: Map<string, KV>
  sorted: string[] | undefined
  revision: number
}

/**
 * EtcdStore is a revisioned key/value store with etcd's semantics: one global revision that every
 * successful write transaction bumps by one; each key keeps createRevision, modRevision and version;
 * watchers on a prefix receive every later write in revision order. It is pure data: the etcd
 * component wraps it with latency and trace events.
 */
export class EtcdStore {
  private data = new Map<string, KV>()
  private buckets = new Map<string, Bucket>()
  private rev = 1
  private watchers: { prefix: string; cb: (e: EtcdWatchEvent) => void }[] = []

  /** revision returns the current store revision. */
  revision(): number {
    return this.rev
  }

  /**
   * bucketRevision is the revision of the last write under a resource's prefix (/registry/clusterroles/), 0 if none:
   * state derived from one resource (the authorizer's decisions from RBAC) is current while it is unchanged.
   */
  bucketRevision(bucket: string): number {
    return this.buckets.get(bucket)?.revision ?? 0
  }

  get(key: string): KV | undefined {
    return this.data.get(key)
  }

  /** range returns the keys under prefix in key order. */
  range(prefix: string): KV[] {
    const out: KV[] = []
    const b = bucketOf(prefix)
    if (prefix.startsWith(b) && b.endsWith('/') && b.split('/').length === 4) {
      // A resource's keys in order are kept until one is added or removed: the authorizer lists the RBAC
      // bindings on every request, and an update (most writes) leaves the order as it was.
      const bucket = this.buckets.get(b)
      if (!bucket) return out
      const keys = bucket.sorted ?? (bucket.sorted = [...bucket.kvs.keys()].sort(byKey))
      for (const k of keys) if (k.startsWith(prefix)) out.push(bucket.kvs.get(k) as KV)
      return out
    }
    for (const kv of this.data.values()) if (kv.key.startsWith(prefix)) out.push(kv)
    out.sort((a, b) => byKey(a.key, b.key))
    return out
  }

  /** txn applies ops atomically when every compare holds; the whole txn takes one revision. */
  txn(compares: Compare[], ops: Op[], stamp?: (value: KObject, revision: number) => KObject): TxnResult {
    for (const c of compares) {
      const cur = this.data.get(c.key)
      if ((cur?.modRevision ?? 0) !== c.modRevision) return { succeeded: false, revision: this.rev, events: [] }
    }
    if (ops.length === 0) return { succeeded: true, revision: this.rev, events: [] }
    const revision = ++this.rev
    const events: EtcdWatchEvent[] = []
    for (const op of ops) {
      const prev = this.data.get(op.key)
      if (op.type === 'put') {
        const value = stamp ? stamp(op.value, revision) : op.value
        const kv: KV = {
          key: op.key,
          value,
          createRevision: prev?.createRevision ?? revision,
          modRevision: revision,
          version: (prev?.version ?? 0) + 1,
        }
        this.data.set(op.key, kv)
        const bucket = this.bucket(op.key)
        if (!prev) bucket.sorted = undefined
        bucket.kvs.set(op.key, kv)
        bucket.revision = revision
        events.push({ type: 'PUT', kv, prevKv: prev, revision })
      } else if (prev) {
        this.data.delete(op.key)
        const bucket = this.bucket(op.key)
        bucket.sorted = undefined
        bucket.kvs.delete(op.key)
        bucket.revision = revision
        events.push({ type: 'DELETE', kv: { ...prev, modRevision: revision }, prevKv: prev, revision })
      }
    }
    for (const e of events) for (const w of this.watchers) if (e.kv.key.startsWith(w.prefix)) w.cb(e)
    return { succeeded: true, revision, events }
  }

  private bucket(key: string): Bucket {
    const b = bucketOf(key)
    let bucket = this.buckets.get(b)
    if (!bucket) this.buckets.set(b, (bucket = { kvs: new Map(), sorted: undefined, revision: 0 }))
    return bucket
  }

  /** watch calls cb for every later write under prefix; the returned function cancels it. */
  watch(prefix: string, cb: (e: EtcdWatchEvent) => void): () => void {
    const w = { prefix, cb }
    this.watchers.push(w)
    return () => {
      this.watchers = this.watchers.filter((x) => x !== w)
    }
  }
}
