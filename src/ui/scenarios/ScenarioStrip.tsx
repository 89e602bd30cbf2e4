/**
 * The scenario on screen: its title, what it shows and what to watch for, and a jump to its moment (found in the
 * trace when the story is told, never hard-coded), until it is closed.
 */
import { lazy, Suspense, useMemo, useState } from 'react'
import { useApp } from '../../app/store.ts'
import { findMoment } from '../../scenarios/types.ts'

const ScenariosDialog = lazy(() => import('./ScenariosDialog.tsx'))

export function ScenariosButton() {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">Scenarios</button>
      {open && <Suspense fallback={null}><ScenariosDialog onClose={() => setOpen(false)} /></Suspense>}
    </>
  )
}

export function ScenarioStrip() {
  const scenario = useApp((s) => s.scenario)
  const events = useApp((s) => s.events)
  const running = useApp((s) => s.running)
  const select = useApp((s) => s.select)
  const setScenario = useApp((s) => s.setScenario)
  const moment = useMemo(() => (scenario && !running ? findMoment(events, scenario.moment) : -1), [scenario, events, running])
  if (!scenario) return null
  return (
    <section className="scenario-strip" aria-label="Scenario">
      <p><strong>Scenario: {scenario.title}.</strong> {scenario.intro} <span className="muted">Watch for: {scenario.watchFor}</span></p>
      <span className="scenario-actions">
        <button type="button" onClick={() => select(moment)} disabled={moment < 0}>Jump to the moment</button>
        <button type="button" aria-label="Close the scenario note" onClick={() => setScenario(undefined)}>×</button>
      </span>
    </section>
  )
}
