/**
 * What the lanes' marks mean: the colours of an outcome, a dot, an arrow, a bar, a faint step. A list with a
 * heading, in a <details> that can be folded away.
 */
import { memo, useId, useState } from 'react'
import { readPref, writePref } from '../../app/prefs.ts'

const OPEN_KEY = 'podbirth.lanesLegend'

const Dot = ({ cls }: { cls: string }) => (
  <svg className="legend-swatch" viewBox="0 0 16 16" aria-hidden="true"><circle className={`legend-dot ${cls}`} cx="8" cy="8" r="5" /></svg>
)

/** The legend does not change with the playhead: it renders once (and when plumbing starts or stops being shown). */
export const Legend = memo(function Legend({ plumbing }: { plumbing: boolean }) {
  // Open the first time; folded away for good once the reader folds it.
  const [open, setOpen] = useState(() => readPref(OPEN_KEY) !== 'closed')
  const title = useId()
  return (
    <details className="lanes-legend" open={open} onToggle={(ev) => { const now = ev.currentTarget.open; if (now !== open) { setOpen(now); writePref(OPEN_KEY, now ? 'open' : 'closed') } }}>
      <summary><h3 id={title}>Legend</h3></summary>
      <ul aria-labelledby={title}>
        <li><Dot cls="ok" /> ok</li>
        <li><Dot cls="error" /> refused or failed</li>
        <li><Dot cls="warning" /> warning</li>
        <li title="apply's first GET gets 404: the pod does not exist yet, as expected"><Dot cls="info" /> neutral: expected or an observation (apply&apos;s first 404)</li>
        <li><Dot cls="step" /> a step: click it</li>
        <li>
          <svg className="legend-swatch wide" viewBox="0 0 28 16" aria-hidden="true"><path className="legend-arrow" d="M2,4 C12,4 12,12 19,12" /><path className="legend-head" d="M26,12 L19,8.5 L19,15.5 Z" /></svg>
          {' '}request, response, watch event or CRI/CNI call
        </li>
        <li><svg className="legend-swatch wide" viewBox="0 0 28 16" aria-hidden="true"><rect className="legend-bar" x="1" y="4" width="26" height="8" /><rect className="legend-bar-start" x="1" y="4" width="2" height="8" /></svg> waiting: image pull, back-off, grace period, a call</li>
        {plumbing && <li><svg className="legend-swatch" viewBox="0 0 16 16" aria-hidden="true"><circle className="legend-dot step faint" cx="8" cy="8" r="3" /></svg> faint: plumbing</li>}
        <li><span className="legend-gap" aria-hidden="true">≈</span> idle time, compressed</li>
      </ul>
    </details>
  )
})
