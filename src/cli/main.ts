/**
 * The `podbirth` command line: the same engine as the browser app, headless.
 */
import { loadCluster } from '../engine/cluster/index.ts'
import { createSimulation } from '../engine/index.ts'
import type { KEvent } from '../engine/api/types.ts'
import { describeEvents, describePod, escapeTerminal, eventsFor, getPodsWide } from '../engine/views/index.ts'
import { USAGE, parseArgs } from './args.ts'
import type { ApplyArgs, ExplainArgs } from './args.ts'
import { comparison, explain, toJson, toText } from './explain.ts'
import { explainNodes } from '../engine/scheduler/explain/index.ts'
import { traceLines } from './traceText.ts'
import { runScript } from './run.ts'
import { buildStory } from '../engine/story/index.ts'
import { ChunkWriter, writeJson } from './output.ts'
import {
  MAX_CLUSTER_BYTES, MAX_CONFIG_BYTES, MAX_MANIFEST_BYTES, readInput, runCapped, stepCapMessage,
} from './limits.ts'

/** Where a command writes (the terminal by default: STDIO), and what it tells its caller. */
export interface Io {
  out(s: string): void
  err(s: string): void
  /** Called once a command's simulation is done, before its output is written (podbirth.mjs re-tunes V8 there). */
  simulated?(): void
}

/** runApply executes `podbirth apply` and returns the exit code. */
export function runApply(a: ApplyArgs, io: Io): number {
  let clusterText: string | undefined
  if (a.cluster) {
    const t = readInput(a.cluster, 'cluster file', MAX_CLUSTER_BYTES)
    if ('error' in t) { io.err(`${t.error}\n`); return 2 }
    clusterText = t.text
  }
  const files: { name: string; text: string }[] = []
  for (const f of a.files) {
    const t = readInput(f, 'manifest', MAX_MANIFEST_BYTES)
    if ('error' in t) { io.err(`${t.error}\n`); return 2 }
    files.push({ name: f, text: t.text })
  }
  const cluster = loadCluster(clusterText, a.cluster ?? 'default')
  if ('error' in cluster) { io.err(`podbirth: invalid cluster file: ${cluster.error}\n`); return 2 }
  const sim = createSimulation({ cluster, seed: a.seed })
  sim.apply({ files, user: a.user, namespace: a.namespace })
  if (!runCapped(sim, sim.nowMs() + a.untilMs)) { io.err(stepCapMessage()); return 2 }
  io.simulated?.()
  const result = sim.kubectlResults[0] ?? { stdout: '', stderr: 'error: kubectl did not finish within --until\n', exitCode: 1 }
  const pods = sim.sessionPods()
  const events = sim.events()
  const nowWall = sim.ctx.sim.wallMs()
  if (a.output === 'json') {
    const doc = {
      kubectl: { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode },
      events: [...events].sort((x, y) => Number(x.metadata?.resourceVersion) - Number(y.metadata?.resourceVersion)),
      trace: sim.trace,
      objects: { pods: sim.pods(), nodes: sim.nodes() },
    }
    // Streamed: the trace of a large run does not fit in one string.
    const w = new ChunkWriter((s) => io.out(s))
    writeJson(doc, (s) => w.write(s))
    w.write('\n')
    w.flush()
    return result.exitCode === 0 ? 0 : 1
  }
  // Text goes out in chunks too, with user text (names, images, messages) escaped as kubectl escapes it.
  const w = new ChunkWriter((s) => io.out(s), escapeTerminal)
  const text = { line: (...ls: string[]) => { for (const l of ls) w.write(`${l}\n`) } }
  text.line('$ kubectl apply ' + a.files.map((f) => `-f ${f}`).join(' ') + (a.user ? ` --user ${a.user}` : '') + (a.namespace ? ` -n ${a.namespace}` : ''))
  if (result.stdout) text.line(result.stdout.trimEnd())
  if (result.stderr) text.line(result.stderr.trimEnd())
  text.line('', `--- trace (${sim.trace.length} steps, virtual time since the apply) ---`)
  for (const l of traceLines(sim.trace, buildStory(sim.trace, { waits: false }))) text.line(l)
  text.line('', '$ kubectl get pods -o wide', getPodsWide(pods, nowWall))
  // Events grouped by the pod they are about once: matching all events for each pod was quadratic (issue #17).
  const byPod = new Map<string, KEvent[]>()
  for (const e of events as KEvent[]) {
    if (e.involvedObject.kind !== 'Pod') continue
    const k = `${e.involvedObject.namespace ?? ''}/${e.involvedObject.name ?? ''}`
    const list = byPod.get(k)
    if (list) list.push(e)
    else byPod.set(k, [e])
  }
  for (const p of pods) {
    const ns = p.metadata?.namespace ?? ''
    const name = p.metadata?.name ?? ''
    const podEvents = eventsFor(byPod.get(`${ns}/${name}`) ?? [], 'Pod', ns, name, p.metadata?.uid)
    const cmd = `$ kubectl describe pod ${p.metadata?.name}${p.metadata?.namespace !== 'default' ? ` -n ${p.metadata?.namespace}` : ''}`
    if (a.describe) text.line('', cmd, describePod(p, podEvents, nowWall).replace(/\n$/, ''))
    else text.line('', `${cmd}   # Events`, describeEvents(podEvents, nowWall))
  }
  w.flush()
  return result.exitCode === 0 ? 0 : 1
}

/** runExplain executes `podbirth explain`: exit 0 scheduled, 1 unschedulable or refused, 2 bad input. */
export function runExplain(a: ExplainArgs, io: Io): number {
  let clusterText: string | undefined
  if (a.cluster) {
    const t = readInput(a.cluster, 'cluster file', MAX_CLUSTER_BYTES)
    if ('error' in t) { io.err(`${t.error}\n`); return 2 }
    clusterText = t.text
  }
  const pod = readInput(a.file, 'manifest', MAX_MANIFEST_BYTES)
  if ('error' in pod) { io.err(`${pod.error}\n`); return 2 }
  const podText = pod.text
  const configs: { text?: string; file?: string }[] = [{ file: a.config }]
  if (a.compare) configs.push({ file: a.compare })
  for (const c of configs) {
    if (!c.file) continue
    const t = readInput(c.file, 'scheduler configuration', MAX_CONFIG_BYTES)
    if ('error' in t) { io.err(`${t.error}\n`); return 2 }
    c.text = t.text
  }
  const cluster = loadCluster(clusterText, a.cluster ?? 'default')
  if ('error' in cluster) { io.err(`podbirth: invalid cluster file: ${cluster.error}\n`); return 2 }
  const results = []
  for (const c of configs) {
    const r = explain({ cluster, podText, podFile: a.file, configText: c.text, configFile: c.file, seed: a.seed })
    if (r.kind === 'refused') { io.err(`${r.message}\n`); return r.exitCode }
    results.push(r)
  }
  const [ra, rb] = results
  if (rb === undefined) {
    if (a.output === 'json') io.out(`${JSON.stringify(toJson(ra.record), null, 2)}\n`)
    else io.out(escapeTerminal(toText(ra.record, a.seed, explainNodes(ra.inputs))))
    return ra.record.selectedNode ? 0 : 1
  }
  const differences = comparison(ra, rb)
  if (a.output === 'json') {
    const { text: _text, ...data } = differences
    io.out(`${JSON.stringify({ a: toJson(ra.record), b: toJson(rb.record), differences: data }, null, 2)}\n`)
  } else {
    const head = (side: string, file: string | undefined) => `=== ${side}: ${file ?? 'the default configuration'} ===\n`
    io.out(escapeTerminal(head('A', a.config) + toText(ra.record, a.seed, explainNodes(ra.inputs))))
    io.out(escapeTerminal('\n' + head('B', a.compare) + toText(rb.record, a.seed, explainNodes(rb.inputs))))
    io.out(escapeTerminal(`\n=== Differences ===\n${differences.text.join('\n')}\n`))
  }
  return ra.record.selectedNode && rb.record.selectedNode ? 0 : 1
}


/** main runs the CLI; it never lets an exception escape as a stack trace. */
const STDIO: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }

export function main(argv: string[], given: Partial<Io> = {}): number {
  const outer: Io = { ...STDIO, ...given }
  // Error lines carry file names and parser messages quoting the input: escaped like the rest of the text.
  const io: Io = { out: outer.out, err: (s) => outer.err(escapeTerminal(s)), simulated: outer.simulated }
  try {
    const p = parseArgs(argv)
    if ('usageError' in p) { io.err(`podbirth: ${p.usageError}\n\n${USAGE}`); return 2 }
    if (p.command === 'help') { io.out(USAGE); return 0 }
    if (p.command === 'version') { io.out('podbirth 0.1.0 (simulating Kubernetes v1.35)\n'); return 0 }
    if (p.command === 'explain') return runExplain(p, io)
    if (p.command === 'run') return runScript(p, io)
    return runApply(p, io)
  } catch (e) {
    io.err(`podbirth: internal error: ${(e as Error)?.message ?? String(e)}\n`)
    return 70
  }
}
