/**
 * The watch cache: fed by etcd's watch on /registry/, it fans every committed change out to the watchers whose
 * path, field and label selectors match — an object that stops matching arrives as DELETED, one that starts
 * matching as ADDED, as the real cacher does (staging/src/k8s.io/apiserver/pkg/storage/cacher/cacher.go).
 */
import type { KObject } from '../api/types.ts'
import type { WatchEvent, WatchSink } from '../client/http.ts'
import type { NotifyCause } from '../client/traceTypes.ts'
import type { EngineContext } from '../context.ts'
import { latency } from '../context.ts'
import type { EtcdWatchEvent } from '../etcd/store.ts'
import { matchesFields, matchesLabelString, parseFieldSelector } from './selectors.ts'

export interface Watcher {
  id: number
  prefix: string
  kind: string
  fields: ReturnType<typeof parseFieldSelector>
  labels: string | undefined
  sink: WatchSink
  path: string
}

export class WatchCache {
  private watchers: Watcher[] = []
  private readonly ctx: EngineContext

  constructor(ctx: EngineContext) {
    this.ctx = ctx
  }

  add(w: Watcher): void {
    this.watchers.push(w)
  }

  matches(w: Watcher, obj: KObject | undefined): boolean {
    return !!obj && matchesFields(obj, w.fields) && matchesLabelString(obj, w.labels)
  }

  /** onEtcdEvent turns one committed write into watch notifications. */
  onEtcdEvent(e: EtcdWatchEvent): void {
    for (const w of this.watchers) {
      if (!e.kv.key.startsWith(w.prefix)) continue
      const before = e.prevKv?.value
      const after = e.type === 'PUT' ? e.kv.value : undefined
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
      trace.emit({
        type: 'watch:Notify', lane: 'kube-apiserver', from: 'kube-apiserver', to: w.sink.subscriber, arrive: sim.now() + latency(this.ctx, 'network'),
        node: w.sink.node, pod: w.kind === 'Pod' ? `${m.namespace}/${m.name}` : undefined, outcome: 'info',
        details: {
          watch: w.path, type: ev.type, revision, resourceVersion: m.resourceVersion, cause, kind: w.kind,
          name: m.name ?? '', ...(m.namespace ? { namespace: m.namespace } : {}), subscriber: w.sink.subscriber,
        },
      })
      w.sink.onEvent(ev)
    })
  }
}

/** The watch event types a change can produce (BOOKMARK and ERROR are not sent by the cache here). */
export type NotifyType = 'ADDED' | 'MODIFIED' | 'DELETED'

/** causeOf tells a selector transition (an update that makes an object start or stop matching) from a plain change. */
function causeOf(type: NotifyType, existed: boolean, exists: boolean): NotifyCause {
  if (type === 'MODIFIED') return 'updated'
  if (type === 'ADDED') return existed ? 'entered-selector' : 'created'
  return exists ? 'left-selector' : 'deleted'
}
