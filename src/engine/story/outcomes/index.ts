/**
 * The outcomes of a trace: every failure, the step that decided it, its cause and its fix (see README.md).
 * The public API; the other files are internal to this folder.
 */
export { OUTCOME_KINDS, holdsAt, outcomesAt } from './types.ts'
export type { KubectlAnswer, Outcome, OutcomeKind } from './types.ts'
export { findOutcomes } from './find.ts'
