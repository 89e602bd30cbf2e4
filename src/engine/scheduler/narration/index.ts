/**
 * SCHEDULER_NARRATION: what kube-scheduler's steps say, from their typed details. Split by stage: the queue, the
 * cycle's decision (PreFilter → Filter → Score → select), failure and preemption, and the binding.
 */
import type { NarrationTable } from '../../narration/types.ts'
import type { SchedulerTraceType } from '../traceTypes.ts'
import { BINDING_NARRATION } from './binding.ts'
import { CYCLE_NARRATION } from './cycle.ts'
import { FAILURE_NARRATION } from './failure.ts'
import { QUEUE_NARRATION } from './queue.ts'

export const SCHEDULER_NARRATION: NarrationTable<SchedulerTraceType> = {
  ...QUEUE_NARRATION,
  ...CYCLE_NARRATION,
  ...FAILURE_NARRATION,
  ...BINDING_NARRATION,
}
