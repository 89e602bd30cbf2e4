/**
 * The deployment controller's shell: informer handlers, the work queue, and the requests that carry out what the
 * kernels decide — create the new ReplicaSet, scale ReplicaSets, delete old ones, write the Deployment's status.
 * Mirrors: pkg/controller/deployment/deployment_controller.go (syncDeployment, handlers), sync.go
 * (getAllReplicaSetsAndSyncRevision, getNewReplicaSet, scaleReplicaSet, sync, syncDeploymentStatus), rolling.go
 * (rolloutRolling), recreate.go (rolloutRecreate).
 * Simplified: ReplicaSets are not adopted or released (only those the Deployment controls count); one worker.
 */
import type { Deployment, KObject, Pod, ReplicaSet } from '../../api/types.ts'
import type { ApiClient } from '../../client/apiClient.ts'
import type { HttpResponse } from '../../client/http.ts'
import { EventRecorder } from '../../client/eventRecorder.ts'
import type { EngineContext } from '../../context.ts'
import { getControllerOf } from '../controllerUtils.ts'
import type { Informer } from '../informers.ts'
import { keyOf } from '../informers.ts'
import type { DeploymentDecision, ScaleStep as TraceScaleStep } from '../traceTypes.ts'
import { WorkQueue } from '../workqueue.ts'
import { createdReplicaSetEvent } from './events.ts'
import type { DeploymentEvent } from './events.ts'
import { syncRolloutStatus } from './progress.ts'
import type { ScaleStep } from './rolling.ts'
import { reconcileNewReplicaSet, reconcileOldReplicaSets } from './rolling.ts'
import { filterActiveReplicaSets } from './replicasets.ts'
import {
  applyScaleStep, cleanupDeployment, isScalingEvent, newReplicaSetFor, scale, syncExistingNewReplicaSet,
} from './sync.ts'
import {
  createdNewRSMessage, deploymentComplete, findNewReplicaSet, findOldReplicaSets, getReplicaCountForReplicaSets,
  getAvailableReplicaCountForReplicaSets, getActualReplicaCountForReplicaSets, maxSurge, maxUnavailable,
  newDeploymentCondition, NewReplicaSetReason, setDeploymentCondition, DeploymentProgressing,
} from './util.ts'

/** How long one sync takes to start after its key is queued (virtual µs). */
const SYNC_US = 500

type Next = () => void

export class DeploymentController {
  private readonly ctx: EngineContext
  private readonly client: ApiClient
  private readonly deployments: Informer<Deployment>
  private readonly replicaSets: Informer<ReplicaSet>
  private readonly recorder: EventRecorder
  private readonly queue: WorkQueue

  constructor(ctx: EngineContext, client: ApiClient, deployments: Informer<Deployment>, rs: Informer<ReplicaSet>,
    pods: Informer<Pod>) {
    this.ctx = ctx
    this.client = client
    this.deployments = deployments
    this.replicaSets = rs
    this.recorder = new EventRecorder(ctx, client, { component: 'deployment-controller', reportingInstance: '', api: 'legacy' })
    this.queue = new WorkQueue(ctx.sim, SYNC_US, (key, done) => this.sync(key, done))
    deployments.addEventHandler((_type, d) => this.queue.add(keyOf(d)))
    rs.addEventHandler((type, r, old) => {
      for (const x of type === 'MODIFIED' && old ? [old, r] : [r]) {
        const ref = getControllerOf(x.metadata)
        if (ref?.kind === 'Deployment') this.queue.add(`${x.metadata?.namespace ?? ''}/${ref.name}`)
      }
    })
    // Recreate waits for the old pods to be gone: a pod's deletion wakes its Deployment (deletePod).
    pods.addEventHandler((type, p) => {
      if (type !== 'DELETED') return
      const rsRef = getControllerOf(p.metadata)
      if (rsRef?.kind !== 'ReplicaSet') return
      const owner = getControllerOf(rs.get(`${p.metadata?.namespace ?? ''}/${rsRef.name}`)?.metadata)
      if (owner?.kind === 'Deployment') this.queue.add(`${p.metadata?.namespace ?? ''}/${owner.name}`)
    })
  }

  private now(): string {
    return this.ctx.sim.rfc3339()
  }

  /** controlled: the ReplicaSets this Deployment controls (getReplicaSetsForDeployment without adoption). */
  private controlled(d: Deployment): ReplicaSet[] {
    return this.replicaSets.list(d.metadata?.namespace ?? '')
      .filter((rs) => getControllerOf(rs.metadata)?.uid === d.metadata?.uid)
  }

  private sync(key: string, done: Next): void {
    const d = this.deployments.get(key)
    if (!d || d.metadata?.deletionTimestamp) return done()
    const everything = d.spec?.selector && !Object.keys(d.spec.selector.matchLabels ?? {}).length
      && !(d.spec.selector.matchExpressions ?? []).length
    if (everything) return done()
    const rsList = this.controlled(d)
    const newRS = findNewReplicaSet(d, rsList)
    const oldRSs = findOldReplicaSets(d, rsList).allRSs
    if (d.spec?.paused || isScalingEvent(d, newRS, oldRSs)) {
      const steps = scale(d, newRS, oldRSs)
      if (steps.length) this.emit(d, newRS, oldRSs, { action: 'scale', steps: steps.map((s) => traceStep(s, 'proportional')) })
      return this.scaleAll(d, rsList, steps, () => this.syncStatus(d, newRS, done))
    }
    if (d.spec?.strategy?.type === 'Recreate') return this.rolloutRecreate(d, rsList, newRS, oldRSs, done)
    this.newReplicaSet(d, newRS, oldRSs, (nrs) => this.rolloutRolling(d, nrs, oldRSs, done), done)
  }

  /** newReplicaSet: the existing new ReplicaSet (its revision synced), or a new one created (getNewReplicaSet). */
  private newReplicaSet(d: Deployment, existing: ReplicaSet | undefined, oldRSs: ReplicaSet[], next: (rs: ReplicaSet) => void,
    done: Next): void {
    const ns = d.metadata?.namespace ?? ''
    if (existing) {
      const plan = syncExistingNewReplicaSet(d, existing, oldRSs, this.now())
      if (plan.kind === 'none') return next(existing)
      if (plan.kind === 'updateReplicaSet') {
        return this.put(`/apis/apps/v1/namespaces/${ns}/replicasets/${existing.metadata?.name}`, plan.rs, (res) =>
          next(res.code === 200 ? res.body as ReplicaSet : existing))
      }
      return this.put(`/apis/apps/v1/namespaces/${ns}/deployments/${d.metadata?.name}/status`, plan.deployment, () => next(existing))
    }
    const made = newReplicaSetFor(d, oldRSs)
    // Validation keeps the rolling update's bounds sound; a Deployment that still has none is left alone.
    if (!made.ok) return done()
    const replicas = made.rs.spec?.replicas ?? 0
    this.emit(d, undefined, oldRSs, {
      action: 'create-rs', replicaSet: made.rs.metadata?.name ?? '', replicas, revision: made.newRevision, hash: made.hash,
    })
    this.client.request({ verb: 'POST', path: `/apis/apps/v1/namespaces/${ns}/replicasets`, body: made.rs as KObject }, (res) => {
      if (res.code !== 201) return next(made.rs)
      const created = res.body as ReplicaSet
      if (replicas > 0) this.record(d, createdReplicaSetEvent(created.metadata?.name ?? '', replicas))
      // The Progressing condition says a new ReplicaSet was created (NewReplicaSetCreated).
      const cond = newDeploymentCondition(DeploymentProgressing, 'True', NewReplicaSetReason,
        createdNewRSMessage(created.metadata?.name ?? ''), this.now())
      const withCond: Deployment = { ...d, status: setDeploymentCondition(d.status ?? {}, cond) }
      this.put(`/apis/apps/v1/namespaces/${ns}/deployments/${d.metadata?.name}/status`, withCond, () => next(created))
    })
  }

  private rolloutRolling(d: Deployment, newRS: ReplicaSet, oldRSs: ReplicaSet[], done: Next): void {
    const allRSs = [...oldRSs, newRS]
    const up = reconcileNewReplicaSet(allRSs, newRS, d)
    if (up.ok && up.step) {
      this.emit(d, newRS, oldRSs, { action: 'scale', steps: [traceStep(up.step, 'new-rs')] })
      return this.scaleAll(d, allRSs, [up.step], () => this.syncStatus(d, newRS, done))
    }
    const down = reconcileOldReplicaSets(allRSs, filterActiveReplicaSets(oldRSs), newRS, d)
    const steps = [...down.cleanup, ...down.scaleDown]
    if (steps.length) {
      this.emit(d, newRS, oldRSs, { action: 'scale', steps: steps.map((s) => traceStep(s, 'old-rs')) })
      return this.scaleAll(d, allRSs, steps, () => this.syncStatus(d, newRS, done))
    }
    this.cleanup(d, newRS, oldRSs, () => this.syncStatus(d, newRS, done))
  }

  /** rolloutRecreate: scale every old ReplicaSet to 0, wait until their pods are gone, then scale the new one up. */
  private rolloutRecreate(d: Deployment, rsList: ReplicaSet[], newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[], done: Next): void {
    const active = filterActiveReplicaSets(oldRSs)
    if (active.length) {
      const steps: ScaleStep[] = active.map((rs) => ({ rsName: rs.metadata?.name ?? '', from: rs.spec?.replicas ?? 0, to: 0, operation: 'down' }))
      this.emit(d, newRS, oldRSs, { action: 'scale', steps: steps.map((s) => traceStep(s, 'old-rs')) })
      return this.scaleAll(d, rsList, steps, () => this.syncStatus(d, newRS, done))
    }
    if (getActualReplicaCountForReplicaSets(oldRSs) > 0) return this.syncStatus(d, newRS, done)
    this.newReplicaSet(d, newRS, oldRSs, (nrs) => {
      const want = d.spec?.replicas ?? 1
      if ((nrs.spec?.replicas ?? 0) === want) return this.cleanup(d, nrs, oldRSs, () => this.syncStatus(d, nrs, done))
      const step: ScaleStep = { rsName: nrs.metadata?.name ?? '', from: nrs.spec?.replicas ?? 0, to: want, operation: 'up' }
      this.emit(d, nrs, oldRSs, { action: 'scale', steps: [traceStep(step, 'new-rs')] })
      this.scaleAll(d, [...oldRSs, nrs], [step], () => this.syncStatus(d, nrs, done))
    }, done)
  }

  /** cleanup deletes old ReplicaSets beyond revisionHistoryLimit once the rollout is complete. */
  private cleanup(d: Deployment, newRS: ReplicaSet, oldRSs: ReplicaSet[], next: Next): void {
    const status = syncRolloutStatus([...oldRSs, newRS], newRS, d, this.now()).status
    if (!deploymentComplete(d, status)) return next()
    const doomed = cleanupDeployment(oldRSs, d)
    if (!doomed.length) return next()
    this.emit(d, newRS, oldRSs, { action: 'cleanup', deleted: doomed.map((rs) => rs.metadata?.name ?? '') })
    let left = doomed.length
    for (const rs of doomed) {
      const path = `/apis/apps/v1/namespaces/${rs.metadata?.namespace ?? ''}/replicasets/${rs.metadata?.name ?? ''}`
      this.client.request({ verb: 'DELETE', path, body: { kind: 'DeleteOptions', apiVersion: 'v1', preconditions: { uid: rs.metadata?.uid } } as KObject },
        () => { if (--left === 0) next() })
    }
  }

  /** scaleAll PUTs each ReplicaSet with its new size and annotations, recording ScalingReplicaSet. */
  private scaleAll(d: Deployment, rsList: ReplicaSet[], steps: ScaleStep[], next: Next): void {
    if (!steps.length) return next()
    let left = steps.length
    for (const s of steps) {
      const rs = rsList.find((x) => x.metadata?.name === s.rsName)
      if (!rs) { if (--left === 0) next(); continue }
      const { rs: updated, event } = applyScaleStep(rs, s, d)
      const path = `/apis/apps/v1/namespaces/${rs.metadata?.namespace ?? ''}/replicasets/${rs.metadata?.name ?? ''}`
      this.put(path, updated, (res) => {
        if (res.code === 200 && event) this.record(d, event)
        if (--left === 0) next()
      })
    }
  }

  /** syncStatus writes the Deployment's status when it changed (syncRolloutStatus), or looks again later. */
  private syncStatus(d: Deployment, newRS: ReplicaSet | undefined, done: Next): void {
    const key = keyOf(d)
    const all = this.controlled(d)
    const fresh = newRS ? (all.find((x) => x.metadata?.uid === newRS.metadata?.uid) ?? newRS) : undefined
    const latest = this.deployments.get(key) ?? d
    const r = syncRolloutStatus(all, fresh, latest, this.now())
    if (r.requeue.kind === 'after') this.queue.addAfter(key, r.requeue.enqueueAfter)
    if (r.requeue.kind === 'now') this.queue.addAfter(key, 1_000_000)
    if (!r.changed) return done()
    const ns = d.metadata?.namespace ?? ''
    this.put(`/apis/apps/v1/namespaces/${ns}/deployments/${d.metadata?.name}/status`, { ...latest, status: r.status }, () => done())
  }

  private put(path: string, body: Deployment | ReplicaSet, cb: (res: HttpResponse) => void): void {
    this.client.request({ verb: 'PUT', path, body: body as KObject }, cb)
  }

  private record(d: Deployment, e: DeploymentEvent): void {
    const ref = { kind: 'Deployment', apiVersion: 'apps/v1', namespace: d.metadata?.namespace, name: d.metadata?.name,
      uid: d.metadata?.uid, resourceVersion: d.metadata?.resourceVersion }
    this.recorder.event(ref, e.type, e.reason, e.message)
  }

  private emit(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[], decision: DeploymentDecision): void {
    const all = [...oldRSs, ...(newRS ? [newRS] : [])]
    this.ctx.trace.emit({
      type: 'kcm:DeploymentSync', lane: 'kube-controller-manager', outcome: 'info',
      details: {
        deployment: keyOf(d), strategy: d.spec?.strategy?.type === 'Recreate' ? 'Recreate' : 'RollingUpdate',
        replicas: d.spec?.replicas ?? 1, maxSurge: maxSurge(d), maxUnavailable: maxUnavailable(d),
        ...(newRS ? { newReplicaSet: newRS.metadata?.name ?? '' } : {}),
        oldReplicaSets: oldRSs.map((rs) => rs.metadata?.name ?? ''),
        updatedReplicas: newRS?.status?.replicas ?? 0,
        availableReplicas: getAvailableReplicaCountForReplicaSets(all),
        totalReplicas: getReplicaCountForReplicaSets(all),
        decision,
      },
    })
  }
}

function traceStep(s: ScaleStep, why: TraceScaleStep['why']): TraceScaleStep {
  return { replicaSet: s.rsName, from: s.from, to: s.to, why }
}
