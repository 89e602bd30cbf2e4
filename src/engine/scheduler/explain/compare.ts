/**
 * compareRuns: two runs of the same workload (another KubeSchedulerConfiguration, cluster, manifest or seed) side by
 * side — the pods placed differently, each side's profile and scoring strategy, and for one pod the per-node,
 * per-plugin final-score differences of its first scheduling cycle.
 */
import type { CycleRecord } from '../framework/record.ts'

export interface RunSummary {
  /** The profile (schedulerName) that scheduled the pods, and NodeResourcesFit's scoring strategy. */
  profile: string
  scoringStrategy: string
  /** pod (namespace/name) → node, null when it did not land. */
  placements: Record<string, string | null>
  /** pod → its first scheduling cycle. */
  firstCycles: Record<string, CycleRecord>
}

export interface ScoreDifference {
  node: string
  plugin: string
  /** Final score (normalized × weight) on each side; null when the node was not scored there. */
  a: number | null
  b: number | null
  delta: number
}

export interface RunComparison {
  a: { profile: string; scoringStrategy: string }
  b: { profile: string; scoringStrategy: string }
  /** Pods whose node differs (a pod present on one side only counts, with null on the other). */
  moved: { pod: string; a: string | null; b: string | null }[]
  /** The pod whose scores are compared (the chosen one, else the first moved pod, else the first pod). */
  pod: string | null
  scores: ScoreDifference[]
  totals: { node: string; a: number | null; b: number | null; delta: number }[]
  text: string[]
}

const byName = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0)

type Differences = Pick<RunComparison, 'scores' | 'totals'>

function scoreDifferences(a: CycleRecord | undefined, b: CycleRecord | undefined): Differences {
  const nodes = [...new Set([...Object.keys(a?.totalScore ?? {}), ...Object.keys(b?.totalScore ?? {})])].sort(byName)
  const plugins = [...new Set([...(a?.scorePlugins ?? []), ...(b?.scorePlugins ?? [])].map((p) => p.plugin))]
  const scores: ScoreDifference[] = []
  const totals: RunComparison['totals'] = []
  for (const node of nodes) {
    for (const plugin of plugins) {
      const x = a?.finalScore[node]?.[plugin] ?? null
      const y = b?.finalScore[node]?.[plugin] ?? null
      const delta = (y ?? 0) - (x ?? 0)
      if (delta !== 0 || (x === null) !== (y === null)) scores.push({ node, plugin, a: x, b: y, delta })
    }
    const x = a?.totalScore[node] ?? null
    const y = b?.totalScore[node] ?? null
    totals.push({ node, a: x, b: y, delta: (y ?? 0) - (x ?? 0) })
  }
  return { scores, totals }
}

const show = (n: number | null): string => (n === null ? '-' : String(n))
const signed = (n: number): string => (n > 0 ? `+${n}` : String(n))

export function compareRuns(a: RunSummary, b: RunSummary, pod?: string): RunComparison {
  const pods = [...new Set([...Object.keys(a.placements), ...Object.keys(b.placements)])].sort(byName)
  const moved = pods
    .map((p) => ({ pod: p, a: a.placements[p] ?? null, b: b.placements[p] ?? null }))
    .filter((m) => m.a !== m.b)
  const chosen = pod ?? moved[0]?.pod ?? pods[0] ?? null
  const { scores, totals } = chosen === null ? { scores: [], totals: [] }
    : scoreDifferences(a.firstCycles[chosen], b.firstCycles[chosen])
  const text: string[] = [
    `A: profile ${a.profile}, scoring strategy ${a.scoringStrategy}`,
    `B: profile ${b.profile}, scoring strategy ${b.scoringStrategy}`,
  ]
  if (moved.length === 0) text.push('Every pod lands on the same node in both runs.')
  for (const m of moved) text.push(`${m.pod}: ${m.a ?? 'not scheduled'} in A, ${m.b ?? 'not scheduled'} in B`)
  if (chosen !== null) {
    const changed = totals.filter((t) => t.delta !== 0 || (t.a === null) !== (t.b === null))
    if (changed.length === 0) text.push(`${chosen}: the same total score on every node`)
    for (const t of changed) {
      const parts = scores.filter((s) => s.node === t.node).map((s) => `${s.plugin} ${show(s.a)} → ${show(s.b)}`)
      const detail = parts.length ? `: ${parts.join(', ')}` : ''
      text.push(`${chosen} on ${t.node}: total ${show(t.a)} → ${show(t.b)} (${signed(t.delta)})${detail}`)
    }
  }
  return {
    a: { profile: a.profile, scoringStrategy: a.scoringStrategy },
    b: { profile: b.profile, scoringStrategy: b.scoringStrategy },
    moved, pod: chosen, scores, totals, text,
  }
}

/** scoringStrategyOf: NodeResourcesFit's scoringStrategy.type in a profile's args (LeastAllocated by default). */
export function scoringStrategyOf(args: ReadonlyMap<string, unknown> | undefined): string {
  const fit = args?.get('NodeResourcesFit')
  const ss = typeof fit === 'object' && fit !== null && 'scoringStrategy' in fit ? fit.scoringStrategy : undefined
  const type = typeof ss === 'object' && ss !== null && 'type' in ss ? ss.type : undefined
  return typeof type === 'string' && type !== '' ? type : 'LeastAllocated'
}
