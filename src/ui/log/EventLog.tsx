import { memo, useLayoutEffect, useRef, useState } from 'react'
import type { TraceEvent } from '../../engine/events.ts'
import { fmtTime } from '../format.ts'

/**
 * The log of every step, virtualised: rows have a fixed height, so the scrollbar spans the whole trace and only the
 * rows in view (and a few around them) exist. It follows the playhead, and the user can scroll it freely.
 */
const LOG_ROW_PX = 16
const LOG_BOX_PX = 144
const LOG_OVERSCAN = 4

export const EventLog = memo(function EventLog({ events, selected, select, t0 }: { events: TraceEvent[]; selected: number; select: (i: number) => void; t0: number }) {
  const box = useRef<HTMLElement | null>(null)
  /** The box's scroll position as last set or seen in a scroll event: never read from the layout while rendering. */
  const [top, setTop] = useState(0)
  const applied = useRef(0)
  const follow = selected >= 0 ? selected : events.length - 1
  const maxTop = Math.max(0, events.length * LOG_ROW_PX - LOG_BOX_PX)
  const rowTop = follow * LOG_ROW_PX
  const inView = follow < 0 || (rowTop >= top && rowTop + LOG_ROW_PX <= top + LOG_BOX_PX)
  const viewTop = inView ? Math.min(top, maxTop) : Math.min(maxTop, Math.max(0, rowTop - LOG_BOX_PX / 2 + LOG_ROW_PX / 2))
  useLayoutEffect(() => {
    const c = box.current
    if (!c || viewTop === applied.current) return
    applied.current = viewTop
    c.scrollTop = viewTop
    setTop(viewTop)
  }, [viewTop])
  const from = Math.max(0, Math.floor(viewTop / LOG_ROW_PX) - LOG_OVERSCAN)
  const to = Math.min(events.length, Math.ceil((viewTop + LOG_BOX_PX) / LOG_ROW_PX) + LOG_OVERSCAN)
  const shown = events.slice(from, to)
  // Up and Down on a row select the step above or below and keep the keyboard on the log.
  const onRowKey = (ev: React.KeyboardEvent<HTMLButtonElement>, i: number) => {
    if (ev.key !== 'ArrowUp' && ev.key !== 'ArrowDown') return
    ev.preventDefault()
    const next = Math.min(events.length - 1, Math.max(0, i + (ev.key === 'ArrowDown' ? 1 : -1)))
    select(next)
    requestAnimationFrame(() => box.current?.querySelector<HTMLButtonElement>(`li:nth-child(${next - from + 1}) button`)?.focus())
  }
  return (
    <section className="log" role="log" aria-label="Events" data-steps={events.length} data-selected={selected} ref={box}
      onScroll={(ev) => { const t = ev.currentTarget.scrollTop; if (t !== applied.current) { applied.current = t; setTop(t) } }}>
      <div className="log-spacer" style={{ height: events.length * LOG_ROW_PX }}>
        <ol start={from + 1} style={{ transform: `translateY(${from * LOG_ROW_PX}px)` }}>
          {shown.map((e, k) => {
            const i = from + k
            return <li key={e.seq} className={i === selected ? 'selected' : ''}><button type="button" title={e.summary} onClick={() => select(i)} onKeyDown={(ev) => onRowKey(ev, i)}>{fmtTime(e.t, t0)} {e.lane}: {e.summary}</button></li>
          })}
        </ol>
      </div>
    </section>
  )
})
