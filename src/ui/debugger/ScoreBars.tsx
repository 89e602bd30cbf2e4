/**
 * The scores as stacked horizontal bars, one per feasible node: each plugin's final score (normalized × weight) a
 * segment, raw and normalized on hover; the winner and any tie marked. d3 scales the widths and picks the colours.
 */
import * as d3 from 'd3'
import { useMemo } from 'react'
import type { CycleRecord } from '../../engine/scheduler/framework/record.ts'

/** The bars drawn (highest totals first); a large cluster's others are counted. */
const MAX_BARS = 40

export function ScoreBars({ record }: { record: CycleRecord }) {
  const nodes = useMemo(
    () =>
      Object.keys(record.totalScore).sort((a, b) => record.totalScore[b] - record.totalScore[a] || (a < b ? -1 : 1)),
    [record],
  )
  if (record.scoringNote) return <p className="muted">Score: {record.scoringNote}</p>
  if (nodes.length === 0) return null
  const best = record.totalScore[nodes[0]]
  const plugins = record.scorePlugins
  const x = d3
    .scaleLinear()
    .domain([0, Math.max(best, 1)])
    .range([0, 100])
  const colour = d3
    .scaleOrdinal<string, string>()
    .domain(plugins.map((p) => p.plugin))
    .range(d3.schemeTableau10)
  const shown = nodes.slice(0, MAX_BARS)
  const parts = (n: string) => plugins.map((p) => `${p.plugin} ${record.finalScore[n]?.[p.plugin] ?? 0}`).join(', ')
  return (
    <section className="decision-scores" aria-label="Scores per node">
      <h3>
        Scores{' '}
        <span className="muted">
          (each segment: a plugin's normalized score × its weight; hover for raw → normalized)
        </span>
      </h3>
      <ul className="score-legend" aria-label="Score plugins">
        {plugins.map((p) => (
          <li key={p.plugin}>
            <span className="swatch" style={{ background: colour(p.plugin) }} />
            {p.plugin} ×{p.weight}
          </li>
        ))}
      </ul>
      <ol className="score-bars">
        {shown.map((n) => {
          const tie = record.tiedNodes > 1 && record.totalScore[n] === best
          return (
            <li key={n} className={n === record.selectedNode ? 'winner' : ''}>
              <span className="score-node">
                {n}
                {n === record.selectedNode ? ' ★' : ''}
                {tie ? ' (tie)' : ''}
              </span>
              <span className="score-track" role="img" aria-label={`${n}: total ${record.totalScore[n]}: ${parts(n)}`}>
                {plugins.map((p) => {
                  const f = record.finalScore[n]?.[p.plugin] ?? 0
                  if (f <= 0) return null
                  const raw = record.score[n]?.[p.plugin]
                  const norm = record.normalizedScore[n]?.[p.plugin]
                  return (
                    <span
                      key={p.plugin}
                      className="score-seg"
                      style={{ width: `${x(f)}%`, background: colour(p.plugin) }}
                      title={`${p.plugin}: raw ${raw ?? 'skipped'} → normalized ${norm ?? 0} × ${p.weight} = ${f}`}
                    />
                  )
                })}
              </span>
              <span className="score-total">{record.totalScore[n]}</span>
            </li>
          )
        })}
      </ol>
      {nodes.length > shown.length && <p className="muted">… and {nodes.length - shown.length} more scored nodes.</p>}
      {record.tiedNodes > 1 && (
        <p className="muted">{record.tiedNodes} nodes share the best total; the seeded generator broke the tie.</p>
      )}
    </section>
  )
}
