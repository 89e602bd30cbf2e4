/**
 * The scenario gallery's vocabulary: a ready scenario is a manifest, a cluster file and a user where it matters, told
 * with a title, an introduction, what to watch for, and its moment (the beat the scenario is about).
 *
 * This module is imported by the browser's main thread: it takes only types from the engine, never its runtime.
 */
import type { TraceType } from '../engine/events.ts'
import type { StageId } from '../engine/story/types.ts'
import type { OutcomeKind } from '../engine/story/outcomes/index.ts'

export interface Scenario {
  /** kebab-case; also the file name (src/scenarios/<id>.ts) and the #scenario=<id> link. */
  id: string
  /** Short, e.g. "RBAC says no: a 403". */
  title: string
  /** Two sentences: what happens and why it matters. */
  intro: string
  /** One or two sentences: what to look at in the lanes. */
  watchFor: string
  /** The stage the scenario is about. */
  stage: StageId
  /** The pod manifest (YAML text), as a learner would write it. */
  manifest: string
  /** A cluster file (YAML text); undefined = the built-in default cluster. */
  cluster?: string
  /** A kubeconfig user (e.g. 'alice'); undefined = the current context's. */
  user?: string
  seed?: number
  /** Virtual time to run, in ms (a back-off loop needs ~60 s); undefined = Simulation.run's default, 10 minutes. */
  untilMs?: number
  /**
   * Set only while the engine cannot yet show what the scenario promises: the exact gap, in a sentence. The
   * scenario is written as upstream behaves; the gallery should not offer it, and its test expects the failure
   * until the engine is fixed (then remove this field).
   */
  knownGap?: string
  /** Finds the moment's trace step. */
  moment: MomentMatch
  expect: {
    kubectlExitCode: 0 | 1
    /** The failure the scenario shows (an OutcomeKind of engine/story/outcomes/); absent for a success. */
    outcome?: OutcomeKind
    /** An Event reason, or a fragment of an upstream message, that must appear (an Event or kubectl's output). */
    reason?: string
    /** For a success: the phase the pod reaches. */
    phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed'
  }
}

/** A moment is found by a predicate over base fields of a step (no details): the first step that matches all. */
export interface MomentMatch {
  type: TraceType
  outcome?: 'ok' | 'error' | 'warning' | 'info'
  /** A substring of the step's summary. */
  summary?: string
  lane?: string
}

/** findMoment returns the index of the first step matching every field of `m`, or -1. */
export function findMoment(
  events: readonly { type: string; outcome: string; summary: string; lane: string }[],
  m: MomentMatch,
): number {
  return events.findIndex((e) =>
    e.type === m.type &&
    (m.outcome === undefined || e.outcome === m.outcome) &&
    (m.summary === undefined || e.summary.includes(m.summary)) &&
    (m.lane === undefined || e.lane === m.lane))
}
