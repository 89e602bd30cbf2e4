/** The scheduler's cycle as tables: Filter verdicts per node and plugin, the rejection counts of a large cluster, the scores. */
import type { TraceEvent } from '../../engine/events.ts'
import type { FilterDetails, ScoreDetails } from '../../engine/scheduler/traceTypes.ts'

type FilterTable = NonNullable<FilterDetails['filter']>

/** The scheduler's per-node Filter verdicts: ✓ passed, ✗ rejected (with the reason), · not evaluated. */
function FilterResults({ filter, plugins }: { filter: FilterTable; plugins: string[] }) {
  const nodes = Object.keys(filter)
  return (
    <table className="sched-table" aria-label="Filter results per node">
      <thead><tr><th scope="col">Node</th>{plugins.map((p) => <th key={p} scope="col">{p}</th>)}<th scope="col">Result</th></tr></thead>
      <tbody>
        {nodes.map((n) => {
          const row = filter[n]
          const failed = plugins.find((p) => row[p] !== undefined && row[p] !== 'passed')
          return (
            <tr key={n} className={failed ? 'rejected' : 'feasible'}>
              <th scope="row">{n}</th>
              {plugins.map((p) => <td key={p} title={row[p] ?? 'not evaluated'}>{row[p] === undefined ? '·' : row[p] === 'passed' ? '✓' : '✗'}</td>)}
              <td>{failed ? `${failed}: ${row[failed]}` : 'feasible'}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/**
 * Above 100 nodes a cycle record keeps counts, not a row per node (`podbirth explain` recomputes any cycle in full):
 * how many nodes each plugin rejected, and for which reasons.
 */
function RejectionSummary({ rejectedBy }: { rejectedBy: FilterDetails['rejectedBy'] }) {
  const rows = Object.entries(rejectedBy)
  if (rows.length === 0) return <p className="muted">No node was rejected.</p>
  return (
    <table className="sched-table" aria-label="Filter results per node">
      <caption className="muted">A large cluster: nodes rejected per plugin (per-node rows are kept up to 100 nodes; <code>podbirth explain</code> shows any cycle in full)</caption>
      <thead><tr><th scope="col">Plugin</th><th scope="col">Nodes rejected</th><th scope="col">Reasons</th></tr></thead>
      <tbody>
        {rows.map(([plugin, r]) => (
          <tr key={plugin} className="rejected"><th scope="row">{plugin}</th><td>{r.nodes}</td><td>{Object.entries(r.reasons).map(([why, n]) => `${n} × ${why}`).join('; ')}</td></tr>
        ))}
      </tbody>
    </table>
  )
}

/** The scores per node and plugin: raw → normalized = weighted, and the total. */
function ScoreResults({ d }: { d: ScoreDetails }) {
  const nodes = Object.keys(d.totalScore).sort((a, b) => d.totalScore[b] - d.totalScore[a] || (a < b ? -1 : 1))
  return (
    <table className="sched-table" aria-label="Scores per node">
      <thead><tr><th scope="col">Node</th>{d.scorePlugins.map((p) => <th key={p.plugin} scope="col">{p.plugin} ×{p.weight}</th>)}<th scope="col">Total</th></tr></thead>
      <tbody>
        {nodes.map((n) => (
          <tr key={n}>
            <th scope="row">{n}</th>
            {d.scorePlugins.map((p) => <td key={p.plugin} title={`raw ${d.score[n]?.[p.plugin]} → normalized ${d.normalizedScore[n]?.[p.plugin]} × ${p.weight}`}>{d.finalScore[n]?.[p.plugin]}</td>)}
            <td>{d.totalScore[n]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function SchedulerDetails({ e }: { e: TraceEvent }) {
  if (e.type === 'scheduler:Filter') {
    const d = e.details
    return d.filter ? <FilterResults filter={d.filter} plugins={d.filterPlugins} /> : <RejectionSummary rejectedBy={d.rejectedBy} />
  }
  if (e.type === 'scheduler:Score') return <ScoreResults d={e.details} />
  return null
}
