/**
 * The pod worker retries a sync whose sandbox failed (issue #18): pod_workers.go requeues a failed sync after
 * backOffPeriod (10 s) with jitter 0.5, and the next SyncPod creates the sandbox again, so FailedCreatePodSandBox
 * repeats while the CNI ADD fails and the pod starts once the cause is gone.
 */
import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../src/engine/index.ts'
import { adminClient, cluster, pod } from './helpers.ts'

const PINNED = pod('web').replace('spec:\n', 'spec:\n  nodeName: worker-1\n')

function exhausted() {
  const c = cluster()
  c.simulator.faults = [{ type: 'IPAMExhausted', node: 'worker-1' }]
  const sim = createSimulation({ cluster: c, seed: 1 })
  sim.apply({ files: [{ name: 'pod.yaml', text: PINNED }] })
  return sim
}

type Sim = ReturnType<typeof exhausted>
const failures = (sim: Sim) =>
  sim.trace.filter((e) => e.type === 'event:Record' && e.details.reason === 'FailedCreatePodSandBox')
const runs = (sim: Sim) => sim.trace.filter((e) => e.type === 'cri:RunPodSandbox' && e.details.phase === 'request')

describe('a node whose IPAM is exhausted', () => {
  const sim = exhausted()
  sim.run(65_000)

  it('retries the sandbox every 10 to 15 s of virtual time, recording FailedCreatePodSandBox each time', () => {
    const f = failures(sim)
    expect(f.length).toBeGreaterThanOrEqual(4)
    expect(f.length).toBeLessThanOrEqual(7)
    expect(runs(sim)).toHaveLength(f.length)
    for (let i = 1; i < f.length; i++) {
      const gap = (f[i].t - f[i - 1].t) / 1e6
      expect(gap).toBeGreaterThanOrEqual(10)
      expect(gap).toBeLessThan(15.5)
    }
    expect(sim.events().filter((e) => e.reason === 'FailedCreatePodSandBox').length).toBe(f.length)
    const first = sim.events().find((e) => e.reason === 'FailedCreatePodSandBox')
    expect(first?.message).toContain('no IP addresses available')
  })
  it('keeps the pod Pending with ContainerCreating and no IP', () => {
    const p = sim.pods()[0]
    expect(p.status?.phase).toBe('Pending')
    expect(p.status?.podIP).toBeUndefined()
    expect(p.status?.containerStatuses?.[0].state?.waiting?.reason).toBe('ContainerCreating')
  })
})

describe('an exhausted IPAM that recovers', () => {
  const sim = exhausted()
  sim.run(25_000)
  const before = failures(sim).length
  sim.ctx.config.faults = []
  sim.run(sim.nowMs() + 60_000)

  it('creates the sandbox on the next retry and the pod runs', () => {
    expect(before).toBeGreaterThanOrEqual(2)
    expect(failures(sim)).toHaveLength(before)
    expect(runs(sim)).toHaveLength(before + 1)
    const p = sim.pods()[0]
    expect(p.status?.phase).toBe('Running')
    expect(p.status?.podIP).toMatch(/^10\.244\.1\./)
    expect(sim.events().map((e) => e.reason)).toContain('Started')
  })
})

describe('a pod deleted while its sandbox keeps failing', () => {
  const sim = exhausted()
  sim.run(15_000)
  adminClient(sim).request({ verb: 'DELETE', path: '/api/v1/namespaces/default/pods/web' }, () => {})
  sim.run(sim.nowMs() + 1_000)
  const atDelete = runs(sim).length
  sim.run(sim.nowMs() + 60_000)
  it('is not retried once the worker stops syncing, and the pod goes away', () => {
    expect(atDelete).toBeGreaterThanOrEqual(1)
    expect(runs(sim)).toHaveLength(atDelete)
    expect(sim.pods()).toHaveLength(0)
  })
})
