/**
 * The narration registry: every component's table in one place, and `narrate`, which tells a step at a depth.
 * Pure and stateless, so the browser (inspector, story panel), the CLI and tests share it.
 */
import type { StepOf, TraceEvent, TraceType } from '../events.ts'
import type { Depth, StepNarration } from './types.ts'
import { sourceUrl } from './types.ts'

export type { Depth, NarrationTable, StepNarration } from './types.ts'
export { sourceUrl, UPSTREAM_TAG } from './types.ts'

/**
 * NARRATION holds each component's table. Transitional: a component not yet converted has no entry, and its steps
 * are told from the prose written at their emit call.
 */
export const NARRATION: Partial<{ [K in TraceType]: StepNarration<K> }> = {
}

/** What a view shows for one step at one depth. */
export interface Told {
  summary: string
  text: string
  docs?: string
  /** A link to the upstream source file, when the step type names one. */
  source?: string
}

function entry<K extends TraceType>(e: StepOf<K>): StepNarration<K> | undefined {
  return NARRATION[e.type] as StepNarration<K> | undefined
}

/** summarize writes a step's one-line summary (the trace calls it as each step is emitted). */
export function summarize(e: TraceEvent): string {
  const n = entry(e)
  return n ? n.summary(e as never) : (e.summary ?? e.type)
}

/** narrate tells one step at a depth. */
export function narrate(e: TraceEvent, depth: Depth): Told {
  const n = entry(e)
  if (!n) return { summary: e.summary, text: e.explain ?? '', docs: e.docs }
  const pick = <T,>(v: T | ((x: never) => T)): T => (typeof v === 'function' ? (v as (x: never) => T)(e as never) : v)
  return {
    summary: e.summary,
    text: depth === 'story' ? n.story(e as never) : n.expert(e as never),
    docs: pick(n.docs),
    source: sourceUrl(pick(n.source)),
  }
}

/** hasNarration is true for step types told from a table (the completeness test lists the others). */
export function hasNarration(type: TraceType): boolean {
  return NARRATION[type] !== undefined
}
