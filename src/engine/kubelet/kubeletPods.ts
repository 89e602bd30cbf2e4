/**
 * The pod-level kernels of pkg/kubelet/kubelet_pods.go that decide status from container statuses: pure functions of
 * the pod spec and its container statuses.
 */
import { isSidecar } from '../api/containers.ts'
import type { Container, ContainerStatus, Pod } from '../api/types.ts'

/**
 * getPhase computes the pod phase from its init and regular container statuses. Regular init containers keep the pod
 * Pending until they exit 0 (a failure with restartPolicy Never fails it); a sidecar keeps it Pending only until it
 * has started, and once the pod has initialized a restarting sidecar no longer counts. Terminated sidecars are ignored.
 * Mirrors: pkg/kubelet/kubelet_pods.go getPhase (ContainerRestartRules off, its v1.35 default).
 */
export function getPhase(pod: Pod, info: ContainerStatus[], podIsTerminal = false, podHasInitialized = false): 'Pending' | 'Running' | 'Succeeded' | 'Failed' {
  const spec = pod.spec
  const find = (name: string) => info.find((s) => s.name === name)
  let pendingSidecars = 0, pendingInits = 0, failedInit = 0
  for (const c of spec?.initContainers ?? []) {
    if (isSidecar(c)) continue
    const s = find(c.name)
    if (!s || s.state?.running) pendingInits++
    else if (s.state?.terminated) { if (s.state.terminated.exitCode !== 0) failedInit++ }
    else if (s.state?.waiting && s.lastState?.terminated) { if (s.lastState.terminated.exitCode !== 0) failedInit++ }
    else pendingInits++
  }
  let unknown = 0, running = 0, waiting = 0, stopped = 0, succeeded = 0
  for (const c of spec?.initContainers ?? []) {
    if (!isSidecar(c)) continue
    const s = find(c.name)
    if (!s) unknown++
    else if (s.state?.running) { if (!s.started) pendingSidecars++; running++ }
    else if (s.state?.terminated) { /* a terminated sidecar does not count */ }
    else if (s.state?.waiting) { if (!s.lastState?.terminated) { pendingSidecars++; waiting++ } }
    else { pendingSidecars++; unknown++ }
  }
  for (const c of spec?.containers ?? []) {
    const s = find(c.name)
    if (!s) unknown++
    else if (s.state?.running) running++
    else if (s.state?.terminated) { stopped++; if (s.state.terminated.exitCode === 0) succeeded++ }
    else if (s.state?.waiting) { if (s.lastState?.terminated) stopped++; else waiting++ }
    else unknown++
  }
  const restartPolicy = spec?.restartPolicy ?? 'Always'
  if (failedInit > 0 && restartPolicy === 'Never') return 'Failed'
  if (pendingInits > 0 || (pendingSidecars > 0 && !podHasInitialized) || waiting > 0) return 'Pending'
  if (running > 0 && unknown === 0) return 'Running'
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed'
    if (restartPolicy === 'Always') return 'Running'
    if (stopped === succeeded) return 'Succeeded'
    if (restartPolicy === 'Never') return 'Failed'
    return 'Running'
  }
  return 'Pending'
}

/** anyRegularStarted mirrors kubecontainer.HasAnyRegularContainerStarted: a regular container runs or has run. */
export function anyRegularStarted(statuses: ContainerStatus[] | undefined): boolean {
  return (statuses ?? []).some((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated)
}

/** listOf says which status list of the pod a container's status lives in. */
export function listOf(pod: Pod, c: Container): 'containerStatuses' | 'initContainerStatuses' {
  return (pod.spec?.initContainers ?? []).some((x) => x.name === c.name) && !(pod.spec?.containers ?? []).includes(c) ? 'initContainerStatuses' : 'containerStatuses'
}

/** waiting is a container's status before it has run: waiting with a reason (ContainerCreating, PodInitializing). */
export function waiting(c: Container, reason: string): ContainerStatus {
  return { name: c.name, image: c.image ?? '', imageID: '', ready: false, restartCount: 0, started: false, state: { waiting: { reason } } }
}
