/**
 * The decision view's part of the worker protocol: the UI asks for one scheduling cycle (by the trace index of its
 * decisive step: the Select, or the scheduling-phase FailedScheduling) and the worker answers with the cycle's
 * record (recomputed in full when the run kept a compact one), the Why paragraph, the winner's margin and the
 * per-node, per-constraint reasons. Above EAGER_NODES nodes the reasons are sent one node at a time, on request.
 */
import type { CycleRecord } from '../engine/scheduler/framework/record.ts'
import type { NodeExplanation, WinnerMargin } from '../engine/scheduler/explain/types.ts'

export type { NodeExplanation, WinnerMargin }

/** Up to this many nodes, every node's reasons come with the decision (else one node per DecisionNodeCommand). */
export const EAGER_NODES = 500

export interface DecisionCommand {
  type: 'decision'
  /** The trace index of the cycle's decisive step. */
  index: number
}

export interface DecisionNodeCommand {
  type: 'decisionNode'
  index: number
  node: string
}

export interface DecisionMessage {
  type: 'decision'
  index: number
  /** namespace/name of the pod the cycle scheduled. */
  pod: string
  /** The cycle's record (full when it could be), or null when the step carries none (recording off). */
  record: CycleRecord | null
  /** The run kept a compact record and the worker recomputed the cycle in full. */
  recomputed: boolean
  /** Every node's labels at the cycle (for grouping), by node name. */
  nodeLabels: Record<string, Record<string, string>>
  /** The plain-language Why paragraph (`podbirth explain` prints the same). */
  why: string
  margin: WinnerMargin | null
  /** Every node's reasons, in the record's order (empty above EAGER_NODES: ask per node). */
  nodes: NodeExplanation[]
  seed: number
  /** Why the record is missing or could not be recomputed. */
  note?: string
  /** A compact record sent at once; the full one follows in a second message. */
  pending?: boolean
}

export interface DecisionNodeMessage {
  type: 'decisionNode'
  index: number
  node: string
  explanation: NodeExplanation | null
}
