/**
 * The kube-scheduler's queue at a step of the trace, replayed from the scheduler's own steps: Enqueue puts a pod in
 * activeQ (or among the unschedulable pods when a PreEnqueue gate holds it), Pop takes it into a scheduling cycle,
 * a FailedScheduling puts it in backoffQ or among the unschedulable pods, QueueMove moves it, and a successful Bind
 * takes it out for good. Only these steps are read, so the cost follows the scheduler's activity, not the trace.
 */
import type { TraceEvent } from '../../engine/events.ts'

export type QueueName = 'activeQ' | 'backoffQ' | 'unschedulablePods' | 'inCycle'

export interface QueueState {
  /** Pods (namespace/name) per queue, in the order they arrived there. */
  queues: Record<QueueName, string[]>
  /** For pods among the unschedulable ones: the plugins that rejected them (what they wait for). */
  rejectedBy: Record<string, string[]>
}

const QUEUE_TYPES = new Set(['scheduler:Enqueue', 'scheduler:Pop', 'scheduler:Unschedulable', 'scheduler:QueueMove', 'scheduler:Bind'])

/** queueSteps lists the indices of the steps that change the queue (compute once per trace). */
export function queueSteps(events: readonly TraceEvent[]): number[] {
  const out: number[] = []
  for (let i = 0; i < events.length; i++) if (QUEUE_TYPES.has(events[i].type) && events[i].pod) out.push(i)
  return out
}

const isQueue = (q: unknown): q is Exclude<QueueName, 'inCycle'> => q === 'activeQ' || q === 'backoffQ' || q === 'unschedulablePods'

/** queueAt replays the queue steps up to and including trace step `index`. */
export function queueAt(events: readonly TraceEvent[], steps: readonly number[], index: number): QueueState {
  const where = new Map<string, QueueName>()
  const rejectedBy: Record<string, string[]> = {}
  for (const i of steps) {
    if (i > index) break
    const e = events[i]
    const pod = e.pod as string
    // Delete first, so a pod that moves goes to the end of its new queue.
    const put = (q: QueueName) => { where.delete(pod); where.set(pod, q) }
    switch (e.type) {
      case 'scheduler:Enqueue': put(e.details.queue); break
      case 'scheduler:Pop': put('inCycle'); break
      case 'scheduler:Unschedulable': {
        const d = e.details
        if (d.phase !== 'startup' && isQueue(d.queue)) { put(d.queue); rejectedBy[pod] = d.unschedulablePlugins } else where.delete(pod)
        break
      }
      case 'scheduler:QueueMove': put(e.details.to); break
      case 'scheduler:Bind': if (e.outcome === 'ok') where.delete(pod); break
    }
  }
  const queues: Record<QueueName, string[]> = { activeQ: [], backoffQ: [], unschedulablePods: [], inCycle: [] }
  for (const [pod, q] of where) queues[q].push(pod)
  for (const pod of Object.keys(rejectedBy)) if (where.get(pod) !== 'unschedulablePods') delete rejectedBy[pod]
  return { queues, rejectedBy }
}
