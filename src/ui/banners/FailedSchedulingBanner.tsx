import { memo, useEffect } from 'react'
import type { TraceEvent } from '../../engine/events.ts'
import { useApp } from '../../app/store.ts'
import type { Suggestion } from '../../protocol/messages.ts'

/** The latest FailedScheduling at the playhead, unless the pod was bound since: prominent, with a way to its filter results. */
export const FailedSchedulingBanner = memo(function FailedSchedulingBanner({ events, selected, select, ask, tryFix }: { events: TraceEvent[]; selected: number; select: (i: number) => void; ask: (index: number) => void; tryFix: (f: Suggestion) => void }) {
  let fail = -1
  for (let i = Math.min(selected, events.length - 1); i >= 0; i--) {
    const e = events[i]
    if (e.type === 'scheduler:Bind' && e.outcome === 'ok') break
    if (e.type === 'scheduler:Unschedulable') { fail = i; break }
  }
  const whatIf = useApp((s) => s.whatIf)
  useEffect(() => { if (fail >= 0 && whatIf?.index !== fail) ask(fail) }, [fail, whatIf, ask])
  if (fail < 0) return null
  const e = events[fail]
  let filterAt = -1
  for (let i = fail; i >= 0; i--) if (events[i].type === 'scheduler:Filter' && events[i].pod === e.pod) { filterAt = i; break }
  const fixes = whatIf?.index === fail ? whatIf.suggestions : []
  return (
    <div className="failed-scheduling" role="status" aria-label="FailedScheduling">
      <strong>FailedScheduling</strong> <span>{e.pod}</span>
      <p>{e.summary}</p>
      {filterAt >= 0 && <button type="button" onClick={() => select(filterAt)}>Show the filter results per node</button>}
      {fixes.length > 0 && (
        <section className="what-if" aria-label="What would make it schedule">
          <h3>What would make it schedule? <span className="muted">podbirth's suggestions: trying one edits your {fixes.some((f) => f.target === 'cluster') ? 'manifest or cluster file' : 'manifest'} (Undo in the editor takes it back) and applies again</span></h3>
          <ul>
            {fixes.map((f) => (
              <li key={f.title}>
                <button type="button" onClick={() => tryFix(f)} aria-label={`Try it: ${f.title}`}>Try it</button> <strong>{f.title}</strong>
                <p className="muted">{f.why}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
})
