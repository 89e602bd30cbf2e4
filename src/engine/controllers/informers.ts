/**
 * Shared informers: one list-and-watch per resource for all of kube-controller-manager's controllers, a local
 * store of what the watch said, and handlers called on each change (client-go's SharedInformerFactory).
 * Mirrors: staging/src/k8s.io/client-go/tools/cache/shared_informer.go.
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

export class Informer<T extends { metadata?: ObjectMeta }> {
  private readonly store = new Map<string, T>()
  private sorted?: [string, T][]
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
      if (e.type === 'DELETED') this.store.delete(key)
      else this.store.set(key, obj)
      this.sorted = undefined
      for (const h of this.handlers) h(e.type, obj, old)
    }, undefined, this.traced)
  }

  get(key: string): T | undefined {
    return this.store.get(key)
  }

  /** list returns the objects in one namespace (all when omitted), in key order (the lister's order is a map's). */
  list(namespace?: string): T[] {
    // Sorted once per change, not once per call: a 1,000-replica rollout lists the pods thousands of times.
    this.sorted ??= [...this.store.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    const prefix = `${namespace}/`
    const out: T[] = []
    for (const [k, v] of this.sorted) if (namespace === undefined || k.startsWith(prefix)) out.push(v)
    return out
  }
}
