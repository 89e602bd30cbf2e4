import { useMemo } from 'react'
import { useApp } from '../../app/store.ts'
import { findOutcomes } from '../../engine/story/index.ts'
import type { Outcome } from '../../engine/story/index.ts'

/** useOutcomes: every failure of the trace on screen, computed once per trace (and kubectl's answer). */
export function useOutcomes(): Outcome[] {
  const events = useApp((s) => s.events)
  const kubectl = useApp((s) => s.kubectl)
  return useMemo(() => findOutcomes(events, kubectl), [events, kubectl])
}
