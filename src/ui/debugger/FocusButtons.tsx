/** The inspector's "Focus on this pod" and "Focus on this node" for the step shown. */
import type { TraceEvent } from '../../engine/events.ts'
import { useApp } from '../../app/store.ts'
import { enterFocus } from './enterFocus.ts'
import { nodeOfStep, sameFocus } from './focus.ts'
import type { Focus } from './focus.ts'
import '../../styles/focus.css'

export function FocusButtons({ e }: { e: TraceEvent }) {
  const focus = useApp((s) => s.focus)
  const node = nodeOfStep(e)
  const targets: [string, Focus][] = []
  if (e.pod) targets.push([`Focus on this pod (${e.pod})`, { kind: 'pod', name: e.pod }])
  if (node) targets.push([`Focus on this node (${node})`, { kind: 'node', name: node }])
  if (targets.length === 0) return null
  return (
    <p className="focus-buttons">
      {targets.map(([label, f]) => (
        <button key={label} type="button" className="focus-button" aria-pressed={sameFocus(focus, f)}
          onClick={() => enterFocus(sameFocus(focus, f) ? undefined : f)}>{label}</button>
      ))}
    </p>
  )
}
