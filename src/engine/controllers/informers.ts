/**
 * Shared informers: one list-and-watch per resource for all of kube-controller-manager's controllers, a local
 * store of what the watch said, and handlers called on each change (client-go's SharedInformerFactory).
 * The store keeps an index of objects by their controller's uid, as upstream's controllers add one to their shared
 * informers (pkg/controller/controller_utils.go AddPodControllerUIDIndexer, used by the statefulset controller; the
 * replicaset controller's controllerUIDIndex on ReplicaSets), so a sync can read the pods it owns instead of every
 * pod of the namespace.
 * Mirrors: staging/src/k8s.io/client-go/tools/cache/shared_informer.go, thread_safe_store.go (indices).
 */
import type { ObjectMeta } from '../api/types.ts'
import type { ApiClient } from '../client/apiClient.ts'
import type { WatchEvent } from '../client/http.ts'

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED'
export type Handler<T> = (type: ChangeType, obj: T, old: T | undefined) => void

/** keyOf is cache.MetaNamespaceKeyFunc: namespace/name (name for cluster-scoped objects). */
export function keyOf(obj: { metadata?: { namespace?: string; name?: string } }): string {
  const m = obj.metadata ?? {}
  return m.namespace ? `${m.namespace}/${m.name ?? ''}` : (m.name ?? '')
}

/** controllerUid: the uid of the owner reference with controller: true ('' when there is none). */
function controllerUid(obj: { metadata?: ObjectMeta } | undefined): string {
  const refs = obj?.metadata?.ownerReferences
  if (!refs) return ''
  for (const r of refs) if (r.controller === true) return r.uid
  return ''
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** KeySet is a set of keys that keeps its key order cached until a key is added or removed. */
class KeySet {
  private readonly keys = new Set<string>()
  private sorted?: string[]

  add(key: string): void {
    if (this.keys.has(key)) return
    this.keys.add(key)
    this.sorted = undefined
  }

  delete(key: string): void {
    if (this.keys.delete(key)) this.sorted = undefined
  }

  get size(): number {
    return this.keys.size
  }

  /** ordered: the keys in key order; an object that only changed keeps its place, so this is rarely re-sorted. */
  ordered(): readonly string[] {
    this.sorted ??= [...this.keys].sort(byKey)
    return this.sorted
  }
}

export class Informer<T extends { metadata?: ObjectMeta }> {
  private readonly store = new Map<string, T>()
  private readonly all = new KeySet()
  private readonly byController = new Map<string, KeySet>()
  private readonly handlers: Handler<T>[] = []
  private readonly path: string
  private readonly traced: (e: WatchEvent) => boolean

  constructor(path: string, traced: (e: WatchEvent) => boolean) {
    this.path = path
    this.traced = traced
  }

  addEventHandler(h: Handler<T>): void {
    this.handlers.push(h)
  }

  /** start opens the watch (from resourceVersion 0: the current objects arrive as ADDED first). */
  start(client: ApiClient): void {
    client.watch(this.path, {}, (e) => {
      if (e.type !== 'ADDED' && e.type !== 'MODIFIED' && e.type !== 'DELETED') return
      const obj = e.object as T
      const key = keyOf(obj)
      const old = this.store.get(key)
      this.update(key, old, e.type === 'DELETED' ? undefined : obj)
      for (const h of this.handlers) h(e.type, obj, old)
    }, undefined, this.traced)
  }

  /** update writes one change to the store and its indexes. */
  private update(key: string, old: T | undefined, obj: T | undefined): void {
    const was = old ? controllerUid(old) : undefined
    const is = obj ? controllerUid(obj) : undefined
    if (obj) {
      this.store.set(key, obj)
      this.all.add(key)
    } else {
      this.store.delete(key)
      this.all.delete(key)
    }
    if (was === is) return
    if (was) {
      const set = this.byController.get(was)
      set?.delete(key)
      if (set?.size === 0) this.byController.delete(was)
    }
    if (is) {
      let set = this.byController.get(is)
      if (!set) this.byController.set(is, (set = new KeySet()))
      set.add(key)
    }
  }

  get(key: string): T | undefined {
    return this.store.get(key)
  }

  /** list returns the objects in one namespace (all when omitted), in key order (the lister's order is a map's). */
  list(namespace?: string): T[] {
    return this.values(this.all.ordered(), namespace)
  }

  /**
   * listControlledBy returns the objects of one namespace whose controller reference has this uid, in key order:
   * the same objects, in the same order, as list(namespace) filtered by getControllerOf(…).uid === uid.
   */
  listControlledBy(uid: string, namespace: string): T[] {
    const set = uid ? this.byController.get(uid) : undefined
    return set ? this.values(set.ordered(), namespace) : []
  }

  private values(keys: readonly string[], namespace: string | undefined): T[] {
    const out: T[] = []
    const prefix = `${namespace}/`
    for (const k of keys) {
      if (namespace !== undefined && !k.startsWith(prefix)) continue
      const v = this.store.get(k)
      if (v) out.push(v)
    }
    return out
  }
}
