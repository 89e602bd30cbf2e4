/** A node's detail in the decision view: every plugin's verdict and the constraints behind it. */
import { useEffect, useRef } from 'react'
import type { NodeExplanation } from '../../engine/scheduler/explain/types.ts'

const VERDICT = { passed: '✓ passed', rejected: '✗ rejected', notEvaluated: '· not evaluated' }

export function NodeReasons({ x, node, close }: { x: NodeExplanation | undefined; node: string; close(): void }) {
  const ref = useRef<HTMLElement>(null)
  // At 1280×720 the reasons sit under the grid: bring them into view when a node is opened.
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' })
  }, [node])
  return (
    <section ref={ref} className="decision-node" aria-label={`Reasons for node ${node}`}>
      <h3>
        {node}{' '}
        <button type="button" onClick={close} aria-label={`Close the reasons for ${node}`}>
          ×
        </button>
      </h3>
      {!x ? (
        <p className="muted">Computing the reasons…</p>
      ) : (
        <>
          <p>{x.summary}</p>
          <ul className="decision-plugins">
            {x.plugins
              .filter((p) => p.verdict !== 'notEvaluated' || p.constraints.length > 0)
              .map((p) => (
                <li key={p.plugin} className={p.verdict}>
                  <strong>{p.plugin}</strong>{' '}
                  <span className="muted">
                    {VERDICT[p.verdict]}
                    {p.score
                      ? ` · score raw ${p.score.raw} → ${p.score.normalized} × ${p.score.weight} = ${p.score.final}`
                      : ''}
                  </span>
                  {p.message && <div className="decision-message">{p.message}</div>}
                  {p.lines.length > 0 && (
                    <ul>
                      {p.lines.map((l, i) => (
                        <li key={i} className={l.failing ? 'failing' : undefined}>{l.text}</li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  )
}
