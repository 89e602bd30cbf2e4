/**
 * The run comparison (a region named "Run comparison" that takes the lanes' place, as the decision view does; Esc or
 * Back returns): each side's profile and scoring strategy (A = the pinned run, B = the current one), the pods placed
 * differently, and for one pod the per-node, per-plugin final-score differences and both sides' Why. The worker
 * computes it (src/worker/compare.ts, with the explain kernel's compareRuns); this only lays it out.
 */
import { useEffect, useRef } from 'react'
import { useApp } from '../../app/store.ts'
import type { Command } from '../../protocol/messages.ts'
import type { CompareMessage } from '../../protocol/compare.ts'
import { ScoreDifferences } from './ScoreDifferences.tsx'
import '../../styles/debugger.css'
import '../../styles/compare.css'

const nodeText = (n: string | null) => n ?? 'not scheduled'

function Sides({ m }: { m: CompareMessage }) {
  const c = m.comparison
  if (!c) return null
  const sides = [['A', 'pinned run', c.a, m.a.nodes], ['B', 'current run', c.b, m.b.nodes]] as const
  return (
    <div className="compare-sides">
      {sides.map(([k, label, s, nodes]) => (
        <section key={k} className="compare-side" aria-label={`${k}: ${label}`}>
          <h3>{k}: {label}</h3>
          <dl className="decision-facts">
            <div><dt>Profile</dt><dd>{s.profile}</dd></div>
            <div><dt>Scoring strategy</dt><dd className="compare-strategy">{s.scoringStrategy}</dd></div>
            <div><dt>Nodes</dt><dd>{nodes}</dd></div>
          </dl>
        </section>
      ))}
    </div>
  )
}

function Moved({ m, choose }: { m: CompareMessage; choose(pod: string): void }) {
  const c = m.comparison
  if (!c) return null
  if (c.moved.length === 0) return <p className="muted">Every pod lands on the same node in both runs.</p>
  return (
    <table className="sched-table compare-moved" aria-label="Pods placed differently">
      <caption>Pods placed differently ({c.moved.length})</caption>
      <thead>
        <tr><th scope="col">Pod</th><th scope="col">Node in A</th><th scope="col">Node in B</th></tr>
      </thead>
      <tbody>
        {c.moved.map((x) => (
          <tr key={x.pod} aria-current={x.pod === c.pod ? 'true' : undefined}>
            <th scope="row">
              <button type="button" className="link" onClick={() => choose(x.pod)}
                aria-label={`Compare the scores of ${x.pod}`}>{x.pod}</button>
            </th>
            <td>{nodeText(x.a)}</td>
            <td>{nodeText(x.b)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function CompareView({ send }: { send(cmd: Command): void }) {
  const open = useApp((s) => s.compareOpen)
  const pinned = useApp((s) => s.pinned)
  const pod = useApp((s) => s.comparePod)
  const m = useApp((s) => s.comparison)
  const running = useApp((s) => s.running)
  const generation = useApp((s) => s.generation)
  const close = useApp((s) => s.closeCompare)
  const choose = useApp((s) => s.chooseComparePod)
  const heading = useRef<HTMLHeadingElement>(null)
  // Asked again when the pod changes or a new run has finished (the worker's last run is side B).
  useEffect(() => {
    if (open && pinned && !running) send({ type: 'compare', pinned, ...(pod ? { pod } : {}) })
  }, [open, pinned, pod, running, generation, send])
  useEffect(() => { if (open) heading.current?.focus() }, [open])
  useEffect(() => {
    if (!open) return
    const onKey = (ev: KeyboardEvent) => {
      // The decision view, opened on top, closes first.
      if (ev.key !== 'Escape' || useApp.getState().decisionIndex !== null) return
      ev.stopPropagation()
      close()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [open, close])
  if (!open) return null
  const c = m?.comparison ?? null
  return (
    <section className="decision-view compare-view" role="region" aria-label="Run comparison">
      <header className="decision-header">
        <button type="button" onClick={close}>← Back</button>
        <h2 ref={heading} tabIndex={-1}>Run comparison</h2>
        {c && <span className="muted">A = pinned, B = current</span>}
      </header>
      {!pinned && <p className="muted">Nothing is pinned: pin a run first.</p>}
      {pinned && !m && (
        <p className="muted">
          {running ? 'Waiting for the run to finish…' : 'Running the pinned run again in the worker…'}
        </p>
      )}
      {m?.note && <p className="note" role="note">{m.note}</p>}
      {m && c && (
        <div className="decision-body-grid">
          <Sides m={m} />
          <Moved m={m} choose={choose} />
          {c.pod !== null && (
            <section className="compare-pod" aria-label="Scores of one pod">
              <h3>
                <label>
                  Scores of{' '}
                  <select value={c.pod} onChange={(e) => choose(e.target.value)}
                    aria-label="Pod whose scores are compared">
                    {m.pods.map((p) => <option key={p} value={p}>{p}</option>)}
                  </select>
                </label>
                <span className="muted"> — {nodeText(m.a.node)} in A, {nodeText(m.b.node)} in B</span>
              </h3>
              <ScoreDifferences c={c} />
              <div className="compare-whys">
                {(['A', 'B'] as const).map((k) => (
                  <section key={k} aria-label={`Why in ${k}`}>
                    <h4>Why in {k}</h4>
                    <p className="decision-why-text">{(k === 'A' ? m.a : m.b).why || 'No scheduling cycle.'}</p>
                  </section>
                ))}
              </div>
            </section>
          )}
        </div>
      )}
    </section>
  )
}
