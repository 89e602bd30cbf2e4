/// <reference lib="webworker" />
/**
 * The simulation worker: the only code that touches the worker global. It runs the engine for each apply and
 * streams the trace back in batches, so the main thread never runs the simulation.
 */
import { loadCluster } from '../engine/cluster/index.ts'
import { createSimulation } from '../engine/index.ts'
import { getPodsWide } from '../engine/kubectl/printers/getPods.ts'
import { describeEvents, eventsFor } from '../engine/kubectl/printers/events.ts'
import { describePod } from '../engine/kubectl/printers/describe/pod.ts'
import { toKubectlYaml } from '../engine/kubectl/printers/yaml.ts'
import { bytes, cpuMilli } from '../engine/api/quantity.ts'
import type { KEvent, KObject, Node, Pod } from '../engine/api/types.ts'
import type { Simulation } from '../engine/index.ts'
import { ObjectTimeline } from './timeline.ts'
import { boundByNode } from './bound.ts'
import { suggestFixes } from './whatif.ts'
import { presetText } from '../protocol/clusters.ts'
import { buildStory, findOutcomes } from '../engine/story/index.ts'
import { parseKubectl } from '../engine/kubectl/cmd/parse.ts'
import { formatScript, parseScript } from '../engine/kubectl/cmd/script.ts'
import type { ScriptCommand } from '../engine/kubectl/cmd/script.ts'
import { isReadCommand, readObjects } from '../engine/kubectl/session/readObjects.ts'
import type { SessionCommand } from '../engine/index.ts'
import type { Command, ConsoleCommand, NodeRow, ObjectNames, ReadCommand, WorkerMessage } from '../protocol/messages.ts'

const post = (m: WorkerMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m)
const BATCH = 500
/** The panel at the playhead lists this many pods (a large apply would otherwise re-lay out hundreds of lines per step). */
const SNAPSHOT_PODS = 40

let last: Simulation | undefined
/** Every object stored before the story began (the cluster file's and the components'), keyed by etcd key. */
let initial = new Map<string, KObject>()
let timeline = new ObjectTimeline(initial, [])

function nodeRows(objects: Map<string, KObject>): NodeRow[] {
  const nodes = [...objects.entries()].filter(([k]) => k.startsWith('/registry/minions/')).map(([, o]) => o as unknown as Node)
  const bound = boundByNode(objects)
  return nodes.map((n) => {
    const name = n.metadata?.name ?? ''
    const b = bound.get(name)
    const mine = b?.pods ?? []
    const req = { cpu: b?.cpu ?? 0, memory: b?.memory ?? 0 }
    const alloc = (n.status?.allocatable ?? {}) as Record<string, string>
    return {
      name, cpuAllocatable: cpuMilli(alloc.cpu), memoryAllocatable: bytes(alloc.memory), podsAllocatable: bytes(alloc.pods ?? '110'),
      cpuRequested: req.cpu, memoryRequested: req.memory, pods: mine.map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`).sort(),
      unschedulable: !!n.spec?.unschedulable, taints: (n.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
    }
  }).sort((a, b) => (a.name < b.name ? -1 : 1))
}

/**
 * snapshot rebuilds the applied pods and their events as they were right after trace event `index`. The pod
 * described is the one the step is about (the first applied pod for steps about no pod).
 */
function snapshot(index: number): WorkerMessage {
  const sim = last
  if (!sim) return { type: 'snapshot', index, getPods: '', describeEvents: '', describePod: '', nodes: [] }
  const trace = sim.trace
  const objects = timeline.at(index)
  const at = sim.ctx.sim.wallMs(trace[Math.min(index, trace.length - 1)]?.t ?? 0)
  // The session's pods: applied by kubectl or made by a controller (those the cluster started with are not).
  const pods = [...objects.entries()].filter(([k, o]) => k.startsWith('/registry/pods/') && sim.isSessionObject(o)).map(([, o]) => o as unknown as Pod)
  const events = [...objects.entries()].filter(([k]) => k.startsWith('/registry/events/')).map(([, o]) => o as unknown as KEvent)
  const about = trace[Math.min(index, trace.length - 1)]?.pod
  const first = (about && pods.find((p) => `${p.metadata?.namespace}/${p.metadata?.name}` === about)) || pods[0]
  const podEvents = first ? eventsFor(events, 'Pod', first.metadata?.namespace ?? '', first.metadata?.name ?? '', first.metadata?.uid) : events
  return {
    type: 'snapshot', index,
    getPods: pods.length ? getPodsWide(pods.slice(0, SNAPSHOT_PODS), at) + (pods.length > SNAPSHOT_PODS ? `\n… and ${pods.length - SNAPSHOT_PODS} more pods` : '') : 'No resources found in default namespace.',
    // The whole describe, Events included (they align with the fields above when there are none); the separate
    // Events text is left for snapshots about no pod.
    describeEvents: first ? '' : describeEvents(podEvents, at), describePod: first ? describePod(first, podEvents, at).replace(/\n$/, '') : '',
    podName: first?.metadata?.name, podNode: first?.spec?.nodeName, podYaml: first ? toKubectlYaml(first as unknown as KObject) : undefined, nodes: nodeRows(objects),
    names: namesOf(objects),
  }
}

/** namesOf: the names the console completes (the objects stored at the playhead), sorted and without repeats. */
function namesOf(objects: Map<string, KObject>): ObjectNames {
  const of = (prefix: string) => {
    const names = [...objects.entries()].filter(([k]) => k.startsWith(prefix)).map(([, o]) => o.metadata?.name ?? '')
    return [...new Set(names)].filter(Boolean).sort()
  }
  return {
    pods: of('/registry/pods/'), deployments: of('/registry/deployments/'), replicasets: of('/registry/replicasets/'),
    nodes: of('/registry/minions/'),
  }
}

/** The initial objects of a cluster that has not run yet: a console read before the first apply answers from them. */
function clusterObjects(clusterText: string | undefined): { objects: KObject[]; nowMs: number } | { error: string } {
  const cluster = loadCluster(clusterText, 'cluster.yaml')
  if ('error' in cluster) return { error: cluster.error }
  const sim = createSimulation({ cluster, seed: 1 })
  sim.start()
  return { objects: sim.list<KObject>('/registry/'), nowMs: sim.ctx.sim.wallMs() }
}

/** words splits a console line as bash would (a leading `kubectl` is optional); a refusal is podbirth's line. */
function words(line: string): { argv: string[] } | { error: string } | undefined {
  const text = /^\s*kubectl(\s|$)/.test(line) ? line : `kubectl ${line}`
  const parsed = parseScript(text, 'console')
  if ('error' in parsed) return { error: `podbirth: ${parsed.error.message}\n` }
  const cmds = parsed.commands.filter((c) => c.kind === 'kubectl')
  if (cmds.length === 0) return undefined
  if (cmds.length > 1 || cmds[0].kind !== 'kubectl') return { error: 'podbirth: one kubectl command per line\n' }
  return { argv: cmds[0].argv }
}

/** read answers a console line: a read from the objects at step `index`, else whether it goes into the session. */
function read(cmd: ReadCommand): WorkerMessage {
  const base = { type: 'read' as const, index: cmd.index, line: cmd.line }
  const w = words(cmd.line)
  if (!w) return { ...base, argv: [], stdout: '', stderr: '', exitCode: 0, kind: 'empty' }
  if ('error' in w) return { ...base, argv: [], stdout: '', stderr: w.error, exitCode: 1, kind: 'refused' }
  const parsed = parseKubectl(w.argv)
  const { argv } = w
  if ('error' in parsed) return { ...base, argv, stdout: '', stderr: parsed.error.stderr, exitCode: parsed.error.exitCode, kind: 'refused' }
  if (!isReadCommand(parsed.command)) return { ...base, argv, stdout: '', stderr: '', exitCode: 0, kind: 'mutating' }
  const sim = last
  let objects: KObject[]
  let nowMs: number
  if (sim) {
    const trace = sim.trace
    objects = [...timeline.at(cmd.index).values()]
    const e = cmd.index >= 0 ? trace[Math.min(cmd.index, trace.length - 1)] : undefined
    nowMs = sim.ctx.sim.wallMs(e?.t ?? trace[0]?.t ?? sim.ctx.sim.now())
  } else {
    const o = clusterObjects(cmd.cluster)
    if ('error' in o) return { ...base, argv, stdout: '', stderr: `podbirth: ${o.error}\n`, exitCode: 1, kind: 'refused' }
    objects = o.objects
    nowMs = o.nowMs
  }
  // Simplified: the context's namespace is `default` (the built-in kubeconfig's; -n still wins).
  const r = readObjects(parsed.command, objects, { nowMs, namespace: 'default' })
  return { ...base, argv, ...r, kind: 'read' }
}

/** toScript: the session as a workshop script's commands (sleeps where a loaded script had them). */
function toScript(session: ConsoleCommand[]): ScriptCommand[] {
  const out: ScriptCommand[] = []
  session.forEach((c, i) => {
    if (c.sleepMs) out.push({ kind: 'sleep', line: i + 1, sleepSeconds: c.sleepMs / 1000 })
    const stdin = c.stdin !== undefined ? { stdin: c.stdin } : {}
    out.push({ kind: 'kubectl', line: i + 1, argv: c.argv, files: [], ...stdin })
  })
  return out
}

/** fromScript: a workshop script's commands as the console's session (sleeps carried by the next command). */
function fromScript(text: string, fileName: string): WorkerMessage {
  const parsed = parseScript(text, fileName)
  if ('error' in parsed) return { type: 'scriptLoaded', fileName, error: parsed.error }
  const commands: ConsoleCommand[] = []
  let sleepMs = 0
  for (const c of parsed.commands) {
    if (c.kind === 'sleep') { sleepMs += c.sleepSeconds * 1000; continue }
    const stdin = c.stdin !== undefined ? { stdin: c.stdin } : {}
    commands.push({ argv: c.argv, ...(sleepMs ? { sleepMs } : {}), ...stdin })
    sleepMs = 0
  }
  return { type: 'scriptLoaded', fileName, commands }
}

/** The texts of the last apply, which suggestions edit. */
let applied: { manifest: string; cluster: string } | undefined

/** whatIf: suggestions for the pod of the FailedScheduling at step `index` (none for any other step). */
function whatIf(index: number) {
  const e = last?.trace[index]
  if (!e || e.type !== 'scheduler:Unschedulable' || e.details.phase === 'startup') return []
  const record = e.details.cycle
  if (!record || !e.pod || !applied) return []
  const objects = timeline.at(index)
  const pod = objects.get(`/registry/pods/${e.pod}`) as Pod | undefined
  if (!pod) return []
  return suggestFixes({ record, pod, objects, manifest: applied.manifest, cluster: applied.cluster })
}

/** users lists the kubeconfig's users of a cluster file (none when the file does not load). */
function users(clusterText: string | undefined): WorkerMessage {
  const cluster = loadCluster(clusterText, 'cluster.yaml')
  if ('error' in cluster) return { type: 'users', users: [] }
  const kc = cluster.kubeconfig as { users?: { name?: unknown }[]; contexts?: { name?: unknown; context?: { user?: unknown } }[]; 'current-context'?: unknown }
  const names = (kc.users ?? []).map((u) => u?.name).filter((n): n is string => typeof n === 'string')
  const current = (kc.contexts ?? []).find((c) => c?.name === kc['current-context'])?.context?.user
  return { type: 'users', users: names, current: typeof current === 'string' ? current : undefined }
}

self.onmessage = (ev: MessageEvent<Command>) => {
  const cmd = ev.data
  if (cmd.type === 'snapshot') { post(snapshot(cmd.index)); return }
  if (cmd.type === 'crash') throw new Error('the worker was asked to crash')
  if (cmd.type === 'whatIf') { post({ type: 'whatIf', index: cmd.index, suggestions: whatIf(cmd.index) }); return }
  if (cmd.type === 'users') { post(users(cmd.cluster)); return }
  if (cmd.type === 'read') { post(read(cmd)); return }
  if (cmd.type === 'formatScript') { post({ type: 'script', text: formatScript(toScript(cmd.session)) }); return }
  if (cmd.type === 'parseScript') { post(fromScript(cmd.text, cmd.fileName)); return }
  // A cancel never reaches a worker: useWorker replaces the worker instead (this one may be busy simulating).
  if (cmd.type === 'cancel') return
  try {
    const cluster = loadCluster(cmd.cluster, 'cluster.yaml')
    // A broken cluster file is the user's to fix: say where (loadCluster names cluster.yaml, line and column) and run nothing.
    if ('error' in cluster) { post({ type: 'error', message: cluster.error }); return }
    applied = { manifest: cmd.text, cluster: cmd.cluster ?? presetText('default') }
    const sim = createSimulation({ cluster, seed: cmd.seed })
    last = sim
    sim.start()
    initial = new Map(sim.etcd.range('/registry/').map((kv) => [kv.key, kv.value as unknown as KObject] as const))
    post({ type: 'reset' })
    if (!cmd.skipManifest) sim.apply({ files: [{ name: 'pod.yaml', text: cmd.text }], user: cmd.user })
    // The console's commands, after the apply; `kubectl apply -f pod.yaml` typed there reads the editor's text.
    const session: SessionCommand[] = (cmd.session ?? []).map((c) => ({
      argv: c.argv, files: { 'pod.yaml': cmd.text }, ...(c.atMs !== undefined ? { atMs: c.atMs } : {}),
      ...(c.sleepMs ? { sleepMs: c.sleepMs } : {}), ...(c.stdin !== undefined ? { stdin: c.stdin } : {}),
    }))
    if (session.length) sim.session(session)
    sim.run()
    timeline = new ObjectTimeline(initial, sim.trace)
    const trace = sim.trace
    for (let i = 0; i < trace.length; i += BATCH) post({ type: 'events', events: trace.slice(i, i + BATCH) })
    const pods = sim.sessionPods()
    const unfinished = { stdout: '', stderr: 'kubectl did not finish', exitCode: 1 }
    const k = cmd.skipManifest ? undefined : sim.kubectlResults[0] ?? unfinished
    post({
      type: 'done',
      kubectl: k && { stdout: k.stdout, stderr: k.stderr, exitCode: k.exitCode, errorPosition: k.errorPosition },
      session: sim.sessionResults.map((r) => ({
        argv: r.argv, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, startMs: r.startMs,
      })),
      getPods: getPodsWide(pods, sim.ctx.sim.wallMs()),
      pods: pods.map((p) => ({ name: p.metadata?.name ?? '', namespace: p.metadata?.namespace ?? '', phase: p.status?.phase ?? '', node: p.spec?.nodeName ?? '', ip: p.status?.podIP ?? '' })),
      story: buildStory(trace),
      outcomes: findOutcomes(trace, k),
    })
  } catch (e) {
    last = undefined
    post({ type: 'error', message: `The simulation failed with an engine error: ${(e as Error).message}`, fatal: true })
  }
}
