/**
 * For the UI's tests: an empty full scheduling record, as the scheduler's CycleRecorder starts one
 * (src/engine/scheduler/framework/record.ts newCycleRecord — the UI may import only the engine's types, so the
 * fields are written out here once for every test that needs a record).
 */
import type { CycleRecord } from '../../engine/scheduler/framework/record.ts'

export function emptyCycleRecord(pod: string): CycleRecord {
  return {
    pod, profile: 'default-scheduler', detail: 'full', numAllNodes: 0, numFeasibleNodesToFind: 0, startIndex: 0,
    nominatedNode: null, preFilter: [], filterPlugins: [], evaluated: [], filter: {}, rejectedBy: {}, numEvaluated: 0,
    numFeasible: 0, postFilter: [], preScore: [], scorePlugins: [], score: {}, normalizedScore: {}, finalScore: {},
    totalScore: {}, scoringNote: null, selectedNode: null, tiedNodes: 0, message: null,
  }
}
