/**
 * One container's life: CreateContainer and StartContainer, the postStart hook, the process running to its exit, and
 * what the kubelet does when it exits (restart per restartPolicy, with CrashLoopBackOff).
 * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_container.go (startContainer), kuberuntime_manager.go (doBackOff),
 * pkg/kubelet/lifecycle/handlers.go (RunInContainer).
 */
import { isSidecar } from '../../api/containers.ts'
import type { Container, ContainerStatus } from '../../api/types.ts'
import { latency } from '../../context.ts'
import { ms } from '../../sim/kernel.ts'
import { containerRef } from '../container/ref.ts'
import { containerArgv, outcomeOf } from '../cri/process.ts'
import type { Outcome } from '../cri/process.ts'
import { digestOf, imageOf, resolve } from '../cri/runtime.ts'
import { rpc } from '../cri/runtimeService.ts'
import type { Kubelet } from '../kubelet.ts'
import { listOf } from '../kubeletPods.ts'
import { runHandler } from '../lifecycle/handlers.ts'
import { idle } from '../podWorkers.ts'
import type { PodWorker, Proc } from '../podWorkers.ts'
import { killContainer } from './kill.ts'
import { stopSidecarsIfDone } from './manager.ts'
import { syncRestart } from './restart.ts'

export function createAndStart(k: Kubelet, w: PodWorker, sandboxId: string, c: Container, cont: () => void): void {
  const id = k.rng.hex(64)
  w.ids.push(id)
  const create = {
    podSandboxId: sandboxId,
    config: {
      metadata: { name: c.name, attempt: 0 },
      image: { image: c.image },
      command: c.command,
      args: c.args,
      envs: c.env,
      mounts: c.volumeMounts,
      logPath: `${c.name}/0.log`,
    },
  }
  k.runtime.cri(
    w,
    'cri:CreateContainer',
    { phase: 'request', cri: { method: rpc('CreateContainer'), request: create }, container: c.name },
    latency(k.ctx, 'createContainer'),
    () => ({
      details: {
        phase: 'response',
        cri: { method: 'CreateContainer', request: create, response: { containerId: id } },
        container: c.name,
      },
    }),
    () => {
      k.recorder.event(containerRef(w.pod, c), 'Normal', 'Created', `Created container: ${c.name}`)
      const o = outcomeOf(containerArgv(c), imageOf(k.ctx.config, c))
      const startErr =
        o.run === 'notFound'
          ? `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${o.binary}": executable file not found in $PATH: unknown`
          : ''
      const running = () => {
        const ref0 = resolve(c.image ?? '', k.ctx.config)
        const normalized = 'ref' in ref0 ? ref0.ref : undefined
        const init = listOf(w.pod, c) === 'initContainerStatuses'
        w.procs.set(c.name, { c, id, startedAt: k.ctx.sim.now(), outcome: o })
        // Started and Ready come from the probes (at once without them); a regular init container is never ready.
        const probed = !init || isSidecar(c) ? k.prober.startedAndReady(w, c, id) : { started: true, ready: false }
        k.status.setState(w, c, {
          containerID: `containerd://${id}`,
          image: normalized?.normalized ?? c.image ?? '',
          imageID: normalized ? `${normalized.repository}@${digestOf(normalized.normalized)}` : '',
          started: probed.started,
          ready: probed.ready,
          state: {
            running: { startedAt: k.ctx.sim.rfc3339() },
            waiting: null,
            terminated: null,
          } as unknown as ContainerStatus['state'],
        })
        return init
      }
      const start = { containerId: id }
      k.runtime.cri(
        w,
        'cri:StartContainer',
        { phase: 'request', cri: { method: rpc('StartContainer'), request: start }, container: c.name },
        latency(k.ctx, 'startContainer'),
        () => ({
          outcome: startErr ? 'error' : 'ok',
          details: {
            phase: 'response',
            cri: { method: 'StartContainer', request: start, response: startErr ? { error: startErr } : {} },
            container: c.name,
          },
        }),
        () => {
          if (startErr) {
            k.recorder.event(containerRef(w.pod, c), 'Warning', 'Failed', `Error: ${startErr}`)
            exited(k, w, c, id, 128, 'StartError')
            return cont()
          }
          k.recorder.event(containerRef(w.pod, c), 'Normal', 'Started', `Started container ${c.name}`)
          const init = running()
          if (init) k.status.refresh(w, { kind: 'initRunning', container: c.name, sidecar: isSidecar(c) })
          afterStart(k, w, c, id)
          cont()
        },
        () => {
          // The container started although the sync was cancelled: termination will stop it.
          if (!startErr) running()
        },
      )
    },
  )
}

/** afterStart runs the postStart hook, then lets the process do what its command says. */
export function afterStart(k: Kubelet, w: PodWorker, c: Container, id: string): void {
  const hook = c.lifecycle?.postStart
  const image = imageOf(k.ctx.config, c)
  const proceed = () => watchProcess(k, w, c, id, outcomeOf(containerArgv(c), image))
  if (!hook) return proceed()
  const h = runHandler(c, hook, w.ip ?? '', image)
  const error = h.error
  const what = h.kind === 'sleep' ? 'sleep' : h.what
  const answer = execSync(k, w, c, id, 'postStart', h)
  w.inflight++
  k.ctx.sim.after(latency(k.ctx, 'postStartHook'), () => {
    w.inflight--
    answer()
    if (w.state !== 'syncing') return idle(w)
    k.emit({
      type: 'kubelet:PostStartHook',
      lane: 'kubelet',
      pod: w.key,
      outcome: error ? 'error' : 'ok',
      details: { container: c.name, hook, handler: h.kind, what, error },
    })
    if (!error) return proceed()
    // Mirrors: pkg/kubelet/kuberuntime/kuberuntime_container.go startContainer (the event hides the hook's output).
    k.recorder.event(containerRef(w.pod, c), 'Warning', 'FailedPostStartHook', 'PostStartHook failed')
    k.recorder.event(containerRef(w.pod, c), 'Normal', 'Killing', 'FailedPostStartHook')
    exited(k, w, c, id, 137, 'Error')
  })
}

/**
 * execSync emits an exec hook's CRI ExecSync request and returns what emits its answer (nothing for other handlers).
 * Mirrors: pkg/kubelet/lifecycle/handlers.go (RunInContainer with timeout 0).
 */
export function execSync(
  k: Kubelet,
  w: PodWorker,
  c: Container,
  id: string,
  hook: 'postStart' | 'preStop',
  h: ReturnType<typeof runHandler>,
): () => void {
  const command = (hook === 'postStart' ? c.lifecycle?.postStart : c.lifecycle?.preStop)?.exec?.command
  if (h.kind !== 'exec' || !command) return () => {}
  const request = { containerId: id, cmd: command, timeout: 0 }
  k.send('cri:ExecSync', 'kubelet', 'CRI', w.key, 'info', {
    phase: 'request',
    cri: { method: rpc('ExecSync'), request },
    container: c.name,
    hook,
  })
  return () => {
    const response =
      h.exec?.run === 'notFound'
        ? { error: h.error }
        : { exitCode: h.exec?.run === 'exit' ? h.exec.code : 0, stderr: '' }
    k.send('cri:ExecSync', 'CRI', 'kubelet', w.key, h.error ? 'error' : 'ok', {
      phase: 'response',
      cri: { method: 'ExecSync', request, response },
      container: c.name,
      hook,
    })
  }
}

export function watchProcess(k: Kubelet, w: PodWorker, c: Container, id: string, o: Outcome): void {
  if (o.run !== 'exit') return
  // Once the pod is terminating, its kill step owns the container's end (it may still exit on its own in time).
  k.ctx.sim.after(ms(o.afterMs) + latency(k.ctx, 'plegRelist') / 2, () =>
    w.state !== 'syncing' || w.completed || w.procs.get(c.name)?.id !== id
      ? undefined
      : exited(k, w, c, id, o.code, o.code === 0 ? 'Completed' : 'Error'),
  )
}

/** exited records a terminated container and restarts it per restartPolicy, with CrashLoopBackOff. */
export function exited(k: Kubelet, w: PodWorker, c: Container, id: string, exitCode: number, reason: string): void {
  const cur = (w.status[listOf(w.pod, c)] ?? []).find((s) => s.name === c.name)
  if (w.procs.get(c.name)?.id === id) w.procs.delete(c.name)
  const terminated = {
    exitCode,
    reason,
    startedAt: cur?.state?.running?.startedAt ?? k.ctx.sim.rfc3339(),
    finishedAt: k.ctx.sim.rfc3339(),
    containerID: `containerd://${id}`,
  }
  // prober_manager.go UpdatePodStatus: an init container that exited 0 is ready (done); every other exit is not.
  const completedInit = listOf(w.pod, c) === 'initContainerStatuses' && !isSidecar(c) && exitCode === 0
  k.status.setState(w, c, {
    ready: completedInit,
    started: false,
    state: { terminated, waiting: null, running: null } as unknown as ContainerStatus['state'],
  })
  afterExit(k, w, c, terminated)
}

type Terminated = NonNullable<NonNullable<ContainerStatus['state']>['terminated']>

/**
 * afterExit is the pod worker's sync once the runtime reports a container exited (on its own, or killed for a
 * failed probe): report the status, then go on with the init sequence, fail the pod, stop the sidecars, or restart.
 */
export function afterExit(k: Kubelet, w: PodWorker, c: Container, terminated: Terminated): void {
  const cur = (w.status[listOf(w.pod, c)] ?? []).find((s) => s.name === c.name)
  const { exitCode } = terminated
  const reason = terminated.reason ?? 'Error'
  const init = listOf(w.pod, c) === 'initContainerStatuses'
  const sidecar = isSidecar(c) && init
  k.status.refresh(w, {
    kind: 'exited',
    container: c.name,
    exitCode,
    reason,
    init,
    sidecar,
    restartPolicy: w.pod.spec?.restartPolicy ?? 'Always',
  })
  // A sidecar restarts whatever the pod's restartPolicy, and whatever its exit code.
  const policy = sidecar ? 'Always' : (w.pod.spec?.restartPolicy ?? 'Always')
  if (init && !sidecar && exitCode === 0) return w.initNext?.()
  if (init && !sidecar && policy === 'Never') {
    w.status = { ...w.status, phase: 'Failed' }
    return k.status.patchStatus(w, { kind: 'initFailed', container: c.name })
  }
  if (!init && (policy === 'Never' || (policy === 'OnFailure' && exitCode === 0))) return stopSidecarsIfDone(k, w)
  syncRestart(k, w, c, {
    terminated,
    finishedAt: k.ctx.sim.now(),
    restartCount: cur?.restartCount ?? 0,
    init,
    sidecar,
    restartPolicy: policy,
  })
}

/**
 * killForProbe: computePodActions kills a container whose liveness or startup probe failed (Killing with the probe's
 * message, the preStop hook, StopContainer with the grace period); what follows is that of any exit: a restart as
 * the restart policy says, with the crash-loop back-off.
 */
export function killForProbe(k: Kubelet, w: PodWorker, c: Container, message: string, grace: number): void {
  const p = w.procs.get(c.name)
  if (p && w.state === 'syncing' && !w.completed) killAndResync(k, w, p, c, message, grace)
}

/**
 * killAndResync kills a running container for a reason (`message`, the Killing event's text) and, once it has
 * stopped, syncs it again as `next` (the same container, or its new definition after a pod update).
 */
export function killAndResync(
  k: Kubelet,
  w: PodWorker,
  p: Proc,
  next: Container,
  message: string,
  grace: number,
): void {
  w.inflight++
  killContainer(
    k,
    w,
    p,
    grace,
    () => {
      w.inflight--
      if (w.state !== 'syncing') return idle(w)
      const terminated = (w.status[listOf(w.pod, next)] ?? []).find((s) => s.name === next.name)?.state?.terminated
      if (terminated) afterExit(k, w, next, terminated)
    },
    undefined,
    message,
  )
}
