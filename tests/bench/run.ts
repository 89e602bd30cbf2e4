/**
 * `npm run bench`: prints the figures the issues ask for. Measures, never asserts.
 * Engine: pod births per second and trace events per second for 1,000 pods on 100 nodes, each the first run of a
 * fresh process (five processes, their median first), then the same run again in one process and the median of
 * three runs more, warmed; 10,000 on 1,000 (its own process); peak memory.
 * Growth: `podbirth apply` end to end for 1,000, 2,000 and 4,000 pods, and the ratios between them (text, then -o json).
 * Deployment: a 1,000-replica Deployment on 100 nodes through the controllers, until rolled out (wall time, steps/s).
 * Scheduler: pods per second and peak memory on upstream scheduler_perf shapes, one process per shape.
 * Before and after them, how fast the machine runs a fixed workload (calibrate.ts): on a shared VM the same code's
 * figures move by a third within an hour, and this says how fast the machine was while they were measured.
 *
 * The engine and scheduler figures run the engine bundled by esbuild, as `podbirth` runs it (src/cli/bundle.mjs,
 * with the V8 flags it sets on itself, src/cli/v8flags.mjs, which a browser's worker cannot set) and as the app's
 * worker runs Vite's bundle of it: through tsx each module is compiled with esbuild's keepNames, which
 * wraps every function and class, closures made per call among them, in a `__name` call that never ships (6–11 %
 * of a 1,000-pod run, measured A/B in fresh processes).
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runGrowth } from './growth.ts'
import type { DeploymentBenchResult, EngineBenchResult } from './engine.ts'
import type { SchedulerBenchResult } from './scheduler.ts'

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })

function printEngine(r: EngineBenchResult): void {
  console.log(`engine: ${r.name}`)
  console.log(`  pods Running: ${fmt(r.running)}/${fmt(r.pods)} after ${fmt(r.virtualSeconds, 1)} s of virtual time`)
  console.log(`  pod births per second: ${fmt(r.podBirthsPerSecond)}`)
  console.log(`  trace events per second: ${fmt(r.traceEventsPerSecond)} (${fmt(r.traceEvents)} events in ${fmt(r.wallSeconds, 2)} s, `
    + `${fmt(r.cpuSeconds, 2)} s of CPU)`)
  console.log(`  peak memory (RSS): ${fmt(r.peakMemoryMB)} MB`)
}

/** Where the bench scripts are bundled (beside the command's own bundle, src/cli/bundle.mjs). */
const bundleDir = fileURLToPath(new URL('../../node_modules/.cache/podbirth/bench/', import.meta.url))

/**
 * bundled builds a bench script and the engine it imports into one CommonJS file with esbuild, with the options
 * `podbirth` bundles its sources with (src/cli/bundle.mjs), and returns its path: built once a `npm run bench`.
 */
const built = new Map<string, string>()
function bundled(script: string): string {
  const done = built.get(script)
  if (done) return done
  const require = createRequire(import.meta.url)
  const esbuild = require('esbuild') as typeof import('esbuild')
  const outfile = join(bundleDir, basename(script).replace(/\.ts$/, '.cjs'))
  esbuild.buildSync({
    entryPoints: [fileURLToPath(new URL(script, import.meta.url))], bundle: true, platform: 'node', format: 'cjs',
    target: 'node20', outfile, logLevel: 'silent',
  })
  built.set(script, outfile)
  return outfile
}

/**
 * inChild runs a bench script, bundled (bundled()), in a Node process of its own (its peak memory is its own) and
 * reads the JSON line it ends with; `why` is the last line of its stderr (or its exit status) when it fails.
 */
function inChild<T>(script: string, args: string[], nodeArgs: string[] = []): { value: T } | { why: string } {
  const child = spawnSync(process.execPath, [...nodeArgs, bundled(script), ...args],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const line = child.stdout.trim().split('\n').at(-1) ?? ''
  if (child.status === 0 && (line.startsWith('{') || line.startsWith('['))) return { value: JSON.parse(line) as T }
  return { why: child.stderr.trim().split('\n').at(-1) ?? String(child.status) }
}

/** FRESH_PROCESSES: how many fresh processes the first-run figure is the median of. */
const FRESH_PROCESSES = 5

/** calibration prints how fast the machine runs a fixed workload now (calibrate.ts), to read the figures beside. */
function calibration(when: string): void {
  const r = inChild<{ ms: number }>('./calibrate.ts', [])
  if ('value' in r) console.log(`machine, ${when}: a fixed JavaScript workload (calibrate.ts) in ${fmt(r.value.ms)} ms (smaller is faster)`)
  else console.log(`machine, ${when}: calibration failed (${r.why})`)
}

async function main(): Promise<void> {
  const only = process.argv[2]
  calibration('before')
  if (!only || only === 'engine') {
    // The first run of a fresh process, as `podbirth apply` makes it, in FRESH_PROCESSES processes: on a shared VM one
    // first run moves by a tenth or more, their median much less. The median run is printed whole.
    const fresh: EngineBenchResult[] = []
    for (let i = 0; i < FRESH_PROCESSES; i++) {
      const r = inChild<EngineBenchResult[]>('./engine.ts', ['1000', '100'])
      if ('value' in r) fresh.push(r.value[0])
      else console.log(`engine: 1,000 pods onto 100 nodes: a process failed (${r.why})`)
    }
    const byTime = [...fresh].sort((a, b) => a.wallSeconds - b.wallSeconds)
    if (byTime.length > 0) {
      printEngine(byTime[(byTime.length - 1) >> 1])
      console.log(`  pod births per second, the first run of each of ${fresh.length} fresh processes (the median above): `
        + `${fresh.map((f) => fmt(f.podBirthsPerSecond)).join(', ')}`)
    }
    // The same run again in one process: V8 has compiled the engine's code by the second run, so this is its steady
    // pace (a long session's second apply, a workshop's tenth); three runs more, their median: the engine warmed,
    // once V8 has optimized its code and grown its heap (the second run still pays part of both).
    const repeated = inChild<EngineBenchResult[]>('./engine.ts', ['1000', '100', '5'])
    if ('value' in repeated) {
      const [, again, ...rest] = repeated.value
      const warmed = rest.sort((a, b) => a.wallSeconds - b.wallSeconds)[1]
      console.log(`  pod births per second, the same run again in the same process: ${fmt(again.podBirthsPerSecond)} (${fmt(again.wallSeconds, 2)} s)`)
      console.log(`  pod births per second, warmed (median of the next three runs): ${fmt(warmed.podBirthsPerSecond)} (${fmt(warmed.wallSeconds, 2)} s)`)
    } else {
      console.log(`engine: repeated runs failed (${repeated.why})`)
    }
    // 10,000 pods onto 1,000 nodes in a process of its own (its peak memory is its own), with room for its trace.
    const large = inChild<EngineBenchResult[]>('./engine.ts', ['10000', '1000'], ['--max-old-space-size=6144'])
    if ('value' in large) printEngine(large.value[0])
    else console.log(`engine: 10,000 pods onto 1,000 nodes: failed (${large.why})`)
  }
  if (!only || only === 'engine' || only === 'growth') {
    for (const output of ['text', 'json'] as const) {
      const g = runGrowth(undefined, undefined, output)
      const how = output === 'text' ? 'text output' : '-o json'
      for (const r of g) {
        console.log(`podbirth apply, ${fmt(r.pods)} plain pods onto 100 nodes (${how}, fastest of 3): ${fmt(r.wallSeconds, 1)} s, `
          + `${fmt(r.outputBytes / 1024 / 1024, 1)} MB printed${r.exitCode === 0 ? '' : ` (exit ${r.exitCode})`}`)
      }
      const ratio = (i: number) => fmt(g[i + 1].wallSeconds / g[i].wallSeconds, 2)
      const label = output === 'text' ? 'growth' : 'growth (-o json)'
      console.log(`${label}: 1,000 → 2,000 pods ×${ratio(0)}, 2,000 → 4,000 pods ×${ratio(1)}`)
    }
  }
  if (!only || only === 'engine' || only === 'deployment') {
    // In a process of its own: this one's heap has grown through the runs above, and peak memory is the process's.
    const r = inChild<DeploymentBenchResult>('./engine.ts', ['deployment'])
    if ('why' in r) {
      console.log(`deployment: failed (${r.why})`)
    } else {
      const d = r.value
      console.log(`deployment: ${d.name}`)
      console.log(`  pods Running: ${fmt(d.running)}/${fmt(d.replicas)} after ${fmt(d.virtualSeconds, 1)} s of virtual time`)
      console.log(`  wall time: ${fmt(d.wallSeconds, 2)} s; trace steps per second: ${fmt(d.stepsPerSecond)} (${fmt(d.traceEvents)} steps)`)
      console.log(`  peak memory (RSS): ${fmt(d.peakMemoryMB)} MB`)
    }
  }
  const shapes: [string, string][] = [['basic', '10,000 plain pods onto 5,000 nodes'], ['affinity', '10,000 pods with required node affinity onto 5,000 nodes'], ['antiaffinity', '2,000 pods with required pod anti-affinity onto 5,000 nodes']]
  for (const [shape, title] of shapes) {
    if (only && only !== 'scheduler' && only !== shape) continue
    const run = inChild<SchedulerBenchResult>('./scheduler.ts', [shape])
    if ('why' in run) {
      console.log(`scheduler ${shape}: failed (${run.why})`)
      continue
    }
    const r = run.value
    console.log(`scheduler: ${title} (scheduler_perf ${shape}), single-threaded`)
    console.log(`  scheduled: ${fmt(r.scheduled)}/${fmt(r.pods)} in ${fmt(r.wallSeconds, 2)} s`)
    console.log(`  throughput: ${fmt(r.podsPerSecond)} pods/s (upstream CI threshold: ${r.upstreamThreshold} pods/s with 16 workers)`)
    console.log(`  peak memory (RSS): ${fmt(r.peakRssMB)} MB; recorded per cycle: ${fmt(r.recordBytesPerCycle / 1024, 1)} KB (compact records)`)
  }
}

void main().then(() => calibration('after'))
