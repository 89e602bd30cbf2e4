/**
 * Test helpers for the scheduler: build pods and nodes tersely, a SchedulerCore with a cache filled from them,
 * and run one plugin's extension points the way the framework does. Used by the *.test.ts files only.
 */
import type { LabelSelector, Node, Pod } from '../api/types.ts'
import { Rng } from '../sim/rng.ts'
import { loadSchedulerConfig } from './config.ts'
import type { SchedulerSettings } from './config.ts'
import { CycleState } from './framework/cycleState.ts'
import type { MaybeStatus } from './framework/status.ts'
import { Code } from './framework/status.ts'
import type { Plugin, PostFilterResult, FilterPlugin, PreFilterPlugin, PreScorePlugin, ScorePlugin } from './framework/interface.ts'
import type { Framework } from './framework/runtime.ts'
import { NodeInfo, PodInfo } from './framework/types.ts'
import { SchedulerCore } from './scheduleOne.ts'
import type { ScheduleResult } from './scheduleOne.ts'

export interface PodOpts {
  ns?: string
  labels?: Record<string, string>
  /** Per container requests, e.g. [{cpu: '100m', memory: '1Gi'}]. */
  requests?: Record<string, string>[]
  node?: string
  priority?: number
  spec?: Record<string, unknown>
  status?: Record<string, unknown>
  images?: string[]
  startTime?: string
  uid?: string
}

/** pod builds a Pod; containers come from `requests` (one per entry) or `images`, default one container. */
export function pod(name: string, o: PodOpts = {}): Pod {
  const n = Math.max(o.requests?.length ?? 0, o.images?.length ?? 0, 1)
  const containers = Array.from({ length: n }, (_, i) => ({
    name: `c${i}`, image: o.images?.[i] ?? 'nginx:1.27',
    ...(o.requests?.[i] ? { resources: { requests: o.requests[i] } } : {}),
  }))
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: o.ns ?? 'default', uid: o.uid ?? `uid-${name}`, labels: o.labels, creationTimestamp: o.startTime ?? '2026-01-01T00:00:00Z' },
    spec: { containers, schedulerName: 'default-scheduler', priority: o.priority ?? 0, ...(o.node ? { nodeName: o.node } : {}), ...(o.spec ?? {}) },
    status: { ...(o.startTime ? { startTime: o.startTime } : {}), ...(o.status ?? {}) },
  } as Pod
}

export interface NodeOpts {
  cpu?: string
  memory?: string
  pods?: string
  labels?: Record<string, string>
  taints?: { key: string; value?: string; effect: string }[]
  unschedulable?: boolean
  images?: { names: string[]; sizeBytes: number }[]
  extra?: Record<string, string>
}

export function node(name: string, o: NodeOpts = {}): Node {
  const allocatable = { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: o.pods ?? '110', ...(o.extra ?? {}) }
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(o.labels ?? {}) } },
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: { allocatable, capacity: allocatable, ...(o.images ? { images: o.images } : {}) },
  } as Node
}

export interface TestCluster {
  core: SchedulerCore
  fwk: Framework
  /** Actions the plugins asked for. */
  preempted: { preemptor: string; node: string; victims: string[] }[]
}

export function settings(config?: Record<string, unknown>): SchedulerSettings {
  const r = loadSchedulerConfig(config ? { apiVersion: 'kubescheduler.config.k8s.io/v1', kind: 'KubeSchedulerConfiguration', ...config } : undefined)
  if ('error' in r) throw new Error(r.error)
  return r.settings
}

/** cluster builds a core whose cache holds the nodes and the assigned pods (pods with spec.nodeName). */
export function cluster(nodes: Node[], pods: Pod[] = [], o: {
  config?: Record<string, unknown>; seed?: number; nsLabels?: Record<string, Record<string, string>>
  /** helper.DefaultSelector stand-in: the selector of the Services/controllers selecting the pod (none by default). */
  defaultSelector?: (pod: PodInfo) => LabelSelector | null
} = {}): TestCluster {
  const preempted: TestCluster['preempted'] = []
  const core = new SchedulerCore({
    settings: settings(o.config), rng: new Rng(o.seed ?? 1), detail: 'full',
    namespaceLabels: (ns) => o.nsLabels?.[ns] ?? {},
    defaultSelector: o.defaultSelector,
    actions: {
      bind: (_p, _n, done) => done(null),
      preempt: (p, n, victims) => { preempted.push({ preemptor: p.key, node: n, victims: victims.map((v) => v.key) }) },
    },
  })
  for (const n of nodes) core.cache.addNode(n)
  for (const p of pods) if (p.spec?.nodeName) core.cache.addPod(p)
  return { core, fwk: core.frameworks.get('default-scheduler') as Framework, preempted }
}

/** schedule runs one scheduling cycle for the pod (nothing is assumed or bound). */
export function schedule(c: TestCluster, p: Pod): ScheduleResult & { state: CycleState } {
  const pi = new PodInfo(p)
  const state = c.core.newCycleState(c.fwk, pi)
  const r = c.core.schedulePod(c.fwk, state, pi)
  return { ...r, state }
}

export const codeName = (s: MaybeStatus): string => (s === null ? 'Success' : ['Success', 'Error', 'Unschedulable', 'UnschedulableAndUnresolvable', 'Wait', 'Skip', 'Pending'][s.code])

export function plugin<T extends Plugin>(c: TestCluster, name: string): T {
  const p = c.fwk.plugins.get(name)
  if (!p) throw new Error(`plugin ${name} not in profile`)
  return p as T
}

/** filterAll runs a plugin's PreFilter then Filter on every node: node → "Success" or "Code: reasons". */
export function filterAll(c: TestCluster, name: string, p: Pod): Record<string, string> {
  const pl = plugin<Plugin & Partial<PreFilterPlugin> & FilterPlugin>(c, name)
  const pi = new PodInfo(p)
  const state = new CycleState()
  return c.core.withFramework(c.fwk, () => {
    const out: Record<string, string> = {}
    const nodes = c.core.nodeInfos()
    if (pl.preFilter) {
      const { status, result } = pl.preFilter(state, pi, nodes)
      if (status && status.code === Code.Skip) { for (const n of nodes) out[n.name] = 'Skip'; return out }
      if (status && status.code !== Code.Success) { for (const n of nodes) out[n.name] = `${codeName(status)}: ${status.message()}`; return out }
      if (result?.nodeNames) for (const n of nodes) if (!result.nodeNames.has(n.name)) out[n.name] = 'not in PreFilter result'
    }
    for (const n of nodes) {
      if (out[n.name]) continue
      const s = pl.filter(state, pi, n)
      out[n.name] = s === null || s.code === Code.Success ? 'Success' : `${codeName(s)}: ${s.message()}`
    }
    return out
  })
}

/**
 * scoreAll runs a plugin's PreScore, Score and NormalizeScore on the given nodes (all by default), returning raw
 * and normalized scores by node, or 'Skip' when PreScore skips.
 */
export function scoreAll(c: TestCluster, name: string, p: Pod, only?: string[]): { raw: Record<string, number>; normalized: Record<string, number> } | 'Skip' {
  const pl = plugin<Plugin & Partial<PreScorePlugin> & ScorePlugin>(c, name)
  const pi = new PodInfo(p)
  const state = new CycleState()
  const nodes: NodeInfo[] = c.core.nodeInfos().filter((n) => !only || only.includes(n.name))
  return c.core.withFramework(c.fwk, () => {
    if (pl.preScore) {
      const s = pl.preScore(state, pi, nodes)
      if (s && s.code === Code.Skip) return 'Skip'
    }
    const scores = nodes.map((n) => pl.score(state, pi, n))
    const raw = Object.fromEntries(nodes.map((n, i) => [n.name, scores[i]]))
    pl.normalizeScore?.(state, pi, nodes, scores)
    return { raw, normalized: Object.fromEntries(nodes.map((n, i) => [n.name, scores[i]])) }
  })
}

export type { PostFilterResult }
export { NodeInfo, PodInfo }
