/**
 * The replicaset controller's shell: informer handlers, the work queue, expectations, and the requests that carry
 * out manageReplicas' plan (POST pods in slow-start batches, DELETE pods) and updateReplicaSetStatus (PUT status).
 * The decisions are the kernels' (replicaSet.ts, replicaSetUtils.ts); this file only talks to the API server.
 * Mirrors: pkg/controller/replicaset/replica_set.go (syncReplicaSet, manageReplicas, addPod/updatePod/deletePod),
 * pkg/controller/controller_utils.go (ControllerExpectations).
 * Simplified: orphan pods are not adopted and non-matching pods are not released (ClaimPods' patches); one worker.
 */
import type { KObject, Pod, ReplicaSet } from '../../api/types.ts'
import type { ApiClient } from '../../client/apiClient.ts'
import { EventRecorder } from '../../client/eventRecorder.ts'
import type { EngineContext } from '../../context.ts'
import { filterClaimedPods, filterActivePods, getControllerOf, podCreatedEvent, podDeletedEvent, podCreateFailedEvent }
  from '../controllerUtils.ts'
import type { Informer } from '../informers.ts'
import { keyOf } from '../informers.ts'
import { WorkQueue } from '../workqueue.ts'
import type { ReplicaSetSyncDetails } from '../traceTypes.ts'
import { desiredReplicas, manageReplicas } from './replicaSet.ts'
import { calculateStatus, requeueAfterSeconds, statusForUpdate, terminatingPodsOf } from './replicaSetUtils.ts'

/** How long one sync takes to start after its key is queued (virtual µs). */
const SYNC_US = 500

interface Expectations { add: number; del: Set<string> }

export class ReplicaSetController {
  private readonly ctx: EngineContext
  private readonly client: ApiClient
  private readonly rsInformer: Informer<ReplicaSet>
  private readonly podInformer: Informer<Pod>
  private readonly recorder: EventRecorder
  private readonly queue: WorkQueue
  private readonly expectations = new Map<string, Expectations>()

  constructor(ctx: EngineContext, client: ApiClient, rs: Informer<ReplicaSet>, pods: Informer<Pod>) {
    this.ctx = ctx
    this.client = client
    this.rsInformer = rs
    this.podInformer = pods
    this.recorder = new EventRecorder(ctx, client, { component: 'replicaset-controller', reportingInstance: '', api: 'legacy' })
    this.queue = new WorkQueue(ctx.sim, SYNC_US, (key, done) => this.sync(key, done))
    rs.addEventHandler((type, obj) => {
      if (type === 'DELETED') this.expectations.delete(keyOf(obj))
      this.queue.add(keyOf(obj))
    })
    pods.addEventHandler((type, pod, old) => this.onPod(type, pod, old))
  }

  /** onPod: a change to a pod wakes the ReplicaSet that controls it (addPod, updatePod, deletePod). */
  private onPod(type: 'ADDED' | 'MODIFIED' | 'DELETED', pod: Pod, old: Pod | undefined): void {
    for (const p of old && type === 'MODIFIED' ? [old, pod] : [pod]) {
      const ref = getControllerOf(p.metadata)
      if (ref?.kind !== 'ReplicaSet') continue
      const key = `${p.metadata?.namespace ?? ''}/${ref.name}`
      const exp = this.expectations.get(key)
      if (exp && p === pod) {
        if (type === 'ADDED') exp.add = Math.max(0, exp.add - 1)
        if (type === 'DELETED' || (type === 'MODIFIED' && pod.metadata?.deletionTimestamp)) exp.del.delete(keyOf(pod))
      }
      this.queue.add(key)
    }
  }

  private satisfied(key: string): boolean {
    const e = this.expectations.get(key)
    return !e || (e.add <= 0 && e.del.size === 0)
  }

  private sync(key: string, done: () => void): void {
    const rs = this.rsInformer.get(key)
    if (!rs || rs.metadata?.deletionTimestamp) return done()
    const ns = rs.metadata?.namespace ?? ''
    // Simplified (speed only): syncReplicaSet lists every pod of the namespace and FilterClaimedPods keeps those it
    // controls; here they come from the informer's controller-uid index first — the same pods in the same (key)
    // order, without a scan of the namespace on each of a 1,000-replica rollout's hundreds of syncs.
    const owned = this.podInformer.listControlledBy(rs.metadata?.uid ?? '', ns)
    const claimed = filterClaimedPods(rs.metadata?.uid ?? '', rs.spec?.selector, owned)
    const active = filterActivePods(claimed)
    const now = this.ctx.sim.rfc3339()
    const owner = getControllerOf(rs.metadata)
    const base = { replicaSet: key, replicas: rs.spec?.replicas ?? 1, activePods: active.length,
      ...(owner?.kind === 'Deployment' ? { owner: owner.name } : {}) }
    const finish = (err?: string) => this.updateStatus(rs, active, terminatingPodsOf(rs, claimed), err, done)
    if (!this.satisfied(key)) return finish()
    // Only a scale-down ranks pods by their node's related pods, the namespace's (the informer's whole list).
    const related = active.length > desiredReplicas(rs) ? this.podInformer.list(ns) : []
    const plan = manageReplicas(active, rs, related, now)
    switch (plan.action) {
      case 'none': return finish()
      case 'create': {
        this.step({ ...base, decision: { action: 'create', count: plan.count, batches: plan.batches } })
        this.expectations.set(key, { add: plan.count, del: new Set() })
        return this.createBatches(rs, plan.pod, plan.batches, 0, finish)
      }
      case 'delete': {
        const names = plan.pods.map((p) => keyOf(p))
        this.step({ ...base, decision: { action: 'delete', pods: names } })
        this.expectations.set(key, { add: 0, del: new Set(names) })
        return this.deletePods(rs, plan.pods, finish)
      }
    }
  }

  private step(details: ReplicaSetSyncDetails): void {
    this.ctx.trace.emit({ type: 'kcm:ReplicaSetSync', lane: 'kube-controller-manager', outcome: 'info', details })
  }

  /** createBatches POSTs one slow-start batch at a time; a batch with a failure ends the creates. */
  private createBatches(rs: ReplicaSet, pod: Pod, batches: number[], i: number, finish: (err?: string) => void): void {
    if (i >= batches.length) return finish()
    const ns = rs.metadata?.namespace ?? ''
    let pending = batches[i]
    let failure: string | undefined
    const ref = this.ref(rs)
    for (let n = 0; n < batches[i]; n++) {
      this.client.request({ verb: 'POST', path: `/api/v1/namespaces/${ns}/pods`, body: pod as KObject }, (res) => {
        const created = res.body as Pod
        if (res.code === 201) this.record(ref, podCreatedEvent(created.metadata?.name ?? ''))
        else {
          failure ??= (res.body as { message?: string }).message ?? `status ${res.code}`
          this.record(ref, podCreateFailedEvent(failure))
        }
        if (--pending > 0) return
        if (failure === undefined) return this.createBatches(rs, pod, batches, i + 1, finish)
        // The pods of the batches never tried will not arrive: stop expecting them (and the failed ones).
        const exp = this.expectations.get(keyOf(rs))
        if (exp) exp.add = 0
        finish(failure)
      })
    }
  }

  private deletePods(rs: ReplicaSet, pods: Pod[], finish: (err?: string) => void): void {
    let pending = pods.length
    const ref = this.ref(rs)
    for (const p of pods) {
      const path = `/api/v1/namespaces/${p.metadata?.namespace ?? ''}/pods/${p.metadata?.name ?? ''}`
      this.client.request({ verb: 'DELETE', path }, (res) => {
        if (res.code < 300) this.record(ref, podDeletedEvent(p.metadata?.name ?? ''))
        else this.expectations.get(keyOf(rs))?.del.delete(keyOf(p))
        if (--pending === 0) finish()
      }, { pod: keyOf(p) })
    }
  }

  /** updateStatus PUTs the status when it changed (updateReplicaSetStatus) and requeues for minReadySeconds. */
  private updateStatus(rs: ReplicaSet, active: Pod[], terminating: Pod[], err: string | undefined, done: () => void): void {
    const now = this.ctx.sim.rfc3339()
    const status = calculateStatus(rs, active, terminating, err, now)
    const after = requeueAfterSeconds(rs, status, err)
    if (after !== undefined) this.queue.addAfter(keyOf(rs), after * 1_000_000)
    const update = statusForUpdate(rs, status)
    if (!update) return done()
    const ns = rs.metadata?.namespace ?? ''
    const body = { ...rs, status: update } as KObject
    this.client.request({ verb: 'PUT', path: `/apis/apps/v1/namespaces/${ns}/replicasets/${rs.metadata?.name}/status`, body },
      () => done())
  }

  private ref(rs: ReplicaSet) {
    return { kind: 'ReplicaSet', apiVersion: 'apps/v1', namespace: rs.metadata?.namespace, name: rs.metadata?.name,
      uid: rs.metadata?.uid, resourceVersion: rs.metadata?.resourceVersion }
  }

  private record(ref: ReturnType<ReplicaSetController['ref']>, e: { type: 'Normal' | 'Warning'; reason: string; message: string }): void {
    this.recorder.event(ref, e.type, e.reason, e.message)
  }
}
