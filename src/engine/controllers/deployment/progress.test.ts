/**
 * Tables port kubernetes/kubernetes pkg/controller/deployment/progress_test.go: TestRequeueStuckDeployment and
 * TestSyncRolloutStatus; plus sync.go's checkPausedConditions.
 */
import { describe, expect, it } from 'vitest'
import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet } from '../../api/types.ts'
import { checkPausedConditions, requeueStuckDeployment, syncRolloutStatus, type RequeueDecision } from './progress.ts'
import { getDeploymentCondition } from './conditions.ts'
import type { DeploymentStatusV135 } from './util.ts'

const status = (replicas: number, updatedReplicas: number, availableReplicas: number): DeploymentStatus =>
  ({ replicas, updatedReplicas, availableReplicas })

// currentDeployment of progress_test.go: a Recreate Deployment named progress-test.
function currentDeployment(pds: number | undefined, replicas: number, statusReplicas: number, updated: number,
  available: number, conditions?: DeploymentCondition[]): Deployment {
  return {
    metadata: { name: 'progress-test' },
    spec: { progressDeadlineSeconds: pds, replicas, strategy: { type: 'Recreate' }, selector: {}, template: {} },
    status: { ...status(statusReplicas, updated, available), conditions },
  }
}
function newRSWithAvailable(name: string, specReplicas: number, statusReplicas: number, available: number): ReplicaSet {
  return { metadata: { name }, spec: { replicas: specReplicas, selector: {} },
    status: { replicas: statusReplicas, availableReplicas: available } }
}

const us = 1_000_000

describe('requeueStuckDeployment (TestRequeueStuckDeployment)', () => {
  const pds = 60
  const failed: DeploymentCondition[] = [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }]
  const stuck: DeploymentCondition[] = [{ type: 'Progressing', status: 'True', lastUpdateTime: '2017-02-15T18:49:00Z' }]
  const cases: Array<[string, Deployment, DeploymentStatus, string, RequeueDecision]> = [
    ['nil progressDeadlineSeconds specified', currentDeployment(undefined, 4, 3, 3, 2), status(3, 3, 2),
      '2017-02-15T18:49:00Z', { kind: 'none' }],
    ['infinite progressDeadlineSeconds specified', currentDeployment(2147483647, 4, 3, 3, 2), status(3, 3, 2),
      '2017-02-15T18:49:00Z', { kind: 'none' }],
    ['no progressing condition found', currentDeployment(pds, 4, 3, 3, 2), status(3, 3, 2), '2017-02-15T18:49:00Z',
      { kind: 'none' }],
    ['complete deployment does not need to be requeued', currentDeployment(pds, 3, 3, 3, 3), status(3, 3, 3),
      '2017-02-15T18:49:00Z', { kind: 'none' }],
    ['already failed deployment does not need to be requeued', currentDeployment(pds, 3, 3, 3, 0, failed),
      status(3, 3, 0), '2017-02-15T18:49:00Z', { kind: 'none' }],
    ['stuck deployment - 30s', currentDeployment(pds, 3, 3, 3, 1, stuck), status(3, 3, 1), '2017-02-15T18:49:30Z',
      { kind: 'after', after: 30 * us, enqueueAfter: 31 * us }],
    ['stuck deployment - 1s', currentDeployment(pds, 3, 3, 3, 1, stuck), status(3, 3, 1), '2017-02-15T18:49:59Z',
      { kind: 'after', after: 1 * us, enqueueAfter: 2 * us }],
    // Upstream uses 1ns past 18:49:59; RFC3339 with milliseconds is the finest our clock strings carry.
    ['failed deployment - less than a second => now', currentDeployment(pds, 3, 3, 3, 1, stuck), status(3, 3, 1),
      '2017-02-15T18:49:59.001Z', { kind: 'now' }],
    ['failed deployment - now', currentDeployment(pds, 3, 3, 3, 1, stuck), status(3, 3, 1), '2017-02-15T18:50:00Z',
      { kind: 'now' }],
    ['failed deployment - 1s after deadline', currentDeployment(pds, 3, 3, 3, 1, stuck), status(3, 3, 1),
      '2017-02-15T18:50:01Z', { kind: 'now' }],
    ['failed deployment - 60s after deadline', currentDeployment(pds, 3, 3, 3, 1, stuck), status(3, 3, 1),
      '2017-02-15T18:51:00Z', { kind: 'now' }],
  ]
  for (const [name, d, newStatus, now, expected] of cases) {
    it(name, () => expect(requeueStuckDeployment(d, newStatus, now)).toEqual(expected))
  }
})

describe('syncRolloutStatus (TestSyncRolloutStatus)', () => {
  const pds = 60
  const testTime = '2017-02-15T18:49:00Z'
  // Upstream's "now" is the wall clock, years after testTime; any instant past the deadline behaves the same.
  const now = '2026-03-01T10:00:00Z'
  const failedTimedOut: DeploymentCondition = { type: 'Progressing', status: 'False',
    reason: 'ProgressDeadlineExceeded' }
  const newRSAvailable: DeploymentCondition = { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable',
    lastUpdateTime: testTime, lastTransitionTime: testTime }
  const replicaSetUpdated: DeploymentCondition = { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated',
    lastUpdateTime: testTime, lastTransitionTime: testTime }
  type Case = { name: string; d: Deployment; allRSs: ReplicaSet[]; newRS?: ReplicaSet; conditionStatus?: string;
    conditionReason?: string; lastUpdate?: boolean; lastTransition?: boolean }
  const cases: Case[] = [
    { name: 'General: remove Progressing condition and do not estimate progress if deployment has no Progress Deadline',
      d: currentDeployment(undefined, 3, 2, 2, 2, [replicaSetUpdated]), allRSs: [newRSWithAvailable('bar', 0, 1, 1)],
      newRS: newRSWithAvailable('foo', 3, 2, 2) },
    { name: 'General: do not estimate progress of deployment with only one active ReplicaSet',
      d: currentDeployment(pds, 3, 3, 3, 3, [newRSAvailable]), allRSs: [newRSWithAvailable('bar', 3, 3, 3)],
      conditionStatus: 'True', conditionReason: 'NewReplicaSetAvailable', lastUpdate: true, lastTransition: true },
    { name: 'DeploymentProgressing: dont update lastTransitionTime if deployment already has Progressing=True',
      d: currentDeployment(pds, 3, 2, 2, 2, [replicaSetUpdated]), allRSs: [newRSWithAvailable('bar', 0, 1, 1)],
      newRS: newRSWithAvailable('foo', 3, 2, 2), conditionStatus: 'True', conditionReason: 'ReplicaSetUpdated',
      lastTransition: true },
    { name: 'DeploymentProgressing: update everything if deployment has Progressing=False',
      d: currentDeployment(pds, 3, 2, 2, 2, [failedTimedOut]), allRSs: [newRSWithAvailable('bar', 0, 1, 1)],
      newRS: newRSWithAvailable('foo', 3, 2, 2), conditionStatus: 'True', conditionReason: 'ReplicaSetUpdated' },
    { name: 'DeploymentProgressing: create Progressing condition if it does not exist',
      d: currentDeployment(pds, 3, 2, 2, 2, []), allRSs: [newRSWithAvailable('bar', 0, 1, 1)],
      newRS: newRSWithAvailable('foo', 3, 2, 2), conditionStatus: 'True', conditionReason: 'ReplicaSetUpdated' },
    { name: 'DeploymentComplete: dont update lastTransitionTime if deployment already has Progressing=True',
      d: currentDeployment(pds, 3, 3, 3, 3, [replicaSetUpdated]), allRSs: [], newRS: newRSWithAvailable('foo', 3, 3, 3),
      conditionStatus: 'True', conditionReason: 'NewReplicaSetAvailable', lastTransition: true },
    { name: 'DeploymentComplete: update everything if deployment has Progressing=False',
      d: currentDeployment(pds, 3, 3, 3, 3, [failedTimedOut]), allRSs: [], newRS: newRSWithAvailable('foo', 3, 3, 3),
      conditionStatus: 'True', conditionReason: 'NewReplicaSetAvailable' },
    { name: 'DeploymentComplete: create Progressing condition if it does not exist',
      d: currentDeployment(pds, 3, 3, 3, 3, []), allRSs: [], newRS: newRSWithAvailable('foo', 3, 3, 3),
      conditionStatus: 'True', conditionReason: 'NewReplicaSetAvailable' },
    { name: 'DeploymentComplete: defend against NPE when newRS=nil',
      d: currentDeployment(pds, 0, 3, 3, 3, [replicaSetUpdated]), allRSs: [newRSWithAvailable('foo', 0, 0, 0)],
      conditionStatus: 'True', conditionReason: 'NewReplicaSetAvailable' },
    { name: 'DeploymentTimedOut: update status if rollout exceeds Progress Deadline',
      d: currentDeployment(pds, 3, 2, 2, 2, [replicaSetUpdated]), allRSs: [], newRS: newRSWithAvailable('foo', 3, 2, 2),
      conditionStatus: 'False', conditionReason: 'ProgressDeadlineExceeded' },
    { name: 'DeploymentTimedOut: do not update status if deployment has existing timedOut condition',
      d: currentDeployment(pds, 3, 2, 2, 2, [failedTimedOut]), allRSs: [], newRS: newRSWithAvailable('foo', 3, 2, 2),
      conditionStatus: 'False', conditionReason: 'ProgressDeadlineExceeded', lastUpdate: true, lastTransition: true },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const allRSs = c.newRS ? [...c.allRSs, c.newRS] : c.allRSs
      const { status: s } = syncRolloutStatus(allRSs, c.newRS, c.d, now)
      const cond = getDeploymentCondition(s, 'Progressing')
      if (c.conditionReason === undefined) {
        expect(cond).toBeUndefined()
        return
      }
      expect([cond?.status, cond?.reason]).toEqual([c.conditionStatus, c.conditionReason])
      const previous = getDeploymentCondition(c.d.status, 'Progressing')
      if (c.lastUpdate) expect(cond?.lastUpdateTime).toBe(previous?.lastUpdateTime)
      if (c.lastTransition) expect(cond?.lastTransitionTime).toBe(previous?.lastTransitionTime)
    })
  }
  it('writes upstream messages naming the new ReplicaSet', () => {
    const newRS = newRSWithAvailable('foo', 3, 3, 3)
    const r = syncRolloutStatus([newRS], newRS, currentDeployment(pds, 3, 3, 3, 3, []), now)
    expect(r.changed).toBe(true)
    expect(getDeploymentCondition(r.status,
      'Progressing')?.message).toBe('ReplicaSet "foo" has successfully progressed.')
    const stuckRS = newRSWithAvailable('foo', 3, 2, 2)
    const t = syncRolloutStatus([stuckRS], stuckRS, currentDeployment(pds, 3, 2, 2, 2, [replicaSetUpdated]), now)
    expect(getDeploymentCondition(t.status, 'Progressing')?.message).toBe('ReplicaSet "foo" has timed out progressing.')
  })
  it('asks to look again at the deadline when nothing changed', () => {
    const rsNow: ReplicaSet = newRSWithAvailable('foo', 3, 2, 2)
    const cond: DeploymentCondition = { ...replicaSetUpdated, lastUpdateTime: '2026-03-01T09:59:30Z' }
    const d = currentDeployment(pds, 3, 2, 2, 2, [
      { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable',
        message: 'Deployment does not have minimum availability.', lastUpdateTime: now, lastTransitionTime: now },
      cond,
    ])
    // The status as the last sync wrote it (terminatingReplicas included: the v1.35 gate is on).
    const written: DeploymentStatusV135 = { ...d.status, readyReplicas: 0, unavailableReplicas: 1,
      terminatingReplicas: 0 }
    d.status = written
    const r = syncRolloutStatus([rsNow], rsNow, d, now)
    expect(r.changed).toBe(false)
    expect(r.requeue).toEqual({ kind: 'after', after: 30 * us, enqueueAfter: 31 * us })
  })
})

describe('checkPausedConditions', () => {
  const now = '2026-03-01T10:00:00Z'
  it('marks a paused Deployment Progressing=Unknown DeploymentPaused', () => {
    const d = currentDeployment(600, 3, 3, 3, 3, [])
    d.spec!.paused = true
    expect(getDeploymentCondition(checkPausedConditions(d, now), 'Progressing')).toMatchObject({ status: 'Unknown',
      reason: 'DeploymentPaused', message: 'Deployment is paused' })
  })
  it('marks a resumed one DeploymentResumed, and never overwrites ProgressDeadlineExceeded', () => {
    const paused: DeploymentCondition = { type: 'Progressing', status: 'Unknown', reason: 'DeploymentPaused' }
    expect(getDeploymentCondition(checkPausedConditions(currentDeployment(600, 3, 3, 3, 3, [paused]), now),
      'Progressing')).toMatchObject({ reason: 'DeploymentResumed', message: 'Deployment is resumed' })
    const d = currentDeployment(600, 3, 3, 3, 3, [{ type: 'Progressing', status: 'False',
      reason: 'ProgressDeadlineExceeded' }])
    d.spec!.paused = true
    expect(checkPausedConditions(d, now)).toBeUndefined()
  })
})
