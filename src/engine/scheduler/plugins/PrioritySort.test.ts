/** PrioritySort, from pkg/scheduler/framework/plugins/queuesort/priority_sort_test.go (TestLess). */
import { describe, expect, it } from 'vitest'
import type { QueuedPodInfo } from '../framework/interface.ts'
import { PodInfo, pod } from '../testing.ts'
import { PrioritySort } from './PrioritySort.ts'

const q = (priority: number, timestamp: number): QueuedPodInfo => ({ podInfo: new PodInfo(pod('p', { priority })), timestamp, attempts: 0, initialAttemptTimestamp: null, unschedulablePlugins: new Set(), gatedBy: null })
const low = 1
const high = 2

describe('PrioritySort Less', () => {
  const cases = [
    { name: 'p1.priority less than p2.priority', p1: q(low, 0), p2: q(high, 0), want: false },
    { name: 'p1.priority greater than p2.priority', p1: q(high, 0), p2: q(low, 0), want: true },
    { name: 'equal priority. p1 is added to schedulingQ earlier than p2', p1: q(high, 0), p2: q(high, 1), want: true },
    { name: 'equal priority. p2 is added to schedulingQ earlier than p1', p1: q(high, 1), p2: q(high, 0), want: false },
  ]
  for (const c of cases) it(c.name, () => expect(new PrioritySort().less(c.p1, c.p2)).toBe(c.want))
})
