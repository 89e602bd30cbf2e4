/**
 * The steps a recorded scheduling cycle shows in the kube-scheduler lane: PreFilter and Filter, PostFilter when it
 * ran, PreScore and Score when the pod was scheduled with scoring. A plan (data only): the scheduler emits it.
 * Mirrors the extension points of pkg/scheduler/schedule_one.go schedulePod.
 */
import type { TraceEventInput } from '../events.ts'
import type { CycleRecord } from './framework/record.ts'
import { showTables } from './framework/record.ts'
import type { SchedulerTraceType } from './traceTypes.ts'

/** What the scheduler passes for one step: data only (the narration table writes summary and prose). */
export type SchedulerStepInput = {
  [K in SchedulerTraceType]: Omit<Extract<TraceEventInput, { type: K }>, 'lane' | 'summary' | 'explain' | 'docs'>
}[SchedulerTraceType]

/** cycleSteps: the steps of pod `key`'s cycle, from its record (none when the cycle was not recorded). */
export function cycleSteps(key: string, rec: CycleRecord | null, kind: string): SchedulerStepInput[] {
  if (!rec || rec.numAllNodes === 0) return []
  const steps: SchedulerStepInput[] = []
  const pre = rec.preFilter
  steps.push({
    type: 'scheduler:PreFilter', pod: key, outcome: pre.some((p) => p.status !== 'Success' && p.status !== 'Skip') ? 'error' : 'ok',
    details: { preFilter: pre, numAllNodes: rec.numAllNodes },
  })
  steps.push({ type: 'scheduler:Filter', pod: key, outcome: rec.numFeasible > 0 ? 'ok' : 'error', details: filterDetails(rec) })
  if (rec.postFilter.length > 0) {
    const nominated = rec.postFilter.find((p) => p.nominatedNodeName)?.nominatedNodeName
    steps.push({
      type: 'scheduler:PostFilter', pod: key, outcome: nominated ? 'warning' : 'error',
      details: { postFilter: rec.postFilter, numAllNodes: rec.numAllNodes },
    })
  }
  if (kind === 'scheduled' && rec.scorePlugins.length > 0) {
    steps.push({ type: 'scheduler:PreScore', pod: key, outcome: 'ok', details: { preScore: rec.preScore } })
    steps.push({ type: 'scheduler:Score', pod: key, outcome: 'ok', details: scoreDetails(rec) })
  }
  return steps
}

type Details<K extends SchedulerTraceType> = Extract<SchedulerStepInput, { type: K }>['details']

/** The Filter step's details; a full record's rows are read from its tables (showTables). */
function filterDetails(rec: CycleRecord): Details<'scheduler:Filter'> {
  const details: Details<'scheduler:Filter'> = {
    filter: undefined, rejectedBy: rec.rejectedBy, filterPlugins: rec.filterPlugins,
    numFeasibleNodesToFind: rec.numFeasibleNodesToFind, detail: rec.detail, numAllNodes: rec.numAllNodes,
    numEvaluated: rec.numEvaluated, numFeasible: rec.numFeasible, startIndex: rec.startIndex, nominatedNode: rec.nominatedNode,
  }
  return showTables(details, rec, ['filter'])
}

/** The Score step's details; a full record's tables are read from them (showTables), and ranked from its arrays. */
function scoreDetails(rec: CycleRecord): Details<'scheduler:Score'> {
  const full = rec.detail === 'full'
  const details: Details<'scheduler:Score'> = {
    // A full record's tables are not read here (that would write them out): showTables puts getters in their places.
    scorePlugins: rec.scorePlugins, score: full ? UNREAD : rec.score, normalizedScore: full ? UNREAD : rec.normalizedScore,
    finalScore: full ? UNREAD : rec.finalScore, totalScore: full ? UNREAD : rec.totalScore, detail: rec.detail,
    numFeasible: rec.numFeasible,
  }
  return showTables(details, rec, ['score', 'normalizedScore', 'finalScore', 'totalScore'])
}

/** The place of a table that showTables replaces by its getter. */
const UNREAD: Record<string, never> = Object.freeze({})
