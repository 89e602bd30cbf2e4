/**
 * The what-if verifier: every candidate edit is simulated (through `run`, the same seed, up to the pod's first
 * scheduling cycle) before it is offered. Pure: it takes the runner as a function, so tests can stub it or run the
 * engine for real (run.ts). See README.md for the order and the caps.
 */
import type { CycleRecord } from '../../engine/scheduler/framework/record.ts'
import type { KObject, Pod } from '../../engine/api/types.ts'
import type { Suggestion, VerifiedOutcome } from '../../protocol/messages.ts'
import { andThen } from './edits.ts'
import type { Candidate } from './suggest.ts'

/** FirstCycle: the pod's first scheduling cycle in an edited run, and what was stored then (for a second edit). */
export interface FirstCycle {
  record: CycleRecord
  pod?: Pod
  objects?: Map<string, KObject>
}

export type RunResult = { kind: 'cycle'; cycle: FirstCycle } | { kind: 'none'; message: string }

export interface Texts {
  manifest: string
  cluster: string
}

export type RunFn = (texts: Texts) => RunResult

export interface VerifyInput {
  /** The failed cycle the candidates were read from. */
  before: CycleRecord
  candidates: Candidate[]
  texts: Texts
  run: RunFn
  /** Candidates read from an edited run's cycle, for combining two edits when no single one schedules the pod. */
  suggest?: (cycle: FirstCycle) => Candidate[]
  /** At most this many simulations (default MAX_RUNS). */
  maxRuns?: number
}

export interface Verified {
  suggestions: Suggestion[]
  runs: number
  /** Why fewer edits were checked than found. */
  note?: string
}

/** MAX_RUNS: each run simulates the whole scenario up to the pod's first cycle; eight keep the answer quick. */
export const MAX_RUNS = 8
/** Edits that do not schedule the pod but get it further are shown (as "not enough") only when nothing schedules. */
const MAX_NOT_ENOUGH = 2

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

interface Tried {
  c: Candidate
  texts: Texts
  cycle: FirstCycle
  outcome: VerifiedOutcome
  changes: number
}

/** progressOf says what `plugin` no longer rejects and what still blocks; undefined when it rejects no fewer nodes. */
export function progressOf(plugin: string, before: CycleRecord, after: CycleRecord): string | undefined {
  const was = before.rejectedBy[plugin]?.nodes ?? 0
  const now = after.rejectedBy[plugin]?.nodes ?? 0
  if (now >= was) return undefined
  const blockers = Object.entries(after.rejectedBy)
    .filter(([, r]) => r.nodes > 0)
    .sort(([, a], [, b]) => b.nodes - a.nodes)
  const still = blockers.map(([p, r]) => {
    const top = Object.entries(r.reasons).sort(([, a], [, b]) => b - a)[0]?.[0]
    return `${p} rejects ${plural(r.nodes, 'node')}${top ? ` (${top})` : ''}`
  })
  return `${plugin} passes on ${plural(was - now, 'more node')}${still.length ? `, but ${still.join('; ')}` : ''}`
}

function outcomeOf(before: CycleRecord, after: CycleRecord, plugin: string, changes: number): VerifiedOutcome {
  const schedules = after.selectedNode !== null
  return {
    schedules,
    ...(schedules ? { node: after.selectedNode as string } : after.message ? { message: after.message } : {}),
    feasibleBefore: before.numFeasible,
    feasibleAfter: after.numFeasible,
    ...(schedules ? {} : { progress: progressOf(plugin, before, after) }),
    changes,
  }
}

const toSuggestion = (t: Tried): Suggestion => ({
  title: t.c.title,
  why: t.c.why,
  target: t.c.target,
  text: t.texts[t.c.target],
  outcome: t.outcome,
})

/** verify simulates the candidates, least invasive first, and returns the fixes that schedule the pod, best first. */
export function verify({ before, candidates, texts, run, suggest, maxRuns = MAX_RUNS }: VerifyInput): Verified {
  const order = [...candidates]
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.rank - b.c.rank || a.i - b.i)
    .map((x) => x.c)
  const seen = new Set<string>()
  const fixes: Tried[] = []
  const partial: Tried[] = []
  let runs = 0
  let skipped = 0
  const attempt = (c: Candidate, base: Texts, changes: number): Tried | undefined => {
    const text = c.edit(base[c.target])
    if (text === undefined) return undefined
    const edited = { ...base, [c.target]: text }
    const key = `${edited.manifest}\u0000${edited.cluster}`
    if (seen.has(key)) return undefined
    if (runs >= maxRuns) {
      skipped++
      return undefined
    }
    seen.add(key)
    runs++
    const r = run(edited)
    if (r.kind !== 'cycle') return undefined
    return { c, texts: edited, cycle: r.cycle, outcome: outcomeOf(before, r.cycle.record, c.plugin, changes), changes }
  }
  for (const c of order) {
    const t = attempt(c, texts, 1)
    if (!t) continue
    if (t.outcome.schedules) fixes.push(t)
    else if (t.outcome.progress) partial.push(t)
  }
  // No single edit is enough: add a second edit read from the partial run's own cycle (tolerate, then lower the
  // request to what the now-reachable node has free), on the same text so the suggestion stays one edit to try.
  if (!fixes.length && suggest) {
    for (const p of partial.slice(0, MAX_NOT_ENOUGH)) {
      const next = suggest(p.cycle)
        .filter((c) => c.target === p.c.target && c.kind !== p.c.kind)
        .sort((a, b) => a.rank - b.rank)
      for (const c of next) {
        const both: Candidate = {
          ...c,
          title: `${p.c.title}, and ${c.title.charAt(0).toLowerCase()}${c.title.slice(1)}`,
          why: `${p.c.why} ${c.why}`,
          edit: andThen(p.c.edit, c.edit),
          rank: Math.max(p.c.rank, c.rank),
          plugin: p.c.plugin,
          kind: `${p.c.kind}+${c.kind}`,
        }
        const t = attempt(both, texts, 2)
        if (t?.outcome.schedules) {
          fixes.push(t)
          break
        }
      }
    }
  }
  const best = [...fixes].sort((a, b) => a.changes - b.changes || a.c.rank - b.c.rank)
  const shown = best.length ? best : partial.slice(0, MAX_NOT_ENOUGH)
  const note = skipped
    ? `${plural(skipped, 'more possible edit')} not simulated (at most ${maxRuns} runs per question).`
    : undefined
  return { suggestions: shown.map(toSuggestion), runs, ...(note ? { note } : {}) }
}
