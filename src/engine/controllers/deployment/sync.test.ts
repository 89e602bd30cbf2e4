/**
 * Tables port kubernetes/kubernetes pkg/controller/deployment/sync_test.go: TestScale (the cases without the
 * DeploymentPodReplacementPolicy gate, which is not in v1.35's defaults), TestDeploymentController_cleanupDeployment
 * and TestDeploymentController_cleanupDeploymentOrder; plus getNewReplicaSet's object, calculateStatus and
 * isScalingEvent as sync.go defines them.
 */
import { describe, expect, it } from 'vitest'
import type { Deployment, ReplicaSet } from '../../api/types.ts'
import type { IntOrString } from './intstr.ts'
import {
  applyScaleStep, calculateStatus, cleanupDeployment, isScalingEvent, newReplicaSetFor, onCreateAlreadyExists, scale,
  syncExistingNewReplicaSet,
} from './sync.ts'
import {
  DefaultDeploymentUniqueLabelKey, DesiredReplicasAnnotation, MaxReplicasAnnotation, maxSurge, RevisionAnnotation,
  setReplicasAnnotations,
} from './util.ts'

const newTimestamp = '2016-05-20T02:00:00Z'
const oldTimestamp = '2016-05-20T01:00:00Z'
const olderTimestamp = '2016-05-20T00:00:00Z'
const now = '2026-03-01T10:00:00Z'

// newDeployment of deployment_controller_test.go: RollingUpdate with maxSurge and maxUnavailable 0 unless given.
function newDeployment(name: string, replicas: number, revisionHistoryLimit?: number, surge?: IntOrString,
  unavailable?: IntOrString, selector: Record<string, string> = {}): Deployment {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { uid: `uid-${name}`, name, namespace: 'default', annotations: {} },
    spec: {
      replicas, revisionHistoryLimit, selector: { matchLabels: selector },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge ?? 0, maxUnavailable: unavailable ?? 0 } },
      template: { metadata: { labels: { ...selector } }, spec: { containers: [{ name: 'c', image: 'foo/bar' }] } },
    },
  }
}
function rs(name: string, replicas: number, creationTimestamp?: string): ReplicaSet {
  return { metadata: { name, namespace: 'default', creationTimestamp }, spec: { replicas, selector: {} } }
}
function annotate(r: ReplicaSet, oldDeployment: Deployment, desired?: number): ReplicaSet {
  const d = desired ?? oldDeployment.spec!.replicas!
  const a = setReplicasAnnotations(r.metadata?.annotations, d, d + maxSurge(oldDeployment)).annotations
  return { ...r, metadata: { ...r.metadata, annotations: a } }
}

describe('scale (TestScale)', () => {
  const updatedTemplate = (replicas: number): Deployment => {
    const d = newDeployment('foo', replicas, undefined, undefined, undefined, { foo: 'bar' })
    d.spec!.template.metadata!.labels!.another = 'label'
    return d
  }
  type Case = { name: string; deployment: Deployment; oldDeployment: Deployment; newRS?: ReplicaSet;
    oldRSs: ReplicaSet[]; expectedNew?: number; expectedOld: number[]; desired?: Record<string, number>;
    newAvailable?: number }
  const nd = (replicas: number, surge?: number, unavailable?: number) =>
    newDeployment('foo', replicas, undefined, surge, unavailable)
  const cases: Case[] = [
    { name: 'normal scaling event: 10 -> 12', deployment: nd(12), oldDeployment: nd(10),
      newRS: rs('foo-v1', 10, newTimestamp), oldRSs: [], expectedNew: 12, expectedOld: [] },
    { name: 'normal scaling event: 10 -> 5', deployment: nd(5), oldDeployment: nd(10),
      newRS: rs('foo-v1', 10, newTimestamp), oldRSs: [], expectedNew: 5, expectedOld: [] },
    { name: 'proportional scaling: 5 -> 10', deployment: nd(10), oldDeployment: nd(5),
      newRS: rs('foo-v2', 2, newTimestamp), oldRSs: [rs('foo-v1', 3, oldTimestamp)], expectedNew: 4, expectedOld: [6] },
    { name: 'proportional scaling: 5 -> 3', deployment: nd(3), oldDeployment: nd(5),
      newRS: rs('foo-v2', 2, newTimestamp), oldRSs: [rs('foo-v1', 3, oldTimestamp)], expectedNew: 1, expectedOld: [2] },
    { name: 'proportional scaling: 9 -> 4', deployment: nd(4), oldDeployment: nd(9),
      newRS: rs('foo-v2', 8, newTimestamp), oldRSs: [rs('foo-v1', 1, oldTimestamp)], expectedNew: 4, expectedOld: [0] },
    { name: 'proportional scaling: 7 -> 10', deployment: nd(10), oldDeployment: nd(7),
      newRS: rs('foo-v3', 2, newTimestamp), oldRSs: [rs('foo-v2', 3, oldTimestamp), rs('foo-v1', 2, olderTimestamp)],
      expectedNew: 3, expectedOld: [4, 3] },
    { name: 'proportional scaling: 13 -> 8', deployment: nd(8), oldDeployment: nd(13),
      newRS: rs('foo-v3', 2, newTimestamp), oldRSs: [rs('foo-v2', 8, oldTimestamp), rs('foo-v1', 3, olderTimestamp)],
      expectedNew: 1, expectedOld: [5, 2] },
    // Scales up the new replica set.
    { name: 'leftover distribution: 3 -> 4', deployment: nd(4), oldDeployment: nd(3),
      newRS: rs('foo-v3', 1, newTimestamp), oldRSs: [rs('foo-v2', 1, oldTimestamp), rs('foo-v1', 1, olderTimestamp)],
      expectedNew: 2, expectedOld: [1, 1] },
    // Scales down the older replica set.
    { name: 'leftover distribution: 3 -> 2', deployment: nd(2), oldDeployment: nd(3),
      newRS: rs('foo-v3', 1, newTimestamp), oldRSs: [rs('foo-v2', 1, oldTimestamp), rs('foo-v1', 1, olderTimestamp)],
      expectedNew: 1, expectedOld: [1, 0] },
    // Scales up the latest replica set first.
    { name: 'proportional scaling (no new rs): 4 -> 5', deployment: nd(5), oldDeployment: nd(4),
      oldRSs: [rs('foo-v2', 2, oldTimestamp), rs('foo-v1', 2, olderTimestamp)], expectedOld: [3, 2] },
    // Scales down to zero.
    { name: 'proportional scaling: 6 -> 0', deployment: nd(0), oldDeployment: nd(6),
      newRS: rs('foo-v3', 3, newTimestamp), oldRSs: [rs('foo-v2', 2, oldTimestamp), rs('foo-v1', 1, olderTimestamp)],
      expectedNew: 0, expectedOld: [0, 0] },
    // Scales up from zero.
    { name: 'proportional scaling: 0 -> 6', deployment: nd(6), oldDeployment: nd(6),
      newRS: rs('foo-v3', 0, newTimestamp), oldRSs: [rs('foo-v2', 0, oldTimestamp), rs('foo-v1', 0, olderTimestamp)],
      expectedNew: 6, expectedOld: [0, 0] },
    // Upstream injects an update failure for foo-v2; the plan itself is what the first attempt computes.
    { name: 'failed rs update', deployment: nd(5), oldDeployment: nd(5),
      newRS: rs('foo-v3', 2, newTimestamp), oldRSs: [rs('foo-v2', 1, oldTimestamp), rs('foo-v1', 1, olderTimestamp)],
      expectedNew: 2, expectedOld: [2, 1], desired: { 'foo-v2': 3 } },
    { name: 'deployment with surge pods', deployment: nd(20, 2), oldDeployment: nd(10, 2),
      newRS: rs('foo-v2', 6, newTimestamp), oldRSs: [rs('foo-v1', 6, oldTimestamp)],
      expectedNew: 11, expectedOld: [11] },
    { name: 'change both surge and size', deployment: nd(50, 6), oldDeployment: nd(10, 3),
      newRS: rs('foo-v2', 5, newTimestamp), oldRSs: [rs('foo-v1', 8, oldTimestamp)],
      expectedNew: 22, expectedOld: [34] },
    { name: 'change both size and template', deployment: updatedTemplate(14),
      oldDeployment: newDeployment('foo', 10, undefined, undefined, undefined, { foo: 'bar' }),
      oldRSs: [rs('foo-v2', 7, newTimestamp), rs('foo-v1', 3, oldTimestamp)], expectedOld: [10, 4] },
    { name: 'saturated but broken new replica set does not affect old pods', deployment: nd(2, 1, 1),
      oldDeployment: nd(2, 1, 1), newRS: rs('foo-v2', 2, newTimestamp), newAvailable: 0,
      oldRSs: [rs('foo-v1', 1, oldTimestamp)], expectedNew: 2, expectedOld: [1] },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const newRS = c.newRS ? annotate({ ...c.newRS, status: { replicas: 0, availableReplicas: c.newAvailable ?? 0 } },
        c.oldDeployment, c.desired?.[c.newRS.metadata!.name!]) : undefined
      const oldRSs = c.oldRSs.map((o) => annotate(o, c.oldDeployment, c.desired?.[o.metadata!.name!]))
      const steps = scale(c.deployment, newRS, oldRSs)
      const sizeOf = (r: ReplicaSet) => steps.find((s) => s.rsName === r.metadata!.name)?.to ?? r.spec!.replicas
      if (newRS) expect(sizeOf(newRS)).toBe(c.expectedNew)
      expect(oldRSs.map(sizeOf)).toEqual(c.expectedOld)
    })
  }
  it('proportional steps carry the scaling direction and refresh the replicas annotations', () => {
    const d = newDeployment('foo', 10)
    const old = newDeployment('foo', 5)
    const newRS = annotate(rs('foo-v2', 2, newTimestamp), old)
    const oldRS = annotate(rs('foo-v1', 3, oldTimestamp), old)
    const steps = scale(d, newRS, [oldRS])
    expect(steps).toEqual([
      { rsName: 'foo-v1', from: 3, to: 6, operation: 'up' },
      { rsName: 'foo-v2', from: 2, to: 4, operation: 'up' },
    ])
    const applied = applyScaleStep(oldRS, steps[0], d)
    expect(applied.rs.spec?.replicas).toBe(6)
    expect(applied.rs.metadata?.annotations).toEqual({ [DesiredReplicasAnnotation]: '10',
      [MaxReplicasAnnotation]: '10' })
    expect(applied.event).toEqual({ type: 'Normal', reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set foo-v1 from 3 to 6' })
  })
})

describe('cleanupDeployment (TestDeploymentController_cleanupDeployment)', () => {
  const withStatus = (name: string, specReplicas: number, statusReplicas: number): ReplicaSet =>
    ({ ...rs(name, specReplicas), status: { replicas: statusReplicas } })
  const alreadyDeleted: ReplicaSet = { ...withStatus('foo-1', 0, 0),
    metadata: { name: 'foo-1', deletionTimestamp: now } }
  const cases: Array<[ReplicaSet[], number, number]> = [
    [[withStatus('foo-1', 0, 0), withStatus('foo-2', 0, 0), withStatus('foo-3', 0, 0)], 1, 2],
    [[withStatus('foo-1', 0, 0), withStatus('foo-2', 0, 1), withStatus('foo-3', 1, 0), withStatus('foo-4', 1, 1)], 0,
      1],
    [[withStatus('foo-1', 0, 0), withStatus('foo-2', 0, 0)], 0, 2],
    [[withStatus('foo-1', 1, 1), withStatus('foo-2', 1, 1)], 0, 0],
    [[alreadyDeleted], 0, 0],
    [[withStatus('foo-1', 0, 0), withStatus('foo-2', 0, 0), withStatus('foo-3', 0, 0)], 2147483647, 0],
  ]
  cases.forEach(([oldRSs, limit, expected], i) => {
    it(`scenario ${i}`, () => {
      expect(cleanupDeployment(oldRSs, newDeployment('foo', 1, limit, undefined, undefined, { foo: 'bar' })).length)
        .toBe(expected)
    })
  })
})

describe('cleanupDeployment order (TestDeploymentController_cleanupDeploymentOrder)', () => {
  const base = Date.parse('2026-01-01T00:00:00Z')
  const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString().replace('.000Z', 'Z')
  const r = (name: string, replicas: number, minutes: number, revision: string): ReplicaSet => ({
    metadata: { name, creationTimestamp: at(minutes),
      annotations: revision ? { [RevisionAnnotation]: revision } : undefined },
    spec: { replicas, selector: {} }, status: { replicas },
  })
  const cases: Array<[string, ReplicaSet[], number, string[]]> = [
    ['revision order: rs1 < rs2, delete rs1', [r('foo-1', 0, -1, '1'), r('foo-2', 0, 0, '2')], 1, ['foo-1']],
    ['revision order: rs2 < rs1, delete rs2', [r('foo-1', 0, -1, '2'), r('foo-2', 0, 0, '1')], 1, ['foo-2']],
    ["rs1 has revision but rs2 doesn't have revision, delete rs2", [r('foo-1', 0, -1, '1'), r('foo-2', 0, 0, '')], 1,
      ['foo-2']],
    ["rs1 doesn't have revision while rs2 has revision, delete rs1", [r('foo-1', 0, -1, ''), r('foo-2', 0, 0, '2')], 1,
      ['foo-1']],
    ['revision order: rs1 < rs2 < r3, but rs1 has replicas, delete rs2',
      [r('foo-1', 1, -1, '1'), r('foo-2', 0, 0, '2'), r('foo-3', 0, 1, '3')], 1, ['foo-2']],
    ["revision order: rs1 < rs2 < r3, both rs1 && rs2 have replicas, don't delete",
      [r('foo-1', 1, -1, '1'), r('foo-2', 1, 0, '2'), r('foo-3', 0, 1, '3')], 1, []],
    ['revision order: rs2 < rs4 < rs1 < rs3, delete rs2 && rs4',
      [r('foo-1', 0, -1, '3'), r('foo-2', 0, 0, '1'), r('foo-3', 0, 1, '4'), r('foo-4', 0, 2, '2')], 2,
      ['foo-2', 'foo-4']],
  ]
  for (const [name, oldRSs, limit, expected] of cases) {
    it(name, () => {
      const deleted = cleanupDeployment(oldRSs, newDeployment('foo', 1, limit, undefined, undefined, { foo: 'bar' }))
      expect(deleted.map((x) => x.metadata?.name).sort()).toEqual(expected)
    })
  }
})

describe('newReplicaSetFor (getNewReplicaSet, new ReplicaSet)', () => {
  it('builds the ReplicaSet the controller creates', () => {
    const d = newDeployment('web', 3, 10, '25%', '25%', { app: 'web' })
    const r = newReplicaSetFor(d, [])
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const hash = r.hash
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/)
    expect(r.rs.metadata?.name).toBe(`web-${hash}`)
    expect(r.rs.metadata?.labels).toEqual({ app: 'web', [DefaultDeploymentUniqueLabelKey]: hash })
    expect(r.rs.spec?.selector).toEqual({ matchLabels: { app: 'web', [DefaultDeploymentUniqueLabelKey]: hash } })
    expect(r.rs.spec?.template?.metadata?.labels).toEqual({ app: 'web', [DefaultDeploymentUniqueLabelKey]: hash })
    expect(r.rs.metadata?.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web',
      uid: 'uid-web', blockOwnerDeletion: true, controller: true }])
    // 3 replicas, maxSurge 25% rounds up to 1: desired 3, max 4; a first rollout scales straight to 3.
    expect(r.rs.metadata?.annotations).toEqual({ [RevisionAnnotation]: '1', [DesiredReplicasAnnotation]: '3',
      [MaxReplicasAnnotation]: '4' })
    expect(r.rs.spec?.replicas).toBe(3)
    // The Deployment's own template is untouched.
    expect(d.spec?.template.metadata?.labels).toEqual({ app: 'web' })
  })
  it('starts a rollout within maxSurge and takes the next revision', () => {
    const d = newDeployment('web', 3, 10, 1, 0, { app: 'web' })
    const old: ReplicaSet = { metadata: { name: 'web-old', annotations: { [RevisionAnnotation]: '4' } },
      spec: { replicas: 3, selector: {} } }
    const r = newReplicaSetFor(d, [old])
    expect(r.ok && [r.rs.spec?.replicas, r.newRevision]).toEqual([1, '5'])
  })
  it('changes the hash with collisionCount', () => {
    const d = newDeployment('web', 1, 10, 1, 0, { app: 'web' })
    const a = newReplicaSetFor(d, [])
    const b = newReplicaSetFor({ ...d, status: { collisionCount: 1 } }, [])
    expect(a.ok && b.ok && a.hash !== b.hash).toBe(true)
  })
  it('adopts an equal ReplicaSet of its own on AlreadyExists, else bumps collisionCount', () => {
    const d = newDeployment('web', 1, 10, 1, 0, { app: 'web' })
    const r = newReplicaSetFor(d, [])
    if (!r.ok) throw new Error(r.error)
    expect(onCreateAlreadyExists(d, r.rs)).toEqual({ kind: 'adopt' })
    const foreign = { ...r.rs, metadata: { ...r.rs.metadata, ownerReferences: [] } }
    expect(onCreateAlreadyExists({ ...d, status: { collisionCount: 2 } }, foreign))
      .toEqual({ kind: 'collision', collisionCount: 3 })
  })
})

describe('syncExistingNewReplicaSet (getNewReplicaSet, existing new ReplicaSet)', () => {
  const d = newDeployment('web', 3, 10, 1, 0, { app: 'web' })
  d.spec!.progressDeadlineSeconds = 600
  const existing: ReplicaSet = { metadata: { name: 'web-abc', annotations: { [RevisionAnnotation]: '1',
    [DesiredReplicasAnnotation]: '3', [MaxReplicasAnnotation]: '4' } }, spec: { replicas: 3, selector: {} } }
  it('raises the revision of a rolled-back-to ReplicaSet', () => {
    const old: ReplicaSet = { metadata: { name: 'web-def', annotations: { [RevisionAnnotation]: '2' } } }
    const r = syncExistingNewReplicaSet(d, existing, [old], now)
    expect(r.kind).toBe('updateReplicaSet')
    if (r.kind === 'updateReplicaSet') {
      expect(r.rs.metadata?.annotations?.[RevisionAnnotation]).toBe('3')
      expect(r.rs.metadata?.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1')
    }
  })
  it('records the revision and FoundNewReplicaSet on the Deployment', () => {
    const r = syncExistingNewReplicaSet(d, existing, [], now)
    expect(r.kind).toBe('updateDeployment')
    if (r.kind === 'updateDeployment') {
      expect(r.deployment.metadata?.annotations?.[RevisionAnnotation]).toBe('1')
      expect(r.deployment.status?.conditions).toEqual([{ type: 'Progressing', status: 'True',
        reason: 'FoundNewReplicaSet', message: 'Found new replica set "web-abc"', lastUpdateTime: now,
        lastTransitionTime: now }])
    }
  })
})

describe('calculateStatus', () => {
  const base = newDeployment('web', 3, 10, 1, 0, { app: 'web' })
  const d: Deployment = { ...base, metadata: { ...base.metadata, generation: 4 } }
  const rsWith = (name: string, spec: number, status: number, ready: number, available: number,
    terminatingReplicas?: number): ReplicaSet => ({ metadata: { name }, spec: { replicas: spec, selector: {} },
    status: { replicas: status, readyReplicas: ready, availableReplicas: available, observedGeneration: 1,
      ...(terminatingReplicas === undefined ? {} : { terminatingReplicas }) } })
  it('counts replicas and sets Available=True with minimum availability', () => {
    const newRS = rsWith('web-new', 1, 1, 1, 1, 0)
    const s = calculateStatus([rsWith('web-old', 3, 3, 3, 3, 1), newRS], newRS, d, now)
    expect(s).toMatchObject({ observedGeneration: 4, replicas: 4, updatedReplicas: 1, readyReplicas: 4,
      availableReplicas: 4, unavailableReplicas: 0, terminatingReplicas: 1 })
    expect(s.conditions).toEqual([{ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable',
      message: 'Deployment has minimum availability.', lastUpdateTime: now, lastTransitionTime: now }])
  })
  it('sets Available=False below minimum availability, and leaves terminatingReplicas unknown when unreported', () => {
    const newRS = rsWith('web-new', 3, 3, 0, 0)
    const s = calculateStatus([newRS], newRS, d, now)
    expect(s.unavailableReplicas).toBe(3)
    expect('terminatingReplicas' in s).toBe(false)
    expect(s.conditions?.[0]).toMatchObject({ status: 'False', reason: 'MinimumReplicasUnavailable',
      message: 'Deployment does not have minimum availability.' })
  })
})

describe('isScalingEvent', () => {
  const d = newDeployment('foo', 5)
  it('is true when an active ReplicaSet records another desired size', () => {
    expect(isScalingEvent(d, annotate(rs('foo-v1', 3), newDeployment('foo', 3)), [])).toBe(true)
  })
  it('is false when the annotation matches or is missing', () => {
    expect(isScalingEvent(d, annotate(rs('foo-v1', 5), d), [rs('foo-v0', 1)])).toBe(false)
  })
})
