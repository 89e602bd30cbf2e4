/**
 * Engine benchmark: 1,000 pods applied onto 100 nodes (and 10,000 onto 1,000), simulated to Running.
 * Prints pod births per second and trace events per second (wall clock), and peak memory.
 * As a script (`engine.ts PODS NODES [RUNS]`, or `engine.ts deployment`) it runs RUNS times (one by default) in
 * its process and prints the results as one JSON line (an array; the Deployment's one object). run.ts runs it
 * bundled, as the command line and the app run the engine, each figure in a process of its own.
 */
import { loadCluster } from '../../src/engine/cluster/index.ts'
import { createSimulation } from '../../src/engine/index.ts'
import { tuneV8 } from '../../src/cli/v8flags.mjs'
import { peakRss } from './peak.ts'

export interface EngineBenchResult {
  name: string
  pods: number
  nodes: number
  running: number
  traceEvents: number
  wallSeconds: number
  podBirthsPerSecond: number
  traceEventsPerSecond: number
  peakMemoryMB: number
  virtualSeconds: number
  /** CPU time (user + system) of the run: on a shared machine it moves less than wall time. */
  cpuSeconds: number
}

export function clusterYaml(nodes: number): string {
  const docs: string[] = []
  for (let i = 0; i < nodes; i++) {
    docs.push(`apiVersion: v1
kind: Node
metadata:
  name: node-${String(i).padStart(3, '0')}
  labels:
    kubernetes.io/hostname: node-${String(i).padStart(3, '0')}
    topology.kubernetes.io/zone: zone-${i % 3}
spec:
  podCIDR: 10.${100 + Math.floor(i / 250)}.${i % 250}.0/24
status:
  capacity: {cpu: "16", memory: 64Gi, pods: "110"}
  allocatable: {cpu: "16", memory: 64Gi, pods: "110"}
  images:
  - names: [registry.k8s.io/pause:3.10.1]
    sizeBytes: 775947
  - names: [docker.io/library/nginx:1.27]
    sizeBytes: 201326592`)
  }
  return docs.join('\n---\n')
}

export function podsYaml(pods: number): string {
  const docs: string[] = []
  for (let i = 0; i < pods; i++) {
    docs.push(`apiVersion: v1
kind: Pod
metadata:
  name: web-${i}
  labels: {app: web}
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    resources:
      requests: {cpu: 100m, memory: 64Mi}`)
  }
  return docs.join('\n---\n')
}

/** runEngineBench simulates `kubectl apply` of `pods` pods onto `nodes` nodes until every pod is Running. */
export function runEngineBench(pods = 1000, nodes = 100): EngineBenchResult {
  const cluster = loadCluster(clusterYaml(nodes), 'bench-cluster.yaml')
  if ('error' in cluster) throw new Error(cluster.error)
  const manifest = podsYaml(pods)
  global.gc?.()
  const start = process.hrtime.bigint()
  const cpu0 = process.cpuUsage()
  const sim = createSimulation({ cluster, seed: 1, retainTrace: true })
  sim.apply({ files: [{ name: 'pods.yaml', text: manifest }] })
  // As `podbirth apply --until 1h` runs it (cli/limits.ts runCapped) and the app's worker does: runFor in slices,
  // every callback due within the hour. Nothing is measured between slices: peak memory is the kernel's (peakRss).
  while (sim.runFor(60 * 60 * 1000, 5000));
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9
  const cpu = process.cpuUsage(cpu0)
  const running = sim.pods().filter((p) => p.status?.phase === 'Running').length
  const traceEvents = sim.ctx.trace.count()
  return {
    name: `${pods.toLocaleString('en-US')} pods onto ${nodes.toLocaleString('en-US')} nodes (kubectl apply → Running)`,
    pods, nodes, running, traceEvents, wallSeconds,
    podBirthsPerSecond: running / wallSeconds,
    traceEventsPerSecond: traceEvents / wallSeconds,
    peakMemoryMB: peakRss(),
    virtualSeconds: sim.nowMs() / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  }
}

export interface DeploymentBenchResult {
  name: string
  running: number
  replicas: number
  traceEvents: number
  wallSeconds: number
  stepsPerSecond: number
  virtualSeconds: number
  peakMemoryMB: number
}

/**
 * runDeploymentBench: `kubectl create deployment web --replicas=N` onto `nodes` nodes, then `kubectl rollout status`,
 * simulated until the rollout is done (every replica Running and available) — the controllers' whole path.
 */
export function runDeploymentBench(replicas = 1000, nodes = 100): DeploymentBenchResult {
  const cluster = loadCluster(clusterYaml(nodes), 'bench-cluster.yaml')
  if ('error' in cluster) throw new Error(cluster.error)
  global.gc?.()
  const start = process.hrtime.bigint()
  const sim = createSimulation({ cluster, seed: 1, retainTrace: true })
  sim.session([
    { argv: ['create', 'deployment', 'web', '--image=nginx:1.27', `--replicas=${replicas}`] },
    { argv: ['rollout', 'status', 'deployment/web'] },
  ])
  while (sim.sessionResults.length < 2 && sim.step()) {
    if (sim.nowMs() > 60 * 60 * 1000) break
  }
  const wallSeconds = Number(process.hrtime.bigint() - start) / 1e9
  const traceEvents = sim.ctx.trace.count()
  return {
    name: `a ${replicas.toLocaleString('en-US')}-replica Deployment onto ${nodes} nodes (create → rollout status done)`,
    replicas, running: sim.pods().filter((p) => p.status?.phase === 'Running').length, traceEvents, wallSeconds,
    stepsPerSecond: traceEvents / wallSeconds, virtualSeconds: sim.nowMs() / 1000, peakMemoryMB: peakRss(),
  }
}

// Run as a script: from its source (engine.ts, through tsx) or from run.ts's bundle of it (engine.cjs), with the V8
// flags `podbirth` sets on itself.
if (/[/\\]engine\.(ts|cjs)$/.test(process.argv[1] ?? '') && process.argv[2]) {
  tuneV8()
  if (process.argv[2] === 'deployment') {
    console.log(JSON.stringify(runDeploymentBench()))
  } else {
    const [pods, nodes = '100', runs = '1'] = process.argv.slice(2)
    const results = Array.from({ length: Number(runs) }, () => runEngineBench(Number(pods), Number(nodes)))
    console.log(JSON.stringify(results))
  }
}
