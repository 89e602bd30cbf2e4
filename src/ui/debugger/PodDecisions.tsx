/**
 * Under "Cluster at the playhead": each listed pod opens its latest scheduling decision up to the playhead — the
 * way in from `kubectl get pods` (pods the scheduler never saw, such as ones naming a node, have no button).
 */
import { useMemo } from 'react'
import { useApp } from '../../app/store.ts'
import { lastDecisionOf } from './open.ts'

const SHOWN = 12

function PodDecision({ pod, upTo }: { pod: string; upTo: number }) {
  const events = useApp((s) => s.events)
  const open = useApp((s) => s.openDecision)
  const index = useMemo(() => lastDecisionOf(events, upTo, pod), [events, upTo, pod])
  if (index === null) return null
  return (
    <li>
      <button type="button" className="decision-open" onClick={() => open(index)}
        aria-label={`Scheduling decision of ${pod}`}>{pod.replace(/^default\//, '')}</button>
    </li>
  )
}

export function PodDecisions({ pods, upTo }: { pods: readonly string[]; upTo: number }) {
  if (pods.length === 0) return null
  return (
    <nav className="pod-decisions" aria-label="Scheduling decisions of the pods listed">
      <span className="muted">Scheduling decision of</span>
      <ul>{pods.slice(0, SHOWN).map((p) => <PodDecision key={p} pod={p} upTo={upTo} />)}</ul>
    </nav>
  )
}
