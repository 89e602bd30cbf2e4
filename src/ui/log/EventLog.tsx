import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { TraceEvent } from '../../engine/events.ts'
import { STAGES, chapterTitle } from '../../engine/story/index.ts'
import type { Story } from '../../engine/story/index.ts'
import { fmtTime } from '../format.ts'
import { buildRows } from './rows.ts'
import { nodeOfStep } from '../debugger/focus.ts'

/**
 * The log of every step, virtualised: rows have a fixed height, so the scrollbar spans the whole trace and only the
 * rows in view (and a few around them) exist. Once the story is known, a heading marks where it moves to another
 * chapter, and plumbing can be folded under the beat before it. It follows the playhead, and can be scrolled freely.
 */
const LOG_ROW_PX = 16
const LOG_BOX_PX = 144
const LOG_OVERSCAN = 4

interface Props {
  events: TraceEvent[]; story?: Story; fold: boolean; selected: number; select: (i: number) => void; t0: number
  /** Focus: 1 for each step to list (the others are hidden). */
  keep?: Uint8Array
}

export const EventLog = memo(function EventLog({ events, story, fold, selected, select, t0, keep }: Props) {
  const box = useRef<HTMLElement | null>(null)
  /** The box's scroll position as last set or seen in a scroll event: never read from the layout while rendering. */
  const [top, setTop] = useState(0)
  const applied = useRef(0)
  const { rows, rowOf } = useMemo(() => buildRows(events.length, story, fold, keep), [events.length, story, fold, keep])
  const followStep = selected >= 0 ? selected : events.length - 1
  const follow = followStep >= 0 && followStep < rowOf.length ? rowOf[followStep] : -1
  const maxTop = Math.max(0, rows.length * LOG_ROW_PX - LOG_BOX_PX)
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
  const to = Math.min(rows.length, Math.ceil((viewTop + LOG_BOX_PX) / LOG_ROW_PX) + LOG_OVERSCAN)
  // Up and Down on a row select the step shown above or below and keep the keyboard on the log.
  const onRowKey = (ev: React.KeyboardEvent<HTMLButtonElement>, r: number) => {
    if (ev.key !== 'ArrowUp' && ev.key !== 'ArrowDown') return
    ev.preventDefault()
    const d = ev.key === 'ArrowDown' ? 1 : -1
    let k = r + d
    while (k >= 0 && k < rows.length && !('step' in rows[k])) k += d
    const row = rows[k]
    if (!row || !('step' in row)) return
    select(row.step)
    requestAnimationFrame(() => box.current?.querySelector<HTMLButtonElement>(`li[data-step="${row.step}"] button`)?.focus())
  }
  const items = []
  for (let r = from; r < to; r++) {
    const row = rows[r]
    if ('chapter' in row) {
      const c = story?.chapters[row.chapter]
      if (!c) continue
      const stage = STAGES.find((s) => s.id === c.stage)
      items.push(<li key={`h${r}`} className={`log-heading ${c.outcome}`}>Stage {c.stage} · {stage?.title} — {chapterTitle(c)}{row.again ? ' (continued)' : ''}{story && story.pods.length > 1 && c.pod ? ` · ${c.pod}` : ''}</li>)
      continue
    }
    const e = events[row.step]
    // Focused, a hidden step's playhead scrolls to the row before it but marks no row.
    const here = follow === r && (!keep || row.step === followStep)
    items.push(
      <li key={e.seq} data-step={row.step} data-lane={e.lane} data-node={nodeOfStep(e)} className={`${here ? 'selected' : ''}${story && !story.beat[row.step] ? ' plumbing' : ''}`}>
        <button type="button" title={e.summary} onClick={() => select(row.step)} onKeyDown={(ev) => onRowKey(ev, r)}>
          {fmtTime(e.t, t0)} {e.lane}: {e.summary}{row.folded ? <span className="folded"> (+{row.folded} plumbing)</span> : null}
        </button>
      </li>,
    )
  }
  return (
    <section className="log" role="log" aria-label="Events" data-steps={events.length} data-selected={selected} ref={box}
      onScroll={(ev) => { const t = ev.currentTarget.scrollTop; if (t !== applied.current) { applied.current = t; setTop(t) } }}>
      <div className="log-spacer" style={{ height: rows.length * LOG_ROW_PX }}>
        <ol style={{ transform: `translateY(${from * LOG_ROW_PX}px)` }}>{items}</ol>
      </div>
    </section>
  )
})
