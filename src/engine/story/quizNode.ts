/**
 * The Quiz's node question: "Which node will it pick?", asked before the pod's first scheduling cycle filters, and
 * answered by that cycle's Select (or its FailedScheduling). The choices are the cycle's feasible nodes (the best
 * scored first, at most three), one node a filter rejected (a teaching contrast) and "none".
 */
import type { StepOf, TraceEvent } from '../events.ts'
import type { Chapter, Story } from './types.ts'
import type { Choice, Question } from './quiz.ts'

export const NONE = 'none'
const MAX_FEASIBLE = 3

interface Rejection { node: string; plugin: string; reason: string }

/** rejections lists the nodes a Filter table rejected, by name, with the first plugin that said no. */
function rejections(filter: Record<string, Record<string, string>> | undefined): Rejection[] {
  const out: Rejection[] = []
  for (const node of Object.keys(filter ?? {}).sort()) {
    const failed = Object.entries(filter?.[node] ?? {}).find(([, v]) => v !== 'passed')
    if (failed) out.push({ node, plugin: failed[0], reason: failed[1] })
  }
  return out
}

export function nodeQuestion(
  events: readonly TraceEvent[], steps: readonly number[], story: Story, pod: string, chapters: Chapter[],
): Question | undefined {
  if (!chapters.some((c) => c.stage === 4)) return undefined
  // The pod's own steps (in trace order) are all the scan needs: every step below is the pod's.
  const at0 = steps.findIndex((i) => events[i].type === 'scheduler:Pop')
  if (at0 < 0) return undefined
  const pop = steps[at0]
  let filter: StepOf<'scheduler:Filter'> | undefined
  let score: StepOf<'scheduler:Score'> | undefined
  let first = -1
  let decision = -1
  for (let k = at0 + 1; k < steps.length && decision < 0; k++) {
    const i = steps[k]
    const e = events[i]
    if (first < 0 && (e.type === 'scheduler:PreFilter' || e.type === 'scheduler:Filter')) first = i
    if (e.type === 'scheduler:Filter') filter = e
    else if (e.type === 'scheduler:Score') score = e
    else if (e.type === 'scheduler:Select' || (e.type === 'scheduler:Unschedulable' && e.details.phase !== 'startup')) decision = i
  }
  if (decision < 0) return undefined
  const decided = events[decision]
  // Playback stops where the cycle starts filtering: the learner has not yet seen which nodes pass.
  const entry = first >= 0 ? first : decision
  const at = Math.max(story.chapters[story.chapterOf[entry]]?.start ?? entry, pop + 1)
  const cycle = decided.type === 'scheduler:Select' ? decided.details.cycle : decided.type === 'scheduler:Unschedulable' && decided.details.phase !== 'startup' ? decided.details.cycle : undefined
  const table = filter?.details.filter ?? (cycle?.detail === 'full' ? cycle.filter : undefined)
  const rejected = rejections(table)
  const totals = score?.details.totalScore ?? cycle?.totalScore ?? {}
  const base = { id: `node:${pod}`, kind: 'node' as const, pod, at, reveal: decision, prompt: `Which node will the scheduler pick for ${pod}?` }
  const noneChoice: Choice = { id: NONE, label: 'None: no node fits, it stays Pending' }
  const rejectedText = (r: Rejection) => `${r.node} was filtered out: ${r.plugin} said “${r.reason}”. A node that fails a filter is never scored.`

  if (decided.type === 'scheduler:Unschedulable' && decided.details.phase !== 'startup') {
    const { message, nominatedNodeName } = decided.details
    const shown = rejected.slice(0, MAX_FEASIBLE)
    if (shown.length === 0) return undefined
    const why = `${message}${nominatedNodeName ? ` Preemption nominated ${nominatedNodeName}: the pod waits for its victims to go and is placed in a later cycle.` : ''}`
    return {
      ...base,
      choices: [...shown.map((r) => ({ id: r.node, label: `${r.node}` })), noneChoice],
      answer: NONE,
      explain: (id) => {
        if (id === NONE) return `Right: no node passed every filter. ${why}`
        const r = rejected.find((x) => x.node === id)
        return `No: ${r ? rejectedText(r) : `${id} did not pass the filters.`} ${why}`
      },
    }
  }
  if (decided.type !== 'scheduler:Select') return undefined
  const d = decided.details
  const chosen = d.selectedNode
  const feasible = Object.keys(totals).length ? Object.keys(totals) : [chosen]
  const best = [...feasible].sort((a, b) => (totals[b] ?? 0) - (totals[a] ?? 0) || a.localeCompare(b))
  const nodes = [chosen, ...best.filter((n) => n !== chosen)].slice(0, MAX_FEASIBLE).sort()
  const contrast = rejected[0]
  const choices: Choice[] = [
    ...nodes.map((n) => ({ id: n, label: n })),
    ...(contrast ? [{ id: contrast.node, label: contrast.node }] : []),
    noneChoice,
  ]
  const weights = score?.details.finalScore[chosen] ?? cycle?.finalScore[chosen]
  const breakdown = weights ? Object.entries(weights).map(([p, v]) => `${p} ${v}`).join(', ') : ''
  const total = totals[chosen] ?? d.totalScore
  const passed = `${feasible.length} of ${filter?.details.numAllNodes ?? cycle?.numAllNodes ?? feasible.length} nodes passed every filter`
  const tie = d.tiedNodes > 1
    ? ` ${d.tiedNodes} nodes tied at ${total}: kube-scheduler picks one of the tied nodes at random (its generator is seeded, here by ${d.seed}).`
    : ''
  const why = d.scoringNote
    ? `${passed}; ${d.scoringNote}`
    : `${passed}, and ${chosen} had the highest total score${total !== undefined ? `, ${total}` : ''}${breakdown ? ` (weighted: ${breakdown})` : ''}.${tie}`
  return {
    ...base, choices, answer: chosen,
    explain: (id) => {
      if (id === chosen) return `Right: ${chosen}. ${why}`
      if (id === NONE) return `No: the pod was scheduled: ${why}`
      const r = rejected.find((x) => x.node === id)
      if (r) return `No: ${rejectedText(r)} The scheduler picked ${chosen}: ${why}`
      const mine = totals[id]
      const gap = mine !== undefined && total !== undefined
        ? mine === total ? `${id} tied with it at ${total}, and the tie went the other way.` : `${id} passed the filters too but scored ${mine}, ${total - mine} less than ${chosen}.`
        : `${id} passed the filters, but ${chosen} was chosen.`
      return `No: ${gap} ${why}`
    },
  }
}
