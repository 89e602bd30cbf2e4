/**
 * PrioritySort: higher priority first, then earlier queue timestamp. Mirrors:
 * pkg/scheduler/framework/plugins/queuesort/priority_sort.go.
 */
import type { QueueSortPlugin, QueuedPodInfo } from '../framework/interface.ts'

export const NAME = 'PrioritySort'

export class PrioritySort implements QueueSortPlugin {
  readonly name = NAME
  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
    const p1 = a.podInfo.priority
    const p2 = b.podInfo.priority
    return p1 > p2 || (p1 === p2 && a.timestamp < b.timestamp)
  }
}
