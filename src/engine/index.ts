/**
 * The engine's facade: build a simulated cluster from a ClusterSpec and a seed, apply manifests as
 * `kubectl apply -f` would, and run virtual time. The worker, the CLI, tests and benchmarks all use this.
 */
import type { KEvent, KObject, Node, Pod } from './api/types.ts'
import { KubeApiServer } from './apiserver/index.ts'
import { ApiClient } from './client/apiClient.ts'
import type { ClusterSpec } from './cluster/types.ts'
import type { EngineContext } from './context.ts'
import { createContext } from './context.ts'
import { Etcd } from './etcd/etcd.ts'
import type { TraceEvent } from './events.ts'
import type { KubectlResult } from './kubectl/index.ts'
import { kubectlApply } from './kubectl/index.ts'
import { Kubelet } from './kubelet/index.ts'
import { KubeScheduler } from './scheduler/index.ts'
import { Sim, ms, US_PER_MS } from './sim/kernel.ts'
import { Trace } from './sim/trace.ts'
import { summarize } from './narration/index.ts'

export type { TraceEvent, Lane, ObjectChange, TraceType, Outcome } from './events.ts'
export { LANES } from './events.ts'
export type { KubectlResult } from './kubectl/index.ts'
export type { ClusterSpec } from './cluster/types.ts'

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

/** Simulation is one running cluster. Time only moves when run() or step() is called. */
export class Simulation {
  readonly ctx: EngineContext
  readonly etcd: Etcd
  readonly apiserver: KubeApiServer
  readonly scheduler: KubeScheduler
  readonly kubelets: Kubelet[] = []
  readonly kubectlResults: KubectlResult[] = []
  readonly cluster: ClusterSpec
  private started = false

  constructor(opts: SimulationOptions) {
    const sim = new Sim(opts.seed ?? 1)
    const trace = new Trace(sim, summarize, opts.retainTrace ?? true)
    this.cluster = opts.cluster
    this.ctx = createContext(sim, trace, opts.cluster.simulator)
    this.etcd = new Etcd(this.ctx)
    this.apiserver = new KubeApiServer(this.ctx, this.etcd, opts.cluster.apiserver)
    this.apiserver.bootstrap(opts.cluster.objects)
    this.scheduler = new KubeScheduler(this.ctx, new ApiClient(this.ctx, this.apiserver, {
      lane: 'kube-scheduler', userAgent: 'kube-scheduler/v1.35.0 (linux/amd64) kubernetes/scheduler',
      credentials: { clientCertificate: { commonName: 'system:kube-scheduler', organizations: [], issuer: opts.cluster.apiserver.clientCA } },
    }), opts.cluster.schedulerConfig, { detail: opts.schedulerDetail })
    const nodes = opts.cluster.objects.filter((o) => o.kind === 'Node') as Node[]
    for (const node of nodes) {
      const name = node.metadata?.name ?? ''
      this.kubelets.push(new Kubelet(this.ctx, new ApiClient(this.ctx, this.apiserver, {
        lane: 'kubelet', node: name, userAgent: `kubelet/v1.35.0 (linux/amd64) kubernetes/${name}`,
        credentials: { clientCertificate: { commonName: `system:node:${name}`, organizations: ['system:nodes'], issuer: opts.cluster.apiserver.clientCA } },
      }), name))
    }
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
    this.scheduler.start()
    for (const k of this.kubelets) k.start()
    sim.runUntil(sim.now() + ms(100))
    trace.muted = false
    this.scheduler.reportStartup()
  }

  /** apply runs `kubectl apply -f` now; the result arrives in kubectlResults (and onDone) when kubectl exits. */
  apply(input: ApplyInput, onDone?: (r: KubectlResult) => void): void {
    this.start()
    kubectlApply(this.ctx, this.apiserver, { ...input, kubeconfig: this.cluster.kubeconfig }, (r) => {
      this.kubectlResults.push(r)
      onDone?.(r)
    })
  }

  /** run advances virtual time until nothing is pending or `untilMs` (absolute virtual time) is reached. */
  run(untilMs = 10 * 60 * 1000): void {
    this.start()
    this.ctx.sim.runUntil(ms(untilMs))
  }

  /** step runs the next scheduled callback; false when nothing is pending. */
  step(): boolean {
    this.start()
    return this.ctx.sim.step()
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
}

/** createSimulation builds a simulation; see SimulationOptions. */
export function createSimulation(opts: SimulationOptions): Simulation {
  return new Simulation(opts)
}
