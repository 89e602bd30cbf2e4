import type { Untyped } from '../events.ts'

/** Trace event types of the simulated kubectl. */
export const KUBECTL_TRACE_TYPES = [
  'kubectl:Read',
  'kubectl:Decode',
  'kubectl:Validate',
  'kubectl:Kubeconfig',
  'kubectl:BuildRequest',
  'kubectl:Output',
] as const

export type KubectlTraceType = (typeof KUBECTL_TRACE_TYPES)[number]

/** The shape of each step type's details (Untyped until given one). */
export interface KubectlTraceDetails {
  'kubectl:Read': Untyped
  'kubectl:Decode': Untyped
  'kubectl:Validate': Untyped
  'kubectl:Kubeconfig': Untyped
  'kubectl:BuildRequest': Untyped
  'kubectl:Output': Untyped
}
