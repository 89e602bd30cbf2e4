import { describe, expect, it } from 'vitest'
import { containerReady, isContainerStarted } from './manager.ts'
import type { ProbeSlot } from './manager.ts'

describe('TestUpdatePodStatus', () => {
  // Upstream: pkg/kubelet/prober/prober_manager_test.go TestUpdatePodStatus (its workers, cached results and
  // expectedReadiness, one row per container).
  const none: ProbeSlot = { worker: false }
  const cases: Array<{ name: string; running: boolean; startup: ProbeSlot; readiness: ProbeSlot; ready: boolean }> = [
    { name: 'unprobed_container', running: true, startup: none, readiness: none, ready: true },
    {
      name: 'probed_container_ready',
      running: true,
      startup: none,
      readiness: { worker: true, cached: 'Success' },
      ready: true,
    },
    { name: 'probed_container_pending', running: true, startup: none, readiness: { worker: true }, ready: false },
    {
      name: 'probed_container_unready',
      running: true,
      startup: none,
      readiness: { worker: true, cached: 'Failure' },
      ready: false,
    },
    {
      name: 'not_started_container_no_readiness',
      running: true,
      startup: { worker: true },
      readiness: none,
      ready: false,
    },
    {
      name: 'started_container_no_readiness',
      running: true,
      startup: { worker: true, cached: 'Success' },
      readiness: none,
      ready: true,
    },
    {
      name: 'terminated_container',
      running: false,
      startup: none,
      readiness: { worker: true, cached: 'Success' },
      ready: false,
    },
  ]
  it.each(cases)('$name', (c) => {
    const started = isContainerStarted(c.running, c.startup)
    expect(containerReady(started, c.running, c.readiness).ready).toBe(c.ready)
  })
  it('a readiness worker without a success yet is triggered at once (UpdatePodStatus manualTriggerCh)', () => {
    expect(containerReady(true, true, { worker: true }).triggerReadiness).toBe(true)
    expect(containerReady(true, true, { worker: true, cached: 'Success' }).triggerReadiness).toBe(false)
  })
})

describe('isContainerStarted', () => {
  // Upstream: prober_manager.go isContainerStarted.
  it('a startup probe that has not answered keeps the container not started', () => {
    expect(isContainerStarted(true, { worker: true })).toBe(false)
    expect(isContainerStarted(true, { worker: true, cached: 'Unknown' })).toBe(false)
    expect(isContainerStarted(true, { worker: true, cached: 'Success' })).toBe(true)
    expect(isContainerStarted(true, { worker: false })).toBe(true)
    expect(isContainerStarted(false, { worker: false })).toBe(false)
  })
})
