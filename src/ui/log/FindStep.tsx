import { memo, useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import type { TraceEvent } from '../../engine/events.ts'
import { useApp } from '../../app/store.ts'
import { partitionPoint } from '../search.ts'

/**
 * Find a step: every step whose lane, type or summary contains the text (any case). Enter goes to the next match
 * after the playhead, Shift+Enter to the previous one; "/" anywhere focuses the box. In a trace of 50,000 steps this
 * is how one gets to "FailedScheduling" or "Preempted" at once.
 */
export const FindStep = memo(function FindStep({ events, selected, select, children }: { events: TraceEvent[]; selected: number; select: (i: number) => void; children?: ReactNode }) {
  const [query, setQuery] = useState('')
  const q = query.trim().toLowerCase()
  const matches = useMemo(() => {
    if (!q) return []
    const out: number[] = []
    for (let i = 0; i < events.length; i++) {
      const e = events[i]
      if (e.summary.toLowerCase().includes(q) || e.lane.toLowerCase().includes(q) || e.type.toLowerCase().includes(q)) out.push(i)
    }
    return out
  }, [q, events])
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
      {children}
      <span className="find-count" role="status">{q ? (matches.length ? `${at ? `${at} of ` : ''}${matches.length.toLocaleString('en-US')} matching steps` : 'no step matches') : ''}</span>
    </div>
  )
})
