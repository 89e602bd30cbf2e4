import { memo, useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import type { TraceEvent } from '../../engine/events.ts'
import { useApp } from '../../app/store.ts'
import { findSteps, partitionPoint } from '../search.ts'
import { focusForQuery, focusLabel, nodesOf } from '../debugger/focus.ts'
import { enterFocus } from '../debugger/enterFocus.ts'

/**
 * Find a step: every step whose lane, type or summary contains the text (any case), and every step about the pod or
 * node it names (with a button to focus on it). Enter goes to the next match
 * after the playhead, Shift+Enter to the previous one; "/" anywhere focuses the box. In a trace of 50,000 steps this
 * is how one gets to "FailedScheduling" or "Preempted" at once.
 */
export const FindStep = memo(function FindStep({ events, selected, select, children }: { events: TraceEvent[]; selected: number; select: (i: number) => void; children?: ReactNode }) {
  const [query, setQuery] = useState('')
  const q = query.trim().toLowerCase()
  const pods = useApp((s) => s.story?.pods)
  const nodes = useMemo(() => (q ? nodesOf(events) : []), [q, events])
  const named = useMemo(() => (q ? focusForQuery(query, pods ?? [], nodes) : undefined), [q, query, pods, nodes])
  const matches = useMemo(() => findSteps(events, q, pods ?? [], nodes), [q, events, pods, nodes])
  /** Where step `at` is among the matches: how many matches are at or before it, and its 1-based position if it is one. */
  const place = (at: number) => {
    const after = partitionPoint(matches.length, (k) => matches[k] <= at)
    return { after, at: matches[after - 1] === at ? after : 0 }
  }
  const { at } = place(selected)
  // The handlers place the playhead from the store (the display may lag a moving playhead by PANEL_MS).
  const next = () => { const { after } = place(useApp.getState().selected); if (matches.length) select(matches[after < matches.length ? after : 0]) }
  const prev = () => {
    if (!matches.length) return
    const p = place(useApp.getState().selected)
    const k = (p.at ? p.at - 1 : p.after) - 1
    select(matches[k >= 0 ? k : matches.length - 1])
  }
  return (
    <div className="find" role="search" aria-label="Find a step">
      <label htmlFor="find-step">Find a step</label>
      <input id="find-step" type="search" value={query} placeholder="e.g. FailedScheduling, Preempted, 403, worker-2  ( / )" spellCheck={false}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); if (e.shiftKey) prev(); else next() } if (e.key === 'Escape') setQuery('') }} />
      <button type="button" onClick={prev} disabled={!matches.length} aria-label="Previous match">‹</button>
      <button type="button" onClick={next} disabled={!matches.length} aria-label="Next match">›</button>
      {named && <button type="button" className="focus-button" onClick={() => enterFocus(named)}>Focus on {focusLabel(named)}</button>}
      {children}
      <span className="find-count" role="status">{q ? (matches.length ? `${at ? `${at} of ` : ''}${matches.length.toLocaleString('en-US')} matching steps` : 'no step matches') : ''}</span>
    </div>
  )
})
