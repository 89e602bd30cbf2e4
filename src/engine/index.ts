/**
 * The engine's facade: build a simulated cluster from a ClusterSpec and a seed, apply manifests as
 * `kubectl apply -f` would, and run virtual time. The worker, the CLI, tests and benchmarks all use this.
 */
import type { Deployment, KEvent, KObject, Node, Pod, ReplicaSet } from './api/types.ts'
import { runSession } from './kubectl/session/runner.ts'
import type { CommandResult, SessionCommand } from './kubectl/session/runner.ts'
import type { CommandInput, KubectlEnv } from './kubectl/session/exec.ts'
import { KubeApiServer } from './apiserver/index.ts'
import type { ClusterSpec } from './cluster/types.ts'
import type { EngineContext } from './context.ts'
import { createContext } from './context.ts'
import { Etcd } from './etcd/etcd.ts'
import type { TraceEvent } from './events.ts'
import type { KubectlResult } from './kubectl/index.ts'
import { kubectlApply } from './kubectl/index.ts'
import type { Kubelet } from './kubelet/index.ts'
import { kubelets } from './kubelet/component.ts'
import type { KubeScheduler } from './scheduler/index.ts'
import { kubeScheduler } from './scheduler/component.ts'
import type { KubeControllerManager } from './controllers/controllerManager.ts'
import { kubeControllerManager } from './controllers/controllerManager.ts'
import type { Component } from './component.ts'
import { componentEnv } from './component.ts'
import { Sim, ms, US_PER_MS } from './sim/kernel.ts'
import { Trace } from './sim/trace.ts'
import { summarize } from './narration/index.ts'
import { TraceViews } from './views/index.ts'

export type { TraceEvent, Lane, ObjectChange, TraceType, Outcome } from './events.ts'
export { LANES } from './events.ts'
export type { KubectlResult } from './kubectl/index.ts'
export type { ClusterSpec } from './cluster/types.ts'
export type { CommandResult, SessionCommand } from './kubectl/session/runner.ts'
export { TraceViews, consoleVocabulary, consoleWords, getPodsWide } from './views/index.ts'
export type { ConsoleAnswer, ConsoleAnswerKind, ConsoleVocabulary, FlagWord, NodeView, ObjectNames, PlayheadView } from './views/index.ts'
export { formatScript, parseScript } from './kubectl/cmd/script.ts'
export { parseDocuments } from './yaml.ts'
export type { ScriptCommand } from './kubectl/cmd/script.ts'

export interface SimulationOptions {
  cluster: ClusterSpec
  seed?: number
  /** Keep every trace event in memory (default true; benchmarks turn it off and count). */
  retainTrace?: boolean
  /** How much of each scheduling cycle to record (default auto: full detail up to 100 nodes). */
  schedulerDetail?: 'full' | 'compact' | 'auto' | 'off'
}

export interface ApplyInput {
  files: { name: string; text: string }[]
  user?: string
  namespace?: string
}

/**
 * COMPONENTS: everything that runs against the apiserver, in start order. Adding a component is adding its folder
 * and one entry here (see component.ts).
 */
const COMPONENTS = [kubeScheduler, kubelets, kubeControllerManager] as const

/** Simulation is one running cluster. Time only moves when run() or step() is called. */
export class Simulation {
  readonly ctx: EngineContext
  readonly etcd: Etcd
  readonly apiserver: KubeApiServer
  readonly scheduler: KubeScheduler
  readonly kubelets: Kubelet[]
  readonly controllerManager: KubeControllerManager
  readonly kubectlResults: KubectlResult[] = []
  /** The session's commands' results, in order. */
  readonly sessionResults: CommandResult[] = []
  readonly cluster: ClusterSpec
  /** The uids of the objects the cluster started with: everything else was made during the session. */
  private readonly initialUids = new Set<string>()
  private readonly components: Component[]
  private started = false
  /** Everything stored once the components had started, before the story began, by etcd key. */
  private initial = new Map<string, KObject>()
  private traceViews?: TraceViews

  constructor(opts: SimulationOptions) {
    const sim = new Sim(opts.seed ?? 1)
    const trace = new Trace(sim, summarize, opts.retainTrace ?? true)
    this.cluster = opts.cluster
    this.ctx = createContext(sim, trace, opts.cluster.simulator)
    this.etcd = new Etcd(this.ctx)
    this.apiserver = new KubeApiServer(this.ctx, this.etcd, opts.cluster.apiserver)
    this.apiserver.bootstrap(withComponentObjects(opts.cluster.objects, COMPONENTS.flatMap((c) => ('bootstrap' in c && c.bootstrap ? c.bootstrap() : []))))
    for (const kv of this.etcd.range('/registry/')) if (kv.value.metadata?.uid) this.initialUids.add(kv.value.metadata.uid)
    const env = componentEnv(this.ctx, this.apiserver, opts.cluster, { schedulerDetail: opts.schedulerDetail })
    const [scheduler] = kubeScheduler.create(env)
    this.scheduler = scheduler
    this.kubelets = kubelets.create(env)
    const [kcm] = kubeControllerManager.create(env)
    this.controllerManager = kcm
    this.components = [scheduler, ...this.kubelets, kcm]
  }

  /**
   * start opens the components' lists and watches and lets them settle, muted: the story a user
   * watches begins with kubectl, not with informers syncing (idempotent; apply and run call it).
   */
  start(): void {
    if (this.started) return
    this.started = true
    const { sim, trace } = this.ctx
    trace.muted = true
    for (const c of this.components) c.start()
    sim.runUntil(sim.now() + ms(100))
    trace.muted = false
    for (const kv of this.etcd.range('/registry/')) this.initial.set(kv.key, kv.value as unknown as KObject)
    for (const c of this.components) c.afterStart?.()
  }

  /** apply runs `kubectl apply -f` now; the result arrives in kubectlResults (and onDone) when kubectl exits. */
  apply(input: ApplyInput, onDone?: (r: KubectlResult) => void): void {
    this.start()
    kubectlApply(this.ctx, this.apiserver, { ...input, kubeconfig: this.cluster.kubeconfig }, (r) => {
      this.kubectlResults.push(r)
      onDone?.(r)
    })
  }

  /**
   * session runs kubectl commands over virtual time (see kubectl/session/runner.ts); each result arrives in
   * sessionResults, in order, as its command exits.
   */
  session(commands: readonly SessionCommand[], onResult?: (r: CommandResult) => void): void {
    this.start()
    runSession(this.kubectlEnv(), commands, (r) => {
      this.sessionResults.push(r)
      onResult?.(r)
    })
  }

  /** kubectl runs one command now (the console's way in). */
  kubectl(input: CommandInput, onDone?: (r: CommandResult) => void): void {
    this.session([{ ...input, atMs: this.nowMs() }], onDone)
  }

  private kubectlEnv(): KubectlEnv {
    return { ctx: this.ctx, endpoint: this.apiserver, kubeconfig: this.cluster.kubeconfig }
  }

  /** deployments and replicaSets: the apps/v1 objects stored now. */
  deployments(): Deployment[] {
    return this.list<Deployment>('/registry/deployments/')
  }

  replicaSets(): ReplicaSet[] {
    return this.list<ReplicaSet>('/registry/replicasets/')
  }

  /** run advances virtual time until nothing is pending or `untilMs` (absolute virtual time) is reached. */
  run(untilMs = 10 * 60 * 1000): void {
    this.start()
    this.ctx.sim.runUntil(ms(untilMs))
  }

  /**
   * runFor is run() in slices, so a host can stream the trace while it grows: it runs at most `maxCallbacks`
   * callbacks due by `untilMs` and says whether more are due. Slices run the same callbacks in the same order as
   * one run(), so the trace is the same byte for byte.
   */
  runFor(untilMs: number, maxCallbacks: number): boolean {
    this.start()
    const until = ms(untilMs)
    const sim = this.ctx.sim
    for (let n = 0; n < maxCallbacks; n++) {
      const t = sim.nextTime()
      if (t === undefined || t > until) return false
      sim.step()
    }
    const t = sim.nextTime()
    return t !== undefined && t <= until
  }

  /** step runs the next scheduled callback; false when nothing is pending. */
  step(): boolean {
    this.start()
    return this.ctx.sim.step()
  }

  /** nowWallMs: the simulated wall clock (epoch ms) now. */
  nowWallMs(): number {
    return this.ctx.sim.wallMs()
  }

  /** nowMs is the current virtual time in milliseconds. */
  nowMs(): number {
    return this.ctx.sim.now() / US_PER_MS
  }

  get trace(): TraceEvent[] {
    return this.ctx.trace.events
  }

  /** list returns the stored objects under an etcd prefix such as /registry/pods/. */
  list<T = KObject>(prefix: string): T[] {
    return this.etcd.range(prefix).map((kv) => kv.value as unknown as T)
  }

  pods(): Pod[] {
    return this.list<Pod>('/registry/pods/')
  }

  nodes(): Node[] {
    return this.list<Node>('/registry/minions/')
  }

  events(): KEvent[] {
    return this.list<KEvent>('/registry/events/')
  }

  /**
   * sessionPods: the pods made during the session (applied by kubectl or created by a controller), not those the
   * cluster file started with — what `kubectl get pods` of the story shows.
   */
  sessionPods(): Pod[] {
    return this.pods().filter((p) => !this.initialUids.has(p.metadata?.uid ?? ''))
  }

  /**
   * views: the run seen at any step (objects, kubectl's printouts, console reads). Built on first use, over the
   * trace as it is then: call it after run().
   */
  views(): TraceViews {
    this.start()
    if (!this.traceViews) {
      const sim = this.ctx.sim
      this.traceViews = new TraceViews({
        trace: this.trace, initialObjects: this.initial, kubeconfig: this.cluster.kubeconfig,
        wallMs: (t) => (t === undefined ? sim.wallMs() : sim.wallMs(t)), isSessionObject: (o) => this.isSessionObject(o),
      })
    }
    return this.traceViews
  }

  /** isSessionObject: the object was made during the session. */
  isSessionObject(o: KObject): boolean {
    return !this.initialUids.has(o.metadata?.uid ?? '')
  }
}

/** withComponentObjects adds the components' bootstrap objects the cluster file does not already hold. */
function withComponentObjects(objects: KObject[], extra: KObject[]): KObject[] {
  const id = (o: KObject) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`
  const have = new Set(objects.map(id))
  return [...objects, ...extra.filter((o) => !have.has(id(o)))]
}

/** createSimulation builds a simulation; see SimulationOptions. */
export function createSimulation(opts: SimulationOptions): Simulation {
  return new Simulation(opts)
}
