/**
 * The probes' outcomes, each from a real simulation. Expected upstream texts: pkg/kubelet/prober/prober.go probe
 * ("%s probe failed: %s"), pkg/probe/http/http.go (Go's dial error as the output), pkg/kubelet/kuberuntime/
 * kuberuntime_manager.go computePodActions ("Container %s failed liveness probe, will be restarted"),
 * pkg/kubelet/kuberuntime/kuberuntime_container.go (the BackOff event's "Back-off restarting failed container").
 */
import { describe, expect, it } from 'vitest'
import { applyAndRun, pod } from '../../../../tests/engine/helpers.ts'
import type { Simulation } from '../../index.ts'
import { findOutcomes, holdsAt } from './index.ts'
import type { Outcome, OutcomeKind } from './index.ts'

const outcomes = (sim: Simulation): Outcome[] => findOutcomes(sim.trace, sim.kubectlResults[0])
const ofKind = (sim: Simulation, kind: OutcomeKind) => outcomes(sim).filter((o) => o.kind === kind)
const nginx = (probes: string) => pod('web', '', `  - name: nginx\n    image: nginx:1.27\n${probes}`)
const IP = String.raw`(10\.244\.\d+\.\d+)`
const REFUSED = new RegExp(
  String.raw`^Readiness probe failed: Get "http://${IP}:8080/ready": dial tcp \1:8080: connect: connection refused$`,
)

describe('a readiness probe that fails: Running, not Ready', () => {
  const manifests = nginx('    readinessProbe: {httpGet: {port: 8080, path: /ready}}\n')
  const sim = applyAndRun({ manifests, untilMs: 60_000 })
  const all = ofKind(sim, 'not-ready')

  it('is one outcome, decided at the first failed readiness probe, and holds to the end', () => {
    expect(all).toHaveLength(1)
    const [o] = all
    const step = sim.trace[o.step]
    expect(step.type).toBe('prober:Probe')
    const firstFailure = sim.trace.findIndex((e) => e.type === 'prober:Probe' && e.details.result === 'failure')
    expect(o.step).toBe(firstFailure)
    expect(o.until).toBeUndefined()
    expect(holdsAt(o, sim.trace.length - 1)).toBe(true)
    expect(holdsAt(o, o.step - 1)).toBe(false)
  })

  it('says the Unhealthy event, the probe\'s output and what the probe should target', () => {
    const [o] = all
    expect(o.title).toBe('Running, not Ready')
    expect(o.pod).toBe('default/web')
    expect(o.message).toMatch(REFUSED)
    // The message is the Unhealthy event the kubelet recorded.
    expect(sim.events().some((e) => e.reason === 'Unhealthy' && e.message === o.message)).toBe(true)
    expect(o.cause).toContain('Container nginx of web runs, but its readiness probe (GET http://')
    expect(o.cause).toContain('connect: connection refused')
    expect(o.cause).toContain('ContainersNotReady')
    expect(o.cause).toContain('never restarts')
    expect(o.fix).toContain('Nothing listens on port 8080 in container nginx')
  })

  it('is no crash loop and no other failure', () => {
    expect(outcomes(sim).map((o) => o.kind)).toEqual(['not-ready'])
  })
})

describe('a readiness probe that passes', () => {
  it('tells nothing', () => {
    const sim = applyAndRun({ manifests: nginx('    readinessProbe: {httpGet: {port: 80}}\n'), untilMs: 30_000 })
    expect(outcomes(sim)).toEqual([])
  })
})

describe('a readiness probe to a path nginx does not serve', () => {
  it('the port answers 404: the fix is the path', () => {
    const manifests = nginx('    readinessProbe: {httpGet: {port: 80, path: /ready}}\n')
    const sim = applyAndRun({ manifests, untilMs: 30_000 })
    const [o] = ofKind(sim, 'not-ready')
    // pkg/probe/http/http.go DoHTTPProbe: "HTTP probe failed with statuscode: %d".
    expect(o.message).toBe('Readiness probe failed: HTTP probe failed with statuscode: 404')
    expect(o.fix).toContain('HTTP 404 for /ready')
    expect(o.fix).toContain('httpGet.path')
  })
})

describe('a liveness probe that fails: killed, restarted, then CrashLoopBackOff', () => {
  const sim = applyAndRun({
    manifests: nginx('    livenessProbe: {httpGet: {port: 8080, path: /healthz}, periodSeconds: 5}\n'),
    untilMs: 120_000,
  })
  const crashes = ofKind(sim, 'crash-loop-backoff')

  it('the crash loop comes after the second kill (the first restart is immediate)', () => {
    expect(crashes.length).toBeGreaterThanOrEqual(1)
    const kills = sim.trace.flatMap((e, i) => (e.type === 'prober:Probe' && e.details.kill ? [i] : []))
    expect(kills.length).toBeGreaterThanOrEqual(2)
    expect(crashes[0].step).toBeGreaterThan(kills[1])
    expect(crashes[0].cause).toContain('for the 2nd time')
    expect(crashes[0].message).toMatch(/^Back-off restarting failed container nginx in pod web_default\(/)
  })

  it('its cause is the liveness probe with its output, not "exited with code 0"', () => {
    for (const o of crashes) {
      expect(o.cause).toMatch(/^Container nginx was killed, for the \d+(nd|rd|th) time, because its liveness probe/)
      expect(o.cause).toContain(':8080/healthz) failed 3 times in a row')
      expect(o.cause).toMatch(/dial tcp 10\.244\.\d+\.\d+:8080: connect: connection refused/)
      expect(o.cause).toContain('Its exit code (0) only says how the process took the kubelet\'s SIGTERM')
      expect(o.cause).not.toContain('exited with code')
    }
  })

  it('its fix: make the probe match what the app serves, or give a slow app time', () => {
    const [o] = crashes
    expect(o.fix).toContain('Make the liveness probe match what the app serves')
    expect(o.fix).toContain('Nothing listens on port 8080 in container nginx')
    expect(o.fix).toContain('initialDelaySeconds or failureThreshold')
    expect(o.fix).toContain('startupProbe')
    expect(o.fix).not.toContain('kubectl logs')
  })

  it('no not-ready outcome: without a readiness probe a started container is ready', () => {
    expect(ofKind(sim, 'not-ready')).toEqual([])
  })
})
