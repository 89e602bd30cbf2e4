/**
 * The garbage collector's shell: it watches the owners' and dependents' informers, and when an object is deleted it
 * looks at the objects whose ownerReferences name it (attemptToDeleteItem decides) and DELETEs them with the
 * propagation policy decided, so a deleted Deployment takes its ReplicaSets with it, and they their pods.
 * Mirrors: pkg/controller/garbagecollector/garbagecollector.go (attemptToDeleteWorker), graph_builder.go.
 * Simplified: the dependency graph is the informers' stores (Deployments, ReplicaSets, Pods), not a graph over every
 * resource; the owner's absence is taken from the watch, without the live GET upstream makes first.
 */
import type { KObject, Pod, ReplicaSet, Deployment } from '../../api/types.ts'
import type { ApiClient } from '../../client/apiClient.ts'
import type { EngineContext } from '../../context.ts'
import type { Informer } from '../informers.ts'
import { attemptToDeleteItem, dependentsOf } from './garbageCollector.ts'

const PLURAL: Record<string, { group: string; resource: string }> = {
  Pod: { group: '', resource: 'pods' },
  ReplicaSet: { group: 'apps', resource: 'replicasets' },
  Deployment: { group: 'apps', resource: 'deployments' },
}

/** How long after the owner's deletion the collector's worker acts (virtual µs). */
const GC_US = 1000

export class GarbageCollector {
  private readonly ctx: EngineContext
  private readonly client: ApiClient
  private readonly informers: Informer<{ metadata?: KObject['metadata'] }>[]

  constructor(ctx: EngineContext, client: ApiClient, deployments: Informer<Deployment>, rs: Informer<ReplicaSet>,
    pods: Informer<Pod>) {
    this.ctx = ctx
    this.client = client
    this.informers = [deployments, rs, pods]
    for (const inf of this.informers) {
      inf.addEventHandler((type, obj) => {
        if (type === 'DELETED') this.ctx.sim.after(GC_US, () => this.ownerGone(obj as KObject))
      })
    }
  }

  private objects(): KObject[] {
    return this.informers.flatMap((i) => i.list() as KObject[])
  }

  private ownerGone(owner: KObject): void {
    const uid = owner.metadata?.uid ?? ''
    const all = this.objects()
    const dependents = dependentsOf(uid, all)
    if (dependents.length === 0) return
    const m = owner.metadata ?? {}
    this.ctx.trace.emit({
      type: 'kcm:GarbageCollect', lane: 'kube-controller-manager', outcome: 'info',
      details: {
        owner: { kind: owner.kind ?? '', namespace: m.namespace ?? '', name: m.name ?? '', uid },
        dependents: dependents.map((d) => ({ kind: d.kind ?? '', name: d.metadata?.name ?? '' })),
      },
    })
    for (const d of dependents) {
      const plan = attemptToDeleteItem(d, all)
      const res = PLURAL[d.kind ?? '']
      if (plan.action !== 'delete' || !res) continue
      const ns = d.metadata?.namespace ?? ''
      const prefix = res.group ? `/apis/${res.group}/v1` : '/api/v1'
      const pod = d.kind === 'Pod' ? `${ns}/${d.metadata?.name ?? ''}` : undefined
      this.client.request({
        verb: 'DELETE', path: `${prefix}/namespaces/${ns}/${res.resource}/${d.metadata?.name ?? ''}`,
        body: {
          kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: plan.propagationPolicy,
          preconditions: { uid: plan.preconditions.uid },
        },
      }, () => {}, { pod })
    }
  }
}
