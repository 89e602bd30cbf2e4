/**
 * What one SyncPod has to do, decided from the pod spec and what the runtime reports: whether to kill the pod and
 * create a (new) sandbox, which init containers and which regular containers to start, which containers to kill.
 * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions and kuberuntime_container.go
 * computeInitContainerActions (SidecarContainers GA; ContainerRestartRules beta, on).
 *
 * Input shape (ComputePodActionsInput), the pure stand-in for kubecontainer.PodStatus and the probe managers:
 * - sandboxes: the CRI sandbox statuses, newest first (id, attempt, state, ip, network namespace mode);
 * - containerStatuses: the runtime's container statuses (kubecontainer.Status), newest first, so the first with a
 *   name is that container's latest instance (FindContainerStatusByName); hash is the spec hash it was created from;
 * - hashOf: the current spec's hash of a container (containerChanged compares the two);
 * - liveness / startup: the probe managers' latest result per container id; absent means the probe has not run.
 * Simplified: no ephemeral containers, no in-place resize, no RestartAllContainers (alpha, off); Go's nil and empty
 * InitContainersToStart are both [].
 */
import { isSidecar } from '../../api/containers.ts'
import type { Container, Pod } from '../../api/types.ts'
import { assertNever } from '../../events.ts'
import { containerShouldRestart } from '../kubeletPods.ts'
import { podSandboxChanged, type SandboxStatus } from '../status/generate.ts'

/** kubecontainer.State. */
export type RuntimeContainerState = 'created' | 'running' | 'exited' | 'unknown'

/** The parts of a kubecontainer.Status that computePodActions reads. */
export interface RuntimeContainerStatus {
  id: string
  name: string
  state: RuntimeContainerState
  exitCode?: number
  reason?: string
  hash: string
}

/** A CRI sandbox status with its id and attempt. */
export interface PodSandboxStatus extends SandboxStatus {
  id: string
  attempt: number
}

/** proberesults.Result. */
export type ProbeResult = 'Success' | 'Failure' | 'Unknown'

export interface ComputePodActionsInput {
  pod: Pod
  sandboxes: PodSandboxStatus[]
  containerStatuses: RuntimeContainerStatus[]
  hashOf: (c: Container) => string
  liveness?: ReadonlyMap<string, ProbeResult>
  startup?: ReadonlyMap<string, ProbeResult>
}

/** containerKillReason values (kuberuntime_container.go). */
export type ContainerKillReason = '' | 'StartupProbe' | 'LivenessProbe' | 'Unknown'

/** containerToKillInfo. */
export interface ContainerToKill {
  name: string
  container: Container
  message: string
  reason: ContainerKillReason
}

/** podActions. */
export interface PodActions {
  killPod: boolean
  createSandbox: boolean
  sandboxID: string
  attempt: number
  initContainersToStart: number[]
  containersToStart: number[]
  /** Keyed by the runtime container id. */
  containersToKill: Map<string, ContainerToKill>
}

/** shouldRestartOnFailure: the pod's restartPolicy is not Never. */
function shouldRestartOnFailure(pod: Pod): boolean {
  return pod.spec?.restartPolicy !== 'Never'
}

/** Mirrors: kuberuntime_container.go isInitContainerFailed. */
function isInitContainerFailed(s: RuntimeContainerStatus): boolean {
  if (s.reason?.includes('OOMKilled')) return true
  if (s.state === 'exited' && (s.exitCode ?? 0) !== 0) return true
  return s.state === 'unknown'
}

/** Mirrors: pkg/kubelet/container/helpers.go ShouldContainerBeRestarted (ContainerRestartRules on). */
function shouldContainerBeRestarted(c: Container, pod: Pod, s: RuntimeContainerStatus | undefined): boolean {
  if (pod.metadata?.deletionTimestamp) return false
  if (!s) return true
  if (s.state === 'running') return false
  if (s.state === 'unknown' || s.state === 'created') return true
  return containerShouldRestart(c, pod, s.exitCode ?? 0)
}

/** Mirrors: pkg/api/v1/pod/util.go IsContainerRestartable (no restartPolicyRules in podbirth). */
function isContainerRestartable(pod: Pod, c: Container): boolean {
  if (c.restartPolicy) return c.restartPolicy !== 'Never'
  return pod.spec?.restartPolicy !== 'Never'
}

/** The sandbox decision with its id and next attempt. Mirrors: kuberuntime/util/util.go PodSandboxChanged. */
function sandboxChange(pod: Pod, sandboxes: PodSandboxStatus[]): { create: boolean; attempt: number; id: string } {
  const newest = sandboxes[0]
  if (!newest) return { create: true, attempt: 0, id: '' }
  const create = podSandboxChanged(pod, sandboxes)
  return { create, attempt: create ? newest.attempt + 1 : newest.attempt, id: newest.id }
}

class Runtime {
  readonly input: ComputePodActionsInput
  constructor(input: ComputePodActionsInput) {
    this.input = input
  }
  find(name: string): RuntimeContainerStatus | undefined {
    return this.input.containerStatuses.find((s) => s.name === name)
  }
  changed(c: Container, s: RuntimeContainerStatus): boolean {
    return this.input.hashOf(c) !== s.hash
  }
  liveness(id: string): ProbeResult | undefined {
    return this.input.liveness?.get(id)
  }
  startup(id: string): ProbeResult | undefined {
    return this.input.startup?.get(id)
  }
}

/** Mirrors: kuberuntime_manager.go hasAnyRegularContainerCreated. */
function hasAnyRegularContainerCreated(pod: Pod, rt: Runtime): boolean {
  return (pod.spec?.containers ?? []).some((c) => {
    const s = rt.find(c.name)
    return s !== undefined && (s.state === 'created' || s.state === 'running' || s.state === 'exited')
  })
}

/**
 * computePodActions decides one sync's actions.
 * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions.
 */
export function computePodActions(input: ComputePodActionsInput): PodActions {
  const { pod } = input
  const rt = new Runtime(input)
  const containers = pod.spec?.containers ?? []
  const sandbox = sandboxChange(pod, input.sandboxes)
  const changes: PodActions = {
    killPod: sandbox.create,
    createSandbox: sandbox.create,
    sandboxID: sandbox.id,
    attempt: sandbox.attempt,
    initContainersToStart: [],
    containersToStart: [],
    containersToKill: new Map(),
  }

  // A (re-)created sandbox starts everything again from the first init container.
  if (sandbox.create) {
    if (!shouldRestartOnFailure(pod) && sandbox.attempt !== 0 && input.containerStatuses.length !== 0) {
      // Nothing will run again: kill the pod, do not create a sandbox just to stop it.
      changes.createSandbox = false
      return changes
    }
    const toStart = containers.flatMap((c, idx) => {
      const s = rt.find(c.name)
      const succeeded = s?.state === 'exited' && (s.exitCode ?? 0) === 0
      return pod.spec?.restartPolicy === 'OnFailure' && succeeded ? [] : [idx]
    })
    if (toStart.length === 0 && hasAnyRegularContainerCreated(pod, rt)) {
      changes.createSandbox = false
      return changes
    }
    if ((pod.spec?.initContainers ?? []).length !== 0) {
      changes.initContainersToStart = [0]
      return changes
    }
    changes.containersToStart = toStart
    return changes
  }

  const hasInitialized = computeInitContainerActions(pod, rt, changes)
  if (changes.killPod || !hasInitialized) return changes

  let keepCount = 0
  containers.forEach((c, idx) => {
    const s = rt.find(c.name)
    if (!s || s.state !== 'running') {
      if (shouldContainerBeRestarted(c, pod, s)) {
        changes.containersToStart.push(idx)
        if (s?.state === 'unknown') {
          changes.containersToKill.set(s.id, {
            name: s.name,
            container: c,
            reason: 'Unknown',
            message: `Container is in "${s.state}" state, try killing it before restart`,
          })
        }
      }
      return
    }
    let message: string
    let reason: ContainerKillReason = ''
    let restart = isContainerRestartable(pod, c)
    if (rt.changed(c, s)) {
      message = `Container ${c.name} definition changed`
      // The spec changed: restart whatever the restart policy says.
      restart = true
    } else if (rt.liveness(s.id) === 'Failure') {
      message = `Container ${c.name} failed liveness probe`
      reason = 'LivenessProbe'
    } else if (rt.startup(s.id) === 'Failure') {
      message = `Container ${c.name} failed startup probe`
      reason = 'StartupProbe'
    } else {
      keepCount++
      return
    }
    if (restart) {
      message = `${message}, will be restarted`
      changes.containersToStart.push(idx)
    }
    changes.containersToKill.set(s.id, { name: s.name, container: c, message, reason })
  })

  if (keepCount === 0 && changes.containersToStart.length === 0) {
    changes.killPod = true
    // Restartable init containers must not keep a finished pod alive.
    changes.initContainersToStart = []
  }
  return changes
}

/**
 * computeInitContainerActions fills in the init containers to (re)start and kill, and says whether the pod has
 * initialized. It walks the init containers backwards from the last one the runtime still knows.
 * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_container.go computeInitContainerActions.
 */
function computeInitContainerActions(pod: Pod, rt: Runtime, changes: PodActions): boolean {
  const inits = pod.spec?.initContainers ?? []
  if (inits.length === 0) return true
  // A regular container created or running means every init container ran at some point (exited ones do not
  // count: after a node reboot everything is exited and the new sandbox has not been initialized).
  let podHasInitialized = (pod.spec?.containers ?? []).some((c) => {
    const s = rt.find(c.name)
    return s?.state === 'created' || s?.state === 'running'
  })
  let isPreviouslyInitialized = podHasInitialized
  const restartOnFailure = shouldRestartOnFailure(pod)
  const toStart: number[] = []
  const kill = (s: RuntimeContainerStatus, c: Container, message: string, reason: ContainerKillReason) =>
    changes.containersToKill.set(s.id, { name: c.name, container: c, message, reason })

  // Returns false when the pod must be killed (a failed init container with restartPolicy Never).
  const step = (i: number, c: Container, s: RuntimeContainerStatus): boolean => {
    const sidecar = isSidecar(c)
    switch (s.state) {
      case 'created':
        // Created but never started: the runtime likely failed to start it; start it again.
        toStart.push(i)
        return true
      case 'running': {
        if (!sidecar) return true // wait for the init container to finish
        if (c.startupProbe) {
          const startup = rt.startup(s.id)
          if (startup === undefined) return true
          if (startup !== 'Success') {
            if (startup === 'Failure') {
              kill(s, c, `Init container ${c.name} failed startup probe`, 'StartupProbe')
              toStart.push(i)
            }
            return true
          }
        }
        if (i === inits.length - 1) podHasInitialized = true
        else if (!isPreviouslyInitialized) toStart.push(i + 1)
        if (rt.changed(c, s)) {
          kill(s, c, `Init container ${c.name} definition changed`, '')
          toStart.push(i)
          return true
        }
        if (c.livenessProbe) {
          const liveness = rt.liveness(s.id)
          if (liveness === 'Failure') {
            kill(s, c, `Init container ${c.name} failed liveness probe`, 'LivenessProbe')
            toStart.push(i)
          }
        }
        return true
      }
      case 'exited':
        if (sidecar) {
          toStart.push(i)
          return true
        }
        if (isInitContainerFailed(s)) {
          if (!restartOnFailure) return false
          toStart.push(i)
          return true
        }
        if (i === inits.length - 1) podHasInitialized = true
        else toStart.push(i + 1)
        return true
      case 'unknown':
        if (!sidecar && !restartOnFailure) return false
        kill(s, c, `Init container is in "${s.state}" state, try killing it before restart`, 'Unknown')
        toStart.push(i)
        return true
      default:
        return assertNever(s.state, 'container state')
    }
  }

  for (let i = inits.length - 1; i >= 0; i--) {
    const c = inits[i]
    if (!c) continue
    const s = rt.find(c.name)
    if (!s) {
      // Initialized before but its status is gone: a sidecar must run again.
      if (isPreviouslyInitialized && isSidecar(c)) toStart.push(i)
      continue
    }
    // After initialization only the sidecars need to be kept running.
    if (isPreviouslyInitialized && !isSidecar(c)) continue
    if (!step(i, c, s)) {
      changes.killPod = true
      changes.initContainersToStart = []
      return false
    }
    isPreviouslyInitialized = true
  }
  // No init container has started yet: start the first one.
  if (!isPreviouslyInitialized) toStart.push(0)
  // Collected backwards; start them in spec order.
  changes.initContainersToStart = toStart.reverse()
  return podHasInitialized
}
