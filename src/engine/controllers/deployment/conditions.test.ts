/**
 * Tables port kubernetes/kubernetes pkg/controller/deployment/util/deployment_util_test.go TestGetCondition,
 * TestSetCondition and TestRemoveCondition, plus SetDeploymentCondition's lastTransitionTime rule.
 */
import { describe, expect, it } from 'vitest'
import type { DeploymentCondition, DeploymentStatus } from '../../api/types.ts'
import { getDeploymentCondition, removeDeploymentCondition, setDeploymentCondition } from './conditions.ts'

const condProgressing = (): DeploymentCondition => ({ type: 'Progressing', status: 'False', reason: 'ForSomeReason' })
const condProgressing2 = (): DeploymentCondition => ({ type: 'Progressing', status: 'True', reason: 'BecauseItIs' })
const condAvailable = (): DeploymentCondition => ({ type: 'Available', status: 'True', reason: 'AwesomeController' })
const status = (): DeploymentStatus => ({ conditions: [condProgressing(), condAvailable()] })

describe('getDeploymentCondition (TestGetCondition)', () => {
  it('condition exists', () => expect(getDeploymentCondition(status(), 'Available')).toBeDefined())
  it('condition does not exist', () => expect(getDeploymentCondition(status(), 'ReplicaFailure')).toBeUndefined())
})

describe('setDeploymentCondition (TestSetCondition)', () => {
  it('set for the first time', () => {
    expect(setDeploymentCondition({}, condAvailable())).toEqual({ conditions: [condAvailable()] })
  })
  it('simple set', () => {
    expect(setDeploymentCondition({ conditions: [condProgressing()] }, condAvailable())).toEqual(status())
  })
  it('overwrite', () => {
    expect(setDeploymentCondition({ conditions: [condProgressing()] }, condProgressing2()))
      .toEqual({ conditions: [condProgressing2()] })
  })
  it('keeps lastTransitionTime when only the reason changes, and ignores same status and reason', () => {
    const old: DeploymentCondition = { ...condProgressing2(), lastTransitionTime: 't0', lastUpdateTime: 't0' }
    const next = setDeploymentCondition({ conditions: [old] }, { ...old, reason: 'Other', lastTransitionTime: 't1',
      lastUpdateTime: 't1' })
    expect(next.conditions?.[0]).toMatchObject({ reason: 'Other', lastTransitionTime: 't0', lastUpdateTime: 't1' })
    const same = { conditions: [old] }
    expect(setDeploymentCondition(same, { ...old, lastUpdateTime: 't2' })).toBe(same)
  })
})

describe('removeDeploymentCondition (TestRemoveCondition)', () => {
  it('remove from empty status', () => {
    const empty: DeploymentStatus = {}
    expect(removeDeploymentCondition(empty, 'Progressing').conditions).toBeUndefined()
  })
  it('simple remove', () => {
    expect(removeDeploymentCondition({ conditions: [condProgressing()] }, 'Progressing').conditions).toBeUndefined()
  })
  it("doesn't remove anything", () => {
    expect(removeDeploymentCondition(status(), 'ReplicaFailure')).toEqual(status())
  })
})
