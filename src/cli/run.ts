/**
 * `podbirth run SCRIPT`: a workshop script — kubectl lines, `sleep N`, comments, heredocs — run against the
 * simulated cluster, one command after another as a presenter runs it against a real one. Text output shows each
 * command as typed, its own output as kubectl prints it, then the trace of what the cluster did until the next
 * command; `-o json` gives apply's shape plus one entry per command.
 */
import { existsSync } from 'node:fs'
import { loadCluster } from '../engine/cluster/index.ts'
import { createSimulation, parseScript } from '../engine/index.ts'
import type { CommandResult, SessionCommand } from '../engine/index.ts'
import { buildStory } from '../engine/story/index.ts'
import { escapeTerminal } from '../engine/views/index.ts'
import type { RunArgs } from './args.ts'
import type { Io } from './main.ts'
import { MAX_CLUSTER_BYTES, MAX_MANIFEST_BYTES, readInput, runCapped, stepCapMessage } from './limits.ts'
import { ChunkWriter, writeJson } from './output.ts'
import { traceLines } from './traceText.ts'

/** sessionOf turns a parsed script into session commands with their files read; an unreadable file ends it. */
function sessionOf(script: Extract<ReturnType<typeof parseScript>, { commands: unknown }>):
  { commands: SessionCommand[] } | { error: string } {
  const commands: SessionCommand[] = []
  let sleepMs = 0
  for (const c of script.commands) {
    if (c.kind === 'sleep') { sleepMs += c.sleepSeconds * 1000; continue }
    const files: Record<string, string> = {}
    for (const f of c.files) {
      // A file that is not there is kubectl's to report when the command runs (`the path "x" does not exist`).
      if (!existsSync(f.path)) continue
      const t = readInput(f.path, 'manifest', MAX_MANIFEST_BYTES)
      if ('error' in t) return { error: t.error }
      files[f.arg] = t.text
    }
    commands.push({ argv: c.argv, files, line: c.line, ...(c.stdin !== undefined ? { stdin: c.stdin } : {}), ...(sleepMs ? { sleepMs } : {}) })
    sleepMs = 0
  }
  return { commands }
}

/** runScript executes `podbirth run` and returns the exit code: 0 when every command exited 0, else 1. */
export function runScript(a: RunArgs, io: Io): number {
  const script = readInput(a.script, 'script', MAX_MANIFEST_BYTES)
  if ('error' in script) { io.err(`${script.error}\n`); return 2 }
  const parsed = parseScript(script.text, a.script)
  if ('error' in parsed) { io.err(`podbirth: ${a.script}:${parsed.error.line}: ${parsed.error.message}\n`); return 2 }
  const session = sessionOf(parsed)
  if ('error' in session) { io.err(`${session.error}\n`); return 2 }
  let clusterText: string | undefined
  if (a.cluster) {
    const t = readInput(a.cluster, 'cluster file', MAX_CLUSTER_BYTES)
    if ('error' in t) { io.err(`${t.error}\n`); return 2 }
    clusterText = t.text
  }
  const cluster = loadCluster(clusterText, a.cluster ?? 'default')
  if ('error' in cluster) { io.err(`podbirth: invalid cluster file: ${cluster.error}\n`); return 2 }
  const sim = createSimulation({ cluster, seed: a.seed })
  sim.session(session.commands)
  if (!runCapped(sim, sim.nowMs() + a.untilMs)) { io.err(stepCapMessage()); return 2 }
  io.simulated?.()
  const results = sim.sessionResults
  const unfinished = session.commands.slice(results.length)
  const failed = results.some((r) => r.exitCode !== 0) || unfinished.length > 0
  if (a.output === 'json') {
    const w = new ChunkWriter((s) => io.out(s))
    // apply's shape (kubectl: the session's output as one terminal shows it), plus one entry per command.
    writeJson({
      kubectl: {
        stdout: results.map((r) => r.stdout).join(''), stderr: results.map((r) => r.stderr).join(''),
        exitCode: failed ? 1 : 0,
      },
      events: [...sim.events()].sort((x, y) => Number(x.metadata?.resourceVersion) - Number(y.metadata?.resourceVersion)),
      trace: sim.trace,
      objects: { pods: sim.pods(), nodes: sim.nodes(), deployments: sim.deployments(), replicasets: sim.replicaSets() },
      commands: [
        ...results.map((r) => commandJson(r)),
        ...unfinished.map((c) => ({ argv: c.argv, finished: false })),
      ],
    }, (s) => w.write(s))
    w.write('\n')
    w.flush()
    return failed ? 1 : 0
  }
  const w = new ChunkWriter((s) => io.out(s), escapeTerminal)
  const line = (s: string) => w.write(`${s}\n`)
  const lines = traceLines(sim.trace, buildStory(sim.trace, { waits: false }))
  // traceLines writes one line per step plus chapter headings; split it at each command's start by step time.
  const starts = results.map((r) => r.startMs * 1000)
  let stepIndex = 0
  const t0 = sim.trace[0]?.t ?? 0
  const stepLines = splitByStep(lines)
  results.forEach((r, i) => {
    if (i) line('')
    line(`$ kubectl ${r.argv.join(' ')}${i ? `   # at ${((r.startMs * 1000 - t0) / 1_000_000).toFixed(3)}s` : ''}`)
    if (r.stdout) w.write(r.stdout.endsWith('\n') ? r.stdout : `${r.stdout}\n`)
    if (r.stderr) w.write(r.stderr.endsWith('\n') ? r.stderr : `${r.stderr}\n`)
    const end = starts[i + 1] ?? Number.POSITIVE_INFINITY
    const chunk: string[] = []
    while (stepIndex < sim.trace.length && sim.trace[stepIndex].t < end) chunk.push(...stepLines[stepIndex++])
    if (chunk.length) line(`--- trace (${chunk.filter((l) => /^\s+\d/.test(l)).length} steps) ---\n${chunk.join('\n').replace(/^\n/, '')}`)
  })
  for (const c of unfinished) line(`\n$ kubectl ${c.argv.join(' ')}\n# not run: the previous command had not finished within --until`)
  w.flush()
  return failed ? 1 : 0
}

/** splitByStep groups traceLines' output per step: a step's line with the chapter heading before it. */
function splitByStep(lines: string[]): string[][] {
  const out: string[][] = []
  let pending: string[] = []
  for (const l of lines) {
    if (/^\s+\d+\.\d{3}s  /.test(l)) { out.push([...pending, l]); pending = [] } else pending.push(l)
  }
  return out
}

function commandJson(r: CommandResult) {
  return { argv: r.argv, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, startMs: r.startMs, endMs: r.endMs }
}
