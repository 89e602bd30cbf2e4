/** The scheduling debugger's kernels: reasons per node and constraint, the winner's margin, Why, A/B comparison. */
export type {
  ConstraintKind, ConstraintReason, ExplainInputs, InterPodTerm, LabelSource, NodeExplanation, PluginReason,
  PluginScore, SpreadDomain, WinnerMargin,
} from './types.ts'
export { explainNode, explainNodes } from './reasons/index.ts'
export { rankedNodes, winnerMargin } from './margin.ts'
export { whyParagraph } from './why.ts'
export { compareRuns, scoringStrategyOf } from './compare.ts'
export type { RunComparison, RunSummary, ScoreDifference } from './compare.ts'
export { constraintText, failing, quantityText } from './text.ts'
// What the scheduler's plugins read, for hosts that build explanations or suggestions from a cycle.
export { PodInfo, podRequests } from '../framework/types.ts'
export { untolerated } from '../../api/taints.ts'
export { schedulerConfigTypeErrorAt } from '../configGuard.ts'
