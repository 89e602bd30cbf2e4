/**
 * Scheduling gates (issue #18): the apiserver marks a gated pod PodScheduled=False/SchedulingGated on create
 * (pkg/registry/core/pod/strategy.go applySchedulingGatedCondition), kubectl get pods prints SchedulingGated, and
 * an update that removes the gates lets the scheduler place it.
 */
import { describe, expect, it } from 'vitest'
import type { KObject } from '../../src/engine/api/types.ts'
import type { Simulation } from '../../src/engine/index.ts'
import { adminClient, applyAndRun, pod } from './helpers.ts'
import { getPodsWide } from '../../src/engine/kubectl/printers/getPods.ts'

const GATED = pod('gated').replace('spec:\n', 'spec:\n  schedulingGates:\n  - name: example.com/quota\n')
const UNGATED = pod('gated')

describe('a pod with scheduling gates', () => {
  const sim = applyAndRun({ manifests: GATED, untilMs: 60_000 })
  const p = sim.pods()[0]

  it('is created with PodScheduled=False, reason SchedulingGated, as the apiserver writes it', () => {
    const c = p.status?.conditions?.find((x) => x.type === 'PodScheduled')
    expect(c).toMatchObject({
      status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates',
    })
    expect(p.status?.conditions).toHaveLength(1)
    expect(c?.lastTransitionTime).toBe(p.metadata?.creationTimestamp)
  })
  it('is never scheduled nor reported FailedScheduling while gated', () => {
    expect(p.spec?.nodeName).toBeUndefined()
    expect(p.status?.phase).toBe('Pending')
    expect(sim.events().map((e) => e.reason)).not.toContain('FailedScheduling')
    expect(sim.trace.some((e) => e.type === 'scheduler:Bind')).toBe(false)
  })
  it('shows STATUS SchedulingGated in kubectl get pods', () => {
    const row = getPodsWide([p], Date.parse(p.metadata?.creationTimestamp ?? '') + 1000).split('\n')[1]
    expect(row).toMatch(/^gated\s+0\/1\s+SchedulingGated\s/)
  })
})

/**
 * The update kubectl apply sends when the manifest drops schedulingGates (a three-way strategic merge patch: a
 * field in the last-applied configuration but not in the new one is patched to null).
 */
function removeGates(sim: Simulation, done: (code: number) => void): void {
  adminClient(sim).request({
    verb: 'PATCH', path: '/api/v1/namespaces/default/pods/gated',
    headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
    body: { spec: { schedulingGates: null } } as unknown as KObject,
  }, (res) => done(res.code))
}

describe('removing the gates with a pod update', () => {
  const sim = applyAndRun({ manifests: GATED, untilMs: 30_000 })
  let code = 0
  removeGates(sim, (c) => { code = c })
  sim.run(sim.nowMs() + 120_000)
  const p = sim.pods()[0]

  it('is accepted as an update', () => {
    expect(code).toBe(200)
    expect(p.spec?.schedulingGates ?? []).toHaveLength(0)
  })
  it('moves the pod to activeQ on UnscheduledPodUpdate', () => {
    const move = sim.trace.find((e) => e.type === 'scheduler:QueueMove' && e.pod === 'default/gated')
    expect(move?.details).toMatchObject({ from: 'unschedulablePods', to: 'activeQ', event: 'UnscheduledPodUpdate' })
  })
  it('lets the scheduler bind the pod, which then runs with PodScheduled=True', () => {
    expect(p.spec?.nodeName).toBeTruthy()
    expect(p.status?.phase).toBe('Running')
    const c = p.status?.conditions?.find((x) => x.type === 'PodScheduled')
    expect(c).toMatchObject({ status: 'True' })
    expect(c?.reason).toBeUndefined()
    expect(sim.events().some((e) => e.reason === 'Scheduled')).toBe(true)
    const row = getPodsWide([p], Date.parse(p.metadata?.creationTimestamp ?? '') + 1000).split('\n')[1]
    expect(row).toMatch(/^gated\s+1\/1\s+Running\s/)
  })
})

describe('a pod without gates', () => {
  const sim = applyAndRun({ manifests: UNGATED, untilMs: 60_000 })
  it('gets no SchedulingGated condition and is scheduled at once', () => {
    expect(sim.pods()[0]?.status?.phase).toBe('Running')
    expect(sim.events().map((e) => e.reason)).not.toContain('FailedScheduling')
    expect(sim.pods()[0]?.status?.conditions?.some((c) => c.reason === 'SchedulingGated') ?? false).toBe(false)
  })
})
