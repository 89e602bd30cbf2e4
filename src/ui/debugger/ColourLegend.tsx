/**
 * The lanes' "Colour by" option (component, pod or owner) and, when colouring by pod or owner, a legend of each
 * owner (ReplicaSet) and pod with its colour; clicking one focuses the lanes and the log on it (again: unfocuses).
 */
import { memo } from 'react'
import { useApp } from '../../app/store.ts'
import { COLOUR_BY } from '../../app/slices/focus.ts'
import type { Colouring } from './colour.ts'
import { sameFocus } from './focus.ts'
import { enterFocus } from './enterFocus.ts'
import '../../styles/focus.css'

const LABEL = { component: 'component', pod: 'pod', owner: 'owner' } as const
/** A legend of a thousand pods would be a wall: the first ones are listed, with a count of the rest. */
const MAX_ENTRIES = 40

export const ColourLegend = memo(function ColourLegend({ colouring }: { colouring?: Colouring }) {
  const colourBy = useApp((s) => s.colourBy)
  const setColourBy = useApp((s) => s.setColourBy)
  const focus = useApp((s) => s.focus)
  const entries = colouring?.legend ?? []
  return (
    <div className="lanes-colour" data-colour-by={colourBy}>
      <label>Colour by{' '}
        <select aria-label="Colour by (lanes)" value={colourBy} onChange={(e) => setColourBy(COLOUR_BY.find((c) => c === e.target.value) ?? 'component')}>
          {COLOUR_BY.map((c) => <option key={c} value={c}>{LABEL[c]}</option>)}
        </select>
      </label>
      {colouring && (
        <ul className="colour-legend" aria-label={colourBy === 'owner' ? 'Owners and their colours' : 'Pods and their colours'}>
          {entries.slice(0, MAX_ENTRIES).map((l) => {
            const on = sameFocus(focus, l.focus)
            return (
              <li key={l.label}>
                <button type="button" aria-pressed={on} title={on ? 'Show every step again' : `Focus on ${l.label}`}
                  onClick={() => enterFocus(on ? undefined : l.focus)}>
                  <span className="swatch" aria-hidden="true" style={{ background: `var(--hue-${l.hue})`, borderColor: `var(--hue-${l.hue})` }} />
                  <span>{l.label}{l.pods && <span className="pods">: {l.pods.join(', ')}</span>}</span>
                </button>
              </li>
            )
          })}
          {entries.length > MAX_ENTRIES && <li className="pods">… and {entries.length - MAX_ENTRIES} more</li>}
          {entries.length === 0 && <li className="pods">no pods in this trace</li>}
        </ul>
      )}
    </div>
  )
})
