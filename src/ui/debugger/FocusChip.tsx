/**
 * "Focused on …  ✕": shown while the lanes, the log and the views are focused on one pod, node or owner; ✕ shows
 * everything again.
 */
import { useApp } from '../../app/store.ts'
import { focusLabel } from './focus.ts'
import '../../styles/focus.css'

export function FocusChip({ steps }: { steps?: Uint8Array }) {
  const focus = useApp((s) => s.focus)
  const setFocus = useApp((s) => s.setFocus)
  if (!focus) return null
  const label = focusLabel(focus)
  let n = 0
  if (steps) for (let i = 0; i < steps.length; i++) n += steps[i]
  return (
    <div className="focus-bar">
      <span className="focus-chip" role="status" data-focus-kind={focus.kind} data-focus-name={focus.name}>
        Focused on {label}{steps ? ` · ${n.toLocaleString('en-US')} steps` : ''}
        <button type="button" aria-label={`Stop focusing on ${label}`} title="Show every step" onClick={() => setFocus(undefined)}>✕</button>
      </span>
    </div>
  )
}
