/**
 * The scheduling queue (pkg/scheduler/backend/queue): backoff 1 s doubling to 10 s, pods moved back only by the
 * events their rejecting plugins registered, PopFromBackoffQ, and the 5-minute leftover flush.
 */
import { describe, expect, it } from 'vitest'
import type { ClusterEvent, QueuedPodInfo } from './framework/interface.ts'
import { PodInfo } from './framework/types.ts'
import { SchedulingQueue, UNSCHEDULABLE_MAX_US } from './queue.ts'
import { pod } from './testing.ts'

const S = 1_000_000
const events = new Map<string, ClusterEvent[]>([['NodeResourcesFit', ['AssignedPodDelete', 'NodeAdd']], ['TaintToleration', ['NodeTaintChange', 'NodeAdd']]])
const newQueue = () => new SchedulingQueue((a, b) => a.podInfo.priority > b.podInfo.priority || (a.podInfo.priority === b.podInfo.priority && a.timestamp < b.timestamp), events, 1, 10)
const q = (name: string, priority = 0, t = 0): QueuedPodInfo => ({ podInfo: new PodInfo(pod(name, { priority })), timestamp: t, attempts: 0, initialAttemptTimestamp: null, unschedulablePlugins: new Set(), gatedBy: null })

describe('SchedulingQueue', () => {
  it('backoff: 1 s, 2 s, 4 s, 8 s, then 10 s', () => {
    const queue = newQueue()
    const x = q('x')
    expect([1, 2, 3, 4, 5, 6].map((attempts) => queue.backoffDuration({ ...x, attempts }) / S)).toEqual([1, 2, 4, 8, 10, 10])
  })

  it('pops by priority, then by arrival', () => {
    const queue = newQueue()
    queue.addActive(q('a', 0, 1))
    queue.addActive(q('b', 10, 2))
    queue.addActive(q('c', 0, 0))
    expect([queue.pop(), queue.pop(), queue.pop()].map((p) => p?.q.podInfo.key)).toEqual(['default/b', 'default/c', 'default/a'])
  })

  it('moves an unschedulable pod only on an event its rejecting plugin registered', () => {
    const queue = newQueue()
    queue.addActive(q('p'))
    const popped = queue.pop()?.q as QueuedPodInfo
    popped.unschedulablePlugins = new Set(['TaintToleration'])
    expect(queue.addUnschedulable(popped, 0)).toBe('unschedulablePods')
    expect(queue.onEvent('AssignedPodDelete', 5 * S)).toEqual([])
    // The event comes after the 1 s backoff: straight to activeQ.
    expect(queue.onEvent('NodeTaintChange', 5 * S)).toEqual([{ pod: 'default/p', from: 'unschedulablePods', to: 'activeQ', event: 'NodeTaintChange', attempts: 1, backoffUs: 1 * S, hintedBy: ['TaintToleration'] }])
  })

  it('an event during the pod\'s cycle sends it to backoffQ; PopFromBackoffQ takes it when activeQ is empty', () => {
    const queue = newQueue()
    queue.addActive(q('p'))
    const popped = queue.pop()?.q as QueuedPodInfo
    queue.onEvent('NodeAdd', 0)
    popped.unschedulablePlugins = new Set(['NodeResourcesFit'])
    expect(queue.addUnschedulable(popped, 0)).toBe('backoffQ')
    expect(queue.nextBackoffExpiry()).toBe(1 * S)
    const again = queue.pop()
    expect(again?.fromBackoff).toBe(true)
    expect(again?.q.attempts).toBe(2)
  })

  it('flushes pods unschedulable for more than 5 minutes', () => {
    const queue = newQueue()
    queue.addActive(q('p'))
    const popped = queue.pop()?.q as QueuedPodInfo
    popped.unschedulablePlugins = new Set(['TaintToleration'])
    queue.addUnschedulable(popped, 0)
    expect(queue.flushLeftover(UNSCHEDULABLE_MAX_US)).toEqual([])
    expect(queue.flushLeftover(UNSCHEDULABLE_MAX_US + 1)).toEqual([{ pod: 'default/p', from: 'unschedulablePods', to: 'activeQ', event: 'UnschedulableTimeout', attempts: 1, backoffUs: 1 * S, hintedBy: [] }])
  })
})
