/**
 * The cluster map's legend: each colour of the mode with its count, the marks, and what the colouring leaves out
 * (with a way to recompute it).
 */
import { memo } from 'react'
import type { Colouring } from './colours.ts'

export interface MapLegendProps {
  colouring: Colouring
  marks: boolean
  /**
   * Opens the cycle in the decision view, whose worker recomputes a compact record in full (the map then colours
   * every node); offered when some verdicts are not recorded.
   */
  onRecompute?: () => void
}

export const MapLegend = memo(function MapLegend({ colouring, marks, onRecompute }: MapLegendProps) {
  const missing = colouring.legend.some((e) => e.key === 'notRecorded')
  return (
    <div className="node-map-legend" aria-label="Map legend" role="group">
      <ul>
        {colouring.legend.map((e) => (
          <li key={e.key}>
            <span className="swatch" style={{ background: e.colour }} aria-hidden="true" />
            {e.label} <span className="muted">{e.count.toLocaleString('en-US')}</span>
          </li>
        ))}
        {marks && (
          <li>
            <span className="mark cordon" aria-hidden="true" />
            cordoned
          </li>
        )}
        {marks && (
          <li>
            <span className="mark taint" aria-hidden="true" />
            tainted
          </li>
        )}
      </ul>
      {colouring.note && (
        <p className="muted">
          {colouring.note}
          {missing && onRecompute && (
            <>
              {' '}
              <button type="button" className="node-map-recompute" onClick={onRecompute}>
                Scheduling decision: every node&apos;s verdict
              </button>
            </>
          )}
        </p>
      )}
    </div>
  )
})
