/// <reference lib="webworker" />
/**
 * The simulation worker: the only code that touches the worker global. It runs the engine for each apply and
 * streams the trace back in batches, so the main thread never runs the simulation.
 */
import { loadCluster } from '../engine/cluster/index.ts'
import { createSimulation } from '../engine/index.ts'
import { getPodsWide } from '../engine/kubectl/printers/getPods.ts'
import type { Command, WorkerMessage } from '../protocol/messages.ts'

const post = (m: WorkerMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m)
const BATCH = 500

self.onmessage = (ev: MessageEvent<Command>) => {
  const cmd = ev.data
  try {
    const cluster = loadCluster(undefined, 'default')
    if ('error' in cluster) throw new Error(cluster.error)
    const sim = createSimulation({ cluster, seed: cmd.seed })
    post({ type: 'reset' })
    sim.apply({ files: [{ name: 'pod.yaml', text: cmd.text }] })
    sim.run()
    const trace = sim.trace
    for (let i = 0; i < trace.length; i += BATCH) post({ type: 'events', events: trace.slice(i, i + BATCH) })
    const pods = sim.pods().filter((p) => p.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration'])
    const k = sim.kubectlResults[0] ?? { stdout: '', stderr: 'kubectl did not finish', exitCode: 1 }
    post({
      type: 'done',
      kubectl: { stdout: k.stdout, stderr: k.stderr, exitCode: k.exitCode, errorPosition: k.errorPosition },
      getPods: getPodsWide(pods, sim.ctx.sim.wallMs()),
      pods: pods.map((p) => ({ name: p.metadata?.name ?? '', namespace: p.metadata?.namespace ?? '', phase: p.status?.phase ?? '', node: p.spec?.nodeName ?? '', ip: p.status?.podIP ?? '' })),
    })
  } catch (e) {
    post({ type: 'error', message: (e as Error).message })
  }
}
