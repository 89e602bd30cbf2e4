/**
 * Event texts as pkg/controller/deployment (v1.35) records them: sync.go scaleReplicaSet / getNewReplicaSet,
 * deployment_controller.go syncDeployment.
 */
import { describe, expect, it } from 'vitest'
import {
  createdReplicaSetEvent, failedReplicaSetCreateEvent, scaledReplicaSetEvent, scalingOperation, selectingAllEvent,
} from './events.ts'

describe('deployment controller events', () => {
  it('ScalingReplicaSet on scale up and down', () => {
    expect(scaledReplicaSetEvent(scalingOperation(1, 3), 'web-5d4b8c7f9', 1, 3).message)
      .toBe('Scaled up replica set web-5d4b8c7f9 from 1 to 3')
    expect(scaledReplicaSetEvent(scalingOperation(3, 0), 'web-5d4b8c7f9', 3, 0))
      .toEqual({ type: 'Normal', reason: 'ScalingReplicaSet',
        message: 'Scaled down replica set web-5d4b8c7f9 from 3 to 0' })
  })
  it('ScalingReplicaSet when a new ReplicaSet is created', () => {
    expect(createdReplicaSetEvent('web-5d4b8c7f9', 3).message).toBe('Scaled up replica set web-5d4b8c7f9 from 0 to 3')
  })
  it('ReplicaSetCreateError and SelectingAll warnings', () => {
    expect(failedReplicaSetCreateEvent('web-x', 'forbidden')).toEqual({ type: 'Warning',
      reason: 'ReplicaSetCreateError', message: 'Failed to create new replica set "web-x": forbidden' })
    expect(selectingAllEvent()).toEqual({ type: 'Warning', reason: 'SelectingAll',
      message: 'This deployment is selecting all pods. A non-empty selector is required.' })
  })
})
