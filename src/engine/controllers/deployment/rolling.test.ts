/**
 * Tables port kubernetes/kubernetes pkg/controller/deployment/rolling_test.go (v1.35):
 * TestDeploymentController_reconcileNewReplicaSet, TestDeploymentController_reconcileOldReplicaSets,
 * TestDeploymentController_cleanupUnhealthyReplicas, TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate.
 * Upstream asserts on the fake client's Update actions; here the same values come back as plans.
 */
import { describe, expect, it } from 'vitest'
import type { Deployment, ReplicaSet } from '../../api/types.ts'
import type { IntOrString } from './intstr.ts'
import {
  cleanupUnhealthyReplicas, reconcileNewReplicaSet, reconcileOldReplicaSets, scaleDownOldReplicaSetsForRollingUpdate,
} from './rolling.ts'

// newDeployment / rs of deployment_controller_test.go.
function newDeployment(replicas: number, maxSurge: IntOrString, maxUnavailable: IntOrString): Deployment {
  return {
    metadata: { name: 'foo', namespace: 'default' },
    spec: { replicas, selector: {}, template: {}, strategy: { type: 'RollingUpdate',
      rollingUpdate: { maxSurge, maxUnavailable } } },
  }
}
function rs(name: string, replicas: number, available = 0, creationTimestamp?: string): ReplicaSet {
  return { metadata: { name, namespace: 'default', creationTimestamp }, spec: { replicas, selector: {} },
    status: { replicas, availableReplicas: available } }
}

describe('reconcileNewReplicaSet (TestDeploymentController_reconcileNewReplicaSet)', () => {
  const cases: Array<[string, number, number, number, number, number | undefined]> = [
    // [name, deploymentReplicas, maxSurge, oldReplicas, newReplicas, expectedNewReplicas (undefined: no scaling)]
    ['Should not scale up.', 10, 0, 10, 0, undefined],
    ['scale up by maxSurge', 10, 2, 10, 0, 2],
    ['scale up to deployment replicas minus old', 10, 2, 5, 0, 7],
    ['already at maxSurge', 10, 2, 10, 2, undefined],
    ['Should scale down.', 10, 2, 2, 11, 10],
  ]
  for (const [name, deploymentReplicas, maxSurge, oldReplicas, newReplicas, expected] of cases) {
    it(name, () => {
      const newRS = rs('foo-v2', newReplicas)
      const oldRS = rs('foo-v2', oldReplicas)
      const r = reconcileNewReplicaSet([newRS, oldRS], newRS, newDeployment(deploymentReplicas, maxSurge, 0))
      expect(r.ok).toBe(true)
      if (r.ok) expect(r.step?.to).toBe(expected)
    })
  }
})

describe('reconcileOldReplicaSets (TestDeploymentController_reconcileOldReplicaSets)', () => {
  const cases: Array<[string, number, number, number, number, number, number, boolean, number | undefined]> = [
    // [name, deploymentReplicas, maxUnavailable, oldReplicas, newReplicas, readyOld, readyNew, scaleExpected, old]
    ['maxUnavailable 0 still scales down one ready pod', 10, 0, 10, 0, 10, 0, true, 9],
    ['scale down by maxUnavailable', 10, 2, 10, 0, 10, 0, true, 8],
    ['expect unhealthy replicas from old replica sets been cleaned up', 10, 2, 10, 0, 8, 0, true, 8],
    ['expect 1 unhealthy replica from old replica sets been cleaned up, and 1 ready pod been scaled down',
      10, 2, 10, 0, 9, 0, true, 8],
    ['the unavailable pods from the newRS would not make us scale down old RSs in a further step',
      10, 2, 8, 2, 8, 0, false, undefined],
  ]
  for (const [name, replicas, maxUnavailable, oldReplicas, newReplicas, readyOld, readyNew, scaleExpected,
    expectedOld] of cases) {
    it(name, () => {
      const newRS = rs('foo-new', newReplicas, readyNew)
      const oldRS = rs('foo-old', oldReplicas, readyOld)
      const plan = reconcileOldReplicaSets([oldRS, newRS], [oldRS], newRS, newDeployment(replicas, 0, maxUnavailable))
      expect(plan.scaled).toBe(scaleExpected)
      const steps = [...plan.cleanup, ...plan.scaleDown]
      expect(steps.length > 0 ? steps[steps.length - 1].to : undefined).toBe(expectedOld)
    })
  }
  it('cleans up unhealthy replicas before scaling down healthy ones, with scale-down events', () => {
    const newRS = rs('foo-new', 0, 0)
    const oldRS = rs('foo-old', 10, 9)
    const plan = reconcileOldReplicaSets([oldRS, newRS], [oldRS], newRS, newDeployment(10, 0, 2))
    expect(plan.cleanup).toEqual([{ rsName: 'foo-old', from: 10, to: 9, operation: 'down' }])
    expect(plan.scaleDown).toEqual([{ rsName: 'foo-old', from: 9, to: 8, operation: 'down' }])
  })
})

describe('cleanupUnhealthyReplicas (TestDeploymentController_cleanupUnhealthyReplicas)', () => {
  const cases: Array<[number, number, number, number]> = [
    // [oldReplicas, readyPods, maxCleanupCount, cleanupCountExpected]
    [10, 8, 1, 1],
    [10, 8, 3, 2],
    [10, 8, 0, 0],
    [10, 10, 3, 0],
  ]
  cases.forEach(([oldReplicas, readyPods, maxCleanupCount, expected], i) => {
    it(`scenario ${i}`, () => {
      expect(cleanupUnhealthyReplicas([rs('foo-v2', oldReplicas, readyPods)], maxCleanupCount).cleanupCount)
        .toBe(expected)
    })
  })
  it('goes oldest first (controller.ReplicaSetsByCreationTimestamp)', () => {
    const older = rs('a', 2, 0, '2026-01-01T00:00:00Z')
    const newer = rs('b', 2, 0, '2026-01-02T00:00:00Z')
    const r = cleanupUnhealthyReplicas([newer, older], 3)
    expect(r.steps.map((s) => [s.rsName, s.to])).toEqual([['a', 0], ['b', 1]])
  })
})

describe('scaleDownOldReplicaSetsForRollingUpdate (TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate)',
  () => {
    const cases: Array<[number, number, number, number, number | undefined]> = [
      // [deploymentReplicas, maxUnavailable, readyPods, oldReplicas, expectedOldReplicas (undefined: no scaling)]
      [10, 0, 10, 10, 9],
      [10, 2, 10, 10, 8],
      [10, 2, 8, 10, undefined],
      [10, 2, 10, 0, undefined],
      [10, 2, 1, 10, undefined],
    ]
    cases.forEach(([replicas, maxUnavailable, readyPods, oldReplicas, expected], i) => {
      it(`scenario ${i}`, () => {
        const oldRS = rs('foo-v2', oldReplicas, readyPods)
        const r = scaleDownOldReplicaSetsForRollingUpdate([oldRS], [oldRS], newDeployment(replicas, 0, maxUnavailable))
        expect(r.steps.length).toBe(expected === undefined ? 0 : 1)
        if (expected !== undefined) expect(r.steps[0].to).toBe(expected)
      })
    })
  })
