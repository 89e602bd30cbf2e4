import { useState } from 'react'
import { useApp } from '../../app/store.ts'
import { readPref, writePref } from '../../app/prefs.ts'
import { EventLog } from './EventLog.tsx'
import { FindStep } from './FindStep.tsx'
import { FocusChip } from '../debugger/FocusChip.tsx'
import { useFocusMask } from '../debugger/useFocus.ts'

const FOLD_KEY = 'podbirth.foldPlumbing'

/** Find a step, and the log of every step (plumbing folded under its beat, or shown), following the panels' step. */
export function LogPanels() {
  const events = useApp((s) => s.events)
  const story = useApp((s) => s.story)
  const shown = useApp((s) => s.shownLog)
  const select = useApp((s) => s.select)
  const [fold, setFold] = useState(() => readPref(FOLD_KEY) !== 'false')
  const keep = useFocusMask(events)
  return (
    <>
      <FindStep events={events} selected={shown} select={select}>
        <label className="fold" title="Plumbing: the repeated authentication of a status patch, an Event's POST, a watch notification">
          <input type="checkbox" checked={fold} onChange={(e) => { setFold(e.target.checked); writePref(FOLD_KEY, String(e.target.checked)) }} /> Fold plumbing
        </label>
      </FindStep>
      <FocusChip steps={keep} />
      <EventLog events={events} story={story} fold={fold} selected={shown} select={select} t0={events[0]?.t ?? 0} keep={keep} />
    </>
  )
}
