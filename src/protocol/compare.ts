/**
 * Pin and compare (issue #15): the UI pins a run's inputs (manifest, cluster file, seed, user, console session) and
 * later asks the worker to compare that pinned run (A) with the current one (B). The engine is deterministic, so the
 * worker re-runs the pinned inputs itself; the comparison is the explain kernel's `compareRuns`
 * (src/engine/scheduler/explain/compare.ts), the one `podbirth explain --compare` prints.
 */
import type { RunComparison } from '../engine/scheduler/explain/compare.ts'
import type { ApplyCommand, ConsoleCommand } from './messages.ts'

export type { RunComparison }

/** A pinned run's inputs: what an apply ran (the store's AppliedScenario is this). */
export interface PinnedRun {
  manifest: string
  cluster: string
  seed: number
  user?: string
  session?: ConsoleCommand[]
  skipManifest?: boolean
}

/** CompareCommand asks for the pinned run compared with the worker's last run; `pod` chooses whose scores. */
export interface CompareCommand {
  type: 'compare'
  pinned: PinnedRun
  pod?: string
}

/** One side's run as the view names it. */
export interface CompareSide {
  /** Nodes in the run's cluster (the pinned run is recorded in full up to 100 nodes). */
  nodes: number
  /** The chosen pod's Why paragraph in this run ('' when it had no scheduling cycle). */
  why: string
  /** The chosen pod's node in this run (null: not scheduled or absent). */
  node: string | null
}

export interface CompareMessage {
  type: 'compare'
  /** The comparison (A = pinned, B = current); null when a run could not be made (see note). */
  comparison: RunComparison | null
  /** Every pod of either run (namespace/name, sorted): the choices for the score table. */
  pods: string[]
  a: CompareSide
  b: CompareSide
  /** Why a side is missing or partial (a refused cluster file, compact records above 100 nodes, …). */
  note?: string
}

/** applyOf: the apply a pinned run was (what the worker re-runs). */
export function applyOf(p: PinnedRun): ApplyCommand {
  return {
    type: 'apply', text: p.manifest, seed: p.seed, cluster: p.cluster,
    ...(p.user ? { user: p.user } : {}),
    ...(p.session?.length ? { session: p.session } : {}),
    ...(p.skipManifest ? { skipManifest: true } : {}),
  }
}

/** samePinned: the two inputs run the same simulation (same texts, seed, user and session). */
export function samePinned(x: PinnedRun, y: PinnedRun): boolean {
  return x.manifest === y.manifest && x.cluster === y.cluster && x.seed === y.seed && (x.user ?? '') === (y.user ?? '')
    && JSON.stringify(x.session ?? []) === JSON.stringify(y.session ?? []) && !x.skipManifest === !y.skipManifest
}
