/**
 * CycleRecorder collects what one scheduling cycle decided, for the trace, the inspector and `podbirth explain`.
 * Nothing here feeds back into the decision.
 *
 * Cost at scale: the runtime already keeps per-node statuses and per-plugin score arrays (it needs them), so the
 * record only references them while the cycle runs; `finish` turns them into plain JSON. In `full` detail every
 * evaluated node is listed; in `compact` detail (large clusters) the record keeps the reason histogram, the
 * feasible count and the top nodes by total score with their breakdown, so a 5,000-node cluster does not retain
 * megabytes per cycle. Any cycle can be recomputed in full from the deterministic inputs (`podbirth explain`).
 */
export type Detail = 'full' | 'compact'

export interface PluginOutcome {
  plugin: string
  /** Success, Skip, Unschedulable, UnschedulableAndUnresolvable, Error. */
  status: string
  message?: string
}

export interface CycleRecord {
  pod: string
  profile: string
  detail: Detail
  numAllNodes: number
  numFeasibleNodesToFind: number
  startIndex: number
  nominatedNode: string | null
  preFilter: (PluginOutcome & { nodeNames?: string[] })[]
  /** Filter plugins that ran (PreFilter Skip removes a plugin from Filter). */
  filterPlugins: string[]
  /** Nodes examined by Filter, in evaluation order (full detail only). */
  evaluated: string[]
  /** node → plugin → "passed" | reason text (full detail; absent plugin = not evaluated on that node). */
  filter: Record<string, Record<string, string>>
  /** How many nodes each plugin rejected, and with which reasons (always kept). */
  rejectedBy: Record<string, { nodes: number; reasons: Record<string, number> }>
  numEvaluated: number
  numFeasible: number
  postFilter: (PluginOutcome & { nominatedNodeName?: string })[]
  preScore: PluginOutcome[]
  scorePlugins: { plugin: string; weight: number }[]
  /** node → plugin → raw score (plugins that returned Skip are absent). */
  score: Record<string, Record<string, number>>
  normalizedScore: Record<string, Record<string, number>>
  finalScore: Record<string, Record<string, number>>
  totalScore: Record<string, number>
  /** When scoring was skipped: why (one feasible node). */
  scoringNote: string | null
  selectedNode: string | null
  /** How many nodes shared the best total (the seeded random generator picked among them). */
  tiedNodes: number
  message: string | null
}

export function newCycleRecord(pod: string, profile: string, detail: Detail): CycleRecord {
  return {
    pod, profile, detail, numAllNodes: 0, numFeasibleNodesToFind: 0, startIndex: 0, nominatedNode: null,
    preFilter: [], filterPlugins: [], evaluated: [], filter: {}, rejectedBy: {}, numEvaluated: 0, numFeasible: 0,
    postFilter: [], preScore: [], scorePlugins: [], score: {}, normalizedScore: {}, finalScore: {}, totalScore: {},
    scoringNote: null, selectedNode: null, tiedNodes: 0, message: null,
  }
}

/** The number of top-scored nodes a compact record keeps. */
export const COMPACT_TOP_NODES = 10
/** Clusters up to this many nodes are recorded in full detail by default. */
export const FULL_DETAIL_MAX_NODES = 100

/** CycleRecorder is attached to a CycleState; the runtime fills `record`. */
export class CycleRecorder {
  readonly record: CycleRecord
  constructor(pod: string, profile: string, detail: Detail) {
    this.record = newCycleRecord(pod, profile, detail)
  }
  get full(): boolean {
    return this.record.detail === 'full'
  }
}
