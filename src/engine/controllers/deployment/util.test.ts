/**
 * Tables port kubernetes/kubernetes pkg/controller/deployment/util/deployment_util_test.go (v1.35):
 * TestEqualIgnoreHash,
 * TestFindNewReplicaSet, TestFindOldReplicaSets, TestGetReplicaCountForReplicaSets, TestResolveFenceposts,
 * TestNewRSNewReplicas, TestDeploymentComplete, TestDeploymentProgressing, TestDeploymentTimedOut, TestMaxUnavailable,
 * TestMinAvailable, TestGetNonNegativeInt32FromAnnotation, TestAnnotationUtils, TestReplicasAnnotationsNeedUpdate,
 * TestGetReplicaSetFraction.
 */
import { describe, expect, it } from 'vitest'
import type { Deployment, DeploymentStatus, PodTemplateSpec, ReplicaSet } from '../../api/types.ts'
import type { IntOrString } from './intstr.ts'
import {
  cloneSelectorAndAddLabel, DefaultDeploymentUniqueLabelKey, deploymentComplete, labelPodTemplateHash, newRSName,
  deploymentProgressing, deploymentTimedOut,
  DesiredReplicasAnnotation, equalIgnoreHash, findNewReplicaSet, findOldReplicaSets,
  getActualReplicaCountForReplicaSets, getDesiredReplicasAnnotation, getReplicaCountForReplicaSets,
  getReplicaSetFraction, getTerminatingReplicaCountForReplicaSets, isSaturated, lastRevision, maxRevision,
  MaxReplicasAnnotation, maxUnavailable, minAvailable, newRSNewReplicas, NewRSAvailableReason,
  replicasAnnotationsNeedUpdate, resolveFenceposts, RevisionAnnotation, RevisionHistoryAnnotation,
  setNewReplicaSetAnnotations, setReplicasAnnotations,
} from './util.ts'

const podTemplate = (name: string, nodeName: string, annotations: Record<string, string>,
  labels: Record<string, string>): PodTemplateSpec => ({ metadata: { name, annotations, labels }, spec: { nodeName,
  containers: [] } })

// generateDeployment / generateRS of the upstream test file.
function generateDeployment(image: string): Deployment {
  const podLabels = { name: image }
  return {
    metadata: { name: image, annotations: {} },
    spec: {
      replicas: 1,
      selector: { matchLabels: podLabels },
      template: {
        metadata: { labels: podLabels },
        spec: {
          containers: [{ name: image, image, imagePullPolicy: 'Always',
            terminationMessagePath: '/dev/termination-log' }],
          dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, restartPolicy: 'Always',
          enableServiceLinks: true,
        },
      },
    },
  }
}
let uid = 0
function generateRS(d: Deployment, name = `${d.metadata?.name}-rs${++uid}`): ReplicaSet {
  const template = structuredClone(d.spec?.template ?? {})
  return {
    metadata: { uid: `uid-${name}`, name, labels: { ...(template.metadata?.labels ?? {}) },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata?.name ?? '', uid: '',
        controller: true }] },
    spec: { replicas: 0, template, selector: { matchLabels: template.metadata?.labels } },
  }
}
const withLabel = (rs: ReplicaSet, k: string, v: string): ReplicaSet =>
  ({ ...rs, spec: { ...rs.spec!, template: { ...rs.spec!.template, metadata: { ...rs.spec!.template!.metadata,
    labels: { ...rs.spec!.template!.metadata!.labels, [k]: v } } } } })
const at = (rs: ReplicaSet, creationTimestamp: string): ReplicaSet =>
  ({ ...rs, metadata: { ...rs.metadata, creationTimestamp } })
const replicas = (rs: ReplicaSet, n: number): ReplicaSet => ({ ...rs, spec: { ...rs.spec!, replicas: n } })

describe('equalIgnoreHash (TestEqualIgnoreHash)', () => {
  const h = DefaultDeploymentUniqueLabelKey
  const cases: Array<[string, PodTemplateSpec, PodTemplateSpec, boolean]> = [
    ['Same spec, same labels', podTemplate('foo', 'foo-node', {}, { [h]: 'value-1', something: 'else' }),
      podTemplate('foo', 'foo-node', {}, { [h]: 'value-1', something: 'else' }), true],
    ['Same spec, only pod-template-hash label value is different',
      podTemplate('foo', 'foo-node', {}, { [h]: 'value-1', something: 'else' }),
      podTemplate('foo', 'foo-node', {}, { [h]: 'value-2', something: 'else' }), true],
    ["Same spec, the former doesn't have pod-template-hash label",
      podTemplate('foo', 'foo-node', {}, { something: 'else' }),
      podTemplate('foo', 'foo-node', {}, { [h]: 'value-2', something: 'else' }), true],
    ["Same spec, the label is different, the former doesn't have pod-template-hash label, same number of labels",
      podTemplate('foo', 'foo-node', {}, { something: 'else' }), podTemplate('foo', 'foo-node', {}, { [h]: 'value-2' }),
      false],
    ["Same spec, the label is different, the latter doesn't have pod-template-hash label, same number of labels",
      podTemplate('foo', 'foo-node', {}, { [h]: 'value-1' }), podTemplate('foo', 'foo-node', {}, { something: 'else' }),
      false],
    ['Same spec, the label is different, and the pod-template-hash label value is the same',
      podTemplate('foo', 'foo-node', {}, { [h]: 'value-1' }),
      podTemplate('foo', 'foo-node', {}, { [h]: 'value-1', something: 'else' }), false],
    ['Different spec, same labels', podTemplate('foo', 'foo-node', { former: 'value' }, { [h]: 'value-1',
      something: 'else' }),
      podTemplate('foo', 'foo-node', { latter: 'value' }, { [h]: 'value-1', something: 'else' }), false],
    ['Different spec, different pod-template-hash label value',
      podTemplate('foo-1', 'foo-node', {}, { [h]: 'value-1', something: 'else' }),
      podTemplate('foo-2', 'foo-node', {}, { [h]: 'value-2', something: 'else' }), false],
    ["Different spec, the former doesn't have pod-template-hash label",
      podTemplate('foo-1', 'foo-node-1', {}, { something: 'else' }),
      podTemplate('foo-2', 'foo-node-2', {}, { [h]: 'value-2', something: 'else' }), false],
    ['Different spec, different labels', podTemplate('foo', 'foo-node-1', {}, { something: 'else' }),
      podTemplate('foo', 'foo-node-2', {}, { nothing: 'else' }), false],
  ]
  for (const [name, former, latter, expected] of cases) {
    it(name, () => {
      expect(equalIgnoreHash(former, latter)).toBe(expected)
      expect(equalIgnoreHash(latter, former)).toBe(expected)
      // Upstream also checks the inputs keep their labels: nothing is mutated.
      expect(former.metadata?.labels).toBeDefined()
    })
  }
})

describe('findNewReplicaSet (TestFindNewReplicaSet)', () => {
  const now = '2026-01-01T00:00:00Z'
  const later = '2026-01-01T00:01:00Z'
  const deployment = generateDeployment('nginx')
  const newRS = at(withLabel(generateRS(deployment), DefaultDeploymentUniqueLabelKey, 'hash'), later)
  const newRSDup = at(withLabel(generateRS(deployment), DefaultDeploymentUniqueLabelKey, 'different-hash'), now)
  const oldDeployment = generateDeployment('nginx')
  oldDeployment.spec!.template.spec!.containers[0].name = 'nginx-old-1'
  const oldRS = generateRS(oldDeployment)
  it('Get new ReplicaSet with the same template as Deployment spec but different pod-template-hash value', () => {
    expect(findNewReplicaSet(deployment, [newRS, oldRS])).toBe(newRS)
  })
  it('Get the oldest new ReplicaSet when there are more than one ReplicaSet with the same template', () => {
    expect(findNewReplicaSet(deployment, [newRS, oldRS, newRSDup])).toBe(newRSDup)
  })
  it('Get nil new ReplicaSet', () => {
    expect(findNewReplicaSet(deployment, [oldRS])).toBeUndefined()
  })
})

describe('findOldReplicaSets (TestFindOldReplicaSets)', () => {
  const now = '2026-01-01T00:00:00Z'
  const later = '2026-01-01T00:01:00Z'
  const before = '2025-12-31T23:59:00Z'
  const deployment = generateDeployment('nginx')
  const newRS = replicas(at(withLabel(generateRS(deployment), DefaultDeploymentUniqueLabelKey, 'hash'), later), 1)
  const newRSDup = at(withLabel(generateRS(deployment), DefaultDeploymentUniqueLabelKey, 'different-hash'), now)
  const oldDeployment = generateDeployment('nginx')
  oldDeployment.spec!.template.spec!.containers[0].name = 'nginx-old-1'
  const oldRS = at(generateRS(oldDeployment), before)
  const cases: Array<[string, ReplicaSet[], ReplicaSet[], ReplicaSet[]]> = [
    ['Get old ReplicaSets', [newRS, oldRS], [oldRS], []],
    ['Get old ReplicaSets with no new ReplicaSet', [oldRS], [oldRS], []],
    ['Get old ReplicaSets with two new ReplicaSets, only the oldest new ReplicaSet is seen as new ReplicaSet',
      [oldRS, newRS, newRSDup], [oldRS, newRS], [newRS]],
    ['Get empty old ReplicaSets', [newRS], [], []],
  ]
  for (const [name, rsList, expected, expectedRequire] of cases) {
    it(name, () => {
      const { requiredRSs, allRSs } = findOldReplicaSets(deployment, rsList)
      expect(allRSs).toEqual(expected)
      expect(requiredRSs).toEqual(expectedRequire)
    })
  }
})

describe('replica counts (TestGetReplicaCountForReplicaSets)', () => {
  const rs = (name: string, spec: number, status: number, observedGeneration: number,
    terminatingReplicas?: number): ReplicaSet => ({
    metadata: { name }, spec: { replicas: spec, selector: {} },
    status: { replicas: status, observedGeneration,
      ...(terminatingReplicas === undefined ? {} : { terminatingReplicas }) },
  })
  // Upstream's rs2 keeps observedGeneration 0 (its setup sets rs1's twice); it counts because it reports a number.
  const rs1 = rs('foo-rs', 1, 2, 1, 3)
  const rs2 = rs('bar-rs', 2, 3, 0, 1)
  const rs3 = rs('unsynced-rs', 3, 0, 0)
  const rs4 = rs('dropped-rs', 1, 1, 1)
  const cases: Array<[string, ReplicaSet[], number, number, number | undefined]> = [
    ['scaling down rs1', [rs1], 1, 2, 3],
    ['scaling down rs1 and rs2', [rs1, rs2], 3, 5, 4],
    ['scaling up rs3', [rs3], 3, 0, 0],
    ['scaling down rs1 and rs2 and scaling up rs3', [rs1, rs2, rs3], 6, 5, 4],
    ['invalid/unknown terminating status for rs4', [rs4], 1, 1, undefined],
    ['invalid/unknown terminating status for rs4 with rs1, rs2 and rs3', [rs1, rs2, rs3, rs4], 7, 6, undefined],
  ]
  for (const [name, sets, count, actual, terminating] of cases) {
    it(name, () => {
      expect(getReplicaCountForReplicaSets(sets)).toBe(count)
      expect(getActualReplicaCountForReplicaSets(sets)).toBe(actual)
      expect(getTerminatingReplicaCountForReplicaSets(sets)).toBe(terminating)
    })
  }
})

describe('resolveFenceposts (TestResolveFenceposts)', () => {
  const cases: Array<[IntOrString | undefined, IntOrString | undefined, number, number, number, boolean]> = [
    ['0%', '0%', 0, 0, 1, false],
    ['39%', '39%', 10, 4, 3, false],
    ['oops', '39%', 10, 0, 0, true],
    ['55%', 'urg', 10, 0, 0, true],
    [undefined, '39%', 10, 0, 3, false],
    ['39%', undefined, 10, 4, 0, false],
    [undefined, undefined, 10, 0, 1, false],
  ]
  cases.forEach(([surge, unavailable, desired, expectSurge, expectUnavailable, expectError], i) => {
    it(`${i}`, () => {
      const r = resolveFenceposts(surge, unavailable, desired)
      expect(!r.ok).toBe(expectError)
      if (r.ok) expect([r.surge, r.unavailable]).toEqual([expectSurge, expectUnavailable])
    })
  })
  it('reports intstr errors with upstream wording', () => {
    expect(resolveFenceposts('oops', 0, 10)).toEqual({ ok: false,
      error: 'invalid value for IntOrString: invalid type: string is not a percentage' })
    expect(resolveFenceposts('x%', 0, 10)).toEqual({ ok: false,
      error: 'invalid value for IntOrString: invalid value "x%": strconv.Atoi: parsing "x": invalid syntax' })
  })
})

function rollingDeployment(desired: number, maxSurgeValue: IntOrString, maxUnavailableValue: IntOrString,
  status: DeploymentStatus = {}): Deployment {
  return {
    spec: {
      replicas: desired, selector: {}, template: {},
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: maxSurgeValue,
        maxUnavailable: maxUnavailableValue } },
    },
    status,
  }
}

describe('newRSNewReplicas (TestNewRSNewReplicas)', () => {
  const cases: Array<[string, string, number, number, number, number]> = [
    ['can not scale up - to newRSReplicas', 'RollingUpdate', 1, 5, 1, 5],
    ['scale up - to depReplicas', 'RollingUpdate', 6, 2, 10, 6],
    ['recreate - to depReplicas', 'Recreate', 3, 1, 1, 3],
  ]
  const base = generateDeployment('nginx')
  const rs5 = replicas(generateRS(base), 5)
  for (const [name, strategyType, depReplicas, newRSReplicas, surge, expected] of cases) {
    it(name, () => {
      const d: Deployment = { ...base, spec: { ...base.spec!, replicas: depReplicas,
        strategy: { type: strategyType, rollingUpdate: { maxUnavailable: 1, maxSurge: surge } } } }
      const newRC = replicas(generateRS(base), newRSReplicas)
      expect(newRSNewReplicas(d, [rs5], newRC)).toEqual({ ok: true, replicas: expected })
    })
  }
})

describe('deploymentComplete (TestDeploymentComplete)', () => {
  const deployment = (desired: number, current: number, updated: number, available: number, maxUnavail: number,
    surge: number): Deployment => rollingDeployment(desired, surge, maxUnavail,
    { replicas: current, updatedReplicas: updated, availableReplicas: available })
  const cases: Array<[string, Deployment, boolean]> = [
    ['not complete: min but not all pods become available', deployment(5, 5, 5, 4, 1, 0), false],
    ['not complete: min availability is not honored', deployment(5, 5, 5, 3, 1, 0), false],
    ['complete', deployment(5, 5, 5, 5, 0, 0), true],
    ['not complete: all pods are available but not updated', deployment(5, 5, 4, 5, 0, 0), false],
    ['not complete: still running old pods', deployment(1, 2, 1, 1, 0, 1), false],
    ['not complete: one replica deployment never comes up', deployment(1, 1, 1, 0, 1, 1), false],
  ]
  for (const [name, d, expected] of cases) it(name, () => expect(deploymentComplete(d, d.status!)).toBe(expected))
})

describe('deploymentProgressing (TestDeploymentProgressing)', () => {
  const st = (replicas: number, updatedReplicas: number, readyReplicas: number, availableReplicas: number):
    DeploymentStatus => ({ replicas, updatedReplicas, readyReplicas, availableReplicas })
  const cases: Array<[string, DeploymentStatus, DeploymentStatus, boolean]> = [
    ['progressing: updated pods', st(10, 4, 4, 4), st(10, 6, 4, 4), true],
    ['not progressing', st(10, 4, 4, 4), st(10, 4, 4, 4), false],
    ['progressing: old pods removed', st(10, 4, 6, 6), st(8, 4, 6, 6), true],
    ['not progressing: less new pods', st(10, 7, 3, 3), st(10, 6, 3, 3), false],
    ['progressing: less overall but more new pods', st(10, 4, 7, 7), st(8, 8, 5, 5), true],
    ['progressing: more ready pods', st(10, 10, 9, 8), st(10, 10, 10, 8), true],
    ['progressing: more available pods', st(10, 10, 10, 9), st(10, 10, 10, 10), true],
  ]
  for (const [name, old, next, expected] of cases) {
    it(name, () => expect(deploymentProgressing({ status: old }, next)).toBe(expected))
  }
})

describe('deploymentTimedOut (TestDeploymentTimedOut)', () => {
  const time = (min: number, sec: number) => `2016-01-01T00:${String(min).padStart(2, '0')}:${String(sec)
    .padStart(2, '0')}Z`
  const deployment = (reason: string, pds: number | undefined, from: string): Deployment => ({
    spec: { progressDeadlineSeconds: pds, selector: {}, template: {} },
    status: { conditions: [{ type: 'Progressing', status: 'True', reason, lastUpdateTime: from }] },
  })
  const cases: Array<[string, Deployment, string, boolean]> = [
    ['nil progressDeadlineSeconds specified - no timeout', deployment('', undefined, time(1, 9)), time(1, 20), false],
    ['infinite progressDeadlineSeconds specified - no timeout', deployment('', 2147483647, time(1, 9)), time(1, 20),
      false],
    ['progressDeadlineSeconds: 10s, now - started => 00:01:20 - 00:01:09 => 11s', deployment('', 10, time(1, 9)),
      time(1, 20), true],
    ['progressDeadlineSeconds: 10s, now - started => 00:01:20 - 00:01:11 => 9s', deployment('', 10, time(1, 11)),
      time(1, 20), false],
    ['previous status was a complete deployment', deployment(NewRSAvailableReason, undefined, '0001-01-01T00:00:00Z'),
      time(1, 20), false],
  ]
  for (const [name, d, now, expected] of cases) it(name, () => expect(deploymentTimedOut(d, d.status!,
    now)).toBe(expected))
})

describe('maxUnavailable (TestMaxUnavailable) and minAvailable (TestMinAvailable)', () => {
  const unavailableCases: Array<[string, Deployment, number]> = [
    ['maxUnavailable less than replicas', rollingDeployment(10, 1, 5), 5],
    ['maxUnavailable equal replicas', rollingDeployment(10, 1, 10), 10],
    ['maxUnavailable greater than replicas', rollingDeployment(5, 1, 10), 5],
    ['maxUnavailable with replicas is 0', rollingDeployment(0, 1, 10), 0],
    ['maxUnavailable with Recreate deployment strategy', { spec: { selector: {}, template: {},
      strategy: { type: 'Recreate' } } }, 0],
    ['maxUnavailable less than replicas with percents', rollingDeployment(10, 1, '50%'), 5],
    ['maxUnavailable equal replicas with percents', rollingDeployment(10, 1, '100%'), 10],
    ['maxUnavailable greater than replicas with percents', rollingDeployment(5, 1, '100%'), 5],
  ]
  for (const [name, d, expected] of unavailableCases) it(name, () => expect(maxUnavailable(d)).toBe(expected))
  const availableCases: Array<[string, Deployment, number]> = [
    ['replicas greater than maxUnavailable', rollingDeployment(10, 1, 5), 5],
    ['replicas equal maxUnavailable', rollingDeployment(10, 1, 10), 0],
    ['replicas less than maxUnavailable', rollingDeployment(5, 1, 10), 0],
    ['replicas is 0', rollingDeployment(0, 1, 10), 0],
    ['minAvailable with Recreate deployment strategy', { spec: { replicas: 10, selector: {}, template: {},
      strategy: { type: 'Recreate' } } }, 0],
    ['replicas greater than maxUnavailable with percents', rollingDeployment(10, 1, '60%'), 4],
    ['replicas equal maxUnavailable with percents', rollingDeployment(10, 1, '100%'), 0],
    ['replicas less than maxUnavailable with percents', rollingDeployment(5, 1, '100%'), 0],
  ]
  for (const [name, d, expected] of availableCases) it(name, () => expect(minAvailable(d)).toBe(expected))
})

describe('annotations (TestGetNonNegativeInt32FromAnnotation via getDesiredReplicasAnnotation)', () => {
  const cases: Array<[string, Record<string, string> | undefined, number | undefined]> = [
    ['invalid empty', undefined, undefined],
    ['invalid', { [DesiredReplicasAnnotation]: 'invalid', foo: '2' }, undefined],
    ['invalid negative ', { [DesiredReplicasAnnotation]: '-1', foo: '2' }, undefined],
    ['valid zero', { [DesiredReplicasAnnotation]: '0', foo: '2' }, 0],
    ['valid', { [DesiredReplicasAnnotation]: '13', foo: '2' }, 13],
    ['valid max', { [DesiredReplicasAnnotation]: '2147483647', foo: '2' }, 2147483647],
    ['invalid max out of range', { [DesiredReplicasAnnotation]: '2147483648', foo: '2' }, undefined],
    ['invalid max out of range 2', { [DesiredReplicasAnnotation]: '4294967296', foo: '2' }, undefined],
  ]
  for (const [name, annotations, expected] of cases) {
    it(name, () => expect(getDesiredReplicasAnnotation({ metadata: { annotations } })).toBe(expected))
  }
})

describe('TestAnnotationUtils', () => {
  const tDeployment = generateDeployment('nginx')
  tDeployment.metadata!.annotations![RevisionAnnotation] = '1'
  let annotations: Record<string, string> | undefined
  it('SetNewReplicaSetAnnotations', () => {
    for (let i = 10; i < 20; i++) {
      const nextRevision = String(i + 1)
      annotations = setNewReplicaSetAnnotations(tDeployment, annotations, nextRevision, true, 5).annotations
      if (i >= 12) expect(annotations[RevisionHistoryAnnotation]).toBe(`${i - 1},${i}`)
      expect(annotations[RevisionAnnotation]).toBe(nextRevision)
    }
  })
  it('SetReplicasAnnotations', () => {
    const r = setReplicasAnnotations(annotations, 10, 11)
    expect(r.changed).toBe(true)
    expect(r.annotations[DesiredReplicasAnnotation]).toBe('10')
    expect(r.annotations[MaxReplicasAnnotation]).toBe('11')
  })
  it('IsSaturated', () => {
    const rs: ReplicaSet = { metadata: { annotations: { ...annotations, [DesiredReplicasAnnotation]: '1' } },
      spec: { replicas: 1, selector: {} }, status: { replicas: 1, availableReplicas: 1 } }
    expect(isSaturated(tDeployment, rs)).toBe(true)
  })
  it('copies the Deployment annotations except the controller-owned ones', () => {
    const d: Deployment = { ...tDeployment, metadata: { annotations: { [RevisionAnnotation]: '7',
      'kubernetes.io/change-cause': 'edit', 'kubectl.kubernetes.io/last-applied-configuration': '{}' } } }
    const r = setNewReplicaSetAnnotations(d, undefined, '3', false)
    expect(r.annotations).toEqual({ 'kubernetes.io/change-cause': 'edit', [RevisionAnnotation]: '3',
      [DesiredReplicasAnnotation]: '1', [MaxReplicasAnnotation]: '1' })
  })
})

describe('replicasAnnotationsNeedUpdate (TestReplicasAnnotationsNeedUpdate)', () => {
  const rs = (annotations?: Record<string, string>): ReplicaSet =>
    ({ metadata: { name: 'hello', namespace: 'test', annotations },
      spec: { selector: { matchLabels: { foo: 'bar' } } } })
  const cases: Array<[string, ReplicaSet, boolean]> = [
    ['test Annotations nil', rs(), true],
    ['test desiredReplicas update', rs({ [DesiredReplicasAnnotation]: '8', [MaxReplicasAnnotation]: '20' }), true],
    ['test maxReplicas update', rs({ [DesiredReplicasAnnotation]: '10', [MaxReplicasAnnotation]: '16' }), true],
    ["test needn't update", rs({ [DesiredReplicasAnnotation]: '10', [MaxReplicasAnnotation]: '20' }), false],
  ]
  for (const [name, r, expected] of cases) it(name, () => expect(replicasAnnotationsNeedUpdate(r, 10,
    20)).toBe(expected))
})

describe('getReplicaSetFraction (TestGetReplicaSetFraction)', () => {
  const cases: Array<[string, number, number, number, number, Record<string, string> | undefined, number]> = [
    ['empty deployment always scales to 0', 0, 0, 0, 10, undefined, -10],
    ['unsynced deployment does not scale when max-replicas annotation is missing (removed by a 3rd party)',
      10, 0, 0, 5, undefined, 0],
    ['unsynced deployment does not scale when max-replicas annotation is incorrectly set to 0 (by a 3rd party)',
      10, 0, 0, 5, { [MaxReplicasAnnotation]: '0' }, 0],
    ['scale up by 1/5 should increase RS replicas by 1/5 when max-replicas annotation is missing ' +
      '(removed by a 3rd party)',
      120, 100, 0, 50, undefined, 10],
    ['scale up by 1/5 should increase RS replicas by 1/5 when max-replicas annotation is incorrectly set to 0 ' +
      '(by a 3rd party)',
      120, 100, 0, 50, { [MaxReplicasAnnotation]: '0' }, 10],
    ['scale up by 1/5 should increase RS replicas by 1/5', 120, 0, 0, 50, { [MaxReplicasAnnotation]: '100' }, 10],
    ['scale up with maxSurge by 1/5 should increase RS replicas approximately by 1/5', 120, 0, 10, 50,
      { [MaxReplicasAnnotation]: '110' }, 9],
    ['scale down by 1/6 should decrease RS replicas by 1/6', 10, 0, 0, 6, { [MaxReplicasAnnotation]: '12' }, -1],
    ['scale down with maxSurge by 1/6 should decrease RS replicas approximately by 1/6', 100, 0, 10, 50,
      { [MaxReplicasAnnotation]: '130' }, -8],
  ]
  for (const [name, depReplicas, statusReplicas, surge, rsReplicas, annotations, expected] of cases) {
    it(name, () => {
      const d = rollingDeployment(depReplicas, surge, 1, { replicas: statusReplicas })
      const rs: ReplicaSet = { metadata: { annotations }, spec: { replicas: rsReplicas, selector: {} } }
      expect(getReplicaSetFraction(rs, d)).toBe(expected)
    })
  }
})

describe('maxRevision / lastRevision', () => {
  const rs = (rev?: string): ReplicaSet =>
    ({ metadata: { annotations: rev === undefined ? {} : { [RevisionAnnotation]: rev } } })
  it('skips unparseable revisions and treats a missing one as 0', () => {
    const all = [rs('3'), rs('x'), rs(), rs('5'), rs('4')]
    expect(maxRevision(all)).toBe(5)
    expect(lastRevision(all)).toBe(4)
  })
})

describe('labelPodTemplateHash / cloneSelectorAndAddLabel', () => {
  it('adds pod-template-hash without touching the original', () => {
    const t: PodTemplateSpec = { metadata: { labels: { app: 'web' } } }
    expect(labelPodTemplateHash(t, 'abc').metadata?.labels)
      .toEqual({ app: 'web', [DefaultDeploymentUniqueLabelKey]: 'abc' })
    expect(t.metadata?.labels).toEqual({ app: 'web' })
    expect(cloneSelectorAndAddLabel({ matchLabels: { app: 'web' } }, DefaultDeploymentUniqueLabelKey, 'abc'))
      .toEqual({ matchLabels: { app: 'web', [DefaultDeploymentUniqueLabelKey]: 'abc' } })
    expect(newRSName('web', 'abc')).toBe('web-abc')
  })
})
