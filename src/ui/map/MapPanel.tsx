/**
 * The map behind a "Map" toggle (its state kept across reloads). Closed, the map is not mounted: it follows no
 * playhead.
 */
import { useId, useState } from 'react'
import { readPref, writePref } from '../../app/prefs.ts'
import { ClusterMap } from './ClusterMap.tsx'

const OPEN_KEY = 'podbirth.mapOpen'

export function MapPanel() {
  const [open, setOpen] = useState(() => readPref(OPEN_KEY) === 'true')
  const id = useId()
  const toggle = () => { writePref(OPEN_KEY, String(!open)); setOpen(!open) }
  return (
    <div className="map-panel">
      <button type="button" className="map-toggle" aria-expanded={open} aria-controls={id} onClick={toggle}>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> Map
      </button>
      <div id={id} hidden={!open}>{open && <ClusterMap />}</div>
    </div>
  )
}
