/**
 * The story's vocabulary: the five stages of a pod's birth, the chapters inside them, and the role each step plays
 * (a beat a person should see, or plumbing that views may fold away).
 */
import type { TraceEvent } from '../events.ts'
import type { Wait } from './waits.ts'

/** The five stages, in the order a pod lives through them. */
export const STAGES = [
  { id: 1, title: 'The manifest', short: 'Manifest' },
  { id: 2, title: 'kubectl', short: 'kubectl' },
  { id: 3, title: 'The API server', short: 'API server' },
  { id: 4, title: 'The scheduler', short: 'Scheduler' },
  { id: 5, title: 'The node', short: 'Node' },
] as const
export type StageId = (typeof STAGES)[number]['id']

/** A step's role: a beat is a moment to see (the 403, the revision, the chosen node, the pod IP); plumbing repeats. */
export type Role = 'beat' | 'plumbing'

/** How a chapter ended: ok, or the failure that ended it (its deciding step is `decidedBy`). */
export type ChapterOutcome = 'ok' | 'error' | 'warning'

/** One chapter of one pod's story (or of the apply as a whole, for steps about no pod). */
export interface Chapter {
  /** Index in Story.chapters (chapters are sorted by their first step). */
  id: number
  /** The pod (namespace/name) whose story this is; '' for steps about no pod. */
  pod: string
  stage: StageId
  kind: ChapterKind
  /** 1 for the first chapter of this kind in this pod's story, 2 for the next (a retry, a restart) ... */
  occurrence: number
  /** Trace indices of its steps, ascending (not always contiguous: other pods' steps and late answers interleave). */
  steps: number[]
  /** The first and last of `steps`. */
  start: number
  end: number
  /** The beats among `steps`. */
  beats: number[]
  outcome: ChapterOutcome
  /** The step that decided a failed or warning outcome. */
  decidedBy?: number
}

/** Story is the trace told in chapters: what views need, computed once per trace. */
export interface Story {
  chapters: Chapter[]
  /** For each trace index: its chapter's id. */
  chapterOf: Int32Array
  /** For each trace index: 1 for a beat, 0 for plumbing. */
  beat: Uint8Array
  /** The pods in the order their stories begin. */
  pods: string[]
  /** What the components wait for, as findWaits lists them (the lanes paint them as bars); absent when not asked. */
  waits?: Wait[]
}

/** The kinds of chapter, in story order within each stage (see catalog.ts for titles and narration). */
export const CHAPTER_KINDS = [
  // Stage 1
  'manifest',
  // Stage 2
  'client-checks', 'credentials', 'request',
  // Stage 3
  'authentication', 'authorization', 'decode', 'mutating-admission', 'validation', 'validating-admission', 'persist',
  'watch', 'controller',
  // Stage 4
  'scheduler-config', 'queue', 'filter', 'score', 'select', 'reserve', 'bind', 'unschedulable', 'preemption',
  // Stage 5
  'kubelet-sync', 'sandbox', 'network', 'image', 'containers', 'hooks', 'probes', 'status', 'restart', 'termination',
] as const
export type ChapterKind = (typeof CHAPTER_KINDS)[number]

/** A step as the story reads it. */
export type Step = TraceEvent
