/** The scheduling cycle's steps that decide: PreFilter, Filter, PreScore, Score and the choice of a node. */
import type { StepOf } from '../../events.ts'
import type { NarrationTable } from '../../narration/types.ts'
import { DOCS, SRC, list, plural, podOf } from './text.ts'
import { RANKED_TOTALS, rankTotals, scoreRanking } from '../framework/record.ts'
import { NOT_SIMULATED } from '../plugins/volumes.ts'

type CycleStep =
  'scheduler:PreFilter' | 'scheduler:Filter' | 'scheduler:PreScore' | 'scheduler:Score' | 'scheduler:Select'

/** How many rejected nodes a story names one by one. */
const NAMED_NODES = 5

const byStatus = (outcomes: readonly { plugin: string; status: string }[], status: string): string[] =>
  outcomes.filter((p) => p.status === status).map((p) => p.plugin)

/** The nodes by total score, best first (ties by name, as the summary orders them). */
function ranked(totals: Record<string, number>): [string, number][] {
  return Object.entries(totals).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
}

/**
 * topRanked: the first k of ranked(owner.totalScore), and how many nodes there are, without sorting them all (every
 * Score step's summary is written as it is emitted, over up to thousands of nodes, to show five): the record's
 * ranking when it has one (recordScores keeps it), read without building the totals table.
 */
export function topRanked(
  owner: { totalScore: Record<string, number> }, k: number,
): { top: [string, number][]; count: number } {
  if (k > RANKED_TOTALS) return rankTotals(owner.totalScore, k)
  const r = scoreRanking(owner)
  return { top: r.top.slice(0, k), count: r.count }
}

/** What the Filter found per node (full record) or per plugin (compact record, or a PreFilter rejection). */
function rejections(d: StepOf<'scheduler:Filter'>['details']): { feasible: string[]; text: string } {
  const rows = Object.entries(d.filter ?? {})
  if (rows.length > 0) {
    const feasible: string[] = []
    const rejected: string[] = []
    for (const [node, row] of rows) {
      const failed = d.filterPlugins.find((p) => row[p] !== undefined && row[p] !== 'passed')
      if (failed) rejected.push(`${node} is rejected by ${failed} (${row[failed]})`)
      else feasible.push(node)
    }
    const named = rejected.slice(0, NAMED_NODES).join('; ')
    const more = rejected.length > NAMED_NODES ? `; and ${rejected.length - NAMED_NODES} more` : ''
    return { feasible, text: rejected.length ? `${named}${more}.` : '' }
  }
  const parts = Object.entries(d.rejectedBy).map(([plugin, r]) => {
    const reasons = Object.entries(r.reasons)
      .map(([why, n]) => `${n} × ${why}`)
      .join(', ')
    return `${plugin} rejected ${plural(r.nodes, 'node')}${reasons ? ` (${reasons})` : ''}`
  })
  return { feasible: [], text: parts.length ? `${parts.join('; ')}.` : '' }
}

export const CYCLE_NARRATION: NarrationTable<CycleStep> = {
  'scheduler:PreFilter': {
    summary: (e) => `PreFilter: ${e.details.preFilter.map((p) => `${p.plugin} ${p.status}`).join(', ')}`,
    story: (e) => {
      const pre = e.details.preFilter
      const success = byStatus(pre, 'Success')
      const skipped = byStatus(pre, 'Skip').length
      const stop = pre.find((p) => p.status !== 'Success' && p.status !== 'Skip')
      const narrowed = pre.find((p) => p.nodeNames)
      let s =
        `Before looking at any node, each PreFilter plugin works out once what its check will need for ${podOf(e)}. ` +
        `${success.length ? `${list(success)} found something to check` : 'None found anything to check'}; ` +
        `${plural(skipped, 'plugin')} returned Skip (nothing to check for this pod, such as no nodeSelector, no host ` +
        'ports or no spread constraints), so their node checks are left out.'
      if (narrowed?.nodeNames) s += ` ${narrowed.plugin} narrows the candidates to ${list(narrowed.nodeNames)}.`
      if (stop)
        s += ` ${stop.plugin} rejects the pod outright (${stop.message ?? stop.status}), so no node is examined.`
      if (pre.some((p) => p.message === NOT_SIMULATED))
        s += ' The volume plugins pass through: podbirth does not simulate volumes.'
      return s
    },
    expert: (e) => {
      const pre = e.details.preFilter
      const stop = pre.find((p) => p.status !== 'Success' && p.status !== 'Skip')
      return (
        `schedulePod → findNodesThatFitPod → RunPreFilterPlugins over ${plural(e.details.numAllNodes, 'node')}: ` +
        'each PreFilter writes its precomputed state into CycleState; Skip adds the plugin to SkipFilterPlugins, ' +
        'and a ' +
        'PreFilterResult.NodeNames narrows the nodes Filter sees (the others get UnschedulableAndUnresolvable). ' +
        (stop
          ? `${stop.plugin} returned ${stop.status}: that status becomes every node's status in the Diagnosis, ` +
            `Filter does not run.`
          : `Success: ${list(byStatus(pre, 'Success')) || 'none'}.`)
      )
    },
    docs: DOCS.framework,
    source: SRC.runtime,
  },

  'scheduler:Filter': {
    summary: (e) => {
      const d = e.details
      const rejected = Object.entries(d.rejectedBy).map(([p, r]) => `${p} rejected ${r.nodes}`)
      return `Filter: ${d.numFeasible}/${d.numAllNodes} nodes ` +
        `feasible${rejected.length ? ` (${rejected.join(', ')})` : ''}`
    },
    story: (e) => {
      const d = e.details
      const { feasible, text } = rejections(d)
      const parts: string[] = []
      // A nominated node that fits ends the search at once (numFeasibleNodesToFind is never computed).
      const nominatedFits = d.nominatedNode !== null && d.numFeasibleNodesToFind === 0 && d.numFeasible === 1
      if (d.nominatedNode)
        parts.push(`An earlier preemption nominated ${d.nominatedNode} for this pod, so that node is checked first.`)
      const scope =
        d.numEvaluated === 0
          ? 'no node'
          : d.numEvaluated < d.numAllNodes
            ? `${d.numEvaluated} of the ${d.numAllNodes} nodes`
            : d.numAllNodes === 1
              ? 'the only node'
              : `all ${d.numAllNodes} nodes`
      parts.push(
        `The scheduler checks ${scope} against what ${podOf(e)} needs (free CPU and memory, taints it must ` +
          'tolerate, node selectors, ports...); a node is dropped at the first check it fails.',
      )
      if (d.numFeasible === 0) parts.push('No node passes every check.')
      else if (feasible.length) {
        parts.push(
          `${list(feasible)} ${feasible.length === 1 ? 'passes' : 'pass'} every check (${d.numFeasible} of ` +
          `${d.numAllNodes}).`,
        )
      } else parts.push(`${plural(d.numFeasible, 'node')} pass every check.`)
      if (text) parts.push(text)
      if (nominatedFits) parts.push('The nominated node fits, so no other node is examined.')
      else if (d.numFeasibleNodesToFind < d.numAllNodes) {
        parts.push(
          `In a cluster this size the scheduler stops once it has found ${d.numFeasibleNodesToFind} nodes that ` +
            'fit, to stay fast.',
        )
      }
      return parts.join(' ')
    },
    expert: (e) => {
      const d = e.details
      const perPlugin =
        Object.entries(d.rejectedBy)
          .map(([p, r]) => `${p} ${r.nodes}`)
          .join(', ') || 'none'
      if (d.nominatedNode !== null && d.numFeasibleNodesToFind === 0 && d.numFeasible === 1) {
        return (
          `evaluateNominatedNode ran RunFilterPluginsWithNominatedPods on status.nominatedNodeName ` +
          `${d.nominatedNode} ` +
          `first (${d.filterPlugins.join(', ')}); it passed, so findNodesThatFitPod returns it as the only feasible ` +
          `node ` +
          'without calling findNodesThatPassFilters.'
        )
      }
      return (
        `${d.nominatedNode ? `evaluateNominatedNode first tried status.nominatedNodeName ${d.nominatedNode}. ` : ''}` +
        'findNodesThatPassFilters runs RunFilterPluginsWithNominatedPods on each node in profile order ' +
        `(${d.filterPlugins.join(', ') || 'no Filter plugins'}), stopping at a node's first non-Success status. It ` +
        `walks ` +
        `the nodes round-robin from nextStartNodeIndex ${d.startIndex} and stops at numFeasibleNodesToFind = ` +
        `${d.numFeasibleNodesToFind} (every node below 100, else percentageOfNodesToScore: adaptive 50 − nodes/125 ` +
        `%, ` +
        `at least 100). Evaluated ${d.numEvaluated}, feasible ${d.numFeasible}; rejections per plugin: ` +
        `${perPlugin}. The ` +
        'statuses fill Diagnosis.NodeToStatus and UnschedulablePlugins, which the FitError and the queueing hints ' +
        'read.' +
        (d.detail === 'compact' ? ' Compact record (over 100 nodes): counts only, no per-node rows.' : '')
      )
    },
    docs: (e) => (e.details.numFeasibleNodesToFind < e.details.numAllNodes ? DOCS.performance : DOCS.filter),
    source: SRC.scheduleOne,
  },

  'scheduler:PreScore': {
    summary: (e) => `PreScore: ${e.details.preScore.map((p) => `${p.plugin} ${p.status}`).join(', ')}`,
    story: (e) => {
      const success = byStatus(e.details.preScore, 'Success')
      const skip = byStatus(e.details.preScore, 'Skip')
      return (
        `More than one node fits, so the scheduler will rank them. First each scoring plugin prepares what it needs: ` +
        `${success.length ? `${list(success)} will weigh the nodes` : 'none has anything to weigh'}` +
        `${
          skip.length
            ? `; ${list(skip)} returned Skip (nothing to weigh for this pod, such as no preferred affinity ` +
              'or no soft spread constraints) and add nothing'
            : ''
        }.`
      )
    },
    expert: (e) =>
      `prioritizeNodes → RunPreScorePlugins over the feasible nodes; a Skip puts the plugin in ` +
      `SkipScorePlugins, so RunScorePlugins leaves it out ` +
      `(${list(byStatus(e.details.preScore, 'Skip')) || 'none skipped'}).`,
    docs: DOCS.score,
    source: SRC.runtime,
  },

  'scheduler:Score': {
    summary: (e) => {
      const { top, count } = topRanked(e.details, 5)
      return `Score: ${top.map(([n, s]) => `${n}=${s}`).join(', ')}${count > 5 ? ', …' : ''}`
    },
    story: (e) => {
      const d = e.details
      const r = ranked(d.totalScore)
      const [top, second] = r
      const s =
        "Every node that fits gets points from each scoring plugin (0 to 100, times the plugin's weight), and " +
        `the points add up. ${r
          .slice(0, 3)
          .map(([n, v]) => `${n} scores ${v}`)
          .join(', ')}${r.length > 3 ? ', ...' : ''}. `
      if (!top) return s.trim()
      if (!second) return `${s}${top[0]} is the only node scored.`
      const tied = r.filter(([, v]) => v === top[1]).length
      if (tied > 1)
        return `${s}${plural(tied, 'node')} share the top score, so the choice between them is made at random.`
      const lead = d.scorePlugins
        .map((p) => ({
          plugin: p.plugin,
          gap: (d.finalScore[top[0]]?.[p.plugin] ?? 0) - (d.finalScore[second[0]]?.[p.plugin] ?? 0),
        }))
        .sort((a, b) => b.gap - a.gap)[0]
      return (
        `${s}${top[0]} leads ${second[0]} by ${top[1] - second[1]} points` +
        `${lead && lead.gap > 0 ? `, mostly thanks to ${lead.plugin} (+${lead.gap})` : ''}.`
      )
    },
    expert: (e) => {
      const d = e.details
      const r = ranked(d.totalScore)
      const best = r[0]?.[0]
      const breakdown = best
        ? d.scorePlugins
            .map(
              (p) =>
                `${p.plugin} ` +
                `${d.score[best]?.[p.plugin] ?? '-'}→${d.normalizedScore[best]?.[p.plugin] ?? '-'}×${p.weight}`,
            )
            .join(', ')
        : ''
      return (
        "prioritizeNodes → RunScorePlugins: each plugin's Score gives every feasible node a raw score, " +
        "NormalizeScore " +
        "maps it to 0–MaxNodeScore (100), and the result is multiplied by the plugin's weight " +
        `(${d.scorePlugins.map((p) => `${p.plugin}×${p.weight}`).join(', ')}); a node's total is the sum.` +
        `${best ? ` ${best}: ${breakdown} = ${d.totalScore[best]}.` : ''}` +
        (d.detail === 'compact' ? ` Compact record: only the top ${r.length} of ${d.numFeasible} nodes are kept.` : '')
      )
    },
    docs: DOCS.score,
    source: SRC.scheduleOne,
  },

  'scheduler:Select': {
    summary: (e) => {
      const d = e.details
      return (
        `selected ${d.selectedNode}${d.totalScore !== undefined ? ` (total score ${d.totalScore})` : ''}` +
        `${d.tiedNodes > 1 ? `, ${d.tiedNodes} nodes tied` : ''}`
      )
    },
    story: (e) => {
      const d = e.details
      const node = d.selectedNode
      let s: string
      if (d.scoringNote)
        s = `${node} is the only node that passed every check, so the scheduler chooses it without scoring.`
      else if (d.tiedNodes > 1) {
        s =
          `${d.tiedNodes} nodes share the best total score (${d.totalScore ?? 'equal'}), so the scheduler picks one ` +
          `of them ` +
          `at random: ${node}. The random choice comes from the simulation's seed (${d.seed}), so the same seed ` +
          `always picks the same node.`
      } else if (d.runnerUp && d.totalScore !== undefined) {
        s =
          `${node} has the highest total score, ${d.totalScore}: ${d.totalScore - d.runnerUp.score} more than the ` +
          `next ` +
          `best, ${d.runnerUp.node} (${d.runnerUp.score}).`
      } else s = `The scheduler chooses ${node}.`
      return (
        `${s} It now assumes ${podOf(e)} runs on ${node}: it records that in its own cache, so the next pod's cycle ` +
        'already counts this one there, before the API server has confirmed anything.'
      )
    },
    expert: (e) => {
      const d = e.details
      const how = d.scoringNote
        ? 'schedulePod returns early when findNodesThatFitPod yields a single feasible node: no PreScore, Score or ' +
          'selectHost.'
        : 'selectHost walks the scored list keeping the maximum; on a tie it replaces the choice with probability ' +
          `1/count (reservoir sampling) using kube-scheduler's random source, here a generator forked from seed ` +
          `${d.seed}` +
          `${d.tiedNodes > 1 ? ` (${d.tiedNodes} nodes tied at ${d.totalScore ?? 'the best total'})` : ''}.`
      return (
        `${how} schedulingCycle then calls assume: SchedulerCache.AssumePod records the pod on ${d.selectedNode} ` +
        'with spec.nodeName set, and the nominator drops any nomination of the pod.'
      )
    },
    docs: DOCS.score,
    source: SRC.scheduleOne,
  },
}
