import { useApp } from '../../app/store.ts'
import type { Outcome } from '../../engine/story/index.ts'

/** useOutcomes: every failure of the trace on screen (the worker finds them once per trace, with its story). */
export function useOutcomes(): Outcome[] {
  return useApp((s) => s.outcomes)
}
