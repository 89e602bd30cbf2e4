/**
 * The scenario gallery: a dialog of ready scenarios, each a manifest, a cluster file and a user where it matters,
 * with what it shows and what to watch for. Choosing one puts it in the editors (what the user had is kept, as for a
 * shared link) and applies it; the story starts at its beginning and the strip offers a jump to its moment.
 * Loaded on demand: the scenarios' texts are not needed before the gallery opens.
 */
import { useEffect, useRef, useState } from 'react'
import { useApp } from '../../app/store.ts'
import { SCENARIOS } from '../../scenarios/index.ts'
import type { Scenario } from '../../scenarios/types.ts'
import { STAGES } from '../../engine/story/index.ts'

/** openScenario loads a scenario into the editors and asks the App to apply it. */
export function openScenario(s: Scenario): void {
  const st = useApp.getState()
  st.loadScenario({ manifest: s.manifest, cluster: s.cluster, seed: s.seed ?? 1, user: s.user })
  st.setScenario({ id: s.id, title: s.title, intro: s.intro, watchFor: s.watchFor, moment: s.moment })
  st.requestApply()
}

/** findScenario: the scenario with this id (a #scenario= link), if there is one. */
export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.id === id)
}

export default function ScenariosDialog({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null)
  const [query, setQuery] = useState('')
  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal()
  }, [])
  const q = query.trim().toLowerCase()
  const shown = SCENARIOS.filter((s) => !q || `${s.title} ${s.intro} ${s.watchFor}`.toLowerCase().includes(q))
  return (
    <dialog ref={ref} className="scenarios" aria-label="Scenarios" onClose={onClose} onCancel={onClose}>
      <header className="dialog-head">
        <h2>Scenarios</h2>
        <input type="search" placeholder="Filter: 403, quota, preemption …" aria-label="Filter scenarios" value={query} onChange={(e) => setQuery(e.target.value)} />
        <button type="button" onClick={() => ref.current?.close()}>Close</button>
      </header>
      <p className="muted">Each scenario is a manifest, a cluster file and a user. Choosing one replaces what is in the editors (Restore brings yours back) and applies it; the story starts at its beginning, with a button to jump to its moment.</p>
      <ol className="scenario-list">
        {STAGES.map((st) => shown.filter((s) => s.stage === st.id).map((s) => (
          <li key={s.id}>
            <button type="button" className="scenario" onClick={() => { openScenario(s); ref.current?.close() }}>
              <span className="scenario-stage">Stage {st.id} · {st.short}</span>
              <strong>{s.title}</strong>
              <span className="scenario-intro">{s.intro}</span>
            </button>
          </li>
        )))}
      </ol>
    </dialog>
  )
}
