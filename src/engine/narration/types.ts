/**
 * Narration is data: each component keeps what its steps say in one table keyed by step type (its
 * `narration.ts`), at two depths, written from the step's typed details. The trace stores only the one-line
 * summary; views ask for the story or the expert text when they show a step.
 */
import type { StepOf, TraceType } from '../events.ts'

/**
 * Depth: `story` is plain words for someone who has never read Kubernetes source (jargon explained); `expert` says
 * what the code does (the upstream function or plugin, the field written, the feature gate).
 */
export type Depth = 'story' | 'expert'

/** StepNarration is what one step type says. Every function reads only the step it is given. */
export interface StepNarration<K extends TraceType> {
  /** One line, present tense, for the lane, the log and the CLI (stored on the step when it is emitted). */
  summary(e: StepOf<K>): string
  story(e: StepOf<K>): string
  expert(e: StepOf<K>): string
  /** A kubernetes.io page for the concept. */
  docs: string | ((e: StepOf<K>) => string)
  /** The upstream file that does this, as a path in kubernetes/kubernetes at v1.35 (see sourceUrl). */
  source: string | ((e: StepOf<K>) => string)
}

/** NarrationTable is a component's narration: one entry for each of its step types, no more, no fewer. */
export type NarrationTable<K extends TraceType> = { [P in K]: StepNarration<P> }

/** The upstream release podbirth follows; source links point at its tag. */
export const UPSTREAM_TAG = 'v1.35.0'

/** sourceUrl links an upstream path (kubernetes/kubernetes) at the release podbirth follows. */
export function sourceUrl(path: string): string {
  return `https://github.com/kubernetes/kubernetes/blob/${UPSTREAM_TAG}/${path}`
}
