/**
 * The status the kubelet writes, and how it acts on a pod update, as v1.35 does.
 * Expected values: pkg/kubelet/status/generate.go (conditions; True carries no reason or message; the terminal
 * phase's PodCompleted / PodFailed), pkg/util/pod/pod.go PatchPodStatus (a two-way merge patch: a field the new
 * condition lacks is deleted), pkg/api/v1/pod/util.go CalculatePodStatusObservedGeneration and
 * CalculatePodConditionObservedGeneration (PodObservedGenerationTracking, GA in v1.35), prober_manager.go
 * UpdatePodStatus (an init container that exited 0 is ready), kuberuntime_manager.go computePodActions (a changed
 * container: "Container %s definition changed, will be restarted").
 */
import { describe, expect, it } from 'vitest'
import type { PodCondition } from '../../src/engine/api/types.ts'
import { NGINX, applyAndRun, pod } from './helpers.ts'

type Cond = PodCondition & { observedGeneration?: number }
const cond = (c: Cond[] | undefined, type: string) => c?.find((x) => x.type === type)

describe('a Running nginx pod', () => {
  const sim = applyAndRun({ manifests: NGINX, untilMs: 30_000 })
  const p = sim.pods()[0]
  const conditions = p.status?.conditions as Cond[] | undefined
  it('has every kubelet condition True with no stale reason or message', () => {
    for (const type of ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady']) {
      const c = cond(conditions, type)
      expect(c?.status, type).toBe('True')
      expect(c?.reason, type).toBeUndefined()
      expect(c?.message, type).toBeUndefined()
    }
  })
  it('says which generation its status reflects: status.observedGeneration and each kubelet condition', () => {
    expect(p.metadata?.generation).toBe(1)
    expect((p.status as { observedGeneration?: number }).observedGeneration).toBe(1)
    for (const type of ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady']) {
      expect(cond(conditions, type)?.observedGeneration, type).toBe(1)
    }
    // PodScheduled is the scheduler's: the kubelet leaves it as written.
    expect(cond(conditions, 'PodScheduled')?.observedGeneration).toBeUndefined()
  })
})

describe('a pod that ran to completion', () => {
  const sim = applyAndRun({
    manifests: `apiVersion: v1
kind: Pod
metadata: {name: job}
spec:
  restartPolicy: Never
  initContainers:
  - {name: setup, image: busybox:1.36, command: ["sh", "-c", "exit 0"]}
  containers:
  - {name: work, image: busybox:1.36, command: ["sh", "-c", "sleep 2; exit 0"]}
`,
    untilMs: 60_000,
  })
  const p = sim.pods()[0]
  const conditions = p.status?.conditions as Cond[] | undefined
  it('is Succeeded with the terminal reasons PodCompleted', () => {
    expect(p.status?.phase).toBe('Succeeded')
    expect(cond(conditions, 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' })
    expect(cond(conditions, 'ContainersReady')).toMatchObject({ status: 'False', reason: 'PodCompleted' })
    expect(cond(conditions, 'Initialized')).toMatchObject({ status: 'True', reason: 'PodCompleted' })
    expect(cond(conditions, 'Ready')?.message).toBeUndefined()
  })
  it('shows its completed init container as ready', () => {
    expect(p.status?.initContainerStatuses?.[0]).toMatchObject({ ready: true, state: { terminated: { exitCode: 0, reason: 'Completed' } } })
  })
})

describe('kubectl apply of a new image to a running pod', () => {
  const sim = applyAndRun({ manifests: NGINX, untilMs: 20_000 })
  sim.apply({ files: [{ name: 'pod.yaml', text: NGINX.replace('nginx:1.27', 'nginx:1.28') }] })
  sim.run(sim.nowMs() + 60_000)
  const p = sim.pods()[0]
  it('is configured, bumps the generation, and the kubelet restarts the container with the new image', () => {
    expect(sim.kubectlResults[1].stdout).toContain('pod/nginx configured')
    expect(p.metadata?.generation).toBe(2)
    const messages = sim.events().map((e) => `${e.reason}: ${e.message}`)
    expect(messages).toContain('Killing: Container nginx definition changed, will be restarted')
    expect(messages).toContain('Pulling: Pulling image "nginx:1.28"')
    const s = p.status?.containerStatuses?.[0]
    expect(s).toMatchObject({ image: 'docker.io/library/nginx:1.28', restartCount: 1, ready: true })
    expect(s?.state?.running).toBeTruthy()
  })
  it('reports the new generation in its status', () => {
    expect((p.status as { observedGeneration?: number }).observedGeneration).toBe(2)
    expect(cond(p.status?.conditions as Cond[], 'Ready')).toMatchObject({ status: 'True', observedGeneration: 2 })
  })
})

describe('an update that needs no restart', () => {
  const sim = applyAndRun({ manifests: pod('web'), untilMs: 20_000 })
  const updated = pod('web').replace('spec:\n', 'spec:\n  activeDeadlineSeconds: 3600\n')
  sim.apply({ files: [{ name: 'pod.yaml', text: updated }] })
  sim.run(sim.nowMs() + 30_000)
  it('keeps the container and reports the new generation', () => {
    const p = sim.pods()[0]
    expect(p.metadata?.generation).toBe(2)
    expect(p.status?.containerStatuses?.[0].restartCount).toBe(0)
    expect((p.status as { observedGeneration?: number }).observedGeneration).toBe(2)
  })
})
