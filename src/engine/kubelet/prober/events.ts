/**
 * The Events the prober and a probe-driven kill record.
 * Mirrors: pkg/kubelet/prober/prober.go probe (recordContainerEvent after each run), pkg/kubelet/events/event.go
 * (ContainerUnhealthy, ContainerProbeWarning, KillingContainer) and pkg/kubelet/kuberuntime/kuberuntime_manager.go
 * computePodActions (the kill message of a failed liveness or startup probe).
 */
import { assertNever } from '../../events.ts'
import type { ProbeRun, ProbeType } from './probe.ts'

/** events.ContainerUnhealthy */
export const REASON_UNHEALTHY = 'Unhealthy'
/** events.ContainerProbeWarning */
export const REASON_PROBE_WARNING = 'ProbeWarning'
/** events.KillingContainer */
export const REASON_KILLING = 'Killing'

export interface ProberEvent {
  eventType: 'Normal' | 'Warning'
  reason: string
  message: string
}

/** probeErroredMessage: the handler returned an error (prober.go: "%s probe errored and resulted in %s state: %s"). */
export function probeErroredMessage(type: ProbeType, result: ProbeRun['result'], error: string): string {
  return `${type} probe errored and resulted in ${result} state: ${error}`
}

/** probeFailedMessage: prober.go "%s probe failed: %s". */
export function probeFailedMessage(type: ProbeType, output: string): string {
  return `${type} probe failed: ${output}`
}

/** probeWarningMessage: prober.go "%s probe warning: %s" (a success with warnings, e.g. a redirect not followed). */
export function probeWarningMessage(type: ProbeType, output: string): string {
  return `${type} probe warning: ${output}`
}

/**
 * proberEvent is what prober.probe records after one run: every failed or errored run records Unhealthy (not only
 * the one that crosses failureThreshold), a warning records ProbeWarning, a success or an Unknown without error
 * records nothing.
 */
export function proberEvent(type: ProbeType, run: ProbeRun): ProberEvent | undefined {
  if (run.error !== undefined) {
    return { eventType: 'Warning', reason: REASON_UNHEALTHY, message: probeErroredMessage(type, run.result, run.error) }
  }
  switch (run.result) {
    case 'success':
    case 'unknown':
      return undefined
    case 'warning':
      return { eventType: 'Warning', reason: REASON_PROBE_WARNING, message: probeWarningMessage(type, run.output) }
    case 'failure':
      return { eventType: 'Warning', reason: REASON_UNHEALTHY, message: probeFailedMessage(type, run.output) }
    default:
      return assertNever(run.result, 'probe result')
  }
}

/**
 * probeKillEvent is the Normal Killing event of a container whose liveness or startup probe failed
 * (computePodActions' message; killContainer records it). ", will be restarted" is added unless restartPolicy is
 * Never (shouldRestartOnFailure). A sidecar (restartable init container) is always restarted, and
 * computeInitContainerActions words it "Init container %s failed ... probe", with no suffix.
 */
export function probeKillEvent(
  container: string,
  type: 'Liveness' | 'Startup',
  restartPolicy: string,
  sidecar = false,
): ProberEvent {
  const which = type === 'Liveness' ? 'liveness' : 'startup'
  if (sidecar) {
    return { eventType: 'Normal', reason: REASON_KILLING, message: `Init container ${container} failed ${which} probe` }
  }
  const base = `Container ${container} failed ${which} probe`
  const message = restartPolicy === 'Never' ? base : `${base}, will be restarted`
  return { eventType: 'Normal', reason: REASON_KILLING, message }
}
