/**
 * Tables port kubernetes/kubernetes pkg/controller/controller_utils_test.go (TestActivePodFiltering,
 * TestCountTerminatingPods, TestSortingActivePods, TestSortingActivePodsWithRanks) and the behaviour of
 * pkg/api/v1/pod/util.go IsPodAvailable, replica_set.go slowStartBatch and controller_utils.go
 * GetPodFromTemplate / getPodsPrefix.
 */
import { describe, expect, it } from 'vitest'
import type { Pod, PodTemplateSpec, ReplicaSet } from '../api/types.ts'
import {
  activePodsWithRanksLess, filterActivePods, filterTerminatingPods, getDeletionCostFromPodAnnotations,
  getPodFromTemplate, getPodsPrefix, isPodAvailable, newControllerRef, PodDeletionCostAnnotation,
  podCreatedEvent, podDeletedEvent, podCreateFailedEvent, slowStartBatch, slowStartBatchOutcome, sortActivePods,
  sortActivePodsWithRanks,
} from './controllerUtils.ts'

// Fixed instants stand in for the upstream tests' metav1.Now() and now.AddDate(0, -1, 0) / now.Add(-N*time.Hour).
const now = '2026-03-15T12:00:00Z'
const then = '2026-02-15T12:00:00Z'
const hoursAgo = (h: number) => new Date(Date.parse(now) - h * 3600_000).toISOString().replace('.000Z', 'Z')

describe('filterActivePods (TestActivePodFiltering "Filters active pods")', () => {
  it('drops Succeeded and Failed pods', () => {
    const phases: Array<string | undefined> = ['Succeeded', 'Failed', undefined, undefined, undefined]
    const pods: Pod[] = phases.map((phase, i) => ({ metadata: { name: `pod-${i + 1}` },
      status: phase ? { phase } : { phase: 'Running' } }))
    expect(filterActivePods(pods).map((p) => p.metadata?.name)).toEqual(['pod-3', 'pod-4', 'pod-5'])
  })
  it('drops pods with a deletionTimestamp', () => {
    expect(filterActivePods([{ metadata: { name: 'a', deletionTimestamp: now },
      status: { phase: 'Running' } }])).toEqual([])
  })
})

describe('filterTerminatingPods (TestCountTerminatingPods)', () => {
  it('counts deleting pods that are not Succeeded/Failed', () => {
    const pods: Pod[] = [
      { metadata: { name: '0' }, status: { phase: 'Succeeded' } },
      { metadata: { name: '1' }, status: { phase: 'Failed' } },
      { metadata: { name: '2', deletionTimestamp: now }, status: { phase: 'Pending' } },
      { metadata: { name: '3', deletionTimestamp: now }, status: { phase: 'Running' } },
      { metadata: { name: '4' }, status: { phase: 'Running' } },
      { metadata: { name: '5' }, status: { phase: 'Running' } },
      { metadata: { name: '6' }, status: { phase: 'Running' } },
    ]
    expect(filterTerminatingPods(pods)).toHaveLength(2)
  })
})

const ready = (since?: string) => [{ type: 'Ready', status: 'True', ...(since ? { lastTransitionTime: since } : {}) }]

describe('sortActivePods (TestSortingActivePods "Sorts by active pod")', () => {
  const pods: Pod[] = [
    { metadata: { name: 'unscheduled' }, spec: { containers: [], nodeName: '' }, status: { phase: 'Pending' } },
    { metadata: { name: 'scheduledButPending' }, spec: { containers: [], nodeName: 'bar' },
      status: { phase: 'Pending' } },
    { metadata: { name: 'unknownPhase' }, spec: { containers: [], nodeName: 'foo' }, status: { phase: 'Unknown' } },
    { metadata: { name: 'runningButNotReady' }, spec: { containers: [], nodeName: 'foo' },
      status: { phase: 'Running' } },
    {
      metadata: { name: 'runningNoLastTransitionTime' }, spec: { containers: [], nodeName: 'foo' },
      status: { phase: 'Running', conditions: ready(), containerStatuses: restarts(3, 0) },
    },
    {
      metadata: { name: 'runningWithLastTransitionTime' }, spec: { containers: [], nodeName: 'foo' },
      status: { phase: 'Running', conditions: ready(now), containerStatuses: restarts(3, 0) },
    },
    {
      metadata: { name: 'runningLongerTime' }, spec: { containers: [], nodeName: 'foo' },
      status: { phase: 'Running', conditions: ready(then), containerStatuses: restarts(3, 0) },
    },
    {
      metadata: { name: 'lowerContainerRestartCount', creationTimestamp: now }, spec: { containers: [],
        nodeName: 'foo' },
      status: { phase: 'Running', conditions: ready(then), containerStatuses: restarts(2, 1) },
    },
    {
      metadata: { name: 'oldest', creationTimestamp: then }, spec: { containers: [], nodeName: 'foo' },
      status: { phase: 'Running', conditions: ready(then), containerStatuses: restarts(2, 1) },
    },
  ]
  const wantOrder = pods.map((p) => p.metadata?.name)

  it('orders every permutation the same way', () => {
    // Upstream shuffles 20 times with rand.Perm; a fixed set of rotations and reversals keeps this deterministic.
    for (let r = 0; r < pods.length; r++) {
      const rotated = [...pods.slice(r), ...pods.slice(0, r)]
      expect(sortActivePods(rotated).map((p) => p.metadata?.name)).toEqual(wantOrder)
      expect(sortActivePods([...rotated].reverse()).map((p) => p.metadata?.name)).toEqual(wantOrder)
    }
  })

  it('puts a pod whose sidecar restarted more first when regular restarts tie', () => {
    const sidecarPod = (name: string, n: number): Pod => ({
      metadata: { name }, spec: { nodeName: 'foo', containers: [], initContainers: [{ name: 'sc',
        restartPolicy: 'Always' }] },
      status: { phase: 'Running', initContainerStatuses: [{ name: 'sc', restartCount: n, image: '', imageID: '',
        ready: true }] },
    })
    expect(sortActivePods([sidecarPod('few', 1), sidecarPod('many',
      5)]).map((p) => p.metadata?.name)).toEqual(['many', 'few'])
  })
})

function restarts(...counts: number[]) {
  return counts.map((n, i) => ({ name: `c${i}`, restartCount: n, image: '', imageID: '', ready: true }))
}

describe('activePodsWithRanksLess (TestSortingActivePodsWithRanks)', () => {
  const zero = undefined
  const pod = (name: string, nodeName: string, phase: string, isReady: boolean, restartCount: number,
    readySince: string | undefined, created: string | undefined, annotations?: Record<string, string>): Pod => ({
    metadata: { name, ...(created ? { creationTimestamp: created } : {}), ...(annotations ? { annotations } : {}) },
    spec: { containers: [], nodeName },
    status: {
      phase,
      ...(isReady ? { conditions: ready(readySince), containerStatuses: restarts(restartCount) } : {}),
    },
  })
  const then1Month = then
  const then2Hours = hoursAgo(2)
  const then5Hours = hoursAgo(5)
  const then8Hours = hoursAgo(8)
  const unscheduledPod = pod('unscheduled', '', 'Pending', false, 0, zero, zero)
  const scheduledPendingPod = pod('pending', 'node', 'Pending', false, 0, zero, zero)
  const unknownPhasePod = pod('unknown-phase', 'node', 'Unknown', false, 0, zero, zero)
  const runningNotReadyPod = pod('not-ready', 'node', 'Running', false, 0, zero, zero)
  const runningReadyNoLastTransitionTimePod = pod('ready-no-last-transition-time', 'node', 'Running', true, 0, zero,
    zero)
  const runningReadyNow = pod('ready-now', 'node', 'Running', true, 0, now, now)
  const runningReadyThen = pod('ready-then', 'node', 'Running', true, 0, then1Month, then1Month)
  const runningReadyNowHighRestarts = pod('ready-high-restarts', 'node', 'Running', true, 9001, now, now)
  const runningReadyNowCreatedThen = pod('ready-now-created-then', 'node', 'Running', true, 0, now, then1Month)
  const lowPodDeletionCost = pod('low-deletion-cost', 'node', 'Running', true, 0, now, then1Month,
    { [PodDeletionCostAnnotation]: '10' })
  const highPodDeletionCost = pod('high-deletion-cost', 'node', 'Running', true, 0, now, then1Month,
    { [PodDeletionCostAnnotation]: '100' })
  const unscheduled5Hours = pod('unscheduled-5-hours', '', 'Pending', false, 0, then5Hours, then5Hours)
  const unscheduled8Hours = pod('unscheduled-10-hours', '', 'Pending', false, 0, then8Hours, then8Hours)
  const ready2Hours = pod('ready-2-hours', '', 'Running', true, 0, then2Hours, then1Month)
  const ready5Hours = pod('ready-5-hours', '', 'Running', true, 0, then5Hours, then1Month)
  const ready10Hours = pod('ready-10-hours', '', 'Running', true, 0, then8Hours, then1Month)

  const equalityTests: Array<[Pod, Pod?]> = [
    [unscheduledPod], [scheduledPendingPod], [unknownPhasePod], [runningNotReadyPod], [runningReadyNowCreatedThen],
    [runningReadyNow], [runningReadyThen], [runningReadyNowHighRestarts], [runningReadyNowCreatedThen],
    [unscheduled5Hours, unscheduled8Hours], [ready5Hours, ready10Hours],
  ]
  equalityTests.forEach(([p1, p2 = p1], i) => it(`Equality tests ${i}`, () => {
    const s = { pods: [p1, p2], rank: [1, 1], now }
    expect(activePodsWithRanksLess(s, 0, 1) || activePodsWithRanksLess(s, 1, 0)).toBe(false)
  }))

  // The disablePodDeletioncost row is left out: PodDeletionCost is on by default in v1.35.
  const inequalityTests: Array<[Pod, number, Pod, number]> = [
    [unscheduledPod, 1, scheduledPendingPod, 2],
    [unscheduledPod, 2, scheduledPendingPod, 1],
    [scheduledPendingPod, 1, unknownPhasePod, 2],
    [unknownPhasePod, 1, runningNotReadyPod, 2],
    [runningNotReadyPod, 1, runningReadyNoLastTransitionTimePod, 1],
    [runningReadyNoLastTransitionTimePod, 1, runningReadyNow, 1],
    [runningReadyNow, 2, runningReadyNoLastTransitionTimePod, 1],
    [runningReadyNow, 1, runningReadyThen, 1],
    [runningReadyNow, 2, runningReadyThen, 1],
    [runningReadyNowHighRestarts, 1, runningReadyNow, 1],
    [runningReadyNow, 2, runningReadyNowHighRestarts, 1],
    [runningReadyNow, 1, runningReadyNowCreatedThen, 1],
    [runningReadyNowCreatedThen, 2, runningReadyNow, 1],
    [lowPodDeletionCost, 2, highPodDeletionCost, 1],
    [ready2Hours, 1, ready5Hours, 1],
  ]
  inequalityTests.forEach(([lesser, lr, greater, gr], i) => it(`Inequality tests ${i}`, () => {
    const s = { pods: [lesser, greater], rank: [lr, gr], now }
    expect(activePodsWithRanksLess(s, 0, 1)).toBe(true)
    expect(activePodsWithRanksLess(s, 1, 0)).toBe(false)
  }))

  it('sorts by rank only after phase and readiness, keeping ties in input order', () => {
    const a = pod('a', 'n1', 'Running', true, 0, then, then)
    const b = pod('b', 'n2', 'Running', true, 0, then, then)
    const c = pod('c', 'n3', 'Pending', false, 0, zero, then)
    expect(sortActivePodsWithRanks({ pods: [a, b, c], rank: [1, 3, 1], now }).map((p) => p.metadata?.name))
      .toEqual(['c', 'b', 'a'])
    expect(sortActivePodsWithRanks({ pods: [a, b], rank: [2, 2], now }).map((p) => p.metadata?.name)).toEqual(['a',
      'b'])
  })
})

describe('getDeletionCostFromPodAnnotations (helpers.go validFirstDigit + ParseInt)', () => {
  it.each([
    [undefined, 0], ['10', 10], ['-5', -5], ['0', 0], ['+10', 0], ['008', 0], ['abc', 0], ['2147483648', 0],
    ['-2147483648', -2147483648],
  ])('%s → %d', (v, want) => {
    const annotations = v === undefined ? undefined : { [PodDeletionCostAnnotation]: v }
    expect(getDeletionCostFromPodAnnotations(annotations)).toBe(want)
  })
})

describe('isPodAvailable (pod/util.go IsPodAvailable)', () => {
  const p = (since?: string): Pod => ({ metadata: { name: 'p' }, status: { phase: 'Running',
    conditions: ready(since) } })
  it('is available at once with minReadySeconds 0', () => expect(isPodAvailable(p(now), 0, now)).toBe(true))
  it('needs ready for strictly more than minReadySeconds', () => {
    expect(isPodAvailable(p('2026-03-15T11:59:50Z'), 10, now)).toBe(false)
    expect(isPodAvailable(p('2026-03-15T11:59:49Z'), 10, now)).toBe(true)
  })
  it('a zero lastTransitionTime is not available with minReadySeconds', () => expect(isPodAvailable(p(), 1,
    now)).toBe(false))
  it('a pod not ready is not available', () => {
    expect(isPodAvailable({ metadata: {}, status: { phase: 'Running' } }, 0, now)).toBe(false)
  })
})

describe('slowStartBatch (replica_set.go; replica_set_test.go TestSlowStartBatch)', () => {
  it('starts at 1 and doubles, cutting the last batch', () => {
    expect(slowStartBatch(10, 1)).toEqual([1, 2, 4, 3])
    expect(slowStartBatch(1, 1)).toEqual([1])
    expect(slowStartBatch(0, 1)).toEqual([])
    expect(slowStartBatch(500, 1)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 245])
  })
  // TestSlowStartBatch's table: calls beyond callLimit fail; a batch with a failure is the last one run.
  const callLimitCases: Array<[string, number, number, number, number]> = [
    // name, count, callLimit, expectedSuccesses, expectedCallCnt
    ['callLimit = 0 (all fail)', 10, 0, 0, 1],
    ['callLimit = count (all succeed)', 10, 10, 10, 10],
    ['callLimit < count (some succeed)', 10, 5, 5, 7],
  ]
  it.each(callLimitCases)('%s', (_name, count, callLimit, successes, callCnt) => {
    const sizes = slowStartBatch(count, 1)
    let called = 0
    const failuresPerBatch = sizes.map((size) => {
      const fails = Math.max(0, Math.min(size, called + size - callLimit))
      called += size
      return fails
    })
    const got = slowStartBatchOutcome(sizes, failuresPerBatch)
    expect(got.successes).toBe(successes)
    expect(count - got.skipped).toBe(callCnt)
    expect(got.failed).toBe(successes < count)
  })
})

describe('getPodFromTemplate / getPodsPrefix (controller_utils.go)', () => {
  const rs: ReplicaSet = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web-7d4b9c8f5',
    namespace: 'default', uid: 'rs-uid' } }
  const template: PodTemplateSpec = {
    metadata: { name: 'ignored', labels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' }, annotations: { a: 'b' },
      finalizers: ['x/y'] },
    spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
  }
  it('builds the pod the controller POSTs', () => {
    const pod = getPodFromTemplate(template, rs, newControllerRef(rs, { group: 'apps', version: 'v1',
      kind: 'ReplicaSet' }))
    expect(pod).toEqual({
      apiVersion: 'v1', kind: 'Pod',
      metadata: {
        generateName: 'web-7d4b9c8f5-',
        labels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' },
        annotations: { a: 'b' },
        finalizers: ['x/y'],
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7d4b9c8f5', uid: 'rs-uid',
          controller: true, blockOwnerDeletion: true }],
      },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
    })
    expect(pod.spec).not.toBe(template.spec)
  })
  it('drops the dash when "<name>-" would be over 253 characters', () => {
    expect(getPodsPrefix('a'.repeat(252))).toBe(`${'a'.repeat(252)}-`)
    expect(getPodsPrefix('a'.repeat(253))).toBe('a'.repeat(253))
  })
})

describe('pod control events (controller_utils.go RealPodControl)', () => {
  it('uses upstream reasons and formats', () => {
    expect(podCreatedEvent('web-abc-xyz12')).toEqual({ type: 'Normal', reason: 'SuccessfulCreate',
      message: 'Created pod: web-abc-xyz12' })
    expect(podDeletedEvent('web-abc-xyz12')).toEqual({ type: 'Normal', reason: 'SuccessfulDelete',
      message: 'Deleted pod: web-abc-xyz12' })
    expect(podCreateFailedEvent('pods "x" is forbidden: exceeded quota').message)
      .toBe('Error creating: pods "x" is forbidden: exceeded quota')
  })
})
