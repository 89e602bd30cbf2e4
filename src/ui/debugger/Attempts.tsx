/** Every attempt of the pod: each cycle's outcome and the queue moves between them, each opening its decision. */
import { useMemo } from 'react'
import { useApp } from '../../app/store.ts'
import { attemptsOf, attemptText, moveText } from './cycles.ts'

export function Attempts({ pod, current }: { pod: string; current: number }) {
  const events = useApp((s) => s.events)
  const open = useApp((s) => s.openDecision)
  const attempts = useMemo(() => attemptsOf(events, pod), [events, pod])
  if (attempts.length === 0) return null
  return (
    <section className="decision-attempts" aria-label={`Every attempt of ${pod}`}>
      <h3>Every attempt of {pod}</h3>
      <ol>
        {attempts.map((a) => (
          <li key={a.popIndex} aria-current={a.decisionIndex === current ? 'true' : undefined}>
            {a.decisionIndex !== null && a.decisionIndex !== current ? (
              <button
                type="button"
                className="link"
                onClick={() => open(a.decisionIndex as number)}
                aria-label={`Scheduling decision of attempt ${a.n}`}
              >
                {attemptText(a)}
              </button>
            ) : (
              <span>
                {attemptText(a)}
                {a.decisionIndex === current ? ' (shown)' : ''}
              </span>
            )}
            {a.moves.map((m) => (
              <div key={m.index} className="muted">
                then {moveText(m)}
              </div>
            ))}
          </li>
        ))}
      </ol>
    </section>
  )
}
