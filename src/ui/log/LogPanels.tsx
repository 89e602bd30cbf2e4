import { useApp } from '../../app/store.ts'
import { EventLog } from './EventLog.tsx'
import { FindStep } from './FindStep.tsx'

/** Find a step, and the log of every step, following the panels' step. */
export function LogPanels() {
  const events = useApp((s) => s.events)
  const shown = useApp((s) => s.shownLog)
  const select = useApp((s) => s.select)
  return (
    <>
      <FindStep events={events} selected={shown} select={select} />
      <EventLog events={events} selected={shown} select={select} t0={events[0]?.t ?? 0} />
    </>
  )
}
