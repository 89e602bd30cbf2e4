import { describe, expect, it } from 'vitest'
import type { Simulation } from '../../src/engine/index.ts'
import { getPodsWide } from '../../src/engine/kubectl/printers/getPods.ts'
import { describePod } from '../../src/engine/kubectl/printers/describe/pod.ts'
import type { StepOf } from '../../src/engine/events.ts'
import { adminClient, applyAndRun } from './helpers.ts'

const isStatus = (e: { type: string }): e is StepOf<'kubelet:StatusUpdate'> => e.type === 'kubelet:StatusUpdate'

// Native sidecars: init containers with restartPolicy Always (SidecarContainers, GA in v1.33).

const REPRO = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: log-shipper, image: busybox:1.36, command: ["sleep", "3600"], restartPolicy: Always}
  containers:
  - {name: nginx, image: nginx:1.27}
`

const THREE = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: setup, image: busybox:1.36, command: ["sh", "-c", "sleep 2"]}
  - {name: log-shipper, image: busybox:1.36, command: ["sleep", "3600"], restartPolicy: Always}
  containers:
  - {name: nginx, image: nginx:1.27}
`

const CRASHING = (podPolicy: string) => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  restartPolicy: ${podPolicy}
  initContainers:
  - {name: log-shipper, image: busybox:1.36, command: ["sh", "-c", "sleep 5; exit 1"], restartPolicy: Always}
  containers:
  - {name: nginx, image: nginx:1.27}
`

const pod = (sim: Simulation) => sim.pods().find((p) => p.metadata?.name === 'web')
const podsTable = (sim: Simulation) => getPodsWide(sim.pods().filter((p) => p.metadata?.name === 'web'), sim.ctx.sim.wallMs())
const row = (sim: Simulation) => podsTable(sim).split('\n')[1].split(/\s{2,}/)
const started = (sim: Simulation, name: string) => sim.trace.findIndex((e) => e.type === 'cri:StartContainer' && e.lane === 'CRI' && e.summary === `container ${name} running`)

function deletePod(sim: Simulation, name: string): void {
  const admin = adminClient(sim)
  admin.request({ verb: 'DELETE', path: `/api/v1/namespaces/default/pods/${name}` }, () => {})
  sim.run(sim.nowMs() + 10 * 60 * 1000)
}

describe('a pod with a sidecar and an app container (the QA repro)', () => {
  const sim = applyAndRun({ manifests: REPRO })
  const p = pod(sim)

  it('reaches Running, 2/2 in kubectl get pods', () => {
    expect(p?.status?.phase).toBe('Running')
    const [name, ready, status, restarts] = row(sim)
    expect([name, ready, status, restarts]).toEqual(['web', '2/2', 'Running', '0'])
  })

  it('reports the sidecar running, started and ready, the app running and ready', () => {
    const init = p?.status?.initContainerStatuses?.[0]
    expect(init?.name).toBe('log-shipper')
    expect(init?.state?.running?.startedAt).toBeTruthy()
    expect(init?.state?.terminated).toBeFalsy()
    expect(init?.started).toBe(true)
    expect(init?.ready).toBe(true)
    expect(p?.status?.containerStatuses?.[0].ready).toBe(true)
    expect(p?.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True',
    ])
  })

  it('starts the app after the sidecar without waiting for it to exit', () => {
    expect(started(sim, 'log-shipper')).toBeGreaterThan(-1)
    expect(started(sim, 'nginx')).toBeGreaterThan(started(sim, 'log-shipper'))
  })

  it('shows Init:0/1 while the sidecar has not started yet, then Initialized once it has', () => {
    const statuses = sim.trace.filter(isStatus).filter((e) => e.pod === 'default/web').map((e) => e.details.status)
    const first = statuses[0]
    expect(getPodsWide([{ ...p, status: first }], sim.ctx.sim.wallMs()).split('\n')[1]).toMatch(/0\/2\s+Init:0\/1/)
    const sidecarUp = statuses.find((s) => s?.initContainerStatuses?.[0].started)
    expect(sidecarUp?.conditions?.find((c) => c.type === 'Initialized')?.status).toBe('True')
    expect(sidecarUp?.conditions?.find((c) => c.type === 'Ready')?.message).toBe('containers with unready status: [nginx]')
  })

  it('describes the sidecar as Running and Ready', () => {
    // describe without its Events section (--show-events=false)
    const text = describePod(p ?? {}, undefined, 0).replace(/\n$/, '')
    expect(text).toMatch(/Init Containers:\n {2}log-shipper:[\s\S]*?State: {10}Running[\s\S]*?Ready: {10}True/)
  })
})

describe('a plain init container, then a sidecar, then the app', () => {
  const sim = applyAndRun({ manifests: THREE })
  const p = pod(sim)

  it('runs them in order and ends Running 2/2', () => {
    const setupDone = sim.trace.findIndex((e) => isStatus(e) && e.details.status.initContainerStatuses?.[0].state?.terminated?.exitCode === 0)
    expect(setupDone).toBeGreaterThan(-1)
    expect(started(sim, 'log-shipper')).toBeGreaterThan(setupDone)
    expect(started(sim, 'nginx')).toBeGreaterThan(started(sim, 'log-shipper'))
    expect(p?.status?.phase).toBe('Running')
    expect(row(sim).slice(1, 3)).toEqual(['2/2', 'Running'])
    expect(p?.status?.initContainerStatuses?.map((s) => s.state?.terminated?.reason ?? (s.state?.running ? 'running' : '?'))).toEqual(['Completed', 'running'])
  })

  it('shows Init:0/2, Init:1/2 while the sidecar starts, then PodInitializing and Running', () => {
    const texts = sim.trace.filter(isStatus).filter((e) => e.pod === 'default/web')
      .map((e) => row({ ...sim, pods: () => [{ ...p, status: e.details.status }] } as Simulation)[2])
    const distinct = texts.filter((t, i) => t !== texts[i - 1])
    expect(distinct).toEqual(['Init:0/2', 'Init:1/2', 'PodInitializing', 'ContainerCreating', 'Running'])
  })
})

describe('a sidecar that exits with code 1', () => {
  for (const policy of ['Always', 'Never']) {
    it(`is restarted with back-off while the pod stays Running (pod restartPolicy ${policy})`, () => {
      const sim = applyAndRun({ manifests: CRASHING(policy), untilMs: 90_000 })
      const p = pod(sim)
      const s = p?.status?.initContainerStatuses?.[0]
      expect(s?.restartCount ?? 0).toBeGreaterThanOrEqual(2)
      expect(s?.lastState?.terminated?.exitCode).toBe(1)
      expect(p?.status?.phase).toBe('Running')
      expect(p?.status?.containerStatuses?.[0].state?.running).toBeTruthy()
      expect(p?.status?.containerStatuses?.[0].restartCount).toBe(0)
      // Every status the kubelet reported after the app started kept the pod Running.
      const phases = sim.trace.filter(isStatus).filter((e) => e.pod === 'default/web').map((e) => e.details.status.phase)
      expect(phases.slice(phases.indexOf('Running'))).not.toContain('Pending')
      expect(phases).not.toContain('Failed')
      expect(sim.events().some((e) => e.reason === 'BackOff' && e.message?.startsWith('Back-off restarting failed container log-shipper'))).toBe(true)
      // printers.go printPod: RESTARTS is the count and, after a restart, how long ago the last one finished.
      expect(row(sim)[3]).toMatch(new RegExp(`^${s?.restartCount} \\(\\d+s ago\\)$`))
    })
  }
})

describe('deleting a pod with a sidecar', () => {
  const sim = applyAndRun({ manifests: THREE })
  deletePod(sim, 'web')
  const exitAt = (name: string) => sim.trace.find((e) => e.type === 'cri:StopContainer' && e.lane === 'CRI' && e.summary.startsWith(`${name} exited with code`))

  it('stops the app first and the sidecar after it', () => {
    const app = exitAt('nginx')
    const sidecar = exitAt('log-shipper')
    expect(app && sidecar).toBeTruthy()
    expect(sidecar?.t ?? 0).toBeGreaterThan(app?.t ?? 0)
    // nginx shuts down on SIGTERM; the sidecar (sleep) ignores it and is killed when its own grace period ends.
    expect(app?.summary).toContain('exited with code 0 (Completed)')
    expect(sidecar?.summary).toContain('exited with code 137 (Error)')
    expect(sim.trace.some((e) => e.type === 'kubelet:KillContainer' && e.summary.startsWith('sidecar log-shipper waits for nginx'))).toBe(true)
  })

  it('reports Killing for both and ends with the pod deleted', () => {
    const evs = sim.events().filter((e) => e.involvedObject.name === 'web' && e.reason === 'Killing').map((e) => e.message)
    expect(evs).toEqual(expect.arrayContaining(['Stopping container nginx', 'Stopping container log-shipper']))
    expect(pod(sim)).toBeUndefined()
    const last = sim.trace.filter(isStatus).filter((e) => e.pod === 'default/web').at(-1)?.details.status
    expect(last?.phase).toBe('Succeeded')
  })
})

describe('a run-to-completion pod with a sidecar (restartPolicy Never)', () => {
  const JOB = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  restartPolicy: Never
  terminationGracePeriodSeconds: 5
  initContainers:
  - {name: log-shipper, image: busybox:1.36, command: ["sleep", "3600"], restartPolicy: Always}
  containers:
  - {name: job, image: busybox:1.36, command: ["sh", "-c", "sleep 3"]}
`
  const sim = applyAndRun({ manifests: JOB, untilMs: 120_000 })
  const p = pod(sim)

  it('stops the sidecar once the app has completed, and the pod Succeeds', () => {
    expect(p?.status?.containerStatuses?.[0].state?.terminated?.exitCode).toBe(0)
    expect(p?.status?.initContainerStatuses?.[0].state?.terminated).toBeTruthy()
    expect(p?.status?.initContainerStatuses?.[0].restartCount).toBe(0)
    expect(p?.status?.phase).toBe('Succeeded')
    expect(row(sim).slice(1, 3)).toEqual(['0/2', 'Completed'])
    expect(sim.events().some((e) => e.involvedObject.name === 'web' && e.reason === 'Killing' && e.message === 'Stopping container log-shipper')).toBe(true)
  })
})

describe('a sidecar that cannot start', () => {
  const BROKEN = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: log-shipper, image: busybox:1.36, command: ["fluent-bit"], restartPolicy: Always}
  containers:
  - {name: nginx, image: nginx:1.27}
`
  const sim = applyAndRun({ manifests: BROKEN, untilMs: 120_000 })
  const p = pod(sim)

  it('holds the init sequence: the app never starts and the pod stays Pending', () => {
    expect(started(sim, 'nginx')).toBe(-1)
    expect(p?.status?.phase).toBe('Pending')
    expect(p?.status?.initContainerStatuses?.[0].restartCount ?? 0).toBeGreaterThanOrEqual(1)
    expect(row(sim)[2]).toMatch(/^Init:(CrashLoopBackOff|StartError)$/)
    expect(p?.status?.conditions?.find((c) => c.type === 'Initialized')?.status).toBe('False')
  })
})
