/**
 * READY, STATUS and RESTARTS. Cases ported from kubernetes/kubernetes pkg/printers/internalversion/printers_test.go
 * TestPrintPod (test1 … test19: the pod, and the cells it expects); "N ago" there is time.Now() minus the offset,
 * here NOW minus it. The NodeLost case follows printPod's own condition.
 */
import { describe, expect, it } from 'vitest'
import type { ContainerStatus, Pod } from '../../api/types.ts'
import { getPodsWide, podColumns } from './getPods.ts'

const NOW = Date.parse('2026-01-01T12:00:00Z')
const ago = (ms: number) => new Date(NOW - ms).toISOString()
const S = 1000
const D = 24 * 3600 * S
const lastTerminated = (ms: number) => ({ terminated: { exitCode: 0, finishedAt: ago(ms) } })
const named = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `c${i}` }))
const withNames = (ss: Omit<ContainerStatus, 'name' | 'image' | 'imageID'>[]) =>
  ss.map((s, i) => ({ name: `c${i}`, image: '', imageID: '', ...s }))

function p(
  name: string,
  containers: number,
  status: NonNullable<Pod['status']>,
  inits = 0,
  meta: Pod['metadata'] = {},
): Pod {
  return {
    metadata: { name, ...meta },
    spec: { containers: named(containers), initContainers: inits ? named(inits) : undefined },
    status,
  }
}

const cells = (pod: Pod) => {
  const c = podColumns(pod, NOW)
  return [pod.metadata?.name, `${c.ready}/${c.total}`, c.status, c.restarts]
}

describe('printPod (TestPrintPod)', () => {
  const running = { running: {} }
  it.each<[Pod, string[]]>([
    [
      p('test1', 2, {
        phase: 'podPhase',
        containerStatuses: withNames([
          { ready: true, restartCount: 3, state: running },
          { ready: false, restartCount: 3 },
        ]),
      }),
      ['test1', '1/2', 'podPhase', '6'],
    ],
    [
      p('test2', 2, {
        phase: 'podPhase',
        containerStatuses: withNames([
          { ready: true, restartCount: 3, state: running },
          { ready: false, restartCount: 3, state: { waiting: { reason: 'ContainerWaitingReason' } } },
        ]),
      }),
      ['test2', '1/2', 'ContainerWaitingReason', '6'],
    ],
    [
      p('test3', 2, {
        phase: 'podPhase',
        containerStatuses: withNames([
          { ready: false, restartCount: 3, state: { waiting: { reason: 'ContainerWaitingReason' } } },
          {
            ready: false,
            restartCount: 3,
            state: { terminated: { exitCode: 0, reason: 'ContainerTerminatedReason' } },
          },
        ]),
      }),
      ['test3', '0/2', 'ContainerWaitingReason', '6'],
    ],
    [
      p('test5', 2, {
        phase: 'podPhase',
        reason: 'podReason',
        containerStatuses: withNames([
          { ready: true, restartCount: 3, state: running },
          { ready: true, restartCount: 3 },
        ]),
      }),
      ['test5', '1/2', 'podReason', '6'],
    ],
    [
      p('test6', 2, {
        phase: 'Running',
        containerStatuses: withNames([
          { ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
          { ready: true, restartCount: 3, state: running },
        ]),
      }),
      ['test6', '1/2', 'NotReady', '6'],
    ],
    [
      p('test6', 2, {
        phase: 'Running',
        conditions: [{ type: 'Ready', status: 'True' }],
        containerStatuses: withNames([
          { ready: true, restartCount: 3, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
          { ready: true, restartCount: 3, state: running },
        ]),
      }),
      ['test6', '1/2', 'Running', '6'],
    ],
    [
      p(
        'test7',
        1,
        {
          phase: 'podPhase',
          initContainerStatuses: withNames([
            { ready: false, restartCount: 3, state: running, lastState: lastTerminated(10 * S) },
          ]),
          containerStatuses: withNames([{ ready: false, restartCount: 0, state: { waiting: {} } }]),
        },
        1,
      ),
      ['test7', '0/1', 'Init:0/1', '3 (10s ago)'],
    ],
    [
      p(
        'test10',
        1,
        {
          phase: 'podPhase',
          initContainerStatuses: withNames([
            {
              ready: false,
              restartCount: 2,
              state: { terminated: { exitCode: 0 } },
              lastState: lastTerminated(120 * S),
            },
            { ready: false, restartCount: 3, state: running, lastState: lastTerminated(10 * S) },
          ]),
          containerStatuses: withNames([{ ready: false, restartCount: 0, state: { waiting: {} } }]),
        },
        2,
      ),
      ['test10', '0/1', 'Init:1/2', '5 (10s ago)'],
    ],
    [
      p(
        'test11',
        1,
        {
          phase: 'Running',
          initContainerStatuses: withNames([
            {
              ready: false,
              restartCount: 2,
              state: { terminated: { exitCode: 0 } },
              lastState: lastTerminated(120 * S),
            },
          ]),
          containerStatuses: withNames([
            { ready: false, restartCount: 4, state: running, lastState: lastTerminated(20 * S) },
          ]),
        },
        1,
      ),
      ['test11', '0/1', 'Running', '4 (20s ago)'],
    ],
    [
      p('test12', 1, {
        phase: 'Running',
        containerStatuses: withNames([
          { ready: true, restartCount: 3, state: running, lastState: lastTerminated(5 * D) },
        ]),
      }),
      ['test12', '1/1', 'Running', '3 (5d ago)'],
    ],
    [
      p('test14', 2, {
        phase: 'Running',
        containerStatuses: withNames([
          { ready: true, restartCount: 6, state: running, lastState: lastTerminated(5 * D) },
          { ready: true, restartCount: 3, state: running, lastState: lastTerminated(20 * D) },
        ]),
      }),
      ['test14', '2/2', 'Running', '9 (5d ago)'],
    ],
    [
      p('test15', 2, {
        phase: 'podPhase',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }],
      }),
      ['test15', '0/2', 'SchedulingGated', '0'],
    ],
    [
      p('test16', 1, {
        phase: 'Succeeded',
        containerStatuses: withNames([
          { ready: false, restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
        ]),
      }),
      ['test16', '0/1', 'Completed', '0'],
    ],
    [
      p('test17', 1, {
        phase: 'Failed',
        containerStatuses: withNames([
          { ready: false, restartCount: 0, state: { terminated: { reason: 'Error', exitCode: 1 } } },
        ]),
      }),
      ['test17', '0/1', 'Error', '0'],
    ],
    // test18: a Succeeded pod with a deletionTimestamp keeps Completed (IsPodPhaseTerminal).
    [
      p(
        'test18',
        1,
        {
          phase: 'Succeeded',
          containerStatuses: withNames([
            { ready: false, restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } },
          ]),
        },
        0,
        { name: 'test18', deletionTimestamp: ago(10 * S) },
      ),
      ['test18', '0/1', 'Completed', '0'],
    ],
    [
      p(
        'failed-deleted',
        1,
        {
          phase: 'Failed',
          containerStatuses: withNames([
            { ready: false, restartCount: 0, state: { terminated: { reason: 'Error', exitCode: 1 } } },
          ]),
        },
        0,
        { name: 'failed-deleted', deletionTimestamp: ago(10 * S) },
      ),
      ['failed-deleted', '0/1', 'Error', '0'],
    ],
    // test19: a Running pod with a deletionTimestamp is Terminating.
    [
      p(
        'test19',
        1,
        { phase: 'Running', containerStatuses: withNames([{ ready: true, restartCount: 0, state: running }]) },
        0,
        { name: 'test19', deletionTimestamp: ago(10 * S) },
      ),
      ['test19', '1/1', 'Terminating', '0'],
    ],
    // printPod: a deleted pod whose status.reason is NodeLost (NodeUnreachablePodReason) shows Unknown.
    [
      p(
        'lost',
        1,
        {
          phase: 'Running',
          reason: 'NodeLost',
          containerStatuses: withNames([{ ready: true, restartCount: 0, state: running }]),
        },
        0,
        { name: 'lost', deletionTimestamp: ago(10 * S) },
      ),
      ['lost', '1/1', 'Unknown', '0'],
    ],
  ])('%#', (pod, want) => {
    expect(cells(pod)).toEqual(want)
  })
})

describe('getPodsWide', () => {
  it('AGE <unknown> without a creationTimestamp, IP from podIPs[0], <none> for the empty wide columns', () => {
    const pod: Pod = {
      metadata: { name: 'app' },
      spec: { containers: named(1) },
      status: { phase: 'Pending', podIPs: [{ ip: '10.244.1.2' }] },
    }
    expect(getPodsWide([pod], NOW)).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE         IP           NODE     NOMINATED NODE   READINESS GATES\n' +
        'app    0/1     Pending   0          <unknown>   10.244.1.2   <none>   <none>           <none>',
    )
  })
})
