/**
 * kube-scheduler: informers for nodes, pods and namespaces, the scheduling queue, the scheduling cycle through the
 * v1.35 default profile (or a KubeSchedulerConfiguration), the asynchronous binding cycle, failure handling and
 * preemption — each step a trace event in the kube-scheduler lane.
 * Mirrors: pkg/scheduler/{scheduler.go,schedule_one.go,eventhandlers.go}.
 */
import type { KObject, LabelSelector, Namespace, Node, Pod } from '../api/types.ts'
import type { ApiClient } from '../client/apiClient.ts'
import { EventRecorder } from '../client/eventRecorder.ts'
import type { EngineContext } from '../context.ts'
import { latency } from '../context.ts'
import type { TraceEventInput } from '../events.ts'
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

const DOCS = {
  scheduler: 'https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/',
  framework: 'https://kubernetes.io/docs/concepts/scheduling-eviction/scheduling-framework/',
  queue: 'https://kubernetes.io/docs/concepts/scheduling-eviction/scheduling-framework/#scheduling-queue',
  filter: 'https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/#kube-scheduler-implementation',
  score: 'https://kubernetes.io/docs/concepts/scheduling-eviction/scheduling-framework/#scoring',
  preemption: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/',
  binding: 'https://kubernetes.io/docs/concepts/scheduling-eviction/scheduling-framework/#binding-cycle',
  gates: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-scheduling-readiness/',
  config: 'https://kubernetes.io/docs/reference/scheduling/config/',
}

const EVENT_WHY: Record<string, string> = {
  NodeAdd: 'a node was added',
  NodeDelete: 'a node was deleted',
  NodeLabelChange: "a node's labels changed",
  NodeTaintChange: "a node's taints changed",
  NodeAllocatableChange: "a node's allocatable resources changed",
  NodeConditionChange: "a node's conditions changed",
  NodeSpecUnschedulableChange: 'a node was cordoned or uncordoned',
  AssignedPodAdd: 'a pod was assigned to a node',
  AssignedPodUpdate: 'a pod on a node changed',
  AssignedPodDelete: 'a pod on a node was deleted',
  UnscheduledPodUpdate: 'the pod itself was updated',
  UnschedulableTimeout: 'it has waited 5 minutes among the unschedulable pods',
  BackoffComplete: 'its backoff time is over',
}

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
  private readonly namespaces = new Map<string, Record<string, string>>()
  /** Services, ReplicationControllers, ReplicaSets and StatefulSets by kind, then namespace/name. */
  private readonly selectors = new Map<string, Map<string, KObject>>()
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
        namespaceLabels: (ns) => this.namespaces.get(ns),
        defaultSelector: (pi) => this.defaultSelector(pi),
        actions: { bind: (pi, node, done) => this.bindApi(pi, node, done), preempt: (pre, node, victims) => this.preemptApi(pre, node, victims) },
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

  private emit(input: Omit<TraceEventInput, 'lane'>): void {
    this.ctx.trace.emit({ lane: 'kube-scheduler', ...input } as TraceEventInput)
  }

  start(): void {
    this.startedAt = this.ctx.sim.now()
    if (this.configError !== null) return
    this.client.watch('/api/v1/namespaces', {}, (e) => {
      const ns = e.object as Namespace
      if (e.type === 'DELETED') this.namespaces.delete(ns.metadata?.name ?? '')
      else this.namespaces.set(ns.metadata?.name ?? '', (ns.metadata?.labels ?? {}) as Record<string, string>)
    })
    for (const [kind, path] of [['Service', '/api/v1/services'], ['ReplicationController', '/api/v1/replicationcontrollers'], ['ReplicaSet', '/apis/apps/v1/replicasets'], ['StatefulSet', '/apis/apps/v1/statefulsets']]) {
      const m = new Map<string, KObject>()
      this.selectors.set(kind, m)
      this.client.watch(path, {}, (e) => {
        const o = e.object as KObject
        const k = `${o.metadata?.namespace}/${o.metadata?.name}`
        if (e.type === 'DELETED') m.delete(k)
        else m.set(k, o)
      })
    }
    this.client.watch('/api/v1/nodes', {}, (e) => this.onNode(e.type, e.object as Node))
    this.client.watch('/api/v1/pods', { fieldSelector: 'status.phase!=Succeeded,status.phase!=Failed' }, (e) => this.onPod(e.type, e.object as Pod))
  }

  /** reportStartup puts a start-up failure in the trace (called once the story's trace is recording). */
  reportStartup(): void {
    if (this.configError === null) return
    this.emit({ type: 'scheduler:Unschedulable', outcome: 'error', summary: `kube-scheduler failed to start: ${this.configError}`, explain: 'The KubeSchedulerConfiguration is invalid, so kube-scheduler exits at start-up with this error and no pod gets scheduled. Fix the configuration.', docs: DOCS.config, details: { error: this.configError } })
  }

  /**
   * helper.DefaultSelector: the union of the selectors of the Services selecting the pod, plus the selector of its
   * controlling ReplicationController, ReplicaSet or StatefulSet (what the system default spreading counts).
   */
  private defaultSelector(pi: PodInfo): LabelSelector | null {
    const ns = pi.pod.metadata?.namespace ?? 'default'
    const labels = (pi.pod.metadata?.labels ?? {}) as Record<string, string>
    const matchLabels: Record<string, string> = {}
    for (const svc of this.selectors.get('Service')?.values() ?? []) {
      if (svc.metadata?.namespace !== ns) continue
      const sel = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector
      if (!sel || Object.keys(sel).length === 0) continue
      if (Object.entries(sel).every(([k, v]) => labels[k] === v)) Object.assign(matchLabels, sel)
    }
    const selector: LabelSelector = { matchLabels }
    const owner = (pi.pod.metadata?.ownerReferences ?? []).find((o) => o.controller)
    if (owner) {
      const obj = this.selectors.get(owner.kind)?.get(`${ns}/${owner.name}`)
      const spec = obj?.spec as { selector?: LabelSelector | Record<string, string> } | undefined
      if (owner.kind === 'ReplicationController' && spec?.selector) Object.assign(matchLabels, spec.selector as Record<string, string>)
      else if (spec?.selector) {
        const s = spec.selector as LabelSelector
        Object.assign(matchLabels, s.matchLabels ?? {})
        selector.matchExpressions = [...(s.matchExpressions ?? [])]
      }
    }
    return selector
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
    const changed = (a: unknown, b: unknown) => JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)
    const events: ClusterEvent[] = []
    if (changed(old.metadata?.labels, node.metadata?.labels)) events.push('NodeLabelChange')
    if (changed(old.spec?.taints, node.spec?.taints)) events.push('NodeTaintChange')
    if (changed(old.status?.allocatable, node.status?.allocatable)) events.push('NodeAllocatableChange')
    if (!!old.spec?.unschedulable !== !!node.spec?.unschedulable) events.push('NodeSpecUnschedulableChange')
    if (changed(old.status?.conditions?.map((c) => [c.type, c.status]), node.status?.conditions?.map((c) => [c.type, c.status]))) events.push('NodeConditionChange')
    for (const ev of events) this.moveOn(ev)
  }

  private responsible(pod: Pod): boolean {
    return (this.core as SchedulerCore).frameworks.has(pod.spec?.schedulerName ?? 'default-scheduler')
  }

  private onPod(type: string, pod: Pod): void {
    const core = this.core as SchedulerCore
    const queue = this.queue as SchedulingQueue
    const key = `${pod.metadata?.namespace ?? 'default'}/${pod.metadata?.name ?? ''}`
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
      else if (JSON.stringify(old?.metadata?.labels ?? {}) !== JSON.stringify(pod.metadata?.labels ?? {})) this.moveOn('AssignedPodUpdate')
      return
    }
    if (!this.responsible(pod)) return
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
    if (old && (JSON.stringify(old.spec) !== JSON.stringify(pod.spec) || JSON.stringify(old.metadata?.labels ?? {}) !== JSON.stringify(pod.metadata?.labels ?? {}))) {
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
        type: 'scheduler:Enqueue', pod: pi.key, outcome: 'warning', summary: `${gate.plugin}: ${gate.message()} — held among the unschedulable pods`,
        explain: `The pod has spec.schedulingGates, so the ${gate.plugin} PreEnqueue plugin keeps it out of the active queue. Nothing tries to schedule it until every gate is removed from the pod.`,
        docs: DOCS.gates, details: { plugin: gate.plugin, status: gate.codeName, message: gate.message(), queue: 'unschedulablePods' },
      })
      return
    }
    queue.addActive(q)
    this.emit({
      type: 'scheduler:Enqueue', pod: pi.key, outcome: 'info', summary: `activeQ ← ${pi.key} (priority ${pi.priority})`,
      explain: `The scheduler's informer saw a new pod with no spec.nodeName whose schedulerName (${pi.pod.spec?.schedulerName ?? 'default-scheduler'}) is one of its profiles. PreEnqueue plugins let it in, so it joins activeQ, ordered by PrioritySort: higher priority first, then first come.`,
      docs: DOCS.queue, details: { queue: 'activeQ', priority: pi.priority },
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
        type: 'scheduler:QueueMove', pod: m.pod, outcome: 'info', summary: `${m.from} → ${m.to}: ${m.pod} (${m.event})`,
        explain: `Pods wait among the unschedulable pods until a cluster event that one of the plugins that rejected them cares about happens. Now ${EVENT_WHY[m.event] ?? m.event}, so the pod moves to ${m.to}${m.to === 'backoffQ' ? ' and waits out its backoff (1 s, doubling per attempt up to 10 s) before it is tried again' : ' and will be tried again'}.`,
        docs: DOCS.queue, details: { from: m.from, to: m.to, event: m.event },
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
      type: 'scheduler:Pop', pod: key, outcome: 'info', summary: `scheduling cycle for ${key} (attempt ${q.attempts}${fromBackoff ? ', popped from backoffQ' : ''})`,
      explain: `The scheduler takes the pod at the head of activeQ${fromBackoff ? ' (activeQ was empty, so it took the pod whose backoff ends first: SchedulerPopFromBackoffQ)' : ''} and runs one scheduling cycle for it: PreFilter, Filter on the nodes, PostFilter if none fits, then PreScore, Score, and the choice of a node. Cycles run one pod at a time.`,
      docs: DOCS.framework, details: { attempts: q.attempts, queue: { activeQ: queue.activeLength, backoffQ: queue.backoffLength, unschedulablePods: queue.unschedulableLength } },
    })
    if (pod.metadata?.deletionTimestamp) {
      queue.done(key)
      // Mirrors: schedule_one.go ScheduleOne (skipPodSchedule of a pod being deleted).
      this.recorder.event(ref(pod), 'Warning', 'FailedScheduling', `skip schedule deleting pod: ${key}`, 'Scheduling')
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
      if (result.kind === 'unschedulable') this.handleFailure(q, newStatus(Code.Unschedulable, result.message), result.message, result.diagnosis.unschedulablePlugins, result.postFilterResult, rec)
      else this.handleFailure(q, result.status, result.message, new Set(), null, rec)
      return
    }
    this.assumeAndBind(q, fwk, state, result.node, rec)
  }

  private assumeAndBind(q: QueuedPodInfo, fwk: Framework, state: CycleState, node: string, rec: CycleRecord | null): void {
    const core = this.core as SchedulerCore
    const queue = this.queue as SchedulingQueue
    const pi = q.podInfo
    const key = pi.key
    const tied = rec?.tiedNodes ?? 0
    const total = rec?.totalScore[node]
    this.emit({
      type: 'scheduler:Select', pod: key, outcome: 'ok', summary: `selected ${node}${total !== undefined ? ` (total score ${total})` : ''}${tied > 1 ? `, ${tied} nodes tied` : ''}`,
      explain: rec?.scoringNote ?? `The node with the highest total score wins${tied > 1 ? `; ${tied} nodes shared the best total, and the tie is broken at random (seeded, so the same seed picks the same node)` : ''}. The scheduler now assumes the pod is on ${node} in its own cache, so the next cycle already counts it, before the binding is confirmed.`,
      docs: DOCS.score, details: { selectedNode: node, cycle: rec },
    })
    core.cache.assumePod(pi, node)
    core.deleteNominatedPod(key)
    const fail = (s: Status, phase: string) => {
      fwk.runReservePluginsUnreserve(state, pi, node)
      core.cache.forgetPod(key)
      this.handleFailure(q, s, `${phase}: ${s.message()}`, new Set(s.plugin ? [s.plugin] : []), null, null)
    }
    const rs = fwk.runReservePluginsReserve(state, pi, node)
    this.emit({ type: 'scheduler:Reserve', pod: key, outcome: isSuccess(rs) ? 'ok' : 'error', summary: `Reserve on ${node}${fwk.reserve.length ? `: ${fwk.reserve.map((p) => p.name).join(', ')}` : ': no Reserve plugins to run'}`, explain: 'Reserve plugins set aside what the pod needs on the chosen node (volumes, devices) before the binding, so a concurrent decision cannot take it. The default plugins with Reserve work (VolumeBinding, DynamicResources) have nothing to reserve for this pod.', docs: DOCS.framework })
    if (!isSuccess(rs)) return fail(rs as Status, 'running Reserve plugin')
    const ps = fwk.runPermitPlugins(state, pi, node)
    this.emit({ type: 'scheduler:Permit', pod: key, outcome: isSuccess(ps) ? 'ok' : 'error', summary: `Permit: ${fwk.permit.length ? fwk.permit.map((p) => p.name).join(', ') : 'allowed (no Permit plugins)'}`, explain: 'Permit plugins can approve, deny or hold the pod before it is bound (gang scheduling uses this). The default profile has none, so the pod goes straight to the binding cycle, which runs asynchronously while the next pod is scheduled.', docs: DOCS.framework })
    if (!isSuccess(ps)) return fail(ps as Status, 'running Permit plugin')
    queue.done(key)
    // The binding cycle runs on its own; the scheduling loop moves on.
    const pb = fwk.runPreBindPlugins(state, pi, node)
    this.emit({ type: 'scheduler:PreBind', pod: key, outcome: isSuccess(pb) ? 'ok' : 'error', summary: `PreBind${fwk.preBind.length ? '' : ': nothing to do'}`, explain: 'PreBind plugins do work that must happen before binding, such as provisioning volumes. This pod needs none.', docs: DOCS.binding })
    if (!isSuccess(pb)) return fail(pb as Status, 'running PreBind plugin')
    fwk.runBindPlugins(state, pi, node, (s, plugin) => {
      if (!isSuccess(s)) {
        this.emit({ type: 'scheduler:Bind', pod: key, outcome: 'error', summary: `binding rejected: ${(s as Status).message()}`, explain: 'The apiserver refused the binding, so the scheduler forgets the assumed pod and puts it back in the queue with backoff.', docs: DOCS.binding })
        fwk.runReservePluginsUnreserve(state, pi, node)
        core.cache.forgetPod(key)
        this.handleFailure(q, s as Status, `binding rejected: ${(s as Status).message()}`, new Set(), null, null)
        return
      }
      this.emit({ type: 'scheduler:Bind', pod: key, outcome: 'ok', summary: `${plugin}: bound ${key} to ${node}`, explain: `The binding was accepted: the apiserver set spec.nodeName to ${node} and PodScheduled=True. The kubelet on ${node} is watching for exactly this change.`, docs: DOCS.binding, details: { plugin } })
      // Mirrors: schedule_one.go finishBinding.
      this.recorder.event(ref(pi.pod), 'Normal', 'Scheduled', `Successfully assigned ${key} to ${node}`, 'Binding')
      fwk.runPostBindPlugins(state, pi, node)
      this.emit({ type: 'scheduler:PostBind', pod: key, outcome: 'info', summary: 'PostBind: done', explain: 'PostBind plugins are told the pod is bound, to clean up. The scheduler is done with this pod.', docs: DOCS.binding })
    })
  }

  /** handleSchedulingFailure (schedule_one.go): requeue, FailedScheduling event, PodScheduled=False (and the nomination) on the pod. */
  private handleFailure(q: QueuedPodInfo, status: Status, message: string, plugins: Set<string>, pf: PostFilterResult | null, rec: CycleRecord | null): void {
    const core = this.core as SchedulerCore
    const queue = this.queue as SchedulingQueue
    const pi = q.podInfo
    const key = pi.key
    const reason = isRejected(status) ? 'Unschedulable' : 'SchedulerError'
    q.unschedulablePlugins = isRejected(status) ? plugins : new Set()
    const pod = this.pods.get(key)
    let where = 'none (the pod is gone or bound)'
    if (pod && !pod.spec?.nodeName) where = queue.addUnschedulable(q, this.ctx.sim.now())
    else queue.done(key)
    if (pf) core.addNominatedPod(pi, pf.nominatedNodeName)
    const rejectors = [...q.unschedulablePlugins].sort()
    this.emit({
      type: 'scheduler:Unschedulable', pod: key, outcome: 'error', summary: message,
      explain: reason === 'Unschedulable'
        ? `No node can take the pod now. The message counts, for every node, the reason of the filter that rejected it (a node stops at its first failing filter) and ends with what preemption found. The pod goes to ${where}; it is tried again when ${rejectors.length ? `an event that ${rejectors.join(', ')} cares about happens` : 'its backoff ends'} (or after 5 minutes).`
        : `The scheduling cycle failed with an error (not a fit problem), so the pod goes to ${where} and is retried after its backoff.`,
      docs: DOCS.scheduler,
      details: { reason, message, queue: where, unschedulablePlugins: rejectors, ...(pf ? { nominatedNodeName: pf.nominatedNodeName } : {}), ...(rec ? { cycle: rec } : {}) },
    })
    if (!pod) return
    this.recorder.event(ref(pod), 'Warning', 'FailedScheduling', truncateMessage(message), 'Scheduling')
    // updatePod: patch the condition (and the nomination) unless nothing would change.
    const cur = (pod.status?.conditions ?? []).find((c) => c.type === 'PodScheduled')
    const nnnChange = pf !== null && (pod.status?.nominatedNodeName ?? '') !== pf.nominatedNodeName
    if (cur && cur.status === 'False' && cur.reason === reason && cur.message === message && !nnnChange) return
    const [namespace, name] = key.split('/')
    const statusPatch: Record<string, unknown> = {
      conditions: [{ type: 'PodScheduled', status: 'False', reason, message, lastProbeTime: null, lastTransitionTime: cur && cur.status === 'False' ? cur.lastTransitionTime : this.ctx.sim.rfc3339() }],
    }
    if (nnnChange) statusPatch.nominatedNodeName = pf?.nominatedNodeName ? pf.nominatedNodeName : null
    this.client.request({ verb: 'PATCH', path: `/api/v1/namespaces/${namespace}/pods/${name}/status`, headers: { 'Content-Type': 'application/strategic-merge-patch+json' }, body: { metadata: { uid: pod.metadata?.uid }, status: statusPatch } as KObject }, () => {}, { pod: key, explain: `The scheduler records why the pod cannot be scheduled in its PodScheduled condition${nnnChange && pf?.nominatedNodeName ? ` and nominates ${pf.nominatedNodeName} in status.nominatedNodeName` : ''}; \`kubectl describe pod\` shows it.` })
  }

  // ---- API actions ----
  private bindApi(pi: PodInfo, node: string, done: (s: MaybeStatus) => void): void {
    const [namespace, name] = pi.key.split('/')
    this.client.request({ verb: 'POST', path: `/api/v1/namespaces/${namespace}/pods/${name}/binding`, body: { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace, uid: pi.pod.metadata?.uid }, target: { apiVersion: 'v1', kind: 'Node', name: node } } }, (res) => {
      if (res.code >= 300) done(newStatus(Code.Error, String((res.body as { message?: string } | undefined)?.message ?? `binding failed with ${res.code}`)))
      else done(null)
    }, { pod: pi.key, explain: `The binding cycle: DefaultBinder asks the apiserver to bind the pod to ${node} (POST pods/${name}/binding). The scheduler never writes spec.nodeName itself.` })
  }

  /** prepareCandidate: DisruptionTarget condition and DELETE for each victim, Preempted events, lower nominations cleared. */
  private preemptApi(preemptor: PodInfo, node: string, victims: PodInfo[]): void {
    this.pendingPreemptions.push(() => this.prepareCandidate(preemptor, node, victims))
  }

  private prepareCandidate(preemptor: PodInfo, node: string, victims: PodInfo[]): void {
    const core = this.core as SchedulerCore
    this.emit({
      type: 'scheduler:Preempt', pod: preemptor.key, outcome: 'warning', summary: `preempting ${victims.map((v) => v.key).join(', ')} on ${node}`,
      explain: `No node fits, but on ${node} removing ${victims.length} pod(s) of lower priority (${victims.map((v) => `${v.key} priority ${v.priority}`).join(', ')}) makes room. DefaultPreemption picked this node (fewest and lowest-priority victims), nominates it for the pod and asks the apiserver to delete the victims gracefully. The pod waits until they are gone.`,
      docs: DOCS.preemption, details: { node, victims: victims.map((v) => ({ pod: v.key, priority: v.priority })) },
    })
    for (const v of victims) {
      const [namespace, name] = v.key.split('/')
      // Mirrors: pkg/scheduler/framework/preemption/preemption.go prepareCandidate (condition, delete, Preempted event).
      const condition = { type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler', message: `${preemptor.pod.spec?.schedulerName ?? 'default-scheduler'}: preempting to accommodate a higher priority pod`, lastTransitionTime: this.ctx.sim.rfc3339() }
      this.client.request({ verb: 'PATCH', path: `/api/v1/namespaces/${namespace}/pods/${name}/status`, headers: { 'Content-Type': 'application/strategic-merge-patch+json' }, body: { metadata: { uid: v.pod.metadata?.uid }, status: { conditions: [condition] } } as KObject }, () => {
        this.client.request({ verb: 'DELETE', path: `/api/v1/namespaces/${namespace}/pods/${name}` }, (res) => {
          if (res.code >= 300 && res.code !== 404) return
          this.recorder.event(ref(v.pod), 'Normal', 'Preempted', `Preempted by pod ${preemptor.pod.metadata?.uid} on node ${node}`, 'Preempting')
        }, { pod: v.key, explain: `The victim is deleted with its normal grace period: the kubelet on ${node} stops its containers, then the pod is removed.` })
      }, { pod: v.key, explain: 'Before deleting a victim the scheduler marks it with the DisruptionTarget condition (reason PreemptionByScheduler), so its owner can tell why it went away.' })
    }
    // Pods of lower priority nominated to the same node lose their nomination.
    for (const np of core.nominatedPodsForNode(node)) {
      if (np.priority >= preemptor.priority || np.key === preemptor.key) continue
      core.deleteNominatedPod(np.key)
      const [namespace, name] = np.key.split('/')
      this.client.request({ verb: 'PATCH', path: `/api/v1/namespaces/${namespace}/pods/${name}/status`, headers: { 'Content-Type': 'application/strategic-merge-patch+json' }, body: { metadata: { uid: np.pod.metadata?.uid }, status: { nominatedNodeName: null } } as KObject }, () => {}, { pod: np.key, explain: 'A pod of lower priority was nominated to the same node; its nomination is cleared.' })
    }
  }

  // ---- trace of a cycle ----
  private traceCycle(pi: PodInfo, rec: CycleRecord | null, kind: string): void {
    const key = pi.key
    if (!rec) return
    if (rec.numAllNodes === 0) return
    const pre = rec.preFilter
    this.emit({
      type: 'scheduler:PreFilter', pod: key, outcome: pre.some((p) => p.status !== 'Success' && p.status !== 'Skip') ? 'error' : 'ok',
      summary: `PreFilter: ${pre.map((p) => `${p.plugin} ${p.status}`).join(', ')}`,
      explain: `Each PreFilter plugin computes what its Filter needs once per cycle. Skip means the plugin has nothing to check for this pod (no nodeSelector, no host ports, no spread constraints, ...) and its Filter will not run.${pre.some((p) => p.message === 'volumes are not simulated by podbirth') ? ' The volume plugins pass through: podbirth does not simulate volumes.' : ''}`,
      docs: DOCS.framework, details: { preFilter: pre },
    })
    const rejected = Object.entries(rec.rejectedBy).map(([p, r]) => `${p} rejected ${r.nodes}`)
    const notEvaluated = rec.numAllNodes - rec.numEvaluated - (rec.rejectedBy.PreFilter?.nodes ?? 0)
    this.emit({
      type: 'scheduler:Filter', pod: key, outcome: rec.numFeasible > 0 ? 'ok' : 'error',
      summary: `Filter: ${rec.numFeasible}/${rec.numAllNodes} nodes feasible${rejected.length ? ` (${rejected.join(', ')})` : ''}`,
      explain: `Filter plugins run in profile order on each node; a node stops at its first failing plugin, so later plugins are "not evaluated" there. ${rec.numFeasibleNodesToFind < rec.numAllNodes ? `With ${rec.numAllNodes} nodes the scheduler stops after finding ${rec.numFeasibleNodesToFind} feasible ones (percentageOfNodesToScore), starting where the last cycle stopped (node index ${rec.startIndex}); ${Math.max(0, notEvaluated)} nodes were not examined.` : 'Every node is examined.'} ${rec.numFeasible} node(s) can run the pod.`,
      docs: DOCS.filter,
      details: { filter: rec.detail === 'full' ? rec.filter : undefined, rejectedBy: rec.rejectedBy, filterPlugins: rec.filterPlugins, numFeasibleNodesToFind: rec.numFeasibleNodesToFind, detail: rec.detail },
    })
    if (rec.postFilter.length > 0) {
      const nominated = rec.postFilter.find((p) => p.nominatedNodeName)?.nominatedNodeName
      this.emit({
        type: 'scheduler:PostFilter', pod: key, outcome: nominated ? 'warning' : 'error',
        summary: `PostFilter: ${rec.postFilter.map((p) => `${p.plugin} ${p.status}${p.message ? `: ${p.message}` : ''}`).join('; ')}`,
        explain: nominated ? `No node fits, so PostFilter plugins run. DefaultPreemption found that evicting lower-priority pods on ${nominated} makes room.` : 'No node fits, so PostFilter plugins run. DefaultPreemption looks for nodes where evicting lower-priority pods would help; only nodes rejected as Unschedulable (not UnschedulableAndUnresolvable) are candidates.',
        docs: DOCS.preemption, details: { postFilter: rec.postFilter },
      })
    }
    if (kind === 'scheduled' && rec.scorePlugins.length > 0) {
      this.emit({
        type: 'scheduler:PreScore', pod: key, outcome: 'ok', summary: `PreScore: ${rec.preScore.map((p) => `${p.plugin} ${p.status}`).join(', ')}`,
        explain: 'PreScore plugins prepare the scoring. A plugin that returns Skip has nothing to score for this pod (no preferred affinity, no soft spread constraints, a best-effort pod for BalancedAllocation) and adds 0 to every node.',
        docs: DOCS.score, details: { preScore: rec.preScore },
      })
      const ranked = Object.entries(rec.totalScore).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      this.emit({
        type: 'scheduler:Score', pod: key, outcome: 'ok',
        summary: `Score: ${ranked.slice(0, 5).map(([n, s]) => `${n}=${s}`).join(', ')}${ranked.length > 5 ? ', …' : ''}`,
        explain: `Each Score plugin gives every feasible node a raw score, normalizes it to 0–100 and multiplies it by its weight (${rec.scorePlugins.map((p) => `${p.plugin}×${p.weight}`).join(', ')}); the node's total is the sum.${rec.detail === 'compact' ? ` Only the top ${ranked.length} nodes are kept in this record.` : ''}`,
        docs: DOCS.score,
        details: { scorePlugins: rec.scorePlugins, score: rec.score, normalizedScore: rec.normalizedScore, finalScore: rec.finalScore, totalScore: rec.totalScore },
      })
    }
  }
}

function ref(pod: Pod) {
  return { apiVersion: 'v1', kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name, uid: pod.metadata?.uid, resourceVersion: pod.metadata?.resourceVersion }
}
