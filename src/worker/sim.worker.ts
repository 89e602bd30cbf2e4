/// <reference lib="webworker" />
/**
 * The simulation worker: the only code that touches the worker global. It runs the engine for each apply and
 * streams the trace back in batches, so the main thread never runs the simulation.
 */
import { loadCluster } from '../engine/cluster/index.ts'
import { createSimulation } from '../engine/index.ts'
import { getPodsWide } from '../engine/kubectl/printers/getPods.ts'
import { describeEvents } from '../engine/kubectl/printers/events.ts'
import type { KEvent, KObject, Pod } from '../engine/api/types.ts'
import type { Simulation } from '../engine/index.ts'
import type { Command, WorkerMessage } from '../protocol/messages.ts'

const post = (m: WorkerMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m)
const BATCH = 500

let last: Simulation | undefined

/** snapshot rebuilds the applied pods and their events as they were right after trace event `index`. */
function snapshot(index: number): WorkerMessage {
  const sim = last
  if (!sim) return { type: 'snapshot', index, getPods: '', describeEvents: '' }
  const objects = new Map<string, KObject>()
  const trace = sim.trace
  for (let i = 0; i <= index && i < trace.length; i++) {
    const c = trace[i].change
    if (!c) continue
    if (c.type === 'DELETED') objects.delete(c.key)
    else if (c.after) objects.set(c.key, c.after)
  }
  const at = sim.ctx.sim.wallMs(trace[Math.min(index, trace.length - 1)]?.t ?? 0)
  const pods = [...objects.entries()].filter(([k, o]) => k.startsWith('/registry/pods/') && o.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).map(([, o]) => o as unknown as Pod)
  const events = [...objects.entries()].filter(([k]) => k.startsWith('/registry/events/')).map(([, o]) => o as unknown as KEvent)
  return { type: 'snapshot', index, getPods: pods.length ? getPodsWide(pods, at) : 'No resources found in default namespace.', describeEvents: describeEvents(events, at) }
}

self.onmessage = (ev: MessageEvent<Command>) => {
  const cmd = ev.data
  if (cmd.type === 'snapshot') { post(snapshot(cmd.index)); return }
  try {
    const cluster = loadCluster(undefined, 'default')
    if ('error' in cluster) throw new Error(cluster.error)
    const sim = createSimulation({ cluster, seed: cmd.seed })
    last = sim
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
