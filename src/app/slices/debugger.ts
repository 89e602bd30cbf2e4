/**
 * The decision view's slice: which scheduling cycle is open (the trace index of its decisive step, or null), the
 * node whose reasons are shown, and the worker's answers (the decision, and per-node reasons of a large cluster).
 */
import type { StateCreator } from 'zustand'
import type { DecisionMessage, DecisionNodeMessage, NodeExplanation } from '../../protocol/decision.ts'

export interface DebuggerSlice {
  /** The decisive step (Select or FailedScheduling) of the cycle the decision view shows; null: closed. */
  decisionIndex: number | null
  /** The node whose per-constraint reasons are open. */
  decisionNode: string | null
  /** The worker's answer for decisionIndex (absent while it computes). */
  decision?: DecisionMessage
  /** Reasons received one node at a time (large clusters), for the open decision. */
  decisionNodes: Record<string, NodeExplanation>
  openDecision(index: number, node?: string): void
  closeDecision(): void
  openDecisionNode(node: string | null): void
  receiveDecision(m: DecisionMessage | DecisionNodeMessage): void
}

export const createDebuggerSlice: StateCreator<DebuggerSlice, [], [], DebuggerSlice> = (set, get) => ({
  decisionIndex: null,
  decisionNode: null,
  decisionNodes: {},
  openDecision: (index, node) =>
    set((s) =>
      s.decisionIndex === index
        ? { decisionNode: node ?? s.decisionNode }
        : { decisionIndex: index, decisionNode: node ?? null, decision: undefined, decisionNodes: {} },
    ),
  closeDecision: () => set({ decisionIndex: null, decisionNode: null }),
  openDecisionNode: (decisionNode) => set({ decisionNode }),
  receiveDecision: (m) => {
    if (m.index !== get().decisionIndex) return
    if (m.type === 'decision') set({ decision: m })
    else if (m.explanation)
      set((s) => ({ decisionNodes: { ...s.decisionNodes, [m.node]: m.explanation as NodeExplanation } }))
  },
})
