/**
 * kube-scheduler: informers for nodes, pods and namespaces, the scheduling queue, the scheduling cycle through the
 * v1.35 default profile (or a KubeSchedulerConfiguration), the asynchronous binding cycle, failure handling and
 * preemption — each step a trace event in the kube-scheduler lane.
 * Mirrors: pkg/scheduler/{scheduler.go,schedule_one.go,eventhandlers.go}.
 */
import type { KObject, Node, Pod } from '../api/types.ts'
import { podKey } from '../api/podKey.ts'
import type { ApiClient } from '../client/apiClient.ts'
import { EventRecorder } from '../client/eventRecorder.ts'
import type { EngineContext } from '../context.ts'
import { latency } from '../context.ts'
import { loadSchedulerConfig } from './config.ts'
import type { SchedulerSettings } from './config.ts'
import type { CycleState } from './framework/cycleState.ts'
import { truncateMessage } from './framework/fitError.ts'
import type { ClusterEvent, PostFilterResult, QueuedPodInfo } from './framework/interface.ts'
import type { CycleRecord, Detail } from './framework/record.ts'
import type { Framework } from './framework/runtime.ts'
import { Code, isRejected, isSuccess, newStatus } from './framework/status.ts'
import type { MaybeStatus, Status } from './framework/status.ts'
import { PodInfo } from './framework/types.ts'
import { FLUSH_PERIOD_US, SchedulingQueue } from './queue.ts'
import type { QueueMove } from './queue.ts'
import { SchedulerCore } from './scheduleOne.ts'
import type { UnschedulableDetails } from './traceTypes.ts'
import { cycleSteps } from './cycleSteps.ts'
import { podRef, prepareCandidate } from './preemption.ts'
import { SelectorInformers, nodeUpdateEvents } from './informers.ts'
import { postBinding } from './plugins/DefaultBinder.ts'
import { pluginNames, pointDetails, sameLabels, selectDetails } from './stepData.ts'
import type { SchedulerStepInput } from './cycleSteps.ts'

type UnschedulableQueue = Exclude<UnschedulableDetails, { phase: 'startup' }>['queue']

export interface KubeSchedulerOptions {
  /** Recording detail of scheduling cycles (default auto: full up to 100 nodes). */
  detail?: Detail | 'auto' | 'off'
}

export class KubeScheduler {
  private readonly ctx: EngineContext
  private readonly client: ApiClient
  private readonly recorder: EventRecorder
  readonly configError: string | null = null
  readonly settings: SchedulerSettings | null = null
  readonly core: SchedulerCore | null = null
  private readonly queue: SchedulingQueue | null = null
  private readonly pods = new Map<string, Pod>()
  private readonly nodes = new Map<string, Node>()
  private readonly informers = new SelectorInformers()
  private busy = false
  private backoffTimerAt: number | null = null
  private leftoverTimerAt: number | null = null
  private startedAt = 0
  /** Preemptions decided in the current cycle, carried out after the cycle is traced. */
  private pendingPreemptions: (() => void)[] = []
  /** Every cycle's record (when kept), newest last: explain reads it. */
  readonly cycles: CycleRecord[] = []
  keepCycles = false

  constructor(ctx: EngineContext, client: ApiClient, config?: KObject, opts: KubeSchedulerOptions = {}) {
    this.ctx = ctx
    this.client = client
    this.recorder = new EventRecorder(ctx, client, { component: 'default-scheduler', reportingInstance: 'default-scheduler-control-plane', api: 'events' })
    const loaded = loadSchedulerConfig(config)
    if ('error' in loaded) {
      this.configError = loaded.error
      return
    }
    this.settings = loaded.settings
    const rng = ctx.sim.rng.fork('kube-scheduler')
    try {
      this.core = new SchedulerCore({
        settings: loaded.settings, rng, detail: opts.detail,
        namespaceLabels: (ns) => this.informers.namespaceLabels(ns),
        defaultSelector: (pi) => this.informers.defaultSelector(pi),
        actions: { bind: (pi, node, done) => postBinding(this.client, pi, node, done), preempt: (pre, node, victims) => this.preemptApi(pre, node, victims) },
      })
    } catch (e) {
      this.configError = `initializing profiles: ${(e as Error).message}`
      return
    }
    const first = [...this.core.frameworks.values()][0]
    const events = new Map<string, ClusterEvent[]>()
    for (const f of this.core.frameworks.values()) for (const [k, v] of f.events) events.set(k, v)
    this.queue = new SchedulingQueue((a, b) => first.queueSort.less(a, b), events, loaded.settings.podInitialBackoffSeconds, loaded.settings.podMaxBackoffSeconds)
  }

  /** emit records one of the scheduler's steps: data only, its narration table writes the words. */
  private emit(input: SchedulerStepInput): void {
    // Hot (one per scheduler step): lane first, then the input's keys in order, as `{ lane, ...input }` gives them
    // (the event's JSON), without a spread that adds a key to a copy.
    this.ctx.trace.emit(Object.assign({ lane: 'kube-scheduler' as const }, input))
  }

  start(): void {
    this.startedAt = this.ctx.sim.now()
    if (this.configError !== null) return
    this.informers.start(this.client)
    this.client.watch('/api/v1/nodes', {}, (e) => this.onNode(e.type, e.object as Node))
    this.client.watch('/api/v1/pods', { fieldSelector: 'status.phase!=Succeeded,status.phase!=Failed' }, (e) => this.onPod(e.type, e.object as Pod))
  }

  /** afterStart puts a start-up failure in the trace (called once the story's trace is recording). */
  afterStart(): void {
    if (this.configError === null) return
    this.emit({ type: 'scheduler:Unschedulable', outcome: 'error', details: { phase: 'startup', error: this.configError } })
  }

  // ---- informers (eventhandlers.go) ----
  private onNode(type: string, node: Node): void {
    const core = this.core as SchedulerCore
    const name = node.metadata?.name ?? ''
    const old = this.nodes.get(name)
    if (type === 'DELETED') {
      this.nodes.delete(name)
      core.cache.removeNode(name)
      return
    }
    this.nodes.set(name, node)
    if (!old) {
      core.cache.addNode(node)
      this.moveOn('NodeAdd')
      return
    }
    core.cache.updateNode(node)
    for (const ev of nodeUpdateEvents(old, node)) this.moveOn(ev)
  }

  private onPod(type: string, pod: Pod): void {
    const core = this.core as SchedulerCore
    const queue = this.queue as SchedulingQueue
    const key = podKey(pod.metadata?.namespace ?? 'default', pod.metadata?.name ?? '')
    const old = this.pods.get(key)
    if (type === 'DELETED') {
      this.pods.delete(key)
      core.deleteNominatedPod(key)
      if (core.cache.nodeOf(key) !== undefined) {
        core.cache.removePod(key)
        this.moveOn('AssignedPodDelete')
      } else {
        queue.delete(key)
      }
      return
    }
    this.pods.set(key, pod)
    if (pod.spec?.nodeName) {
      const wasAssigned = old?.spec?.nodeName !== undefined && old?.spec?.nodeName !== ''
      core.cache.addPod(pod)
      core.deleteNominatedPod(key)
      if (queue.has(key) && queue.location(key) !== 'inFlight') queue.delete(key)
      if (!wasAssigned) this.moveOn('AssignedPodAdd')
      else if (!sameLabels(old?.metadata?.labels, pod.metadata?.labels)) this.moveOn('AssignedPodUpdate')
      return
    }
    // A pod for another scheduler (schedulerName no profile serves) is not this one's to queue.
    if (!core.frameworks.has(pod.spec?.schedulerName ?? 'default-scheduler')) return
    const pi = new PodInfo(pod)
    if (pod.status?.nominatedNodeName) core.addNominatedPod(pi, pod.status.nominatedNodeName)
    else core.deleteNominatedPod(key)
    if (!queue.has(key)) {
      if (!old) this.enqueue(pi)
      return
    }
    const q = queue.get(key)
    if (q) q.podInfo = pi
    // Only a change of the pod's scheduling properties (spec, labels) is an UnscheduledPodUpdate; status is not.
    const specChanged = (a: Pod, b: Pod) => a.spec !== b.spec && JSON.stringify(a.spec) !== JSON.stringify(b.spec)
    if (old && (specChanged(old, pod) || !sameLabels(old.metadata?.labels, pod.metadata?.labels))) {
      const fwk = core.frameworkFor(pi)
      const moves = queue.onEvent('UnscheduledPodUpdate', this.ctx.sim.now(), key, (qq) => !!fwk && fwk.runPreEnqueuePlugins(qq.podInfo) === null)
      this.traceMoves(moves)
    }
  }

  private enqueue(pi: PodInfo): void {
    const core = this.core as SchedulerCore
    const queue = this.queue as SchedulingQueue
    const fwk = core.frameworkFor(pi) as Framework
    const q: QueuedPodInfo = { podInfo: pi, timestamp: this.ctx.sim.now(), attempts: 0, initialAttemptTimestamp: null, unschedulablePlugins: new Set(), gatedBy: null }
    const gate = fwk.runPreEnqueuePlugins(pi)
    if (gate !== null) {
      q.gatedBy = gate.plugin ?? ''
      queue.addGated(q)
      this.emit({
        type: 'scheduler:Enqueue', pod: pi.key, outcome: 'warning',
        details: { queue: 'unschedulablePods', plugin: q.gatedBy, status: gate.codeName, message: gate.message(), priority: pi.priority },
      })
      return
    }
    queue.addActive(q)
    this.emit({
      type: 'scheduler:Enqueue', pod: pi.key, outcome: 'info',
      details: { queue: 'activeQ', priority: pi.priority, schedulerName: pi.pod.spec?.schedulerName ?? 'default-scheduler' },
    })
    this.kick()
  }

  private moveOn(event: ClusterEvent): void {
    const queue = this.queue as SchedulingQueue
    this.traceMoves(queue.onEvent(event, this.ctx.sim.now()))
    this.kick()
  }

  private traceMoves(moves: QueueMove[]): void {
    for (const m of moves) {
      this.emit({
        type: 'scheduler:QueueMove', pod: m.pod, outcome: 'info',
        details: { from: m.from, to: m.to, event: m.event, attempts: m.attempts, backoffSeconds: m.backoffUs / 1_000_000, hintedBy: m.hintedBy },
      })
    }
    if (moves.length) this.kick()
  }

  // ---- timers (flushBackoffQCompleted, flushUnschedulablePodsLeftover), event-driven ----
  private armTimers(): void {
    const queue = this.queue as SchedulingQueue
    const { sim } = this.ctx
    const next = queue.nextBackoffExpiry()
    if (next !== null && (this.backoffTimerAt === null || next < this.backoffTimerAt)) {
      const at = Math.max(next, sim.now())
      this.backoffTimerAt = at
      sim.after(at - sim.now(), () => {
        if (this.backoffTimerAt === at) this.backoffTimerAt = null
        this.traceMoves(queue.flushBackoffCompleted(sim.now()))
        this.armTimers()
        this.kick()
      })
    }
    const deadline = queue.nextLeftoverDeadline()
    if (deadline !== null) {
      // The flush runs every 30 s from start-up; it moves pods that waited strictly more than 5 minutes.
      const k = Math.floor((deadline - this.startedAt) / FLUSH_PERIOD_US) + 1
      const at = this.startedAt + k * FLUSH_PERIOD_US
      if (this.leftoverTimerAt === null || at < this.leftoverTimerAt) {
        this.leftoverTimerAt = at
        sim.after(at - sim.now(), () => {
          if (this.leftoverTimerAt === at) this.leftoverTimerAt = null
          this.traceMoves(queue.flushLeftover(sim.now()))
          this.armTimers()
          this.kick()
        })
      }
    }
  }

  // ---- the scheduling loop ----
  private kick(): void {
    const queue = this.queue
    if (!queue || this.busy || (queue.activeLength === 0 && queue.backoffLength === 0)) return
    this.busy = true
    this.ctx.sim.after(latency(this.ctx, 'schedulingCycle'), () => {
      const popped = queue.pop()
      if (popped) this.scheduleOne(popped.q, popped.fromBackoff)
      this.busy = false
      this.armTimers()
      this.kick()
    })
  }

  private scheduleOne(q: QueuedPodInfo, fromBackoff: boolean): void {
    const core = this.core as SchedulerCore
    const queue = this.queue as SchedulingQueue
    const key = q.podInfo.key
    const pod = this.pods.get(key)
    if (!pod || pod.spec?.nodeName) { queue.done(key); return }
    q.podInfo = new PodInfo(pod)
    const pi = q.podInfo
    this.emit({
      type: 'scheduler:Pop', pod: key, outcome: 'info',
      details: {
        attempts: q.attempts, queue: { activeQ: queue.activeLength, backoffQ: queue.backoffLength, unschedulablePods: queue.unschedulableLength },
        fromBackoff, priority: pi.priority, schedulerName: pi.pod.spec?.schedulerName ?? 'default-scheduler',
      },
    })
    if (pod.metadata?.deletionTimestamp) {
      queue.done(key)
      // Mirrors: schedule_one.go ScheduleOne (skipPodSchedule of a pod being deleted).
      this.recorder.event(podRef(pod), 'Warning', 'FailedScheduling', `skip schedule deleting pod: ${key}`, 'Scheduling')
      return
    }
    const fwk = core.frameworkFor(pi) as Framework
    const state = core.newCycleState(fwk, pi)
    const result = core.schedulePod(fwk, state, pi)
    const rec = state.recorder?.record ?? null
    this.traceCycle(pi, rec, result.kind)
    for (const f of this.pendingPreemptions.splice(0)) f()
    if (rec && this.keepCycles) this.cycles.push(rec)
    if (result.kind !== 'scheduled') {
      if (result.kind === 'unschedulable') this.handleFailure(q, 'scheduling', newStatus(Code.Unschedulable, result.message), result.message, result.diagnosis.unschedulablePlugins, result.postFilterResult, rec)
      else this.handleFailure(q, 'scheduling', result.status, result.message, new Set(), null, rec)
      return
    }
    this.assumeAndBind(q, fwk, state, result.node, rec)
  }

  private assumeAndBind(q: QueuedPodInfo, fwk: Framework, state: CycleState, node: string, rec: CycleRecord | null): void {
    const core = this.core as SchedulerCore
    const queue = this.queue as SchedulingQueue
    const pi = q.podInfo
    const key = pi.key
    this.emit({ type: 'scheduler:Select', pod: key, outcome: 'ok', details: selectDetails(node, rec, this.ctx.sim.rng.seed) })
    core.cache.assumePod(pi, node)
    core.deleteNominatedPod(key)
    const fail = (s: Status, phase: string, cycle: 'scheduling' | 'binding') => {
      fwk.runReservePluginsUnreserve(state, pi, node)
      core.cache.forgetPod(key)
      this.handleFailure(q, cycle, s, `${phase}: ${s.message()}`, new Set(s.plugin ? [s.plugin] : []), null, null)
    }
    const point = (plugins: { name: string }[], s: MaybeStatus) => pointDetails(node, plugins, s)
    const rs = fwk.runReservePluginsReserve(state, pi, node)
    this.emit({ type: 'scheduler:Reserve', pod: key, outcome: isSuccess(rs) ? 'ok' : 'error', details: point(fwk.reserve, rs) })
    if (!isSuccess(rs)) return fail(rs as Status, 'running Reserve plugin', 'scheduling')
    const ps = fwk.runPermitPlugins(state, pi, node)
    this.emit({ type: 'scheduler:Permit', pod: key, outcome: isSuccess(ps) ? 'ok' : 'error', details: point(fwk.permit, ps) })
    if (!isSuccess(ps)) return fail(ps as Status, 'running Permit plugin', 'scheduling')
    queue.done(key)
    // The binding cycle runs on its own; the scheduling loop moves on.
    const pb = fwk.runPreBindPlugins(state, pi, node)
    this.emit({ type: 'scheduler:PreBind', pod: key, outcome: isSuccess(pb) ? 'ok' : 'error', details: point(fwk.preBind, pb) })
    if (!isSuccess(pb)) return fail(pb as Status, 'running PreBind plugin', 'binding')
    fwk.runBindPlugins(state, pi, node, (s, plugin) => {
      if (!isSuccess(s)) {
        this.emit({ type: 'scheduler:Bind', pod: key, outcome: 'error', details: { result: 'rejected', node, message: (s as Status).message() } })
        fwk.runReservePluginsUnreserve(state, pi, node)
        core.cache.forgetPod(key)
        this.handleFailure(q, 'binding', s as Status, `binding rejected: ${(s as Status).message()}`, new Set(), null, null)
        return
      }
      this.emit({ type: 'scheduler:Bind', pod: key, outcome: 'ok', details: { result: 'bound', plugin, node } })
      // Mirrors: schedule_one.go finishBinding.
      this.recorder.event(podRef(pi.pod), 'Normal', 'Scheduled', `Successfully assigned ${key} to ${node}`, 'Binding')
      fwk.runPostBindPlugins(state, pi, node)
      const postBind = { node, plugins: pluginNames(fwk.postBind) }
      this.emit({ type: 'scheduler:PostBind', pod: key, outcome: 'info', details: postBind })
    })
  }

  /** handleSchedulingFailure (schedule_one.go): requeue, FailedScheduling event, PodScheduled=False (and the nomination) on the pod. */
  private handleFailure(q: QueuedPodInfo, phase: 'scheduling' | 'binding', status: Status, message: string, plugins: Set<string>, pf: PostFilterResult | null, rec: CycleRecord | null): void {
    const core = this.core as SchedulerCore
    const queue = this.queue as SchedulingQueue
    const pi = q.podInfo
    const key = pi.key
    const reason = isRejected(status) ? 'Unschedulable' : 'SchedulerError'
    q.unschedulablePlugins = isRejected(status) ? plugins : new Set()
    const pod = this.pods.get(key)
    let where: UnschedulableQueue = 'none (the pod is gone or bound)'
    if (pod && !pod.spec?.nodeName) where = queue.addUnschedulable(q, this.ctx.sim.now())
    else queue.done(key)
    if (pf) core.addNominatedPod(pi, pf.nominatedNodeName)
    const rejectors = [...q.unschedulablePlugins].sort()
    this.emit({
      type: 'scheduler:Unschedulable', pod: key, outcome: 'error',
      details: {
        phase, reason, message, queue: where, unschedulablePlugins: rejectors,
        hints: rejectors.map((p) => ({ plugin: p, events: queue.eventsOf(p) })),
        attempts: q.attempts, backoffSeconds: queue.backoffDuration(q) / 1_000_000,
        ...(pf ? { nominatedNodeName: pf.nominatedNodeName } : {}), ...(rec ? { cycle: rec } : {}),
      },
    })
    if (!pod) return
    this.recorder.event(podRef(pod), 'Warning', 'FailedScheduling', truncateMessage(message), 'Scheduling')
    // updatePod: patch the condition (and the nomination) unless nothing would change.
    const cur = (pod.status?.conditions ?? []).find((c) => c.type === 'PodScheduled')
    const nnnChange = pf !== null && (pod.status?.nominatedNodeName ?? '') !== pf.nominatedNodeName
    if (cur && cur.status === 'False' && cur.reason === reason && cur.message === message && !nnnChange) return
    const [namespace, name] = key.split('/')
    const statusPatch: Record<string, unknown> = {
      conditions: [{ type: 'PodScheduled', status: 'False', reason, message, lastProbeTime: null, lastTransitionTime: cur && cur.status === 'False' ? cur.lastTransitionTime : this.ctx.sim.rfc3339() }],
    }
    if (nnnChange) statusPatch.nominatedNodeName = pf?.nominatedNodeName ? pf.nominatedNodeName : null
    this.client.request({ verb: 'PATCH', path: `/api/v1/namespaces/${namespace}/pods/${name}/status`, headers: { 'Content-Type': 'application/strategic-merge-patch+json' }, body: { metadata: { uid: pod.metadata?.uid }, status: statusPatch } as KObject }, () => {}, { pod: key, purpose: 'unschedulable-status' })
  }

  // ---- API actions ----
  /** The chosen candidate's victims are evicted once the cycle is traced (preemption.ts prepareCandidate). */
  private preemptApi(preemptor: PodInfo, node: string, victims: PodInfo[]): void {
    const deps = {
      emit: (step: SchedulerStepInput) => this.emit(step), client: this.client, recorder: this.recorder,
      now: () => this.ctx.sim.rfc3339(), core: this.core as SchedulerCore,
    }
    this.pendingPreemptions.push(() => prepareCandidate(deps, preemptor, node, victims))
  }

  private traceCycle(pi: PodInfo, rec: CycleRecord | null, kind: string): void {
    for (const step of cycleSteps(pi.key, rec, kind)) this.emit(step)
  }
}

