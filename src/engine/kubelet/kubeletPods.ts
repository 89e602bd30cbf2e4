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
 * Whether a stopped container will restart is asked per container (containerShouldRestart), as the
 * ContainerRestartRules path does: that gate is beta and on by default in v1.35 (pkg/features/kube_features.go). For
 * containers without a container-level restartPolicy it decides exactly as the pod's restartPolicy alone did.
 * Mirrors: pkg/kubelet/kubelet_pods.go getPhase (RestartAllContainersOnContainerExits off, its v1.35 default).
 * Simplified: podIsTerminal also applies to static pods (upstream TODO #116484 leaves them out); podbirth has none.
 */
export function getPhase(
  pod: Pod,
  info: ContainerStatus[],
  podIsTerminal = false,
  podHasInitialized = false,
): 'Pending' | 'Running' | 'Succeeded' | 'Failed' {
  const spec = pod.spec
  const find = (name: string) => info.find((s) => s.name === name)
  // A failed regular init container fails the pod only when it will not be restarted.
  const failsPod = (c: Container, exitCode: number) => exitCode !== 0 && !containerShouldRestart(c, pod, exitCode)
  let pendingSidecars = 0,
    pendingInits = 0,
    failedInitNotRestartable = 0
  for (const c of spec?.initContainers ?? []) {
    if (isSidecar(c)) continue
    const s = find(c.name)
    if (!s || s.state?.running) pendingInits++
    else if (s.state?.terminated) {
      if (failsPod(c, s.state.terminated.exitCode)) failedInitNotRestartable++
    } else if (s.state?.waiting && s.lastState?.terminated) {
      if (failsPod(c, s.lastState.terminated.exitCode)) failedInitNotRestartable++
    } else pendingInits++
  }
  let unknown = 0,
    running = 0,
    waiting = 0,
    stopped = 0,
    stoppedNotRestartable = 0,
    succeeded = 0
  for (const c of spec?.initContainers ?? []) {
    if (!isSidecar(c)) continue
    const s = find(c.name)
    if (!s) unknown++
    else if (s.state?.running) {
      if (!s.started) pendingSidecars++
      running++
    } else if (s.state?.terminated) {
      /* a terminated sidecar does not count */
    } else if (s.state?.waiting) {
      if (!s.lastState?.terminated) {
        pendingSidecars++
        waiting++
      }
    } else {
      pendingSidecars++
      unknown++
    }
  }
  for (const c of spec?.containers ?? []) {
    const s = find(c.name)
    if (!s) unknown++
    else if (s.state?.running) running++
    else if (s.state?.terminated) {
      stopped++
      const exitCode = s.state.terminated.exitCode
      if (!containerShouldRestart(c, pod, exitCode)) stoppedNotRestartable++
      if (exitCode === 0) succeeded++
    } else if (s.state?.waiting) {
      if (s.lastState?.terminated) {
        stopped++
        if (!containerShouldRestart(c, pod, s.lastState.terminated.exitCode)) stoppedNotRestartable++
      } else waiting++
    } else unknown++
  }
  if (failedInitNotRestartable > 0) return 'Failed'
  if (pendingInits > 0 || (pendingSidecars > 0 && !podHasInitialized) || waiting > 0) return 'Pending'
  if (running > 0 && unknown === 0) return 'Running'
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed'
    // At least one container is restarting.
    if (stopped !== stoppedNotRestartable) return 'Running'
    return stopped === succeeded ? 'Succeeded' : 'Failed'
  }
  return 'Pending'
}

/**
 * containerShouldRestart: whether a container that exited with exitCode will be restarted, by its own restartPolicy
 * when it has one, else by the pod's (Always when unset).
 * Mirrors: pkg/api/v1/pod/util.go ContainerShouldRestart.
 * Simplified: no restartPolicyRules (not in podbirth's Container type), so only the policies decide.
 */
export function containerShouldRestart(c: Container, pod: Pod, exitCode: number): boolean {
  switch (c.restartPolicy) {
    case 'Always':
      return true
    case 'OnFailure':
      return exitCode !== 0
    case 'Never':
      return false
    default:
      break
  }
  switch (pod.spec?.restartPolicy) {
    case 'OnFailure':
      return exitCode !== 0
    case 'Never':
      return false
    default:
      return true
  }
}

/** anyRegularStarted mirrors kubecontainer.HasAnyRegularContainerStarted: a regular container runs or has run. */
export function anyRegularStarted(statuses: ContainerStatus[] | undefined): boolean {
  return (statuses ?? []).some((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated)
}

/** listOf says which status list of the pod a container's status lives in. */
export function listOf(pod: Pod, c: Container): 'containerStatuses' | 'initContainerStatuses' {
  return (pod.spec?.initContainers ?? []).some((x) => x.name === c.name) && !(pod.spec?.containers ?? []).includes(c)
    ? 'initContainerStatuses'
    : 'containerStatuses'
}

/** waiting is a container's status before it has run: waiting with a reason (ContainerCreating, PodInitializing). */
export function waiting(c: Container, reason: string): ContainerStatus {
  return {
    name: c.name,
    image: c.image ?? '',
    imageID: '',
    ready: false,
    restartCount: 0,
    started: false,
    state: { waiting: { reason } },
  }
}
