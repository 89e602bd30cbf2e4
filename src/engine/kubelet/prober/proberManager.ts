/**
 * The probe manager the kubelet shell owns: one worker per container and probe type, ticking every periodSeconds
 * on the simulation's clock, each tick a pure `doProbe`; what a tick decides is applied here — the container's
 * Started and Ready, the Unhealthy events, and the kill and restart of a container whose liveness or startup probe
 * failed.
 * Mirrors: pkg/kubelet/prober/prober_manager.go (AddPod, RemovePod, UpdatePodStatus), worker.go (run: probe at
 * once, then on every tick; manualTriggerCh), kuberuntime_manager.go computePodActions (a failed liveness or
 * startup result kills the container with the probe's message; it restarts as its restartPolicy says).
 */
import { isSidecar } from '../../api/containers.ts'
import type { Container, ContainerStatus } from '../../api/types.ts'
import { ms, sec } from '../../sim/kernel.ts'
import type { Timer } from '../../sim/kernel.ts'
import { containerRef } from '../container/ref.ts'
import { existsAt } from '../cri/files.ts'
import { containerArgv, fileEvents } from '../cri/process.ts'
import { imageOf } from '../cri/runtime.ts'
import type { Kubelet } from '../kubelet.ts'
import { listOf } from '../kubeletPods.ts'
import type { PodWorker } from '../podWorkers.ts'
import { probeKillEvent } from './events.ts'
import { containerReady, isContainerStarted } from './manager.ts'
import type { ProbeSlot } from './manager.ts'
import { podFullName, runProbe } from './probe.ts'
import type { Probe, ProbeType } from './probe.ts'
import { doProbe, newWorkerState, thresholdFor } from './worker.ts'
import type { PodObservation, WorkerState } from './worker.ts'
import type { ProbeStep } from './traceTypes.ts'

interface ProbeWorker {
  type: ProbeType
  c: Container
  spec: Probe
  state: WorkerState
  timer?: Timer
  stopped: boolean
}

const TYPES: ReadonlyArray<[ProbeType, 'livenessProbe' | 'readinessProbe' | 'startupProbe']> = [
  ['Liveness', 'livenessProbe'],
  ['Readiness', 'readinessProbe'],
  ['Startup', 'startupProbe'],
]

export class ProberManager {
  private readonly k: Kubelet
  private readonly pods = new Map<string, ProbeWorker[]>()
  /** Kills for a failed probe that the shell carries out (set by the kubelet: it owns the runtime). */
  onKill?: (w: PodWorker, c: Container, message: string, gracePeriodSeconds: number) => void

  constructor(k: Kubelet) {
    this.k = k
  }

  /** addPod starts a worker for each probe of the pod's containers and sidecars; each probes at once, then ticks. */
  addPod(w: PodWorker): void {
    // Hot (one per pod, most without probes): the sidecars, then the regular containers, with no list built first.
    const workers: ProbeWorker[] = []
    const add = (c: Container) => {
      for (const [type, field] of TYPES) {
        const spec = c[field]
        if (spec) workers.push({ type, c, spec, state: newWorkerState(), stopped: false })
      }
    }
    for (const c of w.pod.spec?.initContainers ?? []) if (isSidecar(c)) add(c)
    for (const c of w.pod.spec?.containers ?? []) add(c)
    if (!workers.length) return
    this.pods.set(w.key, workers)
    for (const pw of workers) this.schedule(w, pw, 0)
  }

  /** removePod stops the pod's workers (RemovePod). */
  removePod(w: PodWorker): void {
    for (const pw of this.pods.get(w.key) ?? []) this.stop(pw)
    this.pods.delete(w.key)
  }

  /**
   * startedAndReady is what UpdatePodStatus gives a container that has just started: Started once the startup probe
   * succeeded (at once without one), Ready once readiness succeeded (at once without a readiness probe). A readiness
   * probe with no answer yet is kicked to probe now instead of waiting for its next period.
   */
  startedAndReady(w: PodWorker, c: Container, id: string): { started: boolean; ready: boolean } {
    const started = isContainerStarted(true, this.slot(w, c, 'Startup', id))
    const r = containerReady(started, true, this.slot(w, c, 'Readiness', id))
    if (r.triggerReadiness) this.trigger(w, c, 'Readiness')
    return { started, ready: r.ready }
  }

  /** has says whether the container has a probe of this type. */
  has(w: PodWorker, c: Container, type: ProbeType): boolean {
    return (this.pods.get(w.key) ?? []).some((pw) => pw.c.name === c.name && pw.type === type)
  }

  /** slot is what the results manager holds for the container `id` (by default the one the status shows). */
  private slot(w: PodWorker, c: Container, type: ProbeType, id = this.idOf(w, c)): ProbeSlot {
    const pw = (this.pods.get(w.key) ?? []).find((p) => p.c.name === c.name && p.type === type)
    return { worker: Boolean(pw), cached: pw && pw.state.containerID === id ? pw.state.cached : undefined }
  }

  private trigger(w: PodWorker, c: Container, type: ProbeType): void {
    const pw = (this.pods.get(w.key) ?? []).find((p) => p.c.name === c.name && p.type === type)
    if (!pw || pw.stopped) return
    pw.timer?.cancel()
    this.schedule(w, pw, 0)
  }

  private schedule(w: PodWorker, pw: ProbeWorker, delay: number): void {
    pw.timer = this.k.ctx.sim.after(delay, () => this.tick(w, pw))
  }

  private stop(pw: ProbeWorker): void {
    pw.stopped = true
    pw.timer?.cancel()
  }

  private idOf(w: PodWorker, c: Container): string {
    return this.statusOf(w, c)?.containerID?.replace(/^containerd:\/\//, '') ?? ''
  }

  private statusOf(w: PodWorker, c: Container): ContainerStatus | undefined {
    return (w.status[listOf(w.pod, c)] ?? []).find((s) => s.name === c.name)
  }

  private observe(w: PodWorker, c: Container): PodObservation {
    const s = this.statusOf(w, c)
    const proc = w.procs.get(c.name)
    const id = s?.containerID?.replace(/^containerd:\/\//, '') ?? ''
    return {
      phase: w.status.phase ?? 'Pending',
      deleting: Boolean(w.pod.metadata?.deletionTimestamp),
      restartPolicy: w.pod.spec?.restartPolicy ?? 'Always',
      sidecar: isSidecar(c) && listOf(w.pod, c) === 'initContainerStatuses',
      container: id
        ? {
            containerID: id,
            running: s?.state?.running && proc ? { startedAt: proc.startedAt } : undefined,
            terminated: Boolean(s?.state?.terminated),
            started: Boolean(s?.started),
          }
        : undefined,
    }
  }

  /** tick is one run of the worker: doProbe decides; the handler's answer lands after the time it took. */
  private tick(w: PodWorker, pw: ProbeWorker): void {
    if (pw.stopped) return
    const { k } = this
    const { c, type, spec } = pw
    const m = w.pod.metadata ?? {}
    const image = imageOf(k.ctx.config, c)
    const proc = w.procs.get(c.name)
    const files = proc ? fileEvents(containerArgv(c), image) : []
    const now = k.ctx.sim.now()
    const target = {
      container: c,
      podIP: w.ip ?? '',
      image,
      podFullName: podFullName(m.name ?? '', m.namespace ?? '', m.uid ?? ''),
      fileExists: (path: string) => (proc ? existsAt(files, proc.startedAt, now, path) : false),
    }
    const out = doProbe(type, spec, pw.state, this.observe(w, c), k.ctx.sim.now(), () => runProbe(spec, target))
    pw.state = out.state
    if (!out.keepGoing) return this.stop(pw)
    const period = sec(spec.periodSeconds ?? 10)
    const run = out.run
    if (!run) {
      this.applyChange(w, pw, out.change)
      return this.schedule(w, pw, period)
    }
    const took = ms(Math.max(run.tookMs, 0.5))
    k.ctx.sim.after(took, () => {
      if (pw.stopped) return
      if (out.event) k.recorder.event(containerRef(w.pod, c), out.event.eventType, out.event.reason, out.event.message)
      const kill = out.change === 'restart' ? this.killOf(w, pw) : undefined
      // Hot with probes (one per probe run): the optional keys are assigned in their place rather than spread from
      // conditional literals (each spread is V8's slow path and a hidden class of its own); same keys, same order.
      const details: ProbeStep = {
        probeType: type,
        container: c.name,
        handler: run.handler,
        target: run.target,
        result: run.result,
        output: run.output,
      } as ProbeStep
      if (run.error !== undefined) details.error = run.error
      details.counted = out.state.lastResult
      // A liveness or startup verdict puts the worker on hold with its count reset: report the count it reached.
      details.consecutive = out.state.resultRun || thresholdFor(spec, out.state.lastResult)
      details.threshold = thresholdFor(spec, out.state.lastResult)
      details.periodSeconds = spec.periodSeconds ?? 10
      details.timeoutSeconds = spec.timeoutSeconds ?? 1
      details.tookMs = run.tookMs
      if (out.set !== undefined) details.set = out.set
      details.change = out.change
      if (out.event) details.event = out.event
      if (kill) details.kill = { message: kill.message, restart: kill.restart }
      k.emit({
        type: 'prober:Probe',
        lane: 'kubelet',
        pod: w.key,
        outcome:
          run.result === 'success' ? 'ok' : run.result === 'warning' || out.set === undefined ? 'warning' : 'error',
        details,
      })
      this.applyChange(w, pw, out.change)
      if (kill) this.onKill?.(w, c, kill.message, kill.grace)
      // The next tick counts from this one's start, as the ticker does; a slow probe delays none beyond itself.
      this.schedule(w, pw, Math.max(0, period - took))
    })
  }

  private killOf(w: PodWorker, pw: ProbeWorker): { message: string; restart: boolean; grace: number } {
    const policy = w.pod.spec?.restartPolicy ?? 'Always'
    const sidecar = isSidecar(pw.c) && listOf(w.pod, pw.c) === 'initContainerStatuses'
    const e = probeKillEvent(pw.c.name, pw.type === 'Startup' ? 'Startup' : 'Liveness', policy, sidecar)
    // A probe-level terminationGracePeriodSeconds overrides the pod's for this kill (kuberuntime_container.go).
    const grace = pw.spec.terminationGracePeriodSeconds ?? w.pod.spec?.terminationGracePeriodSeconds ?? 30
    return { message: e.message, restart: sidecar || policy !== 'Never', grace }
  }

  /** applyChange writes what the results manager now says into the container's status, and reports it. */
  private applyChange(w: PodWorker, pw: ProbeWorker, change: string): void {
    const { k } = this
    const { c } = pw
    if (change !== 'ready' && change !== 'unready' && change !== 'started') return
    if (w.state !== 'syncing') return
    const s = this.statusOf(w, c)
    if (!s?.state?.running) return
    const running = true
    const started = isContainerStarted(running, this.slot(w, c, 'Startup'))
    const r = containerReady(started, running, this.slot(w, c, 'Readiness'))
    if (s.started === started && s.ready === r.ready) return
    k.status.setState(w, c, { started, ready: r.ready })
    k.status.refresh(w, { kind: 'probe', container: c.name, probeType: pw.type, started, ready: r.ready })
    if (change === 'started') {
      if (r.triggerReadiness) this.trigger(w, c, 'Readiness')
      this.onStarted?.(w, c)
    }
  }

  /** Called when a container counts as started (its startup probe succeeded): a sidecar lets the init go on. */
  onStarted?: (w: PodWorker, c: Container) => void
}
