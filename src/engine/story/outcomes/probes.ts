/**
 * The probes' outcomes: a container that runs but is not Ready because its readiness probe fails, and the words a
 * crash loop needs when the container did not exit by itself but was killed because its liveness or startup probe
 * failed. Read from the `prober:Probe` step (pkg/kubelet/prober/worker.go doProbe, prober.go probe).
 */
import type { StepOf } from '../../events.ts'
import type { Outcome } from './types.ts'
import { podName } from './text.ts'

type ProbeStep = StepOf<'prober:Probe'>['details']

/** A container killed by its liveness or startup probe, kept until the kubelet creates its next container. */
export interface ProbeKill {
  probeType: 'Liveness' | 'Startup'
  target: string
  output: string
  /** How many failures in a row killed it (failureThreshold). */
  threshold: number
  periodSeconds: number
}

/** probeKill: the kill a probe step decided, if it decided one. */
export function probeKill(d: ProbeStep): ProbeKill | undefined {
  if (!d.kill || d.probeType === 'Readiness') return undefined
  const { probeType, target, threshold, periodSeconds } = d
  return { probeType, target, output: probeOutput(d), threshold, periodSeconds }
}

/** failing: the run counts against the container (a failure, or an Unknown; a warning counts as a success). */
export function failing(d: ProbeStep): boolean {
  return d.result === 'failure' || d.result === 'unknown'
}

/** probeOutput: what the run said: the handler's output, else its error, else the Unhealthy event's text. */
function probeOutput(d: ProbeStep): string {
  return d.output || d.error || d.event?.message || `${d.result}`
}

/** The part of a probe a person would change, from the probe's target and its output. */
function probeAdvice(probe: string, container: string, target: string, output: string): string {
  const refused = /dial tcp \S*?:(\d+): connect: connection refused/.exec(output)
  if (refused) {
    return `Nothing listens on port ${refused[1]} in container ${container}: point the ${probe} at the port the `
      + `image serves (its containerPort), or make the app listen on ${refused[1]}.`
  }
  const status = /^HTTP probe failed with statuscode: (\d+)$/.exec(output)
  if (status) {
    const path = /^GET \S+?:\/\/[^/]+(\/\S*)/.exec(target)?.[1] ?? 'its path'
    return `The port answers, but with HTTP ${status[1]} for ${path}: point the ${probe}'s httpGet.path at a path `
      + `container ${container} serves (a 2xx or 3xx answer passes).`
  }
  if (/server gave HTTP response to HTTPS client/.test(output)) {
    return `The port speaks plain HTTP: set the ${probe}'s httpGet.scheme to HTTP (or serve HTTPS).`
  }
  if (/timed out|deadline exceeded|timeout/.test(output)) {
    return `The check does not answer within timeoutSeconds: raise the ${probe}'s timeoutSeconds, or make the `
      + `check cheaper.`
  }
  if (target.startsWith('exec')) {
    return `The command (${target.replace(/^exec /, '')}) exits non-zero in container ${container}: make it `
      + `succeed when the app is healthy, or probe what the app serves instead.`
  }
  return `Make the ${probe} of container ${container} (${target}) check what the app really serves.`
}

/**
 * notReady: the container runs, but its readiness probe keeps it out of service. `message` is the Unhealthy event
 * (prober.go: "Readiness probe failed: …"); upstream's Ready condition then says ContainersNotReady
 * (pkg/kubelet/status/generate.go GeneratePodReadyCondition).
 */
export function notReady(i: number, pod: string, d: ProbeStep, wasReady: boolean): Outcome {
  const output = probeOutput(d)
  const message = d.event?.message ?? `Readiness probe failed: ${output}`
  const when = wasReady
    ? `failed ${d.consecutive} times in a row (failureThreshold ${d.threshold}), so the kubelet marked it not ready `
      + 'again'
    : 'has not succeeded yet, so the kubelet keeps it not ready'
  return {
    kind: 'not-ready', pod, step: i, at: i, title: 'Running, not Ready', message,
    cause: `Container ${d.container} of ${podName(pod)} runs, but its readiness probe (${d.target}) fails: `
      + `${output}. `
      + `The probe ${when}: the pod's Ready condition is False (ContainersNotReady), READY shows 0/1 for it, and `
      + `Services send it no traffic. A failing readiness probe never restarts the container; the kubelet keeps `
      + `probing every ${d.periodSeconds} s.`,
    fix: `${probeAdvice('readiness probe', d.container, d.target, output)} The pod becomes Ready at the first probe `
      + `that passes.`,
  }
}

/**
 * probeKillCause: why a crash loop's container ended, when a probe killed it (`nth`: ", for the 2nd time" or '').
 * Its exit code is how the process took the kubelet's SIGTERM (nginx exits 0: Completed), not why it ended.
 */
export function probeKillCause(container: string, k: ProbeKill, nth: string, exitCode?: number): string {
  const which = k.probeType === 'Liveness' ? 'liveness' : 'startup'
  const code = exitCode === undefined ? 'Its exit code' : `Its exit code (${exitCode})`
  const killed = `Container ${container} was killed${nth ? `${nth},` : ''}`
  return `${killed} because its ${which} probe (${k.target}) failed ${k.threshold} `
    + `times in a row: ${k.output}. ${code} only says how the process took the kubelet's SIGTERM, not why it ended`
}

/** probeKillFix: what would stop the probe from killing the container. */
export function probeKillFix(pod: string, container: string, k: ProbeKill): string {
  const which = k.probeType === 'Liveness' ? 'liveness probe' : 'startup probe'
  const slow = k.probeType === 'Liveness'
    ? `If the app is only slow to start, raise the liveness probe's initialDelaySeconds or failureThreshold, or add a `
      + `startupProbe so liveness waits until it has started.`
    : `If the app is only slow to start, give it longer: the startup probe allows failureThreshold × periodSeconds `
      + `(${k.threshold} × ${k.periodSeconds} s); raise failureThreshold.`
  return `Make the ${which} match what the app serves. ${probeAdvice(which, container, k.target, k.output)} ${slow} `
    + `(kubectl describe pod ${podName(pod)} shows the probe and its Unhealthy events.)`
}
