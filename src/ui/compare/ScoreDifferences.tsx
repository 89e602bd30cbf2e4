/**
 * One pod's per-node, per-plugin final scores (normalized × weight) in A and B: nodes as rows, the plugins whose
 * score differs on some node as columns, then the total. A cell the runs agree on shows the one value.
 */
import type { RunComparison } from '../../protocol/compare.ts'

const show = (n: number | null) => (n === null ? '–' : String(n))
const signed = (n: number) => (n > 0 ? `+${n}` : String(n))

function Cell({ a, b, delta }: { a: number | null; b: number | null; delta: number }) {
  if (a === b) return <td className="compare-same">{show(a)}</td>
  return (
    <td className={delta > 0 ? 'compare-up' : delta < 0 ? 'compare-down' : undefined}>
      {show(a)} → {show(b)} <span className="compare-delta">({signed(delta)})</span>
    </td>
  )
}

export function ScoreDifferences({ c }: { c: RunComparison }) {
  if (c.totals.length === 0) return <p className="muted">No node was scored for this pod in either run.</p>
  const plugins = [...new Set(c.scores.map((s) => s.plugin))]
  return (
    <table className="sched-table compare-scores" aria-label="Score differences">
      <thead>
        <tr>
          <th scope="col">Node</th>
          {plugins.map((p) => <th scope="col" key={p}>{p}</th>)}
          <th scope="col">Total (A → B)</th>
        </tr>
      </thead>
      <tbody>
        {c.totals.map((t) => (
          <tr key={t.node}>
            <th scope="row">{t.node}</th>
            {plugins.map((p) => {
              const s = c.scores.find((x) => x.node === t.node && x.plugin === p)
              return s ? <Cell key={p} a={s.a} b={s.b} delta={s.delta} /> : <td key={p} className="compare-same">=</td>
            })}
            <Cell a={t.a} b={t.b} delta={t.delta} />
          </tr>
        ))}
      </tbody>
      {plugins.length === 0 && <caption>Every plugin gives each node the same score in both runs.</caption>}
    </table>
  )
}
