/**
 * Probes as v1.35's kubelet runs them, end to end through the simulation.
 * Expected values: pkg/kubelet/prober/worker.go (doProbe: thresholds, the startup gate, onHold after a liveness
 * failure), prober.go (the Unhealthy messages), pkg/probe/http (Go's dial error), prober_manager.go UpdatePodStatus
 * (Ready follows readiness; a container without a readiness probe is ready once started), kuberuntime_manager.go
 * computePodActions (the Killing message of a failed liveness probe), pkg/kubelet/status/generate.go (the Ready
 * condition's ContainersNotReady reason and message).
 */
import { describe, expect, it } from 'vitest'
import type { StepOf } from '../../src/engine/events.ts'
import type { Simulation } from '../../src/engine/index.ts'
import { getPodsWide } from '../../src/engine/kubectl/printers/getPods.ts'
import { applyAndRun, pod } from './helpers.ts'

const probes = (sim: Simulation) => sim.trace.filter((e): e is StepOf<'prober:Probe'> => e.type === 'prober:Probe')
const events = (sim: Simulation, reason: string) => sim.events().filter((e) => e.reason === reason)
const ready = (sim: Simulation) => sim.pods()[0].status?.conditions?.find((c) => c.type === 'Ready')
const row = (sim: Simulation) => getPodsWide(sim.pods(), sim.ctx.sim.wallMs()).split('\n')[1].split(/\s{2,}/)

describe('a readiness probe to the port nginx serves', () => {
  const sim = applyAndRun({
    manifests: pod('web', '', '  - name: nginx\n    image: nginx:1.27\n    readinessProbe: {httpGet: {port: 80}}\n'),
    untilMs: 60_000,
  })
  it('probes at once when the container starts and makes it Ready (1/1)', () => {
    const first = probes(sim)[0]
    expect(first.details).toMatchObject({ probeType: 'Readiness', result: 'success', change: 'ready', set: 'Success' })
    expect(first.details.target).toMatch(/^GET http:\/\/10\.244\.\d+\.\d+:80\/$/)
    expect(ready(sim)).toMatchObject({ status: 'True' })
    expect(row(sim)[1]).toBe('1/1')
  })
  it('then probes every periodSeconds (10 s by default)', () => {
    const t = probes(sim).map((p) => p.t)
    expect(t.length).toBeGreaterThanOrEqual(5)
    for (let i = 1; i < t.length; i++) expect(Math.round((t[i] - t[i - 1]) / 1e6)).toBe(10)
  })
})

describe('a readiness probe to a port nothing listens on', () => {
  const sim = applyAndRun({
    manifests: pod('web', '', '  - name: nginx\n    image: nginx:1.27\n    readinessProbe: {httpGet: {port: 8080, path: /ready}}\n'),
    untilMs: 60_000,
  })
  it('keeps the pod Running but not Ready: READY 0/1, ContainersNotReady', () => {
    expect(sim.pods()[0].status?.phase).toBe('Running')
    expect(ready(sim)).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [nginx]' })
    expect(row(sim)[1]).toBe('0/1')
    expect(row(sim)[2]).toBe('Running')
  })
  it('records Unhealthy with the dial error, and never restarts the container', () => {
    const e = events(sim, 'Unhealthy')
    expect(e).toHaveLength(1)
    expect(e[0].type).toBe('Warning')
    expect(e[0].message).toMatch(/^Readiness probe failed: Get "http:\/\/(10\.244\.\d+\.\d+):8080\/ready": dial tcp \1:8080: connect: connection refused$/)
    expect(events(sim, 'Killing')).toHaveLength(0)
    expect(sim.pods()[0].status?.containerStatuses?.[0].restartCount).toBe(0)
  })
})

describe('a liveness probe that fails', () => {
  const sim = applyAndRun({
    manifests: pod(
      'live',
      '',
      '  - name: nginx\n    image: nginx:1.27\n    livenessProbe: {httpGet: {port: 8080, path: /healthz}, periodSeconds: 5}\n',
    ),
    untilMs: 120_000,
  })
  const live = probes(sim).filter((p) => p.details.probeType === 'Liveness')
  it('kills the container after failureThreshold (3) failures in a row, with the probe Killing message', () => {
    const verdict = live.findIndex((p) => p.details.change === 'restart')
    expect(live.slice(0, verdict + 1).map((p) => p.details.consecutive)).toEqual([1, 2, 3])
    expect(live[verdict].details.kill).toEqual({ message: 'Container nginx failed liveness probe, will be restarted', restart: true })
    const killing = events(sim, 'Killing')[0]
    expect(killing).toMatchObject({ type: 'Normal', message: 'Container nginx failed liveness probe, will be restarted' })
  })
  it('restarts it (the first time at once), and probing starts over for the new container', () => {
    const restarts = sim.trace.filter((e) => e.type === 'kubelet:Backoff' && e.details.kind === 'restart')
    expect(restarts.length).toBeGreaterThanOrEqual(2)
    const s = sim.pods()[0].status?.containerStatuses?.[0]
    expect(s?.restartCount).toBeGreaterThanOrEqual(2)
    // nginx exits 0 on SIGTERM: the last state is Completed, as a real cluster shows after a liveness kill.
    expect(s?.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
    expect(live.filter((p) => p.details.change === 'restart').length).toBeGreaterThanOrEqual(2)
  })
})

describe('a startup probe', () => {
  const sim = applyAndRun({
    manifests: pod(
      'slow',
      '',
      `  - name: nginx
    image: nginx:1.27
    startupProbe: {httpGet: {port: 80}, periodSeconds: 3}
    livenessProbe: {httpGet: {port: 80}, initialDelaySeconds: 1}
`,
    ),
    untilMs: 30_000,
  })
  it('runs first; liveness waits for it, and the container counts as started only once it passes', () => {
    const ps = probes(sim)
    expect(ps[0].details).toMatchObject({ probeType: 'Startup', result: 'success', change: 'started' })
    const firstLive = ps.findIndex((p) => p.details.probeType === 'Liveness')
    expect(firstLive).toBeGreaterThan(0)
    // The startup worker stops probing once the container has started.
    expect(ps.filter((p) => p.details.probeType === 'Startup')).toHaveLength(1)
    expect(sim.pods()[0].status?.containerStatuses?.[0].started).toBe(true)
  })
})

describe("the docs' liveness command example (exec cat /tmp/healthy, busybox)", () => {
  // kubernetes.io tasks/configure-pod-container/configure-liveness-readiness-startup-probes, "Define a liveness
  // command": the file exists for 30 s, then the probe fails and the container is killed and restarted.
  const sim = applyAndRun({
    manifests: `apiVersion: v1
kind: Pod
metadata:
  labels: {test: liveness}
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: busybox:1.36
    args: [/bin/sh, -c, touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600]
    livenessProbe:
      exec:
        command: [cat, /tmp/healthy]
      initialDelaySeconds: 5
      periodSeconds: 5
`,
    untilMs: 90_000,
  })
  it('passes while the file exists, then fails with BusyBox cat\'s message and restarts the container', () => {
    const live = probes(sim)
    expect(live[0].details).toMatchObject({ probeType: 'Liveness', result: 'success', target: 'exec [cat /tmp/healthy]' })
    const failed = live.find((p) => p.details.result === 'failure')
    expect(failed?.t).toBeGreaterThan(30e6)
    expect(events(sim, 'Unhealthy')[0].message).toBe(
      "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory",
    )
    expect(events(sim, 'Killing')[0].message).toBe('Container liveness failed liveness probe, will be restarted')
    expect(sim.pods()[0].status?.containerStatuses?.[0].restartCount).toBeGreaterThanOrEqual(1)
  })
})
