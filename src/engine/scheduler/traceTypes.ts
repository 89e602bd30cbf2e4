/** Trace event types of the simulated kube-scheduler (queue and framework extension points). */
export const SCHEDULER_TRACE_TYPES = [
  'scheduler:Enqueue',
  'scheduler:QueueMove',
  'scheduler:Pop',
  'scheduler:PreFilter',
  'scheduler:Filter',
  'scheduler:PostFilter',
  'scheduler:PreScore',
  'scheduler:Score',
  'scheduler:Select',
  'scheduler:Reserve',
  'scheduler:Permit',
  'scheduler:PreBind',
  'scheduler:Bind',
  'scheduler:PostBind',
  'scheduler:Unschedulable',
  'scheduler:Preempt',
] as const
