import { describe, expect, it } from 'vitest'
import type { Simulation } from '../../src/engine/index.ts'
import type { StepOf } from '../../src/engine/events.ts'
import { NGINX, adminClient, applyAndRun } from './helpers.ts'

const BUSYBOX = `apiVersion: v1
kind: Pod
metadata:
  name: sleeper
spec:
  terminationGracePeriodSeconds: 5
  containers:
  - name: sleeper
    image: busybox:1.36
    command: ["sleep", "3600"]
`

/** deletePod sends DELETE as the cluster admin (kubectl delete pod without flags) and runs virtual time to quiescence. */
function deletePod(sim: Simulation, name: string, body?: Record<string, unknown>): { code?: number; at: number } {
  const admin = adminClient(sim)
  const out: { code?: number; at: number } = { at: sim.ctx.sim.now() }
  admin.request({ verb: 'DELETE', path: `/api/v1/namespaces/default/pods/${name}`, ...(body ? { body: body as never } : {}) }, (res) => { out.code = res.code })
  sim.run(sim.nowMs() + 10 * 60 * 1000)
  return out
}

const events = (sim: Simulation, name: string) =>
  sim.events().filter((e) => e.involvedObject.name === name).sort((a, b) => Number(a.metadata?.resourceVersion) - Number(b.metadata?.resourceVersion)).map((e) => `${e.type} ${e.reason} ${e.message}`)

/** The final status the kubelet reported before deleting the pod (the last status PATCH body). */
const lastStatus = (sim: Simulation, name: string) =>
  sim.trace.filter((e): e is StepOf<'kubelet:StatusUpdate'> => e.type === 'kubelet:StatusUpdate' && e.pod === `default/${name}`).at(-1)?.details.status as { phase?: string; containerStatuses?: { state?: { terminated?: { exitCode: number; reason: string } } }[]; conditions?: { type: string; status: string; reason?: string }[] } | undefined

describe('graceful deletion of a running nginx pod', () => {
  const sim = applyAndRun({ manifests: NGINX })
  const before = sim.pods().find((p) => p.metadata?.name === 'nginx')
  const ip = before?.status?.podIP
  const res = deletePod(sim, 'nginx')

  it('was Running with an IP before the delete, and the DELETE was accepted', () => {
    expect(before?.status?.phase).toBe('Running')
    expect(ip).toBeTruthy()
    expect(res.code).toBe(200)
  })

  it('records Killing "Stopping container nginx"', () => {
    expect(events(sim, 'nginx')).toContain('Normal Killing Stopping container nginx')
  })

  it('stops the container with SIGTERM (exit 0), then the sandbox, CNI DEL releasing the IP', () => {
    const order = ['kubelet:SyncTerminatingPod', 'kubelet:KillContainer', 'cri:StopContainer', 'cri:StopPodSandbox', 'cni:DEL', 'kubelet:StatusUpdate', 'kubelet:DeletePod', 'kubelet:ContainerGC', 'cri:RemoveContainer', 'cri:RemovePodSandbox']
    let last = sim.trace.findIndex((e) => e.type === 'kubelet:SyncTerminatingPod') - 1
    for (const type of order) {
      const i = sim.trace.findIndex((e, idx) => idx > last && e.type === type)
      expect(i, type).toBeGreaterThan(last)
      last = i
    }
    const exit = sim.trace.find((e) => e.type === 'cri:StopContainer' && e.from === 'CRI')
    expect(exit?.summary).toMatch(/^nginx exited with code 0 \(Completed\)/)
    expect(sim.trace.some((e) => e.type === 'cni:DEL' && e.summary.startsWith(`released ${ip}`))).toBe(true)
    expect(sim.trace.some((e) => e.type === 'cri:StopPodSandbox' && e.from === 'CRI' && e.outcome === 'ok')).toBe(true)
  })

  it('reports the terminal status upstream gives a deleted pod, then deletes it with grace 0 and a UID precondition', () => {
    const st = lastStatus(sim, 'nginx')
    expect(st?.phase).toBe('Succeeded')
    expect(st?.containerStatuses?.[0].state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
    expect(st?.conditions?.map((c) => `${c.type}=${c.status}${c.reason ? `/${c.reason}` : ''}`)).toEqual([
      'PodReadyToStartContainers=False', 'Initialized=True/PodCompleted', 'Ready=False/PodCompleted', 'ContainersReady=False/PodCompleted', 'PodScheduled=True',
    ])
    const del = sim.trace.find((e): e is StepOf<'http:Request'> => e.type === 'http:Request' && e.lane === 'kubelet' && e.summary.startsWith('DELETE /api/v1/namespaces/default/pods/nginx'))
    expect(del?.details.request.body).toMatchObject({ gracePeriodSeconds: 0, preconditions: { uid: before?.metadata?.uid } })
  })

  it('the pod is gone from etcd and its IP is free again in the node IPAM', () => {
    expect(sim.pods().some((p) => p.metadata?.name === 'nginx')).toBe(false)
    const kubelet = sim.kubelets.find((k) => k.nodeName === before?.spec?.nodeName) as unknown as { ipam: { used: Set<number> } }
    expect(kubelet.ipam.used.size).toBe(0)
  })

  it('terminates in well under a second of virtual time', () => {
    const gone = sim.trace.find((e) => e.type === 'kubelet:DeletePod')
    expect(((gone?.t ?? 0) - res.at) / 1e6).toBeLessThan(1)
  })
})

describe('a busybox `sleep 3600` ignores SIGTERM', () => {
  const sim = applyAndRun({ manifests: BUSYBOX })
  const before = sim.pods().find((p) => p.metadata?.name === 'sleeper')
  const res = deletePod(sim, 'sleeper')

  it('runs until the 5 s grace period ends and is SIGKILLed: exit 137, reason Error, phase Failed', () => {
    expect(before?.status?.phase).toBe('Running')
    expect(sim.trace.some((e) => e.type === 'cri:StopContainer' && e.summary.includes('timeout=5s'))).toBe(true)
    expect(sim.trace.some((e) => e.type === 'cri:StopContainer' && e.summary.includes('SIGKILL'))).toBe(true)
    const st = lastStatus(sim, 'sleeper')
    expect(st?.phase).toBe('Failed')
    expect(st?.containerStatuses?.[0].state?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' })
    expect(sim.pods().some((p) => p.metadata?.name === 'sleeper')).toBe(false)
  })

  it('takes about 5 s of virtual time', () => {
    const gone = sim.trace.find((e) => e.type === 'kubelet:DeletePod')
    const seconds = ((gone?.t ?? 0) - res.at) / 1e6
    expect(seconds).toBeGreaterThan(5)
    expect(seconds).toBeLessThan(6)
  })
})

describe('deletion before the containers started', () => {
  it('a pod still pulling its image terminates cleanly: ContainerStatusUnknown, Failed, gone', () => {
    const manifest = NGINX.replace(/image: nginx:1\.27/, 'image: nginx:1.29')
    const sim = applyAndRun({ manifests: manifest, untilMs: 1000 })
    expect(sim.trace.some((e) => e.type === 'cri:PullImage')).toBe(true)
    const name = sim.pods()[0].metadata?.name as string
    deletePod(sim, name)
    const st = lastStatus(sim, name)
    expect(st?.phase).toBe('Failed')
    expect(st?.containerStatuses?.[0].state?.terminated).toMatchObject({ exitCode: 137, reason: 'ContainerStatusUnknown' })
    expect(sim.pods()).toHaveLength(0)
    expect(sim.trace.some((e) => e.type === 'cri:CreateContainer')).toBe(false)
    expect(events(sim, name).some((e) => e.includes('Killing'))).toBe(false)
  })

  it('a preStop sleep hook runs first and its time comes out of the grace period', () => {
    const manifest = `apiVersion: v1
kind: Pod
metadata:
  name: hooked
spec:
  terminationGracePeriodSeconds: 10
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
    lifecycle:
      preStop:
        sleep: {seconds: 3}
`
    const sim = applyAndRun({ manifests: manifest })
    const res = deletePod(sim, 'hooked')
    expect(sim.trace.some((e) => e.type === 'kubelet:PreStopHook' && e.outcome === 'ok')).toBe(true)
    expect(sim.trace.some((e) => e.type === 'cri:StopContainer' && e.summary.includes('timeout=7s'))).toBe(true)
    const gone = sim.trace.find((e) => e.type === 'kubelet:DeletePod')
    const seconds = ((gone?.t ?? 0) - res.at) / 1e6
    expect(seconds).toBeGreaterThan(10)
    expect(seconds).toBeLessThan(11)
  })
})

describe('determinism', () => {
  it('the same seed gives a byte-identical trace through deletion', () => {
    const run = () => { const sim = applyAndRun({ manifests: NGINX, seed: 5 }); deletePod(sim, 'nginx'); return JSON.stringify(sim.trace) }
    expect(run()).toBe(run())
  })
})
