/// <reference lib="webworker" />
/**
 * The simulation worker: the only code that touches the worker global. It runs the engine for each apply and
 * streams the trace back in batches, so the main thread never runs the simulation.
 */
import { schedulerSummary } from '../engine/cluster/index.ts'
import { loadClusterOnce } from './clusterCache.ts'
import { prepareSpare, takeStarted } from './spare.ts'
import { consoleVocabulary, consoleWords, createSimulation, formatScript, getPodsWide, parseScript } from '../engine/index.ts'
import type { ScriptCommand, Simulation } from '../engine/index.ts'
import { sessionCommands } from './session.ts'
import { askWhatIf } from './whatif/ask.ts'
import { decide, decisionNode, rememberApply } from './decision.ts'
import { compare } from './compare.ts'
import { presetText } from '../protocol/clusters.ts'
import { findOutcomes } from '../engine/story/index.ts'
import { podOwners } from './owners.ts'
import { warmUp } from './warmUp.ts'
import { forWire, isLean } from './wire.ts'
import type { Command, ConsoleCommand, ReadCommand, WorkerMessage } from '../protocol/messages.ts'
import { STREAM_POST_MS } from '../protocol/stream.ts'
import { encodeSteps, transferables } from '../protocol/stepBatch.ts'

/** Simulation.run()'s horizon: ten minutes of virtual time. */
const RUN_UNTIL_MS = 10 * 60 * 1000
const post = (m: WorkerMessage, transfer: Transferable[] = []) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m, transfer)

let last: Simulation | undefined

/** snapshot: the cluster as kubectl prints it right after trace event `index` (the engine's views). */
function snapshot(index: number): WorkerMessage {
  if (!last) return { type: 'snapshot', index, getPods: '', podKeys: [], describeEvents: '', describePod: '', nodes: [] }
  const step = last.trace[index]
  return { type: 'snapshot', ...last.views().playhead(index), ...(step && isLean(step) ? { step } : {}) }
}

/** read answers a console line: a read from the objects at step `index`, else whether it goes into the session. */
function read(cmd: ReadCommand): WorkerMessage {
  const base = { type: 'read' as const, index: cmd.index, line: cmd.line }
  if (last) return { ...base, ...last.views().answer(cmd.index, cmd.line) }
  // Before any simulation ran: the cluster file's objects, once its components have started.
  const cluster = loadClusterOnce(cmd.cluster)
  if ('error' in cluster) {
    const w = consoleWords(cmd.line)
    return { ...base, argv: w && 'argv' in w ? w.argv : [], stdout: '', stderr: `podbirth: ${cluster.error}\n`, exitCode: 1, kind: 'refused' }
  }
  const sim = createSimulation({ cluster, seed: 1 })
  return { ...base, ...sim.views().answer(-1, cmd.line) }
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

/** The last apply (its texts, seed, user and session), which suggestions edit and re-run. */
let applied: { apply: Extract<Command, { type: 'apply' }>; cluster: string } | undefined

/** whatIf: verified suggestions for the pod of the FailedScheduling at step `index` (none for any other step). */
function whatIf(index: number) {
  const sim = last
  if (!sim || !applied) return { suggestions: [] }
  return askWhatIf(sim.trace[index], () => sim.views().objectsAt(index), applied.apply, applied.cluster)
}

/** users lists the kubeconfig's users of a cluster file (none when the file does not load). */
function users(clusterText: string | undefined): WorkerMessage {
  const cluster = loadClusterOnce(clusterText)
  if ('error' in cluster) return { type: 'users', users: [] }
  const kc = cluster.kubeconfig as { users?: { name?: unknown }[]; contexts?: { name?: unknown; context?: { user?: unknown } }[]; 'current-context'?: unknown }
  const names = (kc.users ?? []).map((u) => u?.name).filter((n): n is string => typeof n === 'string')
  const current = (kc.contexts ?? []).find((c) => c?.name === kc['current-context'])?.context?.user
  return { type: 'users', users: names, current: typeof current === 'string' ? current : undefined }
}

post({ type: 'vocabulary', vocabulary: consoleVocabulary() })

self.onmessage = (ev: MessageEvent<Command>) => {
  const cmd = ev.data
  if (cmd.type === 'snapshot') { post(snapshot(cmd.index)); return }
  if (cmd.type === 'crash') throw new Error('the worker was asked to crash')
  if (cmd.type === 'decision') { decide(last, cmd.index, post); return }
  if (cmd.type === 'decisionNode') { post(decisionNode(last, cmd.index, cmd.node)); return }
  if (cmd.type === 'compare') { post(compare(last, applied?.apply, cmd)); return }
  if (cmd.type === 'whatIf') { post({ type: 'whatIf', index: cmd.index, ...whatIf(cmd.index) }); return }
  if (cmd.type === 'users') {
    post(users(cmd.cluster))
    // The page asks this when its cluster file changes: bring that cluster up for the next Apply meanwhile, unless a
    // run is streaming (building a 600-node cluster between its slices cost it 100 ms); its end brings it up then.
    spareWanted = { cluster: cmd.cluster }
    setTimeout(() => { if (!streaming) prepareSpare(cmd.cluster, applied?.apply.seed ?? 1) }, 0)
    return
  }
  if (cmd.type === 'read') { post(read(cmd)); return }
  if (cmd.type === 'fullTrace') { post({ type: 'fullTrace', events: last ? last.trace : null }); return }
  if (cmd.type === 'formatScript') { post({ type: 'script', text: formatScript(toScript(cmd.session)) }); return }
  if (cmd.type === 'parseScript') { post(fromScript(cmd.text, cmd.fileName)); return }
  if (cmd.type === 'warmUp') {
    // Only before the first apply: after one the engine's code is compiled, and the user is waiting on a run.
    if (current === 0) void warmUp(yieldToMessages, () => current !== 0)
    return
  }
  // A cancel never reaches a worker: useWorker replaces the worker instead (this one may be busy simulating).
  if (cmd.type === 'cancel') return
  void simulate(cmd)
}

/**
 * yieldToMessages lets the worker take the page's messages (a snapshot, a console read) between slices. A message to
 * itself, not setTimeout(0): nested timers are clamped to 4 ms, which cost a 50 ms slice 8%.
 */
const yieldChannel = new MessageChannel()
const yielded: (() => void)[] = []
yieldChannel.port1.onmessage = () => yielded.shift()?.()
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    yielded.push(resolve)
    yieldChannel.port2.postMessage(0)
  })
}

/** The apply being simulated: a newer apply stops an older one between slices. */
let current = 0
/** Whether a run is between its first and last slice. */
let streaming = false
/** The page's cluster file as its last `users` question gave it: the next Apply's cluster (the spare's). */
let spareWanted: { cluster: string | undefined } | undefined
/** A slice runs at most this many callbacks or this long before the worker posts what it has and yields. */
const SLICE_CALLBACKS = 500
const SLICE_MS = 50

/**
 * simulate runs an apply and the session after it in slices, posting the trace as it grows with the progress so
 * far, and yielding between slices so the page's questions (a snapshot, a console read) are answered meanwhile.
 */
async function simulate(cmd: Extract<Command, { type: 'apply' }>): Promise<void> {
  const run = ++current
  streaming = true
  try {
    const cluster = loadClusterOnce(cmd.cluster)
    // A broken cluster file is the user's to fix: say where (loadCluster names cluster.yaml, line and column) and run nothing.
    if ('error' in cluster) { post({ type: 'error', message: cluster.error }); return }
    applied = { apply: cmd, cluster: cmd.cluster ?? presetText('default') }
    // Started already when the last run left a spare for this cluster and seed.
    const sim = takeStarted(cmd.cluster, cmd.seed)
    if ('error' in sim) { post({ type: 'error', message: sim.error }); return }
    last = sim
    rememberApply(cmd)
    const t0 = sim.nowMs()
    post({ type: 'reset' })
    if (!cmd.skipManifest) sim.apply({ files: [{ name: 'pod.yaml', text: cmd.text }], user: cmd.user })
    const session = sessionCommands(cmd)
    if (session.length) sim.session(session)
    let sent = 0
    // What the trace gained since the last post, as one message (the page hands steps to its store at most once a
    // second: app/inbox.ts). sim.trace is read at each post: it writes seq, t and summary on the new steps.
    const flush = () => {
      const trace = sim.trace
      if (sent < trace.length) {
        const batch = encodeSteps(forWire(trace.slice(sent)))
        post({ type: 'steps', batch }, transferables(batch))
      }
      sent = trace.length
    }
    let flushed = -Infinity
    for (;;) {
      const until = performance.now() + SLICE_MS
      let more = true
      while (more && performance.now() < until) more = sim.runFor(RUN_UNTIL_MS, SLICE_CALLBACKS)
      if (!more) break
      // The first steps at once (the lanes are usable), then a batch every STREAM_POST_MS: the page deserializes each
      // as it comes, while this goes on, and re-renders at most once a second (app/inbox.ts).
      if (performance.now() - flushed >= STREAM_POST_MS) {
        flush()
        flushed = performance.now()
      }
      post({ type: 'progress', steps: sim.ctx.trace.count(), virtualMs: sim.nowMs() - t0 })
      await yieldToMessages()
      if (run !== current) return
    }
    flush()
    const trace = sim.trace
    const pods = sim.sessionPods()
    const unfinished = { stdout: '', stderr: 'kubectl did not finish', exitCode: 1 }
    const k = cmd.skipManifest ? undefined : sim.kubectlResults[0] ?? unfinished
    post({
      type: 'done',
      kubectl: k && { stdout: k.stdout, stderr: k.stderr, exitCode: k.exitCode, errorPosition: k.errorPosition },
      session: sim.sessionResults.map((r) => ({
        argv: r.argv, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, startMs: r.startMs,
      })),
      getPods: getPodsWide(pods, sim.nowWallMs()),
      pods: pods.map((p) => ({ name: p.metadata?.name ?? '', namespace: p.metadata?.namespace ?? '', phase: p.status?.phase ?? '', node: p.spec?.nodeName ?? '', ip: p.status?.podIP ?? '' })),
      outcomes: findOutcomes(trace, k),
      owners: podOwners(trace),
      scheduler: schedulerSummary(cluster.schedulerConfig, cmd.cluster),
    })
    // While the page takes this run in, the next Apply's cluster is brought up (a newer apply skips it).
    setTimeout(() => { if (run === current) prepareSpare(spareWanted ? spareWanted.cluster : cmd.cluster, cmd.seed) }, 0)
  } catch (e) {
    if (run !== current) return
    last = undefined
    post({ type: 'error', message: `The simulation failed with an engine error: ${(e as Error).message}`, fatal: true })
  } finally {
    if (run === current) streaming = false
  }
}
