/**
 * Ports kubernetes/kubernetes pkg/controller/replicaset/replica_set_utils_test.go TestCalculateStatus and
 * TestCalculateStatusConditions. Upstream's rows "without" the terminating-replicas gate expect a nil
 * terminatingReplicas; with v1.35's default (DeploymentReplicaSetTerminatingReplicas beta, on) the count is
 * always written, so those rows expect the count here (0, or 1 for the row with a terminating pod).
 */
import { describe, expect, it } from 'vitest'
import type { Pod, ReplicaSet } from '../../api/types.ts'
import { calculateStatus, requeueAfterSeconds, statusForUpdate, terminatingPodsOf } from './replicaSetUtils.ts'

const now = '2026-03-15T12:00:00Z'

/**
 * replica_set_test.go newReplicaSet: the selector is the map given; the template's labels are always
 * name=foo, type=production.
 */
function newReplicaSet(replicas: number, selectorMap: Record<string, string>, name = 'foobar'): ReplicaSet {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '18' },
    spec: {
      replicas, selector: { matchLabels: selectorMap },
      template: { metadata: { labels: { name: 'foo', type: 'production' } }, spec: { containers: [{ name: 'c',
        image: 'foo/bar' }] } },
    },
    status: { replicas: 0 },
  }
}

/** replica_set_test.go newPod: labels from the selector, Ready (zero lastTransitionTime) when Running, owned. */
function newPod(name: string, rs: ReplicaSet, phase: string, terminating = false): Pod {
  return {
    metadata: {
      name, namespace: rs.metadata?.namespace, uid: `uid-${name}`, labels: { ...rs.spec?.selector?.matchLabels },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata?.name ?? '',
        uid: rs.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true }],
      ...(terminating ? { deletionTimestamp: now } : {}),
    },
    spec: { containers: [] },
    status: { phase, ...(phase === 'Running' ? { conditions: [{ type: 'Ready', status: 'True' }] } : {}) },
  }
}

const labelMap = { name: 'foo' }
const fullLabelMap = { name: 'foo', type: 'production' }
const notFullyLabelledRS = newReplicaSet(1, labelMap)
const fullyLabelledRS = newReplicaSet(2, fullLabelMap)
const longMinReadySecondsRS = newReplicaSet(1, fullLabelMap)
longMinReadySecondsRS.spec = { ...longMinReadySecondsRS.spec!, minReadySeconds: 3600 }

describe('calculateStatus (TestCalculateStatus)', () => {
  const rows: Array<[string, ReplicaSet, Pod[], Pod[], [number, number, number, number, number]]> = [
    ['1 fully labelled pod', fullyLabelledRS, [newPod('pod1', fullyLabelledRS, 'Running')], [], [1, 1, 1, 1, 0]],
    ['1 not fully labelled pod', notFullyLabelledRS, [newPod('pod1', notFullyLabelledRS, 'Running')], [], [1, 0, 1,
      1, 0]],
    ['2 fully labelled pods', fullyLabelledRS,
      [newPod('pod1', fullyLabelledRS, 'Running'), newPod('pod2', fullyLabelledRS, 'Running')], [], [2, 2, 2, 2, 0]],
    ['2 not fully labelled pods', notFullyLabelledRS,
      [newPod('pod1', notFullyLabelledRS, 'Running'), newPod('pod2', notFullyLabelledRS, 'Running')], [], [2, 0, 2,
        2, 0]],
    ['1 fully labelled pod, 1 not fully labelled pod', notFullyLabelledRS,
      [newPod('pod1', notFullyLabelledRS, 'Running'), newPod('pod2', fullyLabelledRS, 'Running')], [], [2, 1, 2, 2, 0]],
    ['1 non-ready pod', fullyLabelledRS, [newPod('pod1', fullyLabelledRS, 'Pending')], [], [1, 1, 0, 0, 0]],
    ['1 ready but non-available pod', longMinReadySecondsRS, [newPod('pod1', longMinReadySecondsRS, 'Running')], [],
      [1, 1, 1, 0, 0]],
    ['1 fully labelled pod and 1 terminating', fullyLabelledRS, [newPod('pod1', fullyLabelledRS, 'Running')],
      [newPod('pod2', fullyLabelledRS, 'Running', true)], [1, 1, 1, 1, 1]],
    ['1 fully labelled pods and 2 terminating', fullyLabelledRS, [newPod('pod1', fullyLabelledRS, 'Running')],
      [newPod('pod2', fullyLabelledRS, 'Running', true), newPod('pod3', fullyLabelledRS, 'Running', true)], [1, 1,
        1, 1, 2]],
  ]
  it.each(rows)('%s', (_name, rs, active, terminating, [replicas, fullyLabeled, ready, available, term]) => {
    expect(calculateStatus(rs, active, terminating, undefined, now)).toEqual({
      replicas, fullyLabeledReplicas: fullyLabeled, readyReplicas: ready, availableReplicas: available,
        terminatingReplicas: term,
    })
  })
})

describe('calculateStatus conditions (TestCalculateStatusConditions)', () => {
  const rs = newReplicaSet(2, labelMap)
  const replicaFailureRS: ReplicaSet = {
    ...newReplicaSet(10, labelMap), status: { replicas: 0, conditions: [{ type: 'ReplicaFailure', status: 'True' }] },
  }
  const err = 'fake manageReplicasErr'
  const conds = (r: ReplicaSet, pods: Pod[], e?: string) => calculateStatus(r, pods, [], e, now).conditions

  it('manageReplicasErr != nil && failureCond == nil, diff < 0', () => {
    expect(conds(rs, [newPod('pod1', rs, 'Running')], err)).toEqual([
      { type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: err, lastTransitionTime: now }])
  })
  it('manageReplicasErr != nil && failureCond == nil, diff > 0', () => {
    const pods = ['pod1', 'pod2', 'pod3'].map((n) => newPod(n, rs, 'Running'))
    expect(conds(rs, pods, err)).toEqual([
      { type: 'ReplicaFailure', status: 'True', reason: 'FailedDelete', message: err, lastTransitionTime: now }])
  })
  it('manageReplicasErr == nil && failureCond != nil', () => {
    expect(conds(replicaFailureRS, [newPod('pod1', replicaFailureRS, 'Running')])).toBeUndefined()
  })
  it('manageReplicasErr != nil && failureCond != nil', () => {
    expect(conds(replicaFailureRS, [newPod('pod1', replicaFailureRS, 'Running')], err))
      .toEqual([{ type: 'ReplicaFailure', status: 'True' }])
  })
  it('manageReplicasErr == nil && failureCond == nil', () => {
    expect(conds(rs, [newPod('pod1', rs, 'Running')])).toBeUndefined()
  })
})

describe('statusForUpdate (updateReplicaSetStatus)', () => {
  it('writes observedGeneration with a changed status', () => {
    const rs = { ...fullyLabelledRS, metadata: { ...fullyLabelledRS.metadata, generation: 3 } }
    const next = calculateStatus(rs, [newPod('pod1', rs, 'Running')], [], undefined, now)
    expect(statusForUpdate(rs, next)?.observedGeneration).toBe(3)
  })
  it('skips the PUT when nothing changed and the generation was observed', () => {
    const rs: ReplicaSet = {
      ...fullyLabelledRS, metadata: { ...fullyLabelledRS.metadata, generation: 2 },
      status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 2,
        terminatingReplicas: 0 } as ReplicaSet['status'],
    }
    expect(statusForUpdate(rs, calculateStatus(rs, [newPod('pod1', rs, 'Running')], [], undefined,
      now))).toBeUndefined()
  })
  it('writes when only terminatingReplicas appears (nil → 0)', () => {
    const rs: ReplicaSet = {
      ...fullyLabelledRS, metadata: { ...fullyLabelledRS.metadata, generation: 2 },
      status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 2 },
    }
    expect(statusForUpdate(rs, calculateStatus(rs, [newPod('pod1', rs, 'Running')], [], undefined, now))).toBeDefined()
  })
})

describe('terminatingPodsOf (syncReplicaSet: FilterTerminatingPods + FilterClaimedPods)', () => {
  it('counts only deleting pods this ReplicaSet controls with matching labels', () => {
    const other = newReplicaSet(1, fullLabelMap, 'other')
    const pods = [
      newPod('a', fullyLabelledRS, 'Running', true),
      newPod('b', fullyLabelledRS, 'Running'),
      newPod('c', other, 'Running', true),
      { ...newPod('d', fullyLabelledRS, 'Succeeded', true) },
    ]
    expect(terminatingPodsOf(fullyLabelledRS, pods).map((p) => p.metadata?.name)).toEqual(['a'])
  })
})

describe('requeueAfterSeconds (syncReplicaSet)', () => {
  it('requeues after minReadySeconds while ready pods are not yet available', () => {
    expect(requeueAfterSeconds(longMinReadySecondsRS, { replicas: 1, readyReplicas: 1, availableReplicas: 0 },
      undefined)).toBe(3600)
    expect(requeueAfterSeconds(longMinReadySecondsRS, { replicas: 1, readyReplicas: 1, availableReplicas: 1 },
      undefined)).toBeUndefined()
  })
})
