/**
 * Scheduler throughput on upstream scheduler_perf shapes (test/integration/scheduler_perf/config/performance-config.yaml):
 * SchedulingBasic 5000Nodes_10000Pods, SchedulingNodeAffinity 5000Nodes_10000Pods, SchedulingPodAntiAffinity
 * 5000Nodes_2000Pods, with upstream's node template (4 cpu, 32Gi, 110 pods) and pod templates (100m / 500Mi,
 * pause image). This drives the scheduling algorithm directly (cache, queue order, framework, assume), single
 * threaded, without the simulated API round trips, as scheduler_perf measures kube-scheduler against a real
 * apiserver whose latency is not the scheduler's. Each cycle's record is kept (compact at this size), as the trace
 * keeps it, so the memory figure includes the cost of recording.
 *
 * Run one shape per process (peak memory is per shape): `tsx tests/bench/scheduler.ts basic|affinity|antiaffinity`.
 */
import type { Node, Pod } from '../../src/engine/api/types.ts'
import { Rng } from '../../src/engine/sim/rng.ts'
import { tuneV8 } from '../../src/cli/v8flags.mjs'
import { peakRss } from './peak.ts'
import { defaultSettings } from '../../src/engine/scheduler/config.ts'
import type { CycleRecord } from '../../src/engine/scheduler/framework/record.ts'
import { PodInfo } from '../../src/engine/scheduler/framework/types.ts'
import { SchedulerCore } from '../../src/engine/scheduler/scheduleOne.ts'

export interface SchedulerBenchResult {
  shape: string
  nodes: number
  pods: number
  scheduled: number
  wallSeconds: number
  podsPerSecond: number
  /** CPU time of this process over the run (user + system): steadier than wall time on a shared machine. */
  cpuSeconds: number
  peakRssMB: number
  recordBytesPerCycle: number
  upstreamThreshold: number
}

const SHAPES: Record<string, { nodes: number; pods: number; threshold: number; pod: (i: number) => Pod; label?: Record<string, string> }> = {
  basic: { nodes: 5000, pods: 10000, threshold: 680, pod: (i) => basePod(i) },
  affinity: {
    nodes: 5000, pods: 10000, threshold: 220, label: { 'failure-domain.beta.kubernetes.io/zone': 'zone1' },
    pod: (i) => withSpec(basePod(i), { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'failure-domain.beta.kubernetes.io/zone', operator: 'In', values: ['zone1', 'zone2'] }] }] } } } }),
  },
  antiaffinity: {
    nodes: 5000, pods: 2000, threshold: 60,
    pod: (i) => {
      const p = withSpec(basePod(i), { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { color: 'green' } }, topologyKey: 'kubernetes.io/hostname' }] } } })
      return { ...p, metadata: { ...p.metadata, labels: { color: 'green' } } }
    },
  },
}

function basePod(i: number): Pod {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: `pod-${i}`, namespace: 'sched-0', uid: `uid-${i}` },
    spec: { schedulerName: 'default-scheduler', priority: 0, containers: [{ name: 'pause', image: 'registry.k8s.io/pause:3.10', resources: { requests: { cpu: '100m', memory: '500Mi' }, limits: { cpu: '100m', memory: '500Mi' } } }] },
    status: {},
  } as Pod
}

function withSpec(p: Pod, extra: Record<string, unknown>): Pod {
  return { ...p, spec: { ...p.spec, ...extra } as Pod['spec'] }
}

function nodeOf(i: number, labels: Record<string, string> = {}): Node {
  const name = `scheduler-perf-${String(i).padStart(5, '0')}`
  const alloc = { cpu: '4', memory: '32Gi', pods: '110' }
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } }, spec: {}, status: { allocatable: alloc, capacity: alloc } } as Node
}

export function runSchedulerBench(shapeName: string): SchedulerBenchResult {
  const shape = SHAPES[shapeName]
  if (!shape) throw new Error(`unknown shape ${shapeName} (basic, affinity, antiaffinity)`)
  const core = new SchedulerCore({ settings: defaultSettings(), rng: new Rng(1), detail: 'auto', actions: { bind: (_p, _n, done) => done(null), preempt: () => {} } })
  for (let i = 0; i < shape.nodes; i++) core.cache.addNode(nodeOf(i, shape.label))
  const fwk = core.frameworks.get('default-scheduler')
  if (!fwk) throw new Error('no default profile')
  const pods = Array.from({ length: shape.pods }, (_, i) => shape.pod(i))
  const records: CycleRecord[] = []
  let scheduled = 0
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  for (let i = 0; i < pods.length; i++) {
    const pi = new PodInfo(pods[i])
    const state = core.newCycleState(fwk, pi)
    const r = core.schedulePod(fwk, state, pi)
    if (state.recorder) records.push(state.recorder.record)
    if (r.kind === 'scheduled') {
      core.cache.assumePod(pi, r.node)
      scheduled++
    }
  }
  const wall = (performance.now() - t0) / 1000
  const cpu = process.cpuUsage(cpu0)
  const sample = records.slice(-100)
  const recordBytes = sample.length ? sample.reduce((n, r) => n + JSON.stringify(r).length, 0) / sample.length : 0
  return { shape: shapeName, nodes: shape.nodes, pods: shape.pods, scheduled, wallSeconds: wall, podsPerSecond: scheduled / wall, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMB: peakRss(), recordBytesPerCycle: recordBytes, upstreamThreshold: shape.threshold }
}

// Run as a script: from its source (scheduler.ts, through tsx) or from run.ts's bundle of it (scheduler.cjs), with
// the V8 flags `podbirth` sets on itself.
if (/[/\\]scheduler\.(ts|cjs)$/.test(process.argv[1] ?? '') && process.argv[2]) {
  tuneV8()
  console.log(JSON.stringify(runSchedulerBench(process.argv[2])))
}
