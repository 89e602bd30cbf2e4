/**
 * The narration registry: every component's table in one place, and `narrate`, which tells a step at a depth.
 * Pure and stateless, so the browser (inspector, story panel), the CLI and tests share it.
 */
import type { StepOf, TraceEvent, TraceType } from '../events.ts'
import type { Depth, StepNarration } from './types.ts'
import { sourceUrl } from './types.ts'
import { SCHEDULER_NARRATION } from '../scheduler/narration/index.ts'
import { CLIENT_NARRATION } from '../client/narration.ts'
import { KUBECTL_NARRATION } from '../kubectl/narration.ts'
import { APISERVER_NARRATION } from '../apiserver/narration.ts'
import { ETCD_NARRATION } from '../etcd/narration.ts'
import { KUBELET_NARRATION } from '../kubelet/narration/index.ts'
import { CONTROLLER_NARRATION } from '../controllers/narration.ts'

export type { Depth, NarrationTable, StepNarration } from './types.ts'
export { sourceUrl, UPSTREAM_TAG } from './types.ts'

/** NARRATION holds each component's table: exactly one entry per step type (the type says so, and a test). */
export const NARRATION: { [K in TraceType]: StepNarration<K> } = {
  ...SCHEDULER_NARRATION,
  ...CLIENT_NARRATION,
  ...KUBECTL_NARRATION,
  ...APISERVER_NARRATION,
  ...ETCD_NARRATION,
  ...KUBELET_NARRATION,
  ...CONTROLLER_NARRATION,
}

/** What a view shows for one step at one depth. */
export interface Told {
  summary: string
  text: string
  docs: string
  /** A link to the upstream source file at the release podbirth follows. */
  source: string
}

/** entry is the narration of a step's type; the cast is where a mapped table meets a union of steps. */
function entry<K extends TraceType>(e: StepOf<K>): StepNarration<K> {
  return NARRATION[e.type] as unknown as StepNarration<K>
}

/** summarize writes a step's one-line summary (the trace calls it as each step is emitted). */
export function summarize(e: TraceEvent): string {
  return entry(e).summary(e as never)
}

/** narrate tells one step at a depth. */
export function narrate(e: TraceEvent, depth: Depth): Told {
  const n = entry(e)
  const pick = <T,>(v: T | ((x: never) => T)): T => (typeof v === 'function' ? (v as (x: never) => T)(e as never) : v)
  return {
    summary: e.summary,
    text: depth === 'story' ? n.story(e as never) : n.expert(e as never),
    docs: pick(n.docs),
    source: sourceUrl(pick(n.source)),
  }
}
