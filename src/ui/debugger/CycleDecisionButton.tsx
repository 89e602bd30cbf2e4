/** The inspector's way in: the decision view of the cycle the shown step belongs to (nothing for other steps). */
import { useMemo } from 'react'
import { useApp } from '../../app/store.ts'
import { decisionStepOf } from './cycles.ts'
import { lastDecisionOf } from './open.ts'
import { DecisionButton } from './DecisionButton.tsx'

export function CycleDecisionButton() {
  const events = useApp((s) => s.events)
  const shown = useApp((s) => s.shown)
  const index = useMemo(() => decisionStepOf(events, shown), [events, shown])
  if (index === null) return null
  return (
    <p className="decision-entry">
      <DecisionButton index={index} about={`of this cycle (${events[shown]?.pod ?? ''})`} />
    </p>
  )
}

/** The banner's way in: the decision view of the FailedScheduling at step `step`. */
export function OutcomeDecisionButton({ step, pod }: { step: number; pod?: string }) {
  const events = useApp((s) => s.events)
  const index = useMemo(() => decisionStepOf(events, step), [events, step])
  return <DecisionButton index={index} about={pod ? `of ${pod}` : undefined} />
}

/** The queue's way in: the latest cycle of `pod` up to step `upTo` (none before its first attempt). */
export function PodDecisionButton({ pod, upTo }: { pod: string; upTo: number }) {
  const events = useApp((s) => s.events)
  const index = useMemo(() => lastDecisionOf(events, upTo, pod), [events, upTo, pod])
  return <DecisionButton index={index} about={`of ${pod}`} />
}
