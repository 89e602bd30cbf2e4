/**
 * The kubelet on one node: it watches the pods bound to its node, admits them against the node's allocatable
 * resources, and runs each pod's sync — sandbox (CRI RunPodSandbox with the pause container; CNI ADD gives the pod
 * its IP), images (ImageStatus, PullImage per imagePullPolicy, with back-off on failure), containers
 * (CreateContainer, StartContainer) — reporting status through the apiserver and Events through its recorder.
 * Mirrors: pkg/kubelet/kubelet.go (SyncPod, canAdmitPod, rejectPod), pkg/kubelet/kuberuntime/kuberuntime_manager.go,
 * pkg/kubelet/images/image_manager.go (event texts), pkg/kubelet/status/generate.go (conditions).
 * Graceful termination (a pod with metadata.deletionTimestamp): Killing events, preStop hooks, StopContainer with the
 * grace period (SIGTERM, then SIGKILL), StopPodSandbox with CNI DEL, the terminal status, the status manager's final
 * DELETE, and the container GC's RemoveContainer/RemovePodSandbox.
 * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer, kubelet.go SyncTerminatingPod,
 * pkg/kubelet/status/status_manager.go (TerminatePod, canBeDeleted), kuberuntime_gc.go evictSandboxes.
 * Sidecars (init containers with restartPolicy Always): started in the init sequence, the kubelet moves on as soon as
 * one has started; they keep running, restart whatever the pod's restartPolicy, count for readiness but not for the
 * phase, and stop after the regular containers, in reverse order.
 * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_container.go (computeInitContainerActions, killContainer's
 * waitForTurn), kuberuntime_termination_order.go, pkg/api/v1/pod/util.go IsRestartableInitContainer.
 * Simplified: probes are not yet simulated; a running container counts as ready; an operation in flight when deletion
 * arrives completes before termination starts.
 */
import { bytes, cpuMilli } from '../api/quantity.ts'
import { getPodQOS } from '../api/qos.ts'
import { matchesSelectorMap } from '../api/labels.ts'
import { untolerated } from '../api/taints.ts'
import { isSidecar } from '../api/containers.ts'
import type { Container, ContainerStatus, KObject, Node, Pod, PodCondition } from '../api/types.ts'
import type { ApiClient } from '../client/apiClient.ts'
import { EventRecorder } from '../client/eventRecorder.ts'
import type { EngineContext } from '../context.ts'
import { latency } from '../context.ts'
import type { Lane, Outcome as StepOutcome, TraceDetailsMap, TraceEventInput } from '../events.ts'
import { ms, sec } from '../sim/kernel.ts'
import type { Micros } from '../sim/kernel.ts'
import { HostLocal, parseRange } from './cni/hostLocal.ts'
import { goDuration } from './goDuration.ts'
import { ImageStore, digestOf, resolve } from './runtime.ts'
import { containerArgv, onSigterm, outcomeOf } from './process.ts'
import type { Outcome } from './process.ts'
import type { CniConfig, CniResult, KubeletTraceType, StatusCause } from './traceTypes.ts'
import { anyRegularStarted, getPhase } from './kubeletPods.ts'

const MAX_IMAGE_BACKOFF_S = 300
const IMAGE_BACKOFF_S = 10

interface Worker {
  pod: Pod
  key: string
  status: NonNullable<Pod['status']>
  ip?: string
  backoffS: number
  sandboxId?: string
  /** What to do when the running init container exits 0. */
  initNext?: () => void
  /** CrashLoopBackOff per container: the next back-off in seconds. */
  crash: Record<string, number>
  /** Running containers by name: id, start time and what the process will do. */
  procs: Map<string, Proc>
  /** Every container id created in this pod (for the container GC). */
  ids: string[]
  /** CRI calls and hooks in flight; termination waits for them (the pod worker serializes syncs). */
  inflight: number
  onIdle?: () => void
  /** Set once a deletionTimestamp is seen: the pod worker runs SyncTerminatingPod instead of SyncPod. */
  terminating?: boolean
  /** Set once every regular container has exited for good: the sidecars are stopped and nothing restarts. */
  completed?: boolean
  /** Sidecars the init sequence waits on: what to do once each has started (the next init container). */
  sidecarNext: Map<string, () => void>
}

/** Termination ordering of one sidecar: the containers it must outlive. */
interface Ordering {
  deps: string[]
  clear: () => boolean
  onChange: (f: () => void) => void
}

interface Proc {
  c: Container
  id: string
  startedAt: Micros
  outcome: Outcome
}

/** pkg/kubelet/kuberuntime/kuberuntime_container.go: always give containers a minimal shutdown window. */
const MINIMUM_GRACE_PERIOD_S = 2
/** pkg/kubelet/kubelet.go ContainerGCPeriod. */
const CONTAINER_GC_PERIOD_S = 60
/** Runtime-side latencies (ms) of the teardown steps; not user-configurable yet. */
const STOP_SANDBOX_MS = 40
const CNI_DEL_MS = 20
const REMOVE_MS = 15

const MAX_CONTAINER_BACKOFF_S = 300

export class Kubelet {
  readonly nodeName: string
  private readonly ctx: EngineContext
  private readonly client: ApiClient
  private readonly recorder: EventRecorder
  private readonly rng
  private node?: Node
  private images?: ImageStore
  private ipam?: HostLocal | { error: string }
  private readonly workers = new Map<string, Worker>()
  /** Pulls are serial (serializeImagePulls=true): the time the puller is busy until. */
  private pullerFreeAt = 0

  constructor(ctx: EngineContext, client: ApiClient, nodeName: string) {
    this.ctx = ctx
    this.client = client
    this.nodeName = nodeName
    this.rng = ctx.sim.rng.fork(`kubelet/${nodeName}`)
    this.recorder = new EventRecorder(ctx, client, { component: 'kubelet', host: nodeName, reportingInstance: nodeName, api: 'legacy' })
  }

  start(): void {
    this.client.watch('/api/v1/nodes', { fieldSelector: `metadata.name=${this.nodeName}` }, (e) => {
      if (e.type === 'DELETED') return
      this.node = e.object as Node
      if (!this.images) this.images = new ImageStore(this.node)
      if (!this.ipam) this.ipam = this.node.spec?.podCIDR ? ((r) => ('error' in r ? r : new HostLocal(r)))(parseRange(this.node.spec.podCIDR)) : { error: 'no podCIDR set for node' }
    })
    this.client.watch('/api/v1/pods', { fieldSelector: `spec.nodeName=${this.nodeName}` }, (e) => {
      const pod = e.object as Pod
      const key = `${pod.metadata?.namespace}/${pod.metadata?.name}`
      const w = this.workers.get(key)
      if (e.type === 'DELETED') {
        this.workers.delete(key)
        if (w) this.forget(w)
        return
      }
      if (w) {
        w.pod = pod
        if (pod.metadata?.deletionTimestamp && !w.terminating) this.terminate(w)
        return
      }
      // A pod this kubelet never ran (e.g. already being deleted when first seen) has nothing to stop.
      if (pod.metadata?.deletionTimestamp) return
      this.observe(key, pod)
    })
  }

  private emit<K extends KubeletTraceType>(input: KubeletStep<K>): void {
    // TypeScript cannot tie a generic K to the member of the TraceEventInput union it selects; KubeletStep checks it.
    this.ctx.trace.emit({ ...input, node: this.nodeName } as unknown as TraceEventInput)
  }

  private observe(key: string, pod: Pod): void {
    const w: Worker = { pod, key, status: { ...pod.status }, backoffS: 0, crash: {}, procs: new Map(), ids: [], inflight: 0, sidecarNext: new Map() }
    this.workers.set(key, w)
    if (pod.status?.phase === 'Running' || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
      // Existing workload from the cluster file: adopt it as it is (start-up, muted).
      if (this.ipam && !('error' in this.ipam) && pod.status?.podIP) {
        const ip = this.ipam.allocate()
        if (typeof ip === 'string') w.ip = ip
      }
      for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
        const s = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find((x) => x.name === c.name)
        // A Running pod written without containerStatuses (a terse cluster file) has its containers running.
        const implied = !s && pod.status?.phase === 'Running'
        if (!s?.state?.running && !implied) continue
        const id = (s?.containerID ?? '').replace(/^containerd:\/\//, '') || `${this.rng.int(0x7fffffff).toString(16).padStart(8, '0')}${this.rng.int(0x7fffffff).toString(16).padStart(8, '0')}`
        w.procs.set(c.name, { c, id, startedAt: this.ctx.sim.now(), outcome: { run: 'forever' } })
        if (id) w.ids.push(id)
      }
      return
    }
    this.emit({
      type: 'kubelet:PodObserved', lane: 'kubelet', pod: key, outcome: 'info',
      details: { namespace: pod.metadata?.namespace ?? '', name: pod.metadata?.name ?? '', nodeName: this.nodeName },
    })
    this.ctx.sim.after(latency(this.ctx, 'kubeletDispatch'), () => this.admit(w))
  }

  /** admit mirrors the resource part of the kubelet's admission (pkg/kubelet/lifecycle/predicate.go). */
  private admit(w: Worker): void {
    const node = this.node
    const alloc = node?.status?.allocatable ?? {}
    const others = [...this.workers.values()].filter((o) => o !== w && o.status.phase !== 'Failed' && o.status.phase !== 'Succeeded')
    const req = (p: Pod) => ({ cpu: sum(p, (c) => cpuMilli(c.resources?.requests?.cpu)), memory: sum(p, (c) => bytes(c.resources?.requests?.memory)) })
    const used = others.map((o) => req(o.pod)).reduce((a, b) => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory }), { cpu: 0, memory: 0 })
    const mine = req(w.pod)
    let reason = ''
    let message = ''
    const podsCap = bytes(alloc.pods ?? '110')
    const usedPorts = new Set(others.flatMap((o) => (o.pod.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).filter((p) => p.hostPort).map((p) => `${p.protocol ?? 'TCP'}/${p.hostPort}`))))
    const myPorts = (w.pod.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).filter((p) => p.hostPort).map((p) => `${p.protocol ?? 'TCP'}/${p.hostPort}`))
    // Mirrors: pkg/kubelet/lifecycle/predicate.go generalFilter (resources first, then ports, affinity, NoExecute taints).
    if (others.length + 1 > podsCap) { reason = 'OutOfpods'; message = `Node didn't have enough resource: pods, requested: 1, used: ${others.length}, capacity: ${podsCap}` }
    else if (mine.cpu > 0 && mine.cpu > cpuMilli(alloc.cpu) - used.cpu) { reason = 'OutOfcpu'; message = `Node didn't have enough resource: cpu, requested: ${mine.cpu}, used: ${used.cpu}, capacity: ${cpuMilli(alloc.cpu)}` }
    else if (mine.memory > 0 && mine.memory > bytes(alloc.memory) - used.memory) { reason = 'OutOfmemory'; message = `Node didn't have enough resource: memory, requested: ${mine.memory}, used: ${used.memory}, capacity: ${bytes(alloc.memory)}` }
    else if (myPorts.some((p) => usedPorts.has(p))) { reason = 'NodePorts'; message = "Predicate NodePorts failed: node(s) didn't have free ports for the requested pod ports" }
    else if (!matchesSelectorMap(w.pod.spec?.nodeSelector, node?.metadata?.labels)) { reason = 'NodeAffinity'; message = "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector" }
    else if (untolerated(node?.spec?.taints, w.pod.spec?.tolerations, ['NoExecute']).length) { reason = 'TaintToleration'; message = 'Predicate TaintToleration failed: node(s) had untolerated taint(s)' }
    const allocatable = alloc as Record<string, string>
    this.emit({
      type: 'kubelet:Admit', lane: 'kubelet', pod: w.key, outcome: reason ? 'error' : 'ok',
      details: reason
        ? { verdict: 'reject', requested: mine, used, allocatable, reason, message }
        : { verdict: 'admit', requested: mine, used, allocatable, free: { cpu: cpuMilli(alloc.cpu) - used.cpu, memory: bytes(alloc.memory) - used.memory } },
    })
    if (reason) return this.reject(w, reason, message)
    this.syncPod(w)
  }

  /** reject mirrors kubelet.rejectPod: a Warning event and a Failed status with "Pod was rejected: ...". */
  private reject(w: Worker, reason: string, message: string): void {
    this.emit({ type: 'kubelet:Reject', lane: 'kubelet', pod: w.key, outcome: 'error', details: { reason, message } })
    this.recorder.event(ref(w.pod), 'Warning', reason, message)
    w.status = { phase: 'Failed', reason, message: `Pod was rejected: ${message}`, qosClass: getPodQOS(w.pod), startTime: this.ctx.sim.rfc3339() }
    this.patchStatus(w, { kind: 'rejected', reason })
  }

  private syncPod(w: Worker): void {
    const now = this.ctx.sim.rfc3339()
    const hostIP = this.node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address
    w.status = {
      ...w.status, phase: 'Pending', conditions: this.conditions(w, false, false), hostIP, hostIPs: hostIP ? [{ ip: hostIP }] : undefined,
      startTime: now, qosClass: getPodQOS(w.pod),
      containerStatuses: (w.pod.spec?.containers ?? []).map((c) => waiting(c, w.pod.spec?.initContainers?.length ? 'PodInitializing' : 'ContainerCreating')),
      ...(w.pod.spec?.initContainers?.length ? { initContainerStatuses: w.pod.spec.initContainers.map((c) => waiting(c, 'PodInitializing')) } : {}),
    }
    const names = (list: Container[] | undefined) => (list ?? []).map((c) => c.name)
    this.emit({ type: 'kubelet:SyncPod', lane: 'kubelet', pod: w.key, outcome: 'info', details: { initContainers: names(w.pod.spec?.initContainers), containers: names(w.pod.spec?.containers), qosClass: w.status.qosClass ?? '' } })
    this.patchStatus(w, { kind: 'initial' })
    this.ctx.sim.after(ms(1), () => this.runPodSandbox(w))
  }

  private conditions(w: Worker, sandboxReady: boolean, containersReady: boolean): PodCondition[] {
    const now = this.ctx.sim.rfc3339()
    const prev = w.status.conditions ?? []
    // Mirrors: pkg/kubelet/status/generate.go GenerateContainersReadyCondition (sidecars first, then regular containers).
    const all = [...(w.status.initContainerStatuses ?? []), ...(w.status.containerStatuses ?? [])]
    const notReady = [...(w.pod.spec?.initContainers ?? []).filter(isSidecar), ...(w.pod.spec?.containers ?? [])].filter((c) => !all.find((s) => s.name === c.name)?.ready).map((c) => c.name)
    const make = (type: string, ok: boolean, reason?: string, message?: string): PodCondition => {
      const old = prev.find((c) => c.type === type)
      const status = ok ? 'True' : 'False'
      return { type, status, lastProbeTime: null as unknown as undefined, lastTransitionTime: old && old.status === status ? old.lastTransitionTime : now, ...(reason ? { reason } : {}), ...(message ? { message } : {}) }
    }
    // Mirrors: pkg/kubelet/status/generate.go (order: PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled).
    return [
      make('PodReadyToStartContainers', sandboxReady),
      this.initializedCondition(w, make),
      containersReady ? make('Ready', true) : make('Ready', false, 'ContainersNotReady', `containers with unready status: [${notReady.join(' ')}]`),
      containersReady ? make('ContainersReady', true) : make('ContainersReady', false, 'ContainersNotReady', `containers with unready status: [${notReady.join(' ')}]`),
      { ...(prev.find((c) => c.type === 'PodScheduled') ?? { type: 'PodScheduled', status: 'True', lastTransitionTime: now }), lastProbeTime: null as unknown as undefined },
    ]
  }

  private initializedCondition(w: Worker, make: (type: string, ok: boolean, reason?: string, message?: string) => PodCondition): PodCondition {
    // Mirrors: pkg/kubelet/status/generate.go GeneratePodInitializedCondition.
    // A sidecar counts once it has started; a regular init container once it has exited 0. Once a regular container
    // has run, the pod stays initialized even while a sidecar restarts.
    const statuses = w.status.initContainerStatuses ?? []
    const incomplete = (w.pod.spec?.initContainers ?? []).filter((c) => {
      const s = statuses.find((x) => x.name === c.name)
      return isSidecar(c) ? !s?.started : s?.state?.terminated?.exitCode !== 0
    }).map((c) => c.name)
    return incomplete.length && !anyRegularStarted(w.status.containerStatuses) ? make('Initialized', false, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`) : make('Initialized', true)
  }

  /** cri emits a CRI call (kubelet → CRI) and, after `took`, its response (CRI → kubelet). */
  private cri<K extends SyncCri>(w: Worker, type: K, request: PhaseOf<K, 'request'>, took: number, respond: () => { outcome?: 'ok' | 'error'; details: PhaseOf<K, 'response'> }, cont: () => void, abandoned?: () => void): void {
    const { sim } = this.ctx
    w.inflight++
    this.emit<K>({ type, lane: 'kubelet', from: 'kubelet', to: 'CRI', arrive: sim.now() + ms(0.2), pod: w.key, outcome: 'info', details: request })
    sim.after(took, () => {
      const r = respond()
      this.emit<K>({ type, lane: 'CRI', from: 'CRI', to: 'kubelet', arrive: sim.now() + ms(0.2), pod: w.key, outcome: r.outcome ?? 'ok', details: r.details })
      sim.after(ms(0.2), () => {
        w.inflight--
        // SyncPod's context is cancelled once the pod is terminating: the call returned, but nothing follows it.
        if (w.terminating) { abandoned?.(); return this.idle(w) }
        cont()
      })
    })
  }

  /** idle runs the termination that waited for the pod worker's in-flight operations. */
  private idle(w: Worker): void {
    if (w.inflight > 0 || !w.onIdle) return
    const f = w.onIdle
    w.onIdle = undefined
    f()
  }

  private runPodSandbox(w: Worker): void {
    const sandboxId = this.rng.hex(64)
    const netns = `/var/run/netns/cni-${this.rng.uuid()}`
    const meta = { name: w.pod.metadata?.name, namespace: w.pod.metadata?.namespace, uid: w.pod.metadata?.uid, attempt: 0 }
    const request = { config: { metadata: meta, hostname: w.pod.metadata?.name, logDirectory: `/var/log/pods/${meta.namespace}_${meta.name}_${meta.uid}`, dnsConfig: { servers: ['10.96.0.10'], searches: [`${meta.namespace}.svc.cluster.local`, 'svc.cluster.local', 'cluster.local'], options: ['ndots:5'] }, linux: { cgroupParent: `/kubepods.slice/kubepods-${(w.status.qosClass ?? 'burstable').toLowerCase()}.slice` } } }
    const { sim } = this.ctx
    const half = latency(this.ctx, 'runPodSandbox') / 2
    w.inflight++
    const settled = (): boolean => {
      w.inflight--
      if (!w.terminating) return false
      this.idle(w)
      return true
    }
    const pauseImage = this.ctx.config.pauseImage
    this.emit({ type: 'cri:RunPodSandbox', lane: 'kubelet', from: 'kubelet', to: 'CRI', arrive: sim.now() + ms(0.2), pod: w.key, outcome: 'info', details: { phase: 'request', cri: { method: rpc('RunPodSandbox'), request }, netns, pauseImage } })
    sim.after(half, () => {
      const ipam = this.ipam
      const alloc = !ipam ? { error: 'no podCIDR set for node' } : 'error' in ipam ? ipam : ipam.allocate()
      const veth = `veth${this.rng.hex(8)}`
      const mac = () => Array.from({ length: 6 }, (_, i) => (i === 0 ? ((this.rng.nextU32() & 0xfc) | 0x02) : this.rng.nextU32() & 0xff).toString(16).padStart(2, '0')).join(':')
      const range = ipam && !('error' in ipam) ? ipam.range : undefined
      const fault = this.ctx.config.faults.find((f) => f.type === 'IPAMExhausted' && f.node === this.nodeName)
      const err = typeof alloc === 'object' ? alloc.error : fault ? `no IP addresses available in range set: ${range ? `${range.gateway}` : ''}` : undefined
      const cniConf: CniConfig = { cniVersion: '1.0.0', name: 'cbr0', type: 'bridge', bridge: 'cni0', isGateway: true, ipMasq: true, ipam: { type: 'host-local', ranges: [[{ subnet: range?.subnet ?? this.node?.spec?.podCIDR }]], routes: [{ dst: '0.0.0.0/0' }] } }
      const subnet = range?.subnet
      this.emit({ type: 'cni:ADD', lane: 'CRI', from: 'CRI', to: 'CNI', arrive: sim.now() + ms(0.2), pod: w.key, outcome: 'info', details: { phase: 'request', cni: { command: 'ADD', containerID: sandboxId, netns, ifName: 'eth0', config: cniConf }, subnet } })
      sim.after(latency(this.ctx, 'cniAdd'), () => {
        if (err) {
          this.emit({ type: 'cni:ADD', lane: 'CNI', from: 'CNI', to: 'CRI', arrive: sim.now() + ms(0.2), pod: w.key, outcome: 'error', details: { phase: 'error', cni: { error: err }, subnet } })
          const msg = `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "${sandboxId}": plugin type="bridge" failed (add): failed to allocate for range 0: ${err}`
          this.recorder.event(ref(w.pod), 'Warning', 'FailedCreatePodSandBox', msg)
          settled()
          return
        }
        const ip = alloc as string
        w.ip = ip
        const clusterCidr = clusterCidrOf(range?.subnet)
        const result: CniResult = { cniVersion: '1.0.0', interfaces: [{ name: 'cni0', mac: mac() }, { name: veth, mac: mac() }, { name: 'eth0', mac: mac(), sandbox: netns }], ips: [{ interface: 2, address: `${ip}/${range?.prefix}`, gateway: range?.gateway }], routes: [{ dst: '0.0.0.0/0', gw: range?.gateway }, ...(clusterCidr ? [{ dst: clusterCidr, gw: range?.gateway }] : [])], dns: {} }
        this.emit({ type: 'cni:ADD', lane: 'CNI', from: 'CNI', to: 'CRI', arrive: sim.now() + ms(0.2), pod: w.key, outcome: 'ok', details: { phase: 'result', cni: { result }, ip, prefix: range?.prefix, gateway: range?.gateway, veth, subnet } })
        if (clusterCidr) this.emit({
          type: 'cni:ADD', lane: 'CNI', outcome: 'info', pod: w.key,
          details: { phase: 'routes', podRoutes: result.routes, clusterCidr, nodePodCIDR: range?.subnet, gateway: range?.gateway },
        })
        sim.after(half, () => {
          this.emit({ type: 'cri:RunPodSandbox', lane: 'CRI', from: 'CRI', to: 'kubelet', arrive: sim.now() + ms(0.2), pod: w.key, outcome: 'ok', details: { phase: 'response', cri: { method: 'RunPodSandbox', response: { podSandboxId: sandboxId } }, netns, pauseImage } })
          w.sandboxId = sandboxId
          if (settled()) return
          const statusReq = { podSandboxId: sandboxId }
          this.cri(w, 'cri:PodSandboxStatus', { phase: 'request', cri: { method: rpc('PodSandboxStatus'), request: statusReq } }, ms(1), () => ({ details: { phase: 'response', cri: { method: 'PodSandboxStatus', request: statusReq, response: { status: { id: sandboxId, state: 'SANDBOX_READY', network: { ip } } } } } }), () => {
            w.status = { ...w.status, podIP: ip, podIPs: [{ ip }], conditions: this.conditions(w, true, false) }
            this.patchStatus(w, { kind: 'sandboxReady', ip })
            w.sandboxId = sandboxId
            this.startInit(w, sandboxId, 0)
          })
        })
      })
    })
  }

  /**
   * startInit runs the init containers one at a time; each must exit 0 before the next starts. A sidecar
   * (restartPolicy Always) only has to start: the next one starts right after it, and it keeps running.
   * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_container.go computeInitContainerActions.
   */
  private startInit(w: Worker, sandboxId: string, i: number): void {
    const inits = w.pod.spec?.initContainers ?? []
    if (i >= inits.length) {
      if (inits.length) {
        w.status = { ...w.status, containerStatuses: (w.status.containerStatuses ?? []).map((s) => ({ ...s, state: { waiting: { reason: 'ContainerCreating' } } })) }
        this.refresh(w, { kind: 'initialized', withSidecars: inits.some(isSidecar) })
      }
      return this.startContainers(w, sandboxId, 0)
    }
    const c = inits[i]
    if (isSidecar(c)) {
      w.sidecarNext.set(c.name, () => this.startInit(w, sandboxId, i + 1))
      return this.ensureImage(w, c, () => this.createAndStart(w, sandboxId, c, () => this.sidecarStarted(w, c)))
    }
    w.initNext = () => this.startInit(w, sandboxId, i + 1)
    this.ensureImage(w, c, () => this.createAndStart(w, sandboxId, c, () => {}))
  }

  /** sidecarStarted lets the init sequence go on once a sidecar is running (a failed start waits for its restart). */
  private sidecarStarted(w: Worker, c: Container): void {
    const next = w.sidecarNext.get(c.name)
    if (!next || !w.procs.has(c.name) || w.terminating) return
    w.sidecarNext.delete(c.name)
    next()
  }

  private startContainers(w: Worker, sandboxId: string, i: number): void {
    const containers = w.pod.spec?.containers ?? []
    if (i >= containers.length) return this.reportRunning(w)
    const c = containers[i]
    this.ensureImage(w, c, () => this.createAndStart(w, sandboxId, c, () => this.startContainers(w, sandboxId, i + 1)))
  }

  /** ensureImage mirrors image_manager.go EnsureImageExists: ImageStatus, then PullImage per imagePullPolicy. */
  private ensureImage(w: Worker, c: Container, cont: () => void): void {
    const plan = resolve(c.image ?? '', this.ctx.config)
    const policy = c.imagePullPolicy ?? 'IfNotPresent'
    const ref = 'ref' in plan ? plan.ref : undefined
    const presentSize = ref ? this.images?.status(ref) : undefined
    const request = { image: { image: ref?.normalized ?? c.image } }
    const about = { container: c.name, imagePullPolicy: policy }
    const decision = presentSize !== undefined && policy !== 'Always' ? 'present' : policy === 'Never' ? 'neverPull' : 'pull'
    this.cri(w, 'cri:ImageStatus', { phase: 'request', cri: { method: rpc('ImageStatus'), request }, ...about }, latency(this.ctx, 'imageStatus'), () => ({
      details: { phase: 'response', cri: { method: 'ImageStatus', request, response: { image: presentSize !== undefined ? { id: digestOf(ref?.normalized ?? ''), size: presentSize } : null } }, ...about, decision },
    }), () => {
      if (presentSize !== undefined && policy !== 'Always') {
        this.recorder.event(ref_(w.pod, c), 'Normal', 'Pulled', `Container image "${c.image}" already present on machine and can be accessed by the pod`)
        return cont()
      }
      if (policy === 'Never') {
        const msg = `Container image "${c.image}" is not present with pull policy of Never`
        this.recorder.event(ref_(w.pod, c), 'Warning', 'ErrImageNeverPull', msg)
        return this.setWaiting(w, c, 'ErrImageNeverPull', msg)
      }
      this.pull(w, c, cont)
    })
  }

  private pull(w: Worker, c: Container, cont: () => void): void {
    const { sim } = this.ctx
    const plan = resolve(c.image ?? '', this.ctx.config)
    this.recorder.event(ref_(w.pod, c), 'Normal', 'Pulling', `Pulling image "${c.image}"`)
    const queuedAt = sim.now()
    const startAt = Math.max(sim.now(), this.pullerFreeAt)
    const pullTime = 'size' in plan ? latency(this.ctx, 'pullSetup') + sec(plan.size / this.ctx.config.pullBandwidth) : latency(this.ctx, 'pullSetup')
    this.pullerFreeAt = startAt + pullTime
    const request = { image: { image: 'ref' in plan ? plan.ref.normalized : c.image } }
    const about = { container: c.name, image: c.image, bandwidth: this.ctx.config.pullBandwidth, size: 'size' in plan ? plan.size : undefined, queuedMs: (startAt - queuedAt) / 1000 }
    sim.at(startAt, () => w.terminating ? undefined : this.cri(w, 'cri:PullImage', { phase: 'request', cri: { method: rpc('PullImage'), request }, ...about }, pullTime, () => ({
      outcome: 'error' in plan ? 'error' : 'ok',
      details: { phase: 'response', cri: { method: 'PullImage', request, response: 'error' in plan ? { error: plan.error } : { imageRef: digestOf(plan.ref.normalized) } }, ...about, tookMs: (sim.now() - startAt) / 1000 },
    }), () => {
      if ('error' in plan) return this.pullFailed(w, c, plan.error, cont)
      this.images?.add(plan.ref, plan.size)
      const took = goDuration((sim.now() - startAt) / 1000)
      const withWait = goDuration((sim.now() - queuedAt) / 1000)
      this.recorder.event(ref_(w.pod, c), 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${took} (${withWait} including waiting). Image size: ${plan.size} bytes.`)
      w.backoffS = 0
      cont()
    }))
  }

  private pullFailed(w: Worker, c: Container, error: string, cont: () => void): void {
    this.recorder.event(ref_(w.pod, c), 'Warning', 'Failed', `Failed to pull image "${c.image}": ${error}`)
    this.recorder.event(ref_(w.pod, c), 'Warning', 'Failed', 'Error: ErrImagePull')
    this.setWaiting(w, c, 'ErrImagePull', error)
    w.backoffS = w.backoffS === 0 ? IMAGE_BACKOFF_S : Math.min(w.backoffS * 2, MAX_IMAGE_BACKOFF_S)
    const backoff = w.backoffS
    this.emit({ type: 'kubelet:Backoff', lane: 'kubelet', pod: w.key, outcome: 'warning', details: { kind: 'imagePull', backoffSeconds: backoff, container: c.name, image: c.image, error } })
    this.ctx.sim.after(sec(1), () => {
      if (w.terminating) return
      this.recorder.event(ref_(w.pod, c), 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`)
      this.recorder.event(ref_(w.pod, c), 'Warning', 'Failed', 'Error: ImagePullBackOff')
      this.setWaiting(w, c, 'ImagePullBackOff', `Back-off pulling image "${c.image}": ErrImagePull: ${error}`)
    })
    this.ctx.sim.after(sec(backoff), () => (w.terminating ? undefined : this.pull(w, c, cont)))
  }

  private setWaiting(w: Worker, c: Container, reason: string, message: string): void {
    if (w.terminating) return
    this.setState(w, c, { state: { waiting: { reason, message }, running: null, terminated: null } as unknown as ContainerStatus['state'] })
    this.patchStatus(w, { kind: 'waiting', container: c.name, reason })
  }

  private createAndStart(w: Worker, sandboxId: string, c: Container, cont: () => void): void {
    const id = this.rng.hex(64)
    w.ids.push(id)
    const create = { podSandboxId: sandboxId, config: { metadata: { name: c.name, attempt: 0 }, image: { image: c.image }, command: c.command, args: c.args, envs: c.env, mounts: c.volumeMounts, logPath: `${c.name}/0.log` } }
    this.cri(w, 'cri:CreateContainer', { phase: 'request', cri: { method: rpc('CreateContainer'), request: create }, container: c.name }, latency(this.ctx, 'createContainer'), () => ({ details: { phase: 'response', cri: { method: 'CreateContainer', request: create, response: { containerId: id } }, container: c.name } }), () => {
      this.recorder.event(ref_(w.pod, c), 'Normal', 'Created', `Created container: ${c.name}`)
      const o = outcomeOf(containerArgv(c), this.imageOf(c))
      const startErr = o.run === 'notFound' ? `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${o.binary}": executable file not found in $PATH: unknown` : ''
      const running = () => {
        const ref0 = resolve(c.image ?? '', this.ctx.config)
        const normalized = 'ref' in ref0 ? ref0.ref : undefined
        const init = listOf(w.pod, c) === 'initContainerStatuses'
        w.procs.set(c.name, { c, id, startedAt: this.ctx.sim.now(), outcome: o })
        // A sidecar without a readiness probe is ready once it runs; a regular init container never is.
        this.setState(w, c, { containerID: `containerd://${id}`, image: normalized?.normalized ?? c.image ?? '', imageID: normalized ? `${normalized.repository}@${digestOf(normalized.normalized)}` : '', started: true, ready: !init || isSidecar(c), state: { running: { startedAt: this.ctx.sim.rfc3339() }, waiting: null, terminated: null } as unknown as ContainerStatus['state'] })
        return init
      }
      const start = { containerId: id }
      this.cri(w, 'cri:StartContainer', { phase: 'request', cri: { method: rpc('StartContainer'), request: start }, container: c.name }, latency(this.ctx, 'startContainer'), () => ({
        outcome: startErr ? 'error' : 'ok',
        details: { phase: 'response', cri: { method: 'StartContainer', request: start, response: startErr ? { error: startErr } : {} }, container: c.name },
      }), () => {
        if (startErr) {
          this.recorder.event(ref_(w.pod, c), 'Warning', 'Failed', `Error: ${startErr}`)
          this.exited(w, c, id, 128, 'StartError')
          return cont()
        }
        this.recorder.event(ref_(w.pod, c), 'Normal', 'Started', `Started container ${c.name}`)
        const init = running()
        if (init) this.refresh(w, { kind: 'initRunning', container: c.name, sidecar: isSidecar(c) })
        this.afterStart(w, c, id)
        cont()
      }, () => {
        // The container started although the sync was cancelled: termination will stop it.
        if (!startErr) running()
      })
    })
  }

  private reportRunning(w: Worker): void {
    // The PLEG notices the started containers on its next relist (every second).
    this.ctx.sim.after(latency(this.ctx, 'plegRelist') / 2, () => w.terminating ? undefined : this.refresh(w, { kind: 'running' }))
  }

  /** refresh recomputes phase and conditions from the container states and reports them. */
  private refresh(w: Worker, cause: StatusCause): void {
    if (w.terminating) return
    const statuses = w.status.containerStatuses ?? []
    const sidecars = (w.pod.spec?.initContainers ?? []).filter(isSidecar).map((c) => (w.status.initContainerStatuses ?? []).find((s) => s.name === c.name))
    const allReady = statuses.length > 0 && [...statuses, ...sidecars].every((s) => s?.ready && s.state?.running)
    const initialized = w.status.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True') || anyRegularStarted(statuses)
    w.status = { ...w.status, phase: getPhase(w.pod, [...(w.status.initContainerStatuses ?? []), ...statuses], false, initialized), conditions: this.conditions(w, true, allReady) }
    this.patchStatus(w, cause)
  }

  private setState(w: Worker, c: Container, patch: Partial<ContainerStatus>): void {
    const list = listOf(w.pod, c)
    w.status = { ...w.status, [list]: (w.status[list] ?? []).map((s) => (s.name === c.name ? { ...s, ...patch } : s)) }
  }

  /** afterStart runs the postStart hook, then lets the process do what its command says. */
  private afterStart(w: Worker, c: Container, id: string): void {
    const hook = c.lifecycle?.postStart
    const image = this.imageOf(c)
    const proceed = () => this.watchProcess(w, c, id, outcomeOf(containerArgv(c), image))
    if (!hook) return proceed()
    const h = runHandler(c, hook, w.ip ?? '', image)
    const error = h.error
    const what = h.kind === 'sleep' ? 'sleep' : h.what
    const answer = this.execSync(w, c, id, 'postStart', h)
    w.inflight++
    this.ctx.sim.after(latency(this.ctx, 'postStartHook'), () => {
      w.inflight--
      answer()
      if (w.terminating) return this.idle(w)
      this.emit({ type: 'kubelet:PostStartHook', lane: 'kubelet', pod: w.key, outcome: error ? 'error' : 'ok', details: { container: c.name, hook, handler: h.kind, what, error } })
      if (!error) return proceed()
      // Mirrors: pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer (the event hides the hook's output).
      this.recorder.event(ref_(w.pod, c), 'Warning', 'FailedPostStartHook', 'PostStartHook failed')
      this.recorder.event(ref_(w.pod, c), 'Normal', 'Killing', 'FailedPostStartHook')
      this.exited(w, c, id, 137, 'Error')
    })
  }

  /**
   * execSync emits an exec hook's CRI ExecSync request and returns what emits its answer (nothing for other handlers).
   * Mirrors: pkg/kubelet/lifecycle/handlers.go (RunInContainer with timeout 0).
   */
  private execSync(w: Worker, c: Container, id: string, hook: 'postStart' | 'preStop', h: ReturnType<typeof runHandler>): () => void {
    const command = (hook === 'postStart' ? c.lifecycle?.postStart : c.lifecycle?.preStop)?.exec?.command
    if (h.kind !== 'exec' || !command) return () => {}
    const { sim } = this.ctx
    const request = { containerId: id, cmd: command, timeout: 0 }
    this.emit({ type: 'cri:ExecSync', lane: 'kubelet', from: 'kubelet', to: 'CRI', arrive: sim.now() + ms(0.2), pod: w.key, outcome: 'info', details: { phase: 'request', cri: { method: rpc('ExecSync'), request }, container: c.name, hook } })
    return () => {
      const response = h.exec?.run === 'notFound' ? { error: h.error } : { exitCode: h.exec?.run === 'exit' ? h.exec.code : 0, stderr: '' }
      this.emit({ type: 'cri:ExecSync', lane: 'CRI', from: 'CRI', to: 'kubelet', arrive: sim.now() + ms(0.2), pod: w.key, outcome: h.error ? 'error' : 'ok', details: { phase: 'response', cri: { method: 'ExecSync', request, response }, container: c.name, hook } })
    }
  }

  private imageOf(c: Container) {
    const r = resolve(c.image ?? '', this.ctx.config)
    return 'ref' in r ? this.ctx.config.registry.find((x) => x.repository === r.ref.repository) : undefined
  }

  private watchProcess(w: Worker, c: Container, id: string, o: Outcome): void {
    if (o.run !== 'exit') return
    // Once the pod is terminating, its kill step owns the container's end (it may still exit on its own in time).
    this.ctx.sim.after(ms(o.afterMs) + latency(this.ctx, 'plegRelist') / 2, () => (w.terminating || w.completed || w.procs.get(c.name)?.id !== id ? undefined : this.exited(w, c, id, o.code, o.code === 0 ? 'Completed' : 'Error')))
  }

  /** exited records a terminated container and restarts it per restartPolicy, with CrashLoopBackOff. */
  private exited(w: Worker, c: Container, id: string, exitCode: number, reason: string): void {
    const cur = (w.status[listOf(w.pod, c)] ?? []).find((s) => s.name === c.name)
    if (w.procs.get(c.name)?.id === id) w.procs.delete(c.name)
    const terminated = { exitCode, reason, startedAt: cur?.state?.running?.startedAt ?? this.ctx.sim.rfc3339(), finishedAt: this.ctx.sim.rfc3339(), containerID: `containerd://${id}` }
    this.setState(w, c, { ready: false, started: false, state: { terminated, waiting: null, running: null } as unknown as ContainerStatus['state'] })
    const init = listOf(w.pod, c) === 'initContainerStatuses'
    const sidecar = isSidecar(c) && init
    this.refresh(w, { kind: 'exited', container: c.name, exitCode, reason, init, sidecar, restartPolicy: w.pod.spec?.restartPolicy ?? 'Always' })
    // A sidecar restarts whatever the pod's restartPolicy, and whatever its exit code.
    const policy = sidecar ? 'Always' : w.pod.spec?.restartPolicy ?? 'Always'
    if (init && !sidecar && exitCode === 0) return w.initNext?.()
    if (init && !sidecar && policy === 'Never') {
      w.status = { ...w.status, phase: 'Failed' }
      return this.patchStatus(w, { kind: 'initFailed', container: c.name })
    }
    if (!init && (policy === 'Never' || (policy === 'OnFailure' && exitCode === 0))) return this.stopSidecarsIfDone(w)
    const backoff = w.crash[c.name] ?? 10
    w.crash[c.name] = Math.min(backoff * 2, MAX_CONTAINER_BACKOFF_S)
    const m = w.pod.metadata ?? {}
    const podDesc = `${m.name}_${m.namespace}(${m.uid})`
    this.ctx.sim.after(sec(1), () => {
      if (w.terminating || w.completed) return
      // Mirrors: pkg/kubelet/kuberuntime/kuberuntime_manager.go (doBackOff).
      this.recorder.event(ref_(w.pod, c), 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podDesc}`)
      this.setState(w, c, { lastState: { terminated }, state: { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${backoff}s restarting failed container=${c.name} pod=${podDesc}` }, terminated: null, running: null } as unknown as ContainerStatus['state'] })
      this.emit({ type: 'kubelet:Backoff', lane: 'kubelet', pod: w.key, outcome: 'warning', details: { kind: 'crashLoop', backoffSeconds: backoff, container: c.name, restartPolicy: policy, podDesc } })
      this.refresh(w, { kind: 'crashLoop', container: c.name, backoffSeconds: backoff })
      this.ctx.sim.after(sec(backoff - 1), () => {
        if (w.terminating || w.completed) return
        this.setState(w, c, { restartCount: (cur?.restartCount ?? 0) + 1 })
        this.ensureImage(w, c, () => this.createAndStart(w, w.sandboxId ?? '', c, () => (sidecar ? this.sidecarStarted(w, c) : init ? undefined : this.reportRunning(w))))
      })
    })
  }

  /**
   * stopSidecarsIfDone: once every regular container has exited and none will restart, the sidecars must not keep the
   * pod alive. The kubelet kills them (in reverse order, as on deletion) and restarts nothing; the phase then follows
   * the regular containers.
   * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions (keepCount == 0 → KillPod, no init
   * containers to start).
   */
  private stopSidecarsIfDone(w: Worker): void {
    const policy = w.pod.spec?.restartPolicy ?? 'Always'
    const over = (w.pod.spec?.containers ?? []).every((c) => {
      const t = (w.status.containerStatuses ?? []).find((s) => s.name === c.name)?.state?.terminated
      return t && !w.procs.has(c.name) && (policy === 'Never' || (policy === 'OnFailure' && t.exitCode === 0))
    })
    if (!over || w.completed || w.terminating) return
    w.completed = true
    const sidecars = [...w.procs.values()].filter((p) => isSidecar(p.c) && listOf(w.pod, p.c) === 'initContainerStatuses')
    if (!sidecars.length) return
    const grace = gracePeriodOf(w.pod)
    this.emit({ type: 'kubelet:KillContainer', lane: 'kubelet', pod: w.key, outcome: 'info', details: { phase: 'stopSidecars', sidecars: sidecars.map((p) => p.c.name), restartPolicy: policy, gracePeriodSeconds: grace } })
    // A deletion arriving meanwhile waits for these kills, like any operation of the pod worker in flight.
    w.inflight++
    this.killAll(w, sidecars, grace, () => {
      w.inflight--
      if (w.terminating) return this.idle(w)
      this.refresh(w, { kind: 'sidecarsStopped' })
    })
  }

  private patchStatus(w: Worker, cause: StatusCause, done?: (ok: boolean) => void): void {
    const [namespace, name] = w.key.split('/')
    this.emit({ type: 'kubelet:StatusUpdate', lane: 'kubelet', pod: w.key, outcome: w.status.phase === 'Failed' ? 'error' : 'info', details: { status: w.status, cause } })
    this.client.request({ verb: 'PATCH', path: `/api/v1/namespaces/${namespace}/pods/${name}/status`, headers: { 'Content-Type': 'application/strategic-merge-patch+json' }, body: { metadata: { uid: w.pod.metadata?.uid }, status: w.status } as KObject }, (res) => done?.(res.code < 400), { pod: w.key, purpose: 'pod-status' })
  }

  /**
   * terminate starts the pod worker's SyncTerminatingPod once the pod has a deletionTimestamp. An operation of the
   * running sync that is in flight finishes first (the worker is serial); nothing new starts after it.
   * Mirrors: pkg/kubelet/pod_workers.go (UpdatePod with a deletion → terminating), kubelet.go SyncTerminatingPod.
   */
  private terminate(w: Worker): void {
    w.terminating = true
    const grace = gracePeriodOf(w.pod)
    this.emit({
      type: 'kubelet:SyncTerminatingPod', lane: 'kubelet', pod: w.key, outcome: 'info',
      details: { deletionTimestamp: w.pod.metadata?.deletionTimestamp, gracePeriodSeconds: grace },
    })
    this.ctx.sim.after(latency(this.ctx, 'kubeletDispatch'), () => {
      w.onIdle = () => this.killPod(w, grace)
      this.idle(w)
    })
  }

  /**
   * killPod mirrors kuberuntime_manager.go killPodWithSyncResult: all containers in parallel, then StopPodSandbox.
   * With sidecars, each sidecar's StopContainer waits its turn: until the regular containers and the sidecars started
   * after it have exited (or its grace period runs out), so the regular containers stop first and the sidecars after
   * them, in reverse order.
   * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_termination_order.go (newTerminationOrdering, waitForTurn).
   */
  private killPod(w: Worker, grace: number): void {
    const procs = [...w.procs.values()]
    if (!procs.length) return this.stopSandbox(w)
    this.killAll(w, procs, grace, () => this.stopSandbox(w))
  }

  /** killAll kills the given containers in parallel, each sidecar waiting its turn; then runs `then`. */
  private killAll(w: Worker, procs: Proc[], grace: number, then: () => void): void {
    let left = procs.length
    const inits = w.pod.spec?.initContainers ?? []
    const sidecarIndex = (p: Proc) => (listOf(w.pod, p.c) === 'initContainerStatuses' && isSidecar(p.c) ? inits.findIndex((c) => c.name === p.c.name) : -1)
    const running = new Set(procs.map((p) => p.c.name))
    const waiters: Array<() => void> = []
    const ordering = (p: Proc): Ordering | undefined => {
      const idx = sidecarIndex(p)
      if (idx < 0) return undefined
      const deps = procs.filter((o) => o !== p && (sidecarIndex(o) < 0 || sidecarIndex(o) > idx)).map((o) => o.c.name)
      return { deps, clear: () => deps.every((d) => !running.has(d)), onChange: (f) => waiters.push(f) }
    }
    for (const p of procs) {
      this.killContainer(w, p, grace, () => {
        running.delete(p.c.name)
        for (const f of waiters.splice(0)) f()
        if (--left === 0) then()
      }, ordering(p))
    }
  }

  /** waitForTurn waits until ordering.clear() or maxS seconds; it returns the whole seconds waited (truncated). */
  private waitForTurn(ordering: Ordering, maxS: number, cont: (waitedS: number) => void): void {
    const { sim } = this.ctx
    const since = sim.now()
    let done = false
    const go = () => {
      if (done) return
      done = true
      cont(Math.floor((sim.now() - since) / 1_000_000))
    }
    const check = () => {
      if (done) return
      if (ordering.clear()) return go()
      ordering.onChange(check)
    }
    sim.after(sec(maxS), go)
    check()
  }

  /** killContainer mirrors kuberuntime_container.go killContainer: Killing event, preStop, StopContainer(grace). */
  private killContainer(w: Worker, p: Proc, grace: number, done: () => void, ordering?: Ordering): void {
    const { c } = p
    this.recorder.event(ref_(w.pod, c), 'Normal', 'Killing', `Stopping container ${c.name}`)
    this.emit({ type: 'kubelet:KillContainer', lane: 'kubelet', pod: w.key, outcome: 'info', details: { phase: 'kill', container: c.name, gracePeriodSeconds: grace, preStop: Boolean(c.lifecycle?.preStop) } })
    const stop = (elapsedS: number) => {
      const left = grace - elapsedS
      // Always give containers a minimal shutdown window to avoid unnecessary SIGKILLs.
      const stopNow = (waitedS: number) => this.stopContainer(w, p, Math.max(left - waitedS, MINIMUM_GRACE_PERIOD_S), done)
      if (!ordering || left <= 0 || ordering.clear()) return stopNow(0)
      this.emit({ type: 'kubelet:KillContainer', lane: 'kubelet', pod: w.key, outcome: 'info', details: { phase: 'waitForTurn', container: c.name, waitsFor: ordering.deps, leftSeconds: left } })
      this.waitForTurn(ordering, left, stopNow)
    }
    const hook = c.lifecycle?.preStop
    if (!hook || grace <= 0) return stop(0)
    this.preStop(w, p, grace, stop)
  }

  /** preStop runs the hook, waiting at most the grace period; it returns the whole seconds it took (Go's int64(d.Seconds())). */
  private preStop(w: Worker, p: Proc, grace: number, cont: (elapsedS: number) => void): void {
    const { c } = p
    const hook = c.lifecycle?.preStop ?? {}
    const image = this.imageOf(c)
    const run = runHandler(c, hook, w.ip ?? '', image)
    const { what, error, exec, kind, sleepS } = run
    const answer = this.execSync(w, c, p.id, 'preStop', run)
    let took = ms(10)
    if (kind === 'httpGet') took = latency(this.ctx, 'postStartHook')
    else if (kind === 'sleep') took = sec(sleepS)
    else if (exec?.run === 'forever') took = sec(grace)
    else if (exec?.run === 'exit') took = ms(Math.max(exec.afterMs, 10))
    const timedOut = took >= sec(grace)
    took = Math.min(took, sec(grace))
    this.ctx.sim.after(took, () => {
      const elapsedS = Math.floor(took / 1_000_000)
      // A hook still running when the grace period ends has no answer yet: the kubelet stops waiting for it.
      if (!timedOut) answer()
      this.emit({ type: 'kubelet:PreStopHook', lane: 'kubelet', pod: w.key, outcome: error ? 'error' : timedOut ? 'warning' : 'ok', details: { container: c.name, hook, handler: kind, what, error, elapsedSeconds: elapsedS, tookMs: took / 1000, timedOut, gracePeriodSeconds: grace } })
      if (error) this.recorder.event(ref_(w.pod, c), 'Warning', 'FailedPreStopHook', 'PreStopHook failed')
      cont(elapsedS)
    })
  }

  /**
   * stopContainer is CRI StopContainer(timeout): the runtime sends SIGTERM, waits up to timeout seconds for the process
   * to exit, then sends SIGKILL (exit code 137). A process that ends on its own first keeps its own exit code.
   */
  private stopContainer(w: Worker, p: Proc, timeoutS: number, done: () => void): void {
    const { sim } = this.ctx
    const { c, id } = p
    const now = sim.now()
    const behaviour = onSigterm(containerArgv(c), this.imageOf(c))
    const natural = p.outcome.run === 'exit' ? Math.max(now, p.startedAt + ms(p.outcome.afterMs)) : Infinity
    const byTerm = behaviour.on === 'exit' ? now + ms(behaviour.afterMs) : Infinity
    const killAt = now + sec(timeoutS)
    const end = Math.min(natural, byTerm, killAt)
    const code = end === natural && p.outcome.run === 'exit' ? p.outcome.code : end === byTerm && behaviour.on === 'exit' ? behaviour.code : 137
    const how = end === natural ? 'exited' : end === byTerm ? 'SIGTERM' : 'SIGKILL'
    const reason = code === 0 ? 'Completed' : 'Error'
    this.emit({ type: 'cri:StopContainer', lane: 'kubelet', from: 'kubelet', to: 'CRI', arrive: now + ms(0.2), pod: w.key, outcome: 'info', details: { phase: 'request', cri: { method: rpc('StopContainer'), request: { containerId: id, timeout: timeoutS } }, container: c.name } })
    sim.after(ms(0.2), () => {
      this.emit({ type: 'cri:StopContainer', lane: 'CRI', pod: w.key, outcome: 'info', details: { phase: 'signal', signal: 'SIGTERM', behaviour, container: c.name } })
    })
    if (how === 'SIGKILL') sim.at(killAt, () => {
      this.emit({ type: 'cri:StopContainer', lane: 'CRI', pod: w.key, outcome: 'warning', details: { phase: 'signal', signal: 'SIGKILL', container: c.name, timeoutSeconds: timeoutS } })
    })
    sim.at(end + ms(1), () => {
      const terminated = { exitCode: code, reason, startedAt: (w.status[listOf(w.pod, c)] ?? []).find((s) => s.name === c.name)?.state?.running?.startedAt ?? sim.rfc3339(p.startedAt), finishedAt: sim.rfc3339(end), containerID: `containerd://${id}` }
      w.procs.delete(c.name)
      this.setState(w, c, { ready: false, started: false, state: { terminated, waiting: null, running: null } as unknown as ContainerStatus['state'] })
      this.emit({ type: 'cri:StopContainer', lane: 'CRI', from: 'CRI', to: 'kubelet', arrive: sim.now() + ms(0.2), pod: w.key, outcome: code === 0 ? 'ok' : 'warning', details: { phase: 'response', cri: { method: 'StopContainer', response: {} }, container: c.name, exitCode: code, reason, tookMs: (end - now) / 1000, how } })
      sim.after(ms(0.2), done)
    })
  }

  /** stopSandbox is CRI StopPodSandbox: containerd tears the network down (CNI DEL) and kills the pause container. */
  private stopSandbox(w: Worker): void {
    const { sim } = this.ctx
    const sandboxId = w.sandboxId
    if (!sandboxId) return this.finish(w)
    this.emit({ type: 'cri:StopPodSandbox', lane: 'kubelet', from: 'kubelet', to: 'CRI', arrive: sim.now() + ms(0.2), pod: w.key, outcome: 'info', details: { phase: 'request', cri: { method: rpc('StopPodSandbox'), request: { podSandboxId: sandboxId } } } })
    sim.after(ms(STOP_SANDBOX_MS / 2), () => {
      const ipam = this.ipam
      const range = ipam && !('error' in ipam) ? ipam.range : undefined
      this.emit({ type: 'cni:DEL', lane: 'CRI', from: 'CRI', to: 'CNI', arrive: sim.now() + ms(0.2), pod: w.key, outcome: 'info', details: { phase: 'request', cni: { command: 'DEL', containerID: sandboxId, ifName: 'eth0' }, subnet: range?.subnet } })
      sim.after(ms(CNI_DEL_MS), () => {
        const ip = w.ip
        if (ip && ipam && !('error' in ipam)) ipam.release(ip)
        this.emit({ type: 'cni:DEL', lane: 'CNI', from: 'CNI', to: 'CRI', arrive: sim.now() + ms(0.2), pod: w.key, outcome: 'ok', details: { phase: 'result', cni: { released: ip } } })
        sim.after(ms(STOP_SANDBOX_MS / 2), () => {
          this.emit({ type: 'cri:StopPodSandbox', lane: 'CRI', from: 'CRI', to: 'kubelet', arrive: sim.now() + ms(0.2), pod: w.key, outcome: 'ok', details: { phase: 'response', cri: { method: 'StopPodSandbox', response: {} }, podSandboxId: sandboxId } })
          sim.after(ms(0.2), () => this.finish(w))
        })
      })
    })
  }

  /**
   * finish reports the terminal status and deletes the pod object.
   * Mirrors: kubelet.go SyncTerminatingPod (generateAPIPodStatus with podIsTerminal), status_manager.go TerminatePod
   * (containers without a terminated state become ContainerStatusUnknown, exit 137; a non-terminal phase becomes
   * Failed) and syncPod/canBeDeleted (DELETE with gracePeriodSeconds 0 and a UID precondition).
   */
  private finish(w: Worker): void {
    const unknown = { terminated: { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' }, waiting: null, running: null } as unknown as ContainerStatus['state']
    const settle = (list: ContainerStatus[] | undefined) => list?.map((s) => ({ ...s, ready: false, started: false, ...(s.state?.terminated ? {} : { state: unknown }) }))
    const inits = w.pod.spec?.initContainers ?? []
    const initDone = inits.every((c) => {
      const s = (w.status.initContainerStatuses ?? []).find((x) => x.name === c.name)
      // A sidecar has done its part once it has run; it is stopped with the pod.
      return isSidecar(c) ? Boolean(s?.containerID || s?.lastState?.terminated) : s?.state?.terminated?.exitCode === 0
    })
    const anyStarted = anyRegularStarted(w.status.containerStatuses)
    const regular = initDone || anyStarted ? settle(w.status.containerStatuses) : w.status.containerStatuses?.map((s) => ({ ...s, ready: false, started: false }))
    const initStatuses = settle(w.status.initContainerStatuses)
    let phase = w.status.phase
    if (phase !== 'Failed' && phase !== 'Succeeded') {
      const regs = regular ?? []
      const stopped = regs.filter((s) => s.state?.terminated).length
      const succeeded = regs.filter((s) => s.state?.terminated?.exitCode === 0).length
      phase = regs.length > 0 && stopped === regs.length && initDone ? (stopped === succeeded ? 'Succeeded' : 'Failed') : 'Failed'
    }
    w.status = { ...w.status, phase, ...(regular ? { containerStatuses: regular } : {}), ...(initStatuses ? { initContainerStatuses: initStatuses } : {}) }
    const now = this.ctx.sim.rfc3339()
    const prev = w.status.conditions ?? []
    const make = (type: string, ok: boolean, reason?: string): PodCondition => {
      const old = prev.find((c) => c.type === type)
      const status = ok ? 'True' : 'False'
      return { type, status, lastProbeTime: null as unknown as undefined, lastTransitionTime: old && old.status === status ? old.lastTransitionTime : now, ...(reason ? { reason } : {}) }
    }
    if (w.status.conditions) {
      const terminalReason = phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed'
      const initialized = phase === 'Succeeded' ? make('Initialized', true, 'PodCompleted') : initDone || anyStarted ? make('Initialized', true) : prev.find((c) => c.type === 'Initialized') ?? make('Initialized', false)
      // Mirrors: pkg/kubelet/status/generate.go (generateContainersReadyConditionForTerminalPhase).
      w.status = { ...w.status, conditions: [make('PodReadyToStartContainers', false), initialized, make('Ready', false, terminalReason), make('ContainersReady', false, terminalReason), ...prev.filter((c) => c.type === 'PodScheduled')] }
    }
    this.patchStatus(w, { kind: 'terminal', phase: phase ?? '' }, (ok) => (ok ? this.deletePod(w) : undefined))
  }

  /** deletePod is the status manager's final DELETE, once the pod is terminal and nothing of it can still run. */
  private deletePod(w: Worker): void {
    const [namespace, name] = w.key.split('/')
    const uid = w.pod.metadata?.uid
    this.emit({ type: 'kubelet:DeletePod', lane: 'kubelet', pod: w.key, outcome: 'info', details: { uid } })
    this.client.request({ verb: 'DELETE', path: `/api/v1/namespaces/${namespace}/pods/${name}`, body: { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0, preconditions: { uid } } as unknown as KObject }, () => {}, { pod: w.key, purpose: 'pod-delete' })
  }

  /**
   * forget drops the pod worker once the pod is gone from the API, and leaves the stopped containers and the sandbox
   * to the container garbage collector (every minute): RemoveContainer for each, then RemovePodSandbox.
   * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_gc.go (evictContainers, evictSandboxes for deleted pods).
   */
  private forget(w: Worker): void {
    const sandboxId = w.sandboxId
    if (!w.terminating || (!sandboxId && !w.ids.length)) return
    const { sim } = this.ctx
    const period = sec(CONTAINER_GC_PERIOD_S)
    const next = (Math.floor(sim.now() / period) + 1) * period
    sim.at(next, () => {
      this.emit({ type: 'kubelet:ContainerGC', lane: 'kubelet', pod: w.key, outcome: 'info', details: { containerIds: [...w.ids], sandboxId } })
      let t = 0
      for (const id of w.ids) {
        t += ms(REMOVE_MS)
        sim.after(t, () => this.emit({ type: 'cri:RemoveContainer', lane: 'kubelet', from: 'kubelet', to: 'CRI', arrive: sim.now() + ms(0.2), pod: w.key, outcome: 'info', details: { phase: 'request', cri: { method: rpc('RemoveContainer'), request: { containerId: id } } } }))
      }
      if (sandboxId) sim.after(t + ms(REMOVE_MS), () => this.emit({ type: 'cri:RemovePodSandbox', lane: 'kubelet', from: 'kubelet', to: 'CRI', arrive: sim.now() + ms(0.2), pod: w.key, outcome: 'info', details: { phase: 'request', cri: { method: rpc('RemovePodSandbox'), request: { podSandboxId: sandboxId } } } }))
    })
  }
}

/** gracePeriodOf mirrors killContainer: deletionGracePeriodSeconds, else terminationGracePeriodSeconds, else 2. */
function gracePeriodOf(pod: Pod): number {
  return pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? MINIMUM_GRACE_PERIOD_S
}

/** clusterCidrOf: the cluster pod network a node's /24 belongs to (kubeadm + flannel default: the enclosing /16). */
function clusterCidrOf(subnet: string | undefined): string | undefined {
  const m = /^(\d+)\.(\d+)\.\d+\.\d+\/(\d+)$/.exec(subnet ?? '')
  return m && Number(m[3]) > 16 ? `${m[1]}.${m[2]}.0.0/16` : undefined
}

function listOf(pod: Pod, c: Container): 'containerStatuses' | 'initContainerStatuses' {
  return (pod.spec?.initContainers ?? []).some((x) => x.name === c.name) && !(pod.spec?.containers ?? []).includes(c) ? 'initContainerStatuses' : 'containerStatuses'
}

/**
 * sum is the pod's effective request: the regular containers plus the sidecars, or the peak of the init sequence (an
 * init container runs beside the sidecars started before it), whichever is larger.
 * Mirrors: k8s.io/component-helpers/resource/helpers.go PodRequests (restartable init containers).
 */
function sum(p: Pod, f: (c: Container) => number): number {
  const regular = (p.spec?.containers ?? []).reduce((a, c) => a + f(c), 0)
  let sidecars = 0
  let initPeak = 0
  for (const c of p.spec?.initContainers ?? []) {
    if (isSidecar(c)) sidecars += f(c)
    initPeak = Math.max(initPeak, isSidecar(c) ? sidecars : sidecars + f(c))
  }
  return Math.max(regular + sidecars, initPeak)
}

function waiting(c: Container, reason: string): ContainerStatus {
  return { name: c.name, image: c.image ?? '', imageID: '', ready: false, restartCount: 0, started: false, state: { waiting: { reason } } }
}

function ref(pod: Pod) {
  return { apiVersion: 'v1', kind: 'Pod', namespace: pod.metadata?.namespace, name: pod.metadata?.name, uid: pod.metadata?.uid, resourceVersion: pod.metadata?.resourceVersion }
}

function ref_(pod: Pod, c: Container) {
  return { ...ref(pod), fieldPath: `spec.containers{${c.name}}` }
}

/** rpc is a CRI method's full gRPC name, as the request step shows it. */
function rpc(name: string): string {
  return `runtime.v1.${name.includes('Image') ? 'ImageService' : 'RuntimeService'}/${name}`
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
/** The CRI calls of the pod's sync, made through Kubelet.cri (a request, then its response). */
type SyncCri = 'cri:PodSandboxStatus' | 'cri:ImageStatus' | 'cri:PullImage' | 'cri:CreateContainer' | 'cri:StartContainer'
type PhaseOf<K extends KubeletTraceType, P extends string> = Extract<TraceDetailsMap[K], { phase: P }>

/**
 * runHandler decides what a lifecycle hook's handler does in the simulation: an exec runs the simulated command (a
 * missing binary or a non-zero exit is an error), an httpGet succeeds only if the image listens on the port, a sleep
 * waits. Messages mirror the runtime's exec error and Go's net/http dial error.
 */
function runHandler(c: Container, hook: NonNullable<Container['lifecycle']>['postStart'] & object, ip: string, image: ReturnType<Kubelet['imageOf']>): { kind: 'exec' | 'httpGet' | 'sleep'; what: string; error: string; exec?: Outcome; sleepS: number } {
  if (hook.exec) {
    const exec = outcomeOf(hook.exec.command, image)
    let error = ''
    if (exec.run === 'notFound') error = `rpc error: code = Unknown desc = failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${exec.binary}": executable file not found in $PATH: unknown`
    else if (exec.run === 'exit' && exec.code !== 0) error = `command '${(hook.exec.command ?? []).join(' ')}' exited with ${exec.code}: `
    return { kind: 'exec', what: `exec ${JSON.stringify(hook.exec.command ?? [])}`, error, exec, sleepS: 0 }
  }
  if (hook.httpGet) {
    const g = hook.httpGet
    const port = typeof g.port === 'number' ? g.port : (c.ports ?? []).find((x) => x.name === g.port)?.containerPort ?? Number(g.port)
    const url = `http://${g.host ?? ip}:${port}${g.path ?? '/'}`
    const error = (image?.ports ?? []).includes(port) ? '' : `Get "${url}": dial tcp ${g.host ?? ip}:${port}: connect: connection refused`
    return { kind: 'httpGet', what: `httpGet ${url}`, error, sleepS: 0 }
  }
  const sleepS = (hook as { sleep?: { seconds?: number } }).sleep?.seconds ?? 0
  return { kind: 'sleep', what: `sleep ${sleepS}s`, error: '', sleepS }
}
