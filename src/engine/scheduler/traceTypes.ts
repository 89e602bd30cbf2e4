import type { Untyped } from '../events.ts'

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

export type SchedulerTraceType = (typeof SCHEDULER_TRACE_TYPES)[number]

/** The shape of each step type's details (Untyped until given one). */
export interface SchedulerTraceDetails {
  'scheduler:Enqueue': Untyped
  'scheduler:QueueMove': Untyped
  'scheduler:Pop': Untyped
  'scheduler:PreFilter': Untyped
  'scheduler:Filter': Untyped
  'scheduler:PostFilter': Untyped
  'scheduler:PreScore': Untyped
  'scheduler:Score': Untyped
  'scheduler:Select': Untyped
  'scheduler:Reserve': Untyped
  'scheduler:Permit': Untyped
  'scheduler:PreBind': Untyped
  'scheduler:Bind': Untyped
  'scheduler:PostBind': Untyped
  'scheduler:Unschedulable': Untyped
  'scheduler:Preempt': Untyped
}
