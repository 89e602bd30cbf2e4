/**
 * winnerMargin: by how much the selected node beat the runner-up, per score plugin (final = normalized × weight).
 * The runner-up is the best other total, ties broken by name as the Why paragraph does.
 */
import type { CycleRecord } from '../framework/record.ts'
import type { WinnerMargin } from './types.ts'

export function rankedNodes(r: CycleRecord): string[] {
  return Object.keys(r.totalScore).sort((a, b) => r.totalScore[b] - r.totalScore[a] || (a < b ? -1 : a > b ? 1 : 0))
}

export function winnerMargin(r: CycleRecord): WinnerMargin | null {
  const winner = r.selectedNode
  if (!winner || r.totalScore[winner] === undefined) return null
  const runnerUp = rankedNodes(r).find((n) => n !== winner)
  if (runnerUp === undefined) return null
  const by = r.totalScore[winner] - r.totalScore[runnerUp]
  const perPlugin = r.scorePlugins
    .map((p) => ({
      plugin: p.plugin,
      delta: (r.finalScore[winner]?.[p.plugin] ?? 0) - (r.finalScore[runnerUp]?.[p.plugin] ?? 0),
    }))
    .filter((d) => d.delta !== 0)
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta))
  const deltas = perPlugin.map((d) => `${d.plugin} ${d.delta > 0 ? '+' : ''}${d.delta}`).join(', ')
  const text = by === 0
    ? `${winner} tied with ${runnerUp} at ${r.totalScore[winner]}: the seeded generator picked ${winner}` +
      (deltas ? ` (${deltas})` : '')
    : `${winner} beat ${runnerUp} by ${by}${deltas ? `: ${deltas}` : ''}`
  return { winner, runnerUp, by, perPlugin, text }
}
