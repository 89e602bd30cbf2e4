/**
 * The plain-language Why paragraph of a scheduling cycle: which plugins rejected how many nodes and why, what
 * PostFilter (preemption) concluded, and what decided the winner. One source for `podbirth explain` and the app.
 */
import type { CycleRecord } from '../framework/record.ts'
import { rankedNodes } from './margin.ts'

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

function rejections(r: CycleRecord): string {
  const parts: string[] = []
  const byNodes = Object.entries(r.rejectedBy).sort((a, b) => b[1].nodes - a[1].nodes || (a[0] < b[0] ? -1 : 1))
  for (const [plugin, x] of byNodes) {
    const reasons = Object.entries(x.reasons)
      .map(([reason, n]) => (n === x.nodes ? `"${reason}"` : `"${reason}" on ${n}`)).join(', ')
    const who = plugin === 'PreFilter' ? 'a PreFilter plugin' : plugin
    parts.push(`${who} rejected ${plural(x.nodes, 'node', 'nodes')} (${reasons})`)
  }
  return parts.length ? parts.join('; ') + '. ' : ''
}

function postFilterText(r: CycleRecord): string {
  const pf = r.postFilter.find((p) => p.plugin === 'DefaultPreemption')
  if (pf?.nominatedNodeName) {
    return `No node fits now, but preempting lower-priority pods on ${pf.nominatedNodeName} makes room: ` +
      'the pod is nominated there and waits for the victims to go.'
  }
  if (pf?.message?.includes('Preemption is not helpful')) {
    return 'Preemption cannot help: every rejection is UnschedulableAndUnresolvable (evicting pods would not change ' +
      'it) or comes before Filter.'
  }
  if (pf?.message?.includes('No preemption victims')) {
    return 'Preemption could help in principle, but no pod on those nodes has a lower priority than this one.'
  }
  if (pf?.message) return `Preemption: ${pf.message.replace(/^preemption: /, '')}`
  return ''
}

/** whyParagraph says in plain words which plugin decided what; `seed` names the generator that breaks ties. */
export function whyParagraph(r: CycleRecord, seed: number): string {
  let s = rejections(r)
  if (!r.selectedNode) return (s + postFilterText(r)).trim()
  if (r.scoringNote) return `${s}${r.selectedNode} is the only feasible node, so it is chosen without scoring.`.trim()
  const best = r.selectedNode
  const runnerUp = rankedNodes(r).find((n) => n !== best)
  s += `${best} has the highest total score (${r.totalScore[best]}).`
  if (r.tiedNodes > 1) {
    s += ` ${r.tiedNodes} nodes share that total; the tie is broken at random by the seeded generator ` +
      `(seed ${seed}), so another seed may pick another of them.`
  } else if (runnerUp !== undefined) {
    const diffs = r.scorePlugins
      .map((p) => [p.plugin, r.finalScore[best][p.plugin] - r.finalScore[runnerUp][p.plugin]] as const)
      .filter(([, d]) => d !== 0)
      .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    if (diffs.length) {
      s += ` Against ${runnerUp} (${r.totalScore[runnerUp]}) the difference comes from ` +
        `${diffs.map(([p, d]) => `${p} ${d > 0 ? '+' : ''}${d}`).join(', ')}.`
    }
  }
  return s.trim()
}
