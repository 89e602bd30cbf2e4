/** Trace event types of the simulated kubectl. */
export const KUBECTL_TRACE_TYPES = [
  'kubectl:Read',
  'kubectl:Decode',
  'kubectl:Validate',
  'kubectl:Kubeconfig',
  'kubectl:BuildRequest',
  'kubectl:Output',
] as const
