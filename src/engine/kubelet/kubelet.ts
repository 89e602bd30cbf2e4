/**
 * The kubelet on one node: the shell. It watches the node and the pods bound to it, keeps a pod worker per pod,
 * admits each new pod and starts its sync, and starts termination once a pod has a deletionTimestamp. It alone
 * emits trace steps (`emit`); the managers own their state and the kernels decide.
 *
 * - `podWorkers.ts` the per-pod state (pkg/kubelet/pod_workers.go); `kubeletPods.ts` getPhase and friends;
 * - `lifecycle/` admission (predicate.go) and hook handlers (handlers.go);
 * - `status/` the status manager (status_manager.go, generate.go);
 * - `images/` the image manager (image_manager.go); `cri/` the runtime service and the simulated runtime;
 * - `kuberuntime/` SyncPod's sequence, containers, kills, the sandbox and the container GC (pkg/kubelet/kuberuntime);
 * - `cni/` host-local IPAM.
 * Mirrors: pkg/kubelet/kubelet.go (SyncPod, canAdmitPod, rejectPod, SyncTerminatingPod, HandlePodUpdates).
 * Simplified: an operation in flight when deletion arrives completes before termination starts.
 */
import { getPodQOS } from '../api/qos.ts'
import type { Container, Node, Pod } from '../api/types.ts'
import { podKey } from '../api/podKey.ts'
import type { ApiClient } from '../client/apiClient.ts'
import { EventRecorder } from '../client/eventRecorder.ts'
import type { EngineContext } from '../context.ts'
import { latency } from '../context.ts'
import type { Lane, Outcome as StepOutcome, TraceDetailsMap, TraceEventInput } from '../events.ts'
import { ms } from '../sim/kernel.ts'
import type { Micros } from '../sim/kernel.ts'
import type { Rng } from '../sim/rng.ts'
import { HostLocal, parseRange } from './cni/hostLocal.ts'
import { podRef } from './container/ref.ts'
import { RuntimeService } from './cri/runtimeService.ts'
import { ImageManager } from './images/imageManager.ts'
import { waiting } from './kubeletPods.ts'
import { newCrashLoopBackOff } from './kuberuntime/backoff.ts'
import { killForProbe } from './kuberuntime/container.ts'
import { killPod, sidecarStarted } from './kuberuntime/manager.ts'
import { forget } from './kuberuntime/gc.ts'
import { runPodSandbox } from './kuberuntime/sandbox.ts'
import { podUpdated } from './kuberuntime/update.ts'
import { canAdmitPod } from './lifecycle/predicate.ts'
import { gracePeriodOf, idle, newPodWorker } from './podWorkers.ts'
import type { PodWorker } from './podWorkers.ts'
import { StatusManager } from './status/statusManager.ts'
import { ProberManager } from './prober/proberManager.ts'
import type { KubeletTraceType } from './traceTypes.ts'

export class Kubelet {
  readonly nodeName: string
  readonly ctx: EngineContext
  readonly client: ApiClient
  readonly recorder: EventRecorder
  readonly rng: Rng
  node?: Node
  ipam?: HostLocal | { error: string }
  private readonly workers = new Map<string, PodWorker>()
  readonly images = new ImageManager(this)
  readonly status = new StatusManager(this)
  readonly runtime = new RuntimeService(this)
  readonly prober = new ProberManager(this)
  /** The container restart back-off, one for the kubelet keyed by pod and container (kubelet.go crashLoopBackOff). */
  readonly crashLoopBackOff = newCrashLoopBackOff()

  constructor(ctx: EngineContext, client: ApiClient, nodeName: string) {
    this.ctx = ctx
    this.client = client
    this.nodeName = nodeName
    this.rng = ctx.sim.rng.fork(`kubelet/${nodeName}`)
    this.recorder = new EventRecorder(ctx, client, {
      component: 'kubelet',
      host: nodeName,
      reportingInstance: nodeName,
      api: 'legacy',
    })
    this.prober.onKill = (w, c, message, grace) => killForProbe(this, w, c, message, grace)
    this.prober.onStarted = (w, c) => sidecarStarted(this, w, c)
  }

  start(): void {
    this.client.watch('/api/v1/nodes', { fieldSelector: `metadata.name=${this.nodeName}` }, (e) => {
      if (e.type === 'DELETED') return
      this.node = e.object as Node
      this.images.observeNode(this.node)
      if (!this.ipam)
        this.ipam = this.node.spec?.podCIDR
          ? ((r) => ('error' in r ? r : new HostLocal(r)))(parseRange(this.node.spec.podCIDR))
          : { error: 'no podCIDR set for node' }
    })
    this.client.watch('/api/v1/pods', { fieldSelector: `spec.nodeName=${this.nodeName}` }, (e) => {
      const pod = e.object as Pod
      const key = podKey(pod.metadata?.namespace, pod.metadata?.name)
      const w = this.workers.get(key)
      if (e.type === 'DELETED') {
        this.workers.delete(key)
        if (w) {
          this.prober.removePod(w)
          forget(this, w)
        }
        return
      }
      if (w) {
        const before = w.pod.metadata?.generation
        w.pod = pod
        if (pod.metadata?.deletionTimestamp && w.state === 'syncing') this.terminate(w)
        // A spec update (HandlePodUpdates): a new generation once the pod worker has started its sync.
        else if (pod.metadata?.generation !== before && w.status.startTime && !finished(w.status.phase))
          podUpdated(this, w)
        return
      }
      // A pod this kubelet never ran (e.g. already being deleted when first seen) has nothing to stop.
      if (pod.metadata?.deletionTimestamp) return
      this.observe(key, pod)
    })
  }

  /** send records a step that is an arrow from one lane to another (a call or its answer), arriving 0.2 ms later. */
  send<K extends KubeletTraceType>(
    type: K,
    from: Lane,
    to: Lane,
    pod: string,
    outcome: StepOutcome,
    details: TraceDetailsMap[K],
  ): void {
    // Hot (half the kubelet's steps): the whole event in one literal, node last as emit would add it.
    const arrive = this.ctx.sim.now() + ms(0.2)
    const step = { type, lane: from, from, to, arrive, pod, outcome, details, node: this.nodeName }
    this.ctx.trace.emit(step as unknown as TraceEventInput)
  }

  /** emit records one of the kubelet's steps on the trace (data only: the narration table tells it). */
  emit<K extends KubeletTraceType>(input: KubeletStep<K>): void {
    // Hot (one per kubelet step): every caller passes a fresh literal, so node is added to it in place of a spread
    // copy; it lands last, where the copy put it, so the event's JSON is the same.
    const step: KubeletStep<K> & { node?: string } = input
    step.node = this.nodeName
    // TypeScript cannot tie a generic K to the member of the TraceEventInput union it selects; KubeletStep checks it.
    this.ctx.trace.emit(step as unknown as TraceEventInput)
  }

  private observe(key: string, pod: Pod): void {
    const w = newPodWorker(key, pod)
    this.workers.set(key, w)
    if (pod.status?.phase === 'Running' || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
      // Existing workload from the cluster file: adopt it as it is (start-up, muted).
      // Its IP stays: a pod-network address is kept reserved in host-local (new pods get others); a hostNetwork
      // pod's IP is the node's own.
      const podIP = pod.status?.podIP
      if (podIP) {
        if (this.ipam && !('error' in this.ipam) && !pod.spec?.hostNetwork) this.ipam.reserve(podIP)
        w.ip = podIP
      }
      for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
        const s = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find(
          (x) => x.name === c.name,
        )
        // A Running pod written without containerStatuses (a terse cluster file) has its containers running.
        const implied = !s && pod.status?.phase === 'Running'
        if (!s?.state?.running && !implied) continue
        const id =
          (s?.containerID ?? '').replace(/^containerd:\/\//, '') ||
          `${this.rng.int(0x7fffffff).toString(16).padStart(8, '0')}${this.rng.int(0x7fffffff).toString(16).padStart(8, '0')}`
        w.procs.set(c.name, { c, id, startedAt: this.ctx.sim.now(), outcome: { run: 'forever' } })
        if (id) w.ids.push(id)
      }
      return
    }
    this.emit({
      type: 'kubelet:PodObserved',
      lane: 'kubelet',
      pod: key,
      outcome: 'info',
      details: { namespace: pod.metadata?.namespace ?? '', name: pod.metadata?.name ?? '', nodeName: this.nodeName },
    })
    this.ctx.sim.after(latency(this.ctx, 'kubeletDispatch'), () => this.admit(w))
  }

  /** admit runs the kubelet's admission (lifecycle/predicate.ts) and either rejects the pod or starts its sync. */
  private admit(w: PodWorker): void {
    // Hot (one per birth, over every pod of the node): one loop instead of a spread, a filter and a map.
    const others: Pod[] = []
    for (const o of this.workers.values())
      if (o !== w && o.status.phase !== 'Failed' && o.status.phase !== 'Succeeded') others.push(o.pod)
    const a = canAdmitPod(w.pod, others, this.node)
    const allocatable = (this.node?.status?.allocatable ?? {}) as Record<string, string>
    const { requested, used } = a
    this.emit({
      type: 'kubelet:Admit',
      lane: 'kubelet',
      pod: w.key,
      outcome: a.verdict === 'reject' ? 'error' : 'ok',
      details:
        a.verdict === 'reject'
          ? { verdict: 'reject', requested, used, allocatable, reason: a.reason, message: a.message }
          : { verdict: 'admit', requested, used, allocatable, free: a.free },
    })
    if (a.verdict === 'reject') return this.reject(w, a.reason, a.message)
    this.syncPod(w)
  }

  /** reject mirrors kubelet.rejectPod: a Warning event and a Failed status with "Pod was rejected: ...". */
  private reject(w: PodWorker, reason: string, message: string): void {
    this.emit({ type: 'kubelet:Reject', lane: 'kubelet', pod: w.key, outcome: 'error', details: { reason, message } })
    this.recorder.event(podRef(w.pod), 'Warning', reason, message)
    w.status = {
      phase: 'Failed',
      reason,
      message: `Pod was rejected: ${message}`,
      qosClass: getPodQOS(w.pod),
      startTime: this.ctx.sim.rfc3339(),
    }
    this.status.patchStatus(w, { kind: 'rejected', reason })
  }

  private syncPod(w: PodWorker): void {
    this.prober.addPod(w)
    const now = this.ctx.sim.rfc3339()
    const hostIP = this.node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address
    // A copy with the fields set in order: the keys the status has keep their place, new ones follow, as in a spread
    // literal. But a spread literal that adds keys is V8's slow path (about 1 µs, and each result gets a hidden class
    // of its own, so every later reader of it is megamorphic); Object.assign and plain stores are not.
    const status: PodWorker['status'] = Object.assign({}, w.status)
    status.phase = 'Pending'
    status.conditions = []
    status.hostIP = hostIP
    status.hostIPs = hostIP ? [{ ip: hostIP }] : undefined
    status.startTime = now
    status.qosClass = getPodQOS(w.pod)
    status.containerStatuses = (w.pod.spec?.containers ?? []).map((c) =>
      waiting(c, w.pod.spec?.initContainers?.length ? 'PodInitializing' : 'ContainerCreating'),
    )
    if (w.pod.spec?.initContainers?.length)
      status.initContainerStatuses = w.pod.spec.initContainers.map((c) => waiting(c, 'PodInitializing'))
    w.status = status
    // The conditions are generated from the container statuses just set (each one known, waiting). The status is
    // fresh and not yet reported, so they replace its empty list in place of a second copy (the key keeps its place).
    status.conditions = this.status.conditions(w, false, 'Pending')
    const names = (list: Container[] | undefined) => (list ?? []).map((c) => c.name)
    this.emit({
      type: 'kubelet:SyncPod',
      lane: 'kubelet',
      pod: w.key,
      outcome: 'info',
      details: {
        initContainers: names(w.pod.spec?.initContainers),
        containers: names(w.pod.spec?.containers),
        qosClass: w.status.qosClass ?? '',
      },
    })
    this.status.patchStatus(w, { kind: 'initial' })
    this.ctx.sim.after(ms(1), () => runPodSandbox(this, w))
  }

  /**
   * terminate starts the pod worker's SyncTerminatingPod once the pod has a deletionTimestamp. An operation of the
   * running sync that is in flight finishes first (the worker is serial); nothing new starts after it.
   * Mirrors: pkg/kubelet/pod_workers.go (UpdatePod with a deletion → terminating), kubelet.go SyncTerminatingPod.
   */
  private terminate(w: PodWorker): void {
    w.state = 'terminating'
    const grace = gracePeriodOf(w.pod)
    this.emit({
      type: 'kubelet:SyncTerminatingPod',
      lane: 'kubelet',
      pod: w.key,
      outcome: 'info',
      details: { deletionTimestamp: w.pod.metadata?.deletionTimestamp, gracePeriodSeconds: grace },
    })
    this.ctx.sim.after(latency(this.ctx, 'kubeletDispatch'), () => {
      w.onIdle = () => killPod(this, w, grace)
      idle(w)
    })
  }
}

/** What the kubelet passes to emit for one step of its types: data only, the narration table tells it. */
interface KubeletStep<K extends KubeletTraceType> {
  type: K
  lane: Lane
  from?: Lane
  to?: Lane
  arrive?: Micros
  pod?: string
  outcome: StepOutcome
  details: TraceDetailsMap[K]
}

/** finished: a phase no sync changes any more. */
function finished(phase: string | undefined): boolean {
  return phase === 'Succeeded' || phase === 'Failed'
}
