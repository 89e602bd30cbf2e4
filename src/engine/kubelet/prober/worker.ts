/**
 * The probe worker's doProbe as a pure reducer: one worker per container and probe type keeps the last result and
 * how many times in a row it came, and reports to its results manager only when a threshold is crossed.
 * Mirrors: pkg/kubelet/prober/worker.go doProbe at v1.35 (default feature gates: ContainerRestartRules off; the
 * kubelet-restart seeding of ChangeContainerStatusOnKubeletRestart does not arise, the simulated kubelet never
 * restarts) and pkg/kubelet/prober/prober.go probe (how a handler's answer becomes a results.Result).
 * Simplified: the first-tick jitter of worker.run (a random part of periodSeconds when the kubelet has just started)
 * is left out; the shell runs doProbe every periodSeconds.
 */
import type { Micros } from '../../sim/kernel.ts'
import { US_PER_S } from '../../sim/kernel.ts'
import { proberEvent } from './events.ts'
import type { ProberEvent } from './events.ts'
import type { Probe, ProbeRun, ProbeType } from './probe.ts'

/** results.Result (pkg/kubelet/prober/results/results_manager.go). */
export type WorkerResult = 'Success' | 'Failure' | 'Unknown'

export interface WorkerState {
  /** The container the worker last saw ('' before any). */
  containerID: string
  lastResult: WorkerResult
  /** How many probes in a row returned lastResult. */
  resultRun: number
  /** Set after a liveness failure or any startup verdict: no probing until a new container ID. */
  onHold: boolean
  /** What the results manager holds for containerID (undefined: nothing set). */
  cached?: WorkerResult
}

/** newWorkerState: a fresh worker. Go's zero value of results.Result is Success (Unknown is -1, Success 0). */
export function newWorkerState(): WorkerState {
  return { containerID: '', lastResult: 'Success', resultRun: 0, onHold: false }
}

/** initialValue: what the results manager holds for a new container before its first verdict (newWorker). */
export function initialValue(type: ProbeType): WorkerResult {
  if (type === 'Readiness') return 'Failure'
  if (type === 'Liveness') return 'Success'
  return 'Unknown'
}

/** What the worker reads from the status manager's copy of the pod. */
export interface PodObservation {
  phase: string
  /** metadata.deletionTimestamp is set: the pod is shutting down gracefully. */
  deleting: boolean
  restartPolicy: string
  /** The container is a restartable init container (a sidecar). */
  sidecar: boolean
  /** The container's status; undefined or without an ID while it is not created. */
  container?: {
    containerID: string
    running?: { startedAt: Micros }
    terminated: boolean
    /** ContainerStatus.Started, as the probe manager computed it. */
    started: boolean
  }
}

/** Why doProbe ran no handler. */
export type SkipReason =
  | 'noStatus'
  | 'podTerminated'
  | 'containerNotFound'
  | 'onHold'
  | 'notRunning'
  | 'deleting'
  | 'initialDelay'
  | 'startupDone'
  | 'notStarted'
  | 'errored'
  | 'belowThreshold'

/** What changed for the container, for the shell: Ready flips, a restart, the container counting as started. */
export type ProbeChange = 'ready' | 'unready' | 'restart' | 'started' | 'none'

export interface DoProbeOutcome {
  state: WorkerState
  /** false: the worker exits (its results are removed). */
  keepGoing: boolean
  /** The handler's run, when one ran. */
  run?: ProbeRun
  /** The event prober.probe recorded for this run. */
  event?: ProberEvent
  /** What the worker set in the results manager (a results manager update only when it differs from cached). */
  set?: WorkerResult
  change: ProbeChange
  skipped?: SkipReason
}

type Spec = Pick<Probe, 'initialDelaySeconds' | 'successThreshold' | 'failureThreshold'>

/** toWorkerResult is prober.probe's mapping: warning counts as success, an Unknown without error as failure. */
export function toWorkerResult(run: ProbeRun): WorkerResult {
  return run.result === 'success' || run.result === 'warning' ? 'Success' : 'Failure'
}

function changeOf(type: ProbeType, before: WorkerResult | undefined, after: WorkerResult): ProbeChange {
  if (before === after) return 'none'
  if (type === 'Readiness') return after === 'Success' ? 'ready' : before === 'Success' ? 'unready' : 'none'
  if (after === 'Failure') return 'restart'
  return type === 'Startup' && after === 'Success' ? 'started' : 'none'
}

/**
 * doProbe runs one tick of the worker. `obs` is undefined when the status manager has no status for the pod;
 * `probe` runs the handler (only called when the worker gets that far).
 */
export function doProbe(
  type: ProbeType,
  spec: Spec,
  state0: WorkerState,
  obs: PodObservation | undefined,
  now: Micros,
  probe: () => ProbeRun,
): DoProbeOutcome {
  let state = state0
  const skip = (skipped: SkipReason, keepGoing = true, set?: WorkerResult): DoProbeOutcome => {
    if (set !== undefined) state = { ...state, cached: set }
    return { state, keepGoing, set, change: 'none', skipped }
  }
  if (!obs) return skip('noStatus')
  if (obs.phase === 'Failed' || obs.phase === 'Succeeded') return skip('podTerminated', false)
  const c = obs.container
  if (!c || !c.containerID) return skip('containerNotFound')
  if (state.containerID !== c.containerID) {
    // A new container: the old one's result is removed, the new one starts from the initial value, probing resumes.
    state = { ...state, containerID: c.containerID, cached: initialValue(type), onHold: false }
  }
  if (state.onHold) return skip('onHold')
  if (!c.running) {
    // Abort if the container will not be restarted.
    const keepGoing = !c.terminated || obs.restartPolicy !== 'Never' || obs.sidecar
    return skip('notRunning', keepGoing, 'Failure')
  }
  if (obs.deleting && (type === 'Liveness' || type === 'Startup')) return skip('deleting', false, 'Success')
  // time.Since(startedAt).Seconds() truncated to whole seconds, as int32() does.
  if (Math.trunc((now - c.running.startedAt) / US_PER_S) < (spec.initialDelaySeconds ?? 0)) return skip('initialDelay')
  if (c.started && type === 'Startup') return skip('startupDone')
  if (!c.started && type !== 'Startup') return skip('notStarted')

  const run = probe()
  const event = proberEvent(type, run)
  // Prober error: the result is thrown away.
  if (run.error !== undefined) return { state, keepGoing: true, run, event, change: 'none', skipped: 'errored' }
  const result = toWorkerResult(run)
  const resultRun = state.lastResult === result ? state.resultRun + 1 : 1
  state = { ...state, lastResult: result, resultRun }
  const below =
    (result === 'Failure' && resultRun < (spec.failureThreshold ?? 3)) ||
    (result === 'Success' && resultRun < (spec.successThreshold ?? 1))
  if (below) return { state, keepGoing: true, run, event, change: 'none', skipped: 'belowThreshold' }
  const change = changeOf(type, state.cached, result)
  state = { ...state, cached: result }
  if ((type === 'Liveness' && result === 'Failure') || type === 'Startup') {
    // A failed liveness check means a restart, and a startup verdict is final for this container: stop probing
    // until a new container ID (#21751, #117153).
    state = { ...state, onHold: true, resultRun: 0 }
  }
  return { state, keepGoing: true, run, event, set: result, change }
}

/** threshold is the count a result must reach before the worker reports it. */
export function thresholdFor(spec: Spec, result: WorkerResult): number {
  return result === 'Failure' ? (spec.failureThreshold ?? 3) : (spec.successThreshold ?? 1)
}
