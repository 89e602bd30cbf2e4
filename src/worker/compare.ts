/**
 * Pin and compare, in the worker: the pinned run (A) is simulated again from its inputs (the engine is
 * deterministic, so it is the run the user pinned, recorded in full up to 100 nodes), the current run (B) is the
 * worker's last, and the explain kernel's compareRuns puts them side by side — the same comparison
 * `podbirth explain --compare` prints (src/cli/explain.ts).
 */
import { loadClusterOnce } from './clusterCache.ts'
import { createSimulation } from '../engine/index.ts'
import type { Simulation, SessionCommand } from '../engine/index.ts'
import type { TraceEvent } from '../engine/events.ts'
import type { CycleRecord } from '../engine/scheduler/framework/record.ts'
import { compareRuns, scoringStrategyOf, whyParagraph } from '../engine/scheduler/explain/index.ts'
import type { RunSummary } from '../engine/scheduler/explain/index.ts'
import { applyOf, samePinned } from '../protocol/compare.ts'
import type { CompareCommand, CompareMessage, CompareSide, PinnedRun } from '../protocol/compare.ts'
import type { ApplyCommand } from '../protocol/messages.ts'

/** The horizon of a pinned run: the worker's own (ten minutes of virtual time). */
const RUN_UNTIL_MS = 10 * 60 * 1000

/** The cycle record a decisive step carries (the Select, or a scheduling-phase FailedScheduling). */
function recordOf(e: TraceEvent): CycleRecord | undefined {
  if (e.type === 'scheduler:Select') return e.details.cycle ?? undefined
  if (e.type === 'scheduler:Unschedulable' && e.details.phase === 'scheduling') return e.details.cycle ?? undefined
  return undefined
}

export interface Summarised {
  summary: RunSummary
  nodes: number
  seed: number
  /** Whether some first cycle was kept compact (per-node scores partial). */
  compact: boolean
}

/**
 * summarise reads a finished run: its pods' placements (the session's pods, as `kubectl get pods` of the story
 * shows them), each pod's first scheduling cycle, and the profile that scheduled them with its scoring strategy.
 */
export function summarise(sim: Simulation, seed: number): Summarised {
  const placements: Record<string, string | null> = {}
  for (const p of sim.sessionPods())
    placements[`${p.metadata?.namespace ?? 'default'}/${p.metadata?.name ?? ''}`] = p.spec?.nodeName || null
  const firstCycles: Record<string, CycleRecord> = {}
  let compact = false
  for (const e of sim.trace) {
    const r = recordOf(e)
    if (!r || firstCycles[r.pod]) continue
    firstCycles[r.pod] = r
    if (r.detail === 'compact') compact = true
  }
  const core = sim.scheduler.core
  // The profile that scheduled the session's pods (the first cycle's), else the first one kube-scheduler runs.
  const first = Object.values(firstCycles)[0]?.profile
  const profile = core?.settings.profiles.find((p) => p.schedulerName === first) ?? core?.settings.profiles[0]
  const summary: RunSummary = {
    profile: profile?.schedulerName
      ?? (sim.scheduler.configError !== null ? 'none (kube-scheduler did not start)' : '-'),
    scoringStrategy: profile ? scoringStrategyOf(profile.args) : '-',
    placements,
    firstCycles,
  }
  return { summary, nodes: sim.nodes().length, seed, compact }
}

/** runPinned simulates a pinned run to its end, recorded in full when the cluster has at most 100 nodes. */
export function runPinned(cmd: ApplyCommand): Simulation | { error: string } {
  const cluster = loadClusterOnce(cmd.cluster)
  if ('error' in cluster) return { error: cluster.error }
  // 'auto' records every cycle in full up to 100 nodes (framework/record.ts FULL_DETAIL_MAX_NODES), compact above.
  const sim = createSimulation({ cluster, seed: cmd.seed, schedulerDetail: 'auto' })
  sim.start()
  if (!cmd.skipManifest) sim.apply({ files: [{ name: 'pod.yaml', text: cmd.text }], user: cmd.user })
  const session: SessionCommand[] = (cmd.session ?? []).map((c) => ({
    argv: c.argv, files: { 'pod.yaml': cmd.text }, ...(c.atMs !== undefined ? { atMs: c.atMs } : {}),
    ...(c.sleepMs ? { sleepMs: c.sleepMs } : {}), ...(c.stdin !== undefined ? { stdin: c.stdin } : {}),
  }))
  if (session.length) sim.session(session)
  sim.run(RUN_UNTIL_MS)
  return sim
}

/** The last pinned run summarised, and the last current run: choosing another pod re-runs nothing. */
let pinnedCache: { pinned: PinnedRun; result: Summarised | { error: string } } | undefined
let currentCache: { sim: Simulation; result: Summarised } | undefined

function pinnedSummary(pinned: PinnedRun): Summarised | { error: string } {
  if (pinnedCache && samePinned(pinnedCache.pinned, pinned)) return pinnedCache.result
  const sim = runPinned(applyOf(pinned))
  const result = 'error' in sim ? sim : summarise(sim, pinned.seed)
  pinnedCache = { pinned, result }
  return result
}

const emptySide: CompareSide = { nodes: 0, why: '', node: null }

function side(s: Summarised, pod: string | null): CompareSide {
  const r = pod === null ? undefined : s.summary.firstCycles[pod]
  const node = pod === null ? null : s.summary.placements[pod] ?? null
  return { nodes: s.nodes, why: r ? whyParagraph(r, s.seed) : '', node }
}

/**
 * compare answers a CompareCommand: `current` is the worker's last run and `currentApply` what it ran (its seed
 * writes the Why paragraph); the pinned run is simulated again unless it was the last one asked.
 */
export function compare(current: Simulation | undefined, currentApply: ApplyCommand | undefined,
  cmd: CompareCommand): CompareMessage {
  const none = { type: 'compare' as const, comparison: null, pods: [], a: emptySide, b: emptySide }
  if (!current || !currentApply) return { ...none, note: 'Apply first: there is no current run to compare with.' }
  const a = pinnedSummary(cmd.pinned)
  if ('error' in a) return { ...none, note: `The pinned run could not be made again: ${a.error}` }
  if (currentCache?.sim !== current) currentCache = { sim: current, result: summarise(current, currentApply.seed) }
  const b = currentCache.result
  const pods = [...new Set([...Object.keys(a.summary.placements), ...Object.keys(b.summary.placements)])].sort()
  const chosen = cmd.pod !== undefined && pods.includes(cmd.pod) ? cmd.pod : undefined
  const comparison = compareRuns(a.summary, b.summary, chosen)
  const partial = a.compact || b.compact
  return {
    type: 'compare', comparison, pods,
    a: side(a, comparison.pod), b: side(b, comparison.pod),
    ...(partial ? { note: 'Above 100 nodes a run keeps compact records: per-node scores cover its top nodes only.' }
      : {}),
  }
}
