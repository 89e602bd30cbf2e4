/**
 * The runtime manager's side of SyncPod: after the sandbox, the init containers one at a time (sidecars only have to
 * start), then the regular containers; stopping the sidecars once the regular containers are done for good; and
 * killing a pod's containers in termination order.
 * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_manager.go (SyncPod, killPodWithSyncResult; its computePodActions is
 * the kernel in computePodActions.ts), kuberuntime_container.go (computeInitContainerActions),
 * kuberuntime_termination_order.go.
 */
import { isSidecar } from '../../api/containers.ts'
import type { Container, ContainerStatus } from '../../api/types.ts'
import { latency } from '../../context.ts'
import type { Kubelet } from '../kubelet.ts'
import { listOf } from '../kubeletPods.ts'
import { gracePeriodOf, idle } from '../podWorkers.ts'
import type { Ordering, PodWorker, Proc } from '../podWorkers.ts'
import { createAndStart } from './container.ts'
import { killContainer } from './kill.ts'
import { stopSandbox } from './sandbox.ts'

/**
 * startInit runs the init containers one at a time; each must exit 0 before the next starts. A sidecar
 * (restartPolicy Always) only has to start: the next one starts right after it, and it keeps running.
 * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_container.go computeInitContainerActions.
 */
export function startInit(k: Kubelet, w: PodWorker, sandboxId: string, i: number): void {
  const inits = w.pod.spec?.initContainers ?? []
  if (i >= inits.length) {
    if (inits.length) {
      // Object.assign and stores rather than spread literals with keys after them (V8's slow path): same keys, in
      // the same order.
      const status: PodWorker['status'] = Object.assign({}, w.status)
      status.containerStatuses = (w.status.containerStatuses ?? []).map((s) => {
        const next: ContainerStatus = Object.assign({}, s)
        next.state = { waiting: { reason: 'ContainerCreating' } }
        return next
      })
      w.status = status
      k.status.refresh(w, { kind: 'initialized', withSidecars: inits.some(isSidecar) })
    }
    return startContainers(k, w, sandboxId, 0)
  }
  const c = inits[i]
  if (isSidecar(c)) {
    w.sidecarNext.set(c.name, () => startInit(k, w, sandboxId, i + 1))
    return k.images.ensureImage(w, c, () => createAndStart(k, w, sandboxId, c, () => sidecarStarted(k, w, c)))
  }
  w.initNext = () => startInit(k, w, sandboxId, i + 1)
  k.images.ensureImage(w, c, () => createAndStart(k, w, sandboxId, c, () => {}))
}

/** sidecarStarted lets the init sequence go on once a sidecar is running (a failed start waits for its restart). */
export function sidecarStarted(k: Kubelet, w: PodWorker, c: Container): void {
  const next = w.sidecarNext.get(c.name)
  // A sidecar with a startup probe counts as started only once the probe succeeded (prober_manager.go).
  const started = (w.status.initContainerStatuses ?? []).find((s) => s.name === c.name)?.started
  if (!next || !w.procs.has(c.name) || !started || w.state !== 'syncing') return
  w.sidecarNext.delete(c.name)
  next()
}

export function startContainers(k: Kubelet, w: PodWorker, sandboxId: string, i: number): void {
  const containers = w.pod.spec?.containers ?? []
  if (i >= containers.length) return reportRunning(k, w)
  const c = containers[i]
  k.images.ensureImage(w, c, () => createAndStart(k, w, sandboxId, c, () => startContainers(k, w, sandboxId, i + 1)))
}

export function reportRunning(k: Kubelet, w: PodWorker): void {
  // The PLEG notices the started containers on its next relist (every second).
  k.ctx.sim.after(latency(k.ctx, 'plegRelist') / 2, () =>
    w.state !== 'syncing' ? undefined : k.status.refresh(w, { kind: 'running' }),
  )
}

/**
 * stopSidecarsIfDone: once every regular container has exited and none will restart, the sidecars must not keep the
 * pod alive. The kubelet kills them (in reverse order, as on deletion) and restarts nothing; the phase then follows
 * the regular containers.
 * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions (keepCount == 0 → KillPod, no init
 * containers to start).
 */
export function stopSidecarsIfDone(k: Kubelet, w: PodWorker): void {
  const policy = w.pod.spec?.restartPolicy ?? 'Always'
  const over = (w.pod.spec?.containers ?? []).every((c) => {
    const t = (w.status.containerStatuses ?? []).find((s) => s.name === c.name)?.state?.terminated
    return t && !w.procs.has(c.name) && (policy === 'Never' || (policy === 'OnFailure' && t.exitCode === 0))
  })
  if (!over || w.completed || w.state !== 'syncing') return
  w.completed = true
  const sidecars = [...w.procs.values()].filter((p) => isSidecar(p.c) && listOf(w.pod, p.c) === 'initContainerStatuses')
  if (!sidecars.length) return
  const grace = gracePeriodOf(w.pod)
  k.emit({
    type: 'kubelet:KillContainer',
    lane: 'kubelet',
    pod: w.key,
    outcome: 'info',
    details: {
      phase: 'stopSidecars',
      sidecars: sidecars.map((p) => p.c.name),
      restartPolicy: policy,
      gracePeriodSeconds: grace,
    },
  })
  // A deletion arriving meanwhile waits for these kills, like any operation of the pod worker in flight.
  w.inflight++
  killAll(k, w, sidecars, grace, () => {
    w.inflight--
    if (w.state !== 'syncing') return idle(w)
    k.status.refresh(w, { kind: 'sidecarsStopped' })
  })
}

/**
 * killPod mirrors kuberuntime_manager.go killPodWithSyncResult: all containers in parallel, then StopPodSandbox.
 * With sidecars, each sidecar's StopContainer waits its turn: until the regular containers and the sidecars started
 * after it have exited (or its grace period runs out), so the regular containers stop first and the sidecars after
 * them, in reverse order.
 * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_termination_order.go (newTerminationOrdering, waitForTurn).
 */
export function killPod(k: Kubelet, w: PodWorker, grace: number): void {
  const procs = [...w.procs.values()]
  if (!procs.length) return stopSandbox(k, w)
  killAll(k, w, procs, grace, () => stopSandbox(k, w))
}

/** killAll kills the given containers in parallel, each sidecar waiting its turn; then runs `then`. */
export function killAll(k: Kubelet, w: PodWorker, procs: Proc[], grace: number, then: () => void): void {
  let left = procs.length
  const inits = w.pod.spec?.initContainers ?? []
  const sidecarIndex = (p: Proc) =>
    listOf(w.pod, p.c) === 'initContainerStatuses' && isSidecar(p.c) ? inits.findIndex((c) => c.name === p.c.name) : -1
  const running = new Set(procs.map((p) => p.c.name))
  const waiters: Array<() => void> = []
  const ordering = (p: Proc): Ordering | undefined => {
    const idx = sidecarIndex(p)
    if (idx < 0) return undefined
    const deps = procs.filter((o) => o !== p && (sidecarIndex(o) < 0 || sidecarIndex(o) > idx)).map((o) => o.c.name)
    return { deps, clear: () => deps.every((d) => !running.has(d)), onChange: (f) => waiters.push(f) }
  }
  for (const p of procs) {
    killContainer(
      k,
      w,
      p,
      grace,
      () => {
        running.delete(p.c.name)
        for (const f of waiters.splice(0)) f()
        if (--left === 0) then()
      },
      ordering(p),
    )
  }
}
