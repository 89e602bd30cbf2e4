/**
 * Stopping one container: the Killing event, the preStop hook within the grace period, a sidecar waiting its turn,
 * then CRI StopContainer (SIGTERM, SIGKILL once the timeout runs out).
 * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer, executePreStopHook,
 * kuberuntime_termination_order.go waitForTurn.
 */
import { ms, sec } from '../../sim/kernel.ts'
import { containerRef } from '../container/ref.ts'
import { containerArgv, onSigterm } from '../cri/process.ts'
import { imageOf } from '../cri/runtime.ts'
import { rpc } from '../cri/runtimeService.ts'
import type { Kubelet } from '../kubelet.ts'
import { latency } from '../../context.ts'
import { runHandler } from '../lifecycle/handlers.ts'
import { listOf } from '../kubeletPods.ts'
import { MINIMUM_GRACE_PERIOD_S } from '../podWorkers.ts'
import type { Ordering, PodWorker, Proc } from '../podWorkers.ts'
import type { ContainerStatus } from '../../api/types.ts'
import { execSync } from './container.ts'

/** waitForTurn waits until ordering.clear() or maxS seconds; it returns the whole seconds waited (truncated). */
export function waitForTurn(k: Kubelet, ordering: Ordering, maxS: number, cont: (waitedS: number) => void): void {
  const { sim } = k.ctx
  const since = sim.now()
  let done = false
  const go = () => {
    if (done) return
    done = true
    cont(Math.floor((sim.now() - since) / 1_000_000))
  }
  const check = () => {
    if (done) return
    if (ordering.clear()) return go()
    ordering.onChange(check)
  }
  sim.after(sec(maxS), go)
  check()
}

/** killContainer mirrors kuberuntime_container.go killContainer: Killing event, preStop, StopContainer(grace). */
export function killContainer(
  k: Kubelet,
  w: PodWorker,
  p: Proc,
  grace: number,
  done: () => void,
  ordering?: Ordering,
  message?: string,
): void {
  const { c } = p
  // killContainer's message: the reason for the kill (a failed probe), or "Stopping container" when there is none.
  k.recorder.event(containerRef(w.pod, c), 'Normal', 'Killing', message ?? `Stopping container ${c.name}`)
  k.emit({
    type: 'kubelet:KillContainer',
    lane: 'kubelet',
    pod: w.key,
    outcome: 'info',
    details: {
      phase: 'kill',
      container: c.name,
      gracePeriodSeconds: grace,
      preStop: Boolean(c.lifecycle?.preStop),
      ...(message ? { message } : {}),
    },
  })
  const stop = (elapsedS: number) => {
    const left = grace - elapsedS
    // Always give containers a minimal shutdown window to avoid unnecessary SIGKILLs.
    const stopNow = (waitedS: number) => stopContainer(k, w, p, Math.max(left - waitedS, MINIMUM_GRACE_PERIOD_S), done)
    if (!ordering || left <= 0 || ordering.clear()) return stopNow(0)
    k.emit({
      type: 'kubelet:KillContainer',
      lane: 'kubelet',
      pod: w.key,
      outcome: 'info',
      details: { phase: 'waitForTurn', container: c.name, waitsFor: ordering.deps, leftSeconds: left },
    })
    waitForTurn(k, ordering, left, stopNow)
  }
  const hook = c.lifecycle?.preStop
  if (!hook || grace <= 0) return stop(0)
  preStop(k, w, p, grace, stop)
}

/** preStop runs the hook, waiting at most the grace period; it returns the whole seconds it took (Go's int64(d.Seconds())). */
export function preStop(k: Kubelet, w: PodWorker, p: Proc, grace: number, cont: (elapsedS: number) => void): void {
  const { c } = p
  const hook = c.lifecycle?.preStop ?? {}
  const image = imageOf(k.ctx.config, c)
  const run = runHandler(c, hook, w.ip ?? '', image)
  const { what, error, exec, kind, sleepS } = run
  const answer = execSync(k, w, c, p.id, 'preStop', run)
  let took = ms(10)
  if (kind === 'httpGet') took = latency(k.ctx, 'postStartHook')
  else if (kind === 'sleep') took = sec(sleepS)
  else if (exec?.run === 'forever') took = sec(grace)
  else if (exec?.run === 'exit') took = ms(Math.max(exec.afterMs, 10))
  const timedOut = took >= sec(grace)
  took = Math.min(took, sec(grace))
  k.ctx.sim.after(took, () => {
    const elapsedS = Math.floor(took / 1_000_000)
    // A hook still running when the grace period ends has no answer yet: the kubelet stops waiting for it.
    if (!timedOut) answer()
    k.emit({
      type: 'kubelet:PreStopHook',
      lane: 'kubelet',
      pod: w.key,
      outcome: error ? 'error' : timedOut ? 'warning' : 'ok',
      details: {
        container: c.name,
        hook,
        handler: kind,
        what,
        error,
        elapsedSeconds: elapsedS,
        tookMs: took / 1000,
        timedOut,
        gracePeriodSeconds: grace,
      },
    })
    if (error) k.recorder.event(containerRef(w.pod, c), 'Warning', 'FailedPreStopHook', 'PreStopHook failed')
    cont(elapsedS)
  })
}

/**
 * stopContainer is CRI StopContainer(timeout): the runtime sends SIGTERM, waits up to timeout seconds for the process
 * to exit, then sends SIGKILL (exit code 137). A process that ends on its own first keeps its own exit code.
 */
export function stopContainer(k: Kubelet, w: PodWorker, p: Proc, timeoutS: number, done: () => void): void {
  const { sim } = k.ctx
  const { c, id } = p
  const now = sim.now()
  const behaviour = onSigterm(containerArgv(c), imageOf(k.ctx.config, c))
  const natural = p.outcome.run === 'exit' ? Math.max(now, p.startedAt + ms(p.outcome.afterMs)) : Infinity
  const byTerm = behaviour.on === 'exit' ? now + ms(behaviour.afterMs) : Infinity
  const killAt = now + sec(timeoutS)
  const end = Math.min(natural, byTerm, killAt)
  const code =
    end === natural && p.outcome.run === 'exit'
      ? p.outcome.code
      : end === byTerm && behaviour.on === 'exit'
        ? behaviour.code
        : 137
  const how = end === natural ? 'exited' : end === byTerm ? 'SIGTERM' : 'SIGKILL'
  const reason = code === 0 ? 'Completed' : 'Error'
  k.emit({
    type: 'cri:StopContainer',
    lane: 'kubelet',
    from: 'kubelet',
    to: 'CRI',
    arrive: now + ms(0.2),
    pod: w.key,
    outcome: 'info',
    details: {
      phase: 'request',
      cri: { method: rpc('StopContainer'), request: { containerId: id, timeout: timeoutS } },
      container: c.name,
    },
  })
  sim.after(ms(0.2), () => {
    k.emit({
      type: 'cri:StopContainer',
      lane: 'CRI',
      pod: w.key,
      outcome: 'info',
      details: { phase: 'signal', signal: 'SIGTERM', behaviour, container: c.name },
    })
  })
  if (how === 'SIGKILL')
    sim.at(killAt, () => {
      k.emit({
        type: 'cri:StopContainer',
        lane: 'CRI',
        pod: w.key,
        outcome: 'warning',
        details: { phase: 'signal', signal: 'SIGKILL', container: c.name, timeoutSeconds: timeoutS },
      })
    })
  sim.at(end + ms(1), () => {
    const terminated = {
      exitCode: code,
      reason,
      startedAt:
        (w.status[listOf(w.pod, c)] ?? []).find((s) => s.name === c.name)?.state?.running?.startedAt ??
        sim.rfc3339(p.startedAt),
      finishedAt: sim.rfc3339(end),
      containerID: `containerd://${id}`,
    }
    w.procs.delete(c.name)
    k.status.setState(w, c, {
      ready: false,
      started: false,
      state: { terminated, waiting: null, running: null } as unknown as ContainerStatus['state'],
    })
    k.send('cri:StopContainer', 'CRI', 'kubelet', w.key, code === 0 ? 'ok' : 'warning', {
      phase: 'response',
      cri: { method: 'StopContainer', response: {} },
      container: c.name,
      exitCode: code,
      reason,
      tookMs: (end - now) / 1000,
      how,
    })
    sim.after(ms(0.2), done)
  })
}
