/**
 * The kubelet's pod conditions, as pkg/kubelet/status/generate.go (v1.35) computes them: pure functions of the pod,
 * its container statuses and phase. lastTransitionTime is not set here: the status manager owns it
 * (updateLastTransitionTime below, from status_manager.go).
 *
 * observedGeneration: PodObservedGenerationTracking is GA and locked on in v1.35 (pkg/features/kube_features.go),
 * so podutil.CalculatePodConditionObservedGeneration returns the pod's metadata.generation for every kubelet-owned
 * condition; Go's omitempty drops it when the generation is 0, so do we.
 */
import { isSidecar } from '../../api/containers.ts'
import type { Container, ContainerStatus, Pod, PodCondition } from '../../api/types.ts'

/** PodPhase is v1.PodPhase (Unknown is never computed by the kubelet). */
export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed'

/** KubeletPodCondition is v1.PodCondition with observedGeneration (v1.33+, newer than kubernetes-types). */
export interface KubeletPodCondition extends PodCondition {
  observedGeneration?: number
}

// Condition reasons. Mirrors: pkg/kubelet/status/generate.go constants.
export const UnknownContainerStatuses = 'UnknownContainerStatuses'
export const PodCompleted = 'PodCompleted'
export const PodFailed = 'PodFailed'
export const ContainersNotReady = 'ContainersNotReady'
export const ContainersNotInitialized = 'ContainersNotInitialized'
export const ReadinessGatesNotReady = 'ReadinessGatesNotReady'

/** The kubelet-owned condition types (k8s.io/api/core/v1 constants). */
export type KubeletConditionType =
  'PodReadyToStartContainers' | 'Initialized' | 'Ready' | 'ContainersReady' | 'PodScheduled' | 'DisruptionTarget'

/**
 * condition builds a PodCondition with the API's field order (type, observedGeneration, status, lastProbeTime,
 * lastTransitionTime, reason, message) and Go's omitempty: empty reason or message is absent, never "".
 */
function condition(
  type: string,
  generation: number | undefined,
  status: 'True' | 'False',
  reason = '',
  message = '',
): KubeletPodCondition {
  // Hot (four per status update): keys assigned in order rather than spread from optional literals.
  const c: KubeletPodCondition = { type } as KubeletPodCondition
  if (generation) c.observedGeneration = generation
  c.status = status
  if (reason) c.reason = reason
  if (message) c.message = message
  return c
}

/** goList formats a []string as fmt's %s does: [a b]. */
function goList(names: string[]): string {
  return `[${names.join(' ')}]`
}

function statusOf(statuses: ContainerStatus[] | undefined, name: string): ContainerStatus | undefined {
  return statuses?.find((s) => s.name === name)
}

/**
 * hasAnyRegularContainerStarted: a container of spec.containers runs or has terminated, so the pod initialized.
 * Mirrors: pkg/kubelet/container/helpers.go HasAnyRegularContainerStarted.
 */
export function hasAnyRegularContainerStarted(pod: Pod, statuses: ContainerStatus[] | undefined): boolean {
  // Hot (every status update): a pod has a handful of containers, so a nested loop beats building a Set.
  const containers = pod.spec?.containers ?? []
  for (const s of statuses ?? []) {
    if (!s.state?.running && !s.state?.terminated) continue
    for (const c of containers) if (c.name === s.name) return true
  }
  return false
}

/** Mirrors: generate.go generateContainersReadyConditionForTerminalPhase. */
export function generateContainersReadyConditionForTerminalPhase(
  pod: Pod,
  podPhase: PodPhase,
  generation = pod.metadata?.generation,
): KubeletPodCondition {
  const reason = podPhase === 'Failed' ? PodFailed : podPhase === 'Succeeded' ? PodCompleted : ''
  return condition('ContainersReady', generation, 'False', reason)
}

/** Mirrors: generate.go generatePodReadyConditionForTerminalPhase. */
export function generatePodReadyConditionForTerminalPhase(
  pod: Pod,
  podPhase: PodPhase,
  generation = pod.metadata?.generation,
): KubeletPodCondition {
  const reason = podPhase === 'Failed' ? PodFailed : podPhase === 'Succeeded' ? PodCompleted : ''
  return condition('Ready', generation, 'False', reason)
}

/**
 * generateContainersReadyCondition: True when every regular container and every sidecar reports ready.
 * containerStatuses undefined is Go's nil slice (status not known yet), [] is "known, none".
 * Mirrors: pkg/kubelet/status/generate.go GenerateContainersReadyCondition.
 */
export function generateContainersReadyCondition(
  pod: Pod,
  containerStatuses: ContainerStatus[] | undefined,
  podPhase: PodPhase,
  generation = pod.metadata?.generation,
): KubeletPodCondition {
  if (containerStatuses === undefined) {
    return condition('ContainersReady', generation, 'False', UnknownContainerStatuses)
  }
  const unknown: string[] = []
  const unready: string[] = []
  // The sidecars, then the regular containers (two loops rather than a concatenated copy: hot, every status update).
  const check = (c: Container) => {
    const s = statusOf(containerStatuses, c.name)
    if (!s) unknown.push(c.name)
    else if (!s.ready) unready.push(c.name)
  }
  for (const c of pod.spec?.initContainers ?? []) if (isSidecar(c)) check(c)
  for (const c of pod.spec?.containers ?? []) check(c)
  if ((podPhase === 'Succeeded' && unknown.length === 0) || podPhase === 'Failed') {
    return generateContainersReadyConditionForTerminalPhase(pod, podPhase, generation)
  }
  const messages: string[] = []
  if (unknown.length > 0) messages.push(`containers with unknown status: ${goList(unknown)}`)
  if (unready.length > 0) messages.push(`containers with unready status: ${goList(unready)}`)
  if (messages.length > 0) {
    return condition('ContainersReady', generation, 'False', ContainersNotReady, messages.join(', '))
  }
  return condition('ContainersReady', generation, 'True')
}

/**
 * generatePodReadyCondition: ContainersReady, then every spec.readinessGates condition must be True in conditions.
 * Mirrors: pkg/kubelet/status/generate.go GeneratePodReadyCondition.
 */
export function generatePodReadyCondition(
  pod: Pod,
  conditions: PodCondition[] | undefined,
  containerStatuses: ContainerStatus[] | undefined,
  podPhase: PodPhase,
  generation = pod.metadata?.generation,
): KubeletPodCondition {
  const containersReady = generateContainersReadyCondition(pod, containerStatuses, podPhase, generation)
  if (containersReady.status !== 'True') {
    return condition('Ready', generation, 'False', containersReady.reason, containersReady.message)
  }
  const messages: string[] = []
  for (const gate of pod.spec?.readinessGates ?? []) {
    const c = conditions?.find((x) => x.type === gate.conditionType)
    if (!c) {
      messages.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`)
    } else if (c.status !== 'True') {
      messages.push(`the status of pod readiness gate "${gate.conditionType}" is not "True", but ${c.status}`)
    }
  }
  if (messages.length > 0) return condition('Ready', generation, 'False', ReadinessGatesNotReady, messages.join(', '))
  return condition('Ready', generation, 'True')
}

/** A sidecar counts once started (startup probe passed); a regular init container once ready (exited 0). */
function isInitContainerInitialized(sidecar: boolean, s: ContainerStatus): boolean {
  return sidecar ? s.started === true : s.ready
}

/**
 * generatePodInitializedCondition: True when every init container has completed (sidecars: started), or once any
 * regular container has started (a restarting sidecar does not un-initialize the pod).
 * Mirrors: pkg/kubelet/status/generate.go GeneratePodInitializedCondition.
 */
export function generatePodInitializedCondition(
  pod: Pod,
  containerStatuses: ContainerStatus[] | undefined,
  podPhase: PodPhase,
  generation = pod.metadata?.generation,
): KubeletPodCondition {
  const inits = pod.spec?.initContainers ?? []
  if (containerStatuses === undefined && inits.length > 0) {
    return condition('Initialized', generation, 'False', UnknownContainerStatuses)
  }
  const unknown: string[] = []
  const incomplete: string[] = []
  for (const c of inits) {
    const s = statusOf(containerStatuses, c.name)
    if (!s) unknown.push(c.name)
    else if (!isInitContainerInitialized(isSidecar(c), s)) incomplete.push(c.name)
  }
  if (podPhase === 'Succeeded' && unknown.length === 0) {
    return condition('Initialized', generation, 'True', PodCompleted)
  }
  if (hasAnyRegularContainerStarted(pod, containerStatuses)) return condition('Initialized', generation, 'True')
  const messages: string[] = []
  if (unknown.length > 0) messages.push(`containers with unknown status: ${goList(unknown)}`)
  if (incomplete.length > 0) messages.push(`containers with incomplete status: ${goList(incomplete)}`)
  if (messages.length > 0) {
    return condition('Initialized', generation, 'False', ContainersNotInitialized, messages.join(', '))
  }
  return condition('Initialized', generation, 'True')
}

/**
 * SandboxStatus is the part of a CRI PodSandboxStatus that PodSandboxChanged reads. ip undefined means the
 * runtime reported no network status at all (Go: Network == nil), '' means a network status without an IP.
 * networkNamespace is linux.namespaces.options.network (absent reads as POD, the proto's zero value).
 */
export interface SandboxStatus {
  state: 'SANDBOX_READY' | 'SANDBOX_NOTREADY'
  ip?: string
  networkNamespace?: 'POD' | 'NODE'
}

/**
 * podSandboxChanged: whether the kubelet must create a new sandbox (none, several ready, the newest not ready, the
 * network namespace mode changed, or no IP for a pod network). sandboxes are newest first, as GetPodStatus lists them.
 * Mirrors: pkg/kubelet/kuberuntime/util/util.go PodSandboxChanged (the first result only).
 */
export function podSandboxChanged(pod: Pod, sandboxes: SandboxStatus[]): boolean {
  const newest = sandboxes[0]
  if (!newest) return true
  if (sandboxes.filter((s) => s.state === 'SANDBOX_READY').length > 1) return true
  if (newest.state !== 'SANDBOX_READY') return true
  const hostNetwork = pod.spec?.hostNetwork === true
  if ((newest.networkNamespace ?? 'POD') !== (hostNetwork ? 'NODE' : 'POD')) return true
  return !hostNetwork && newest.ip === ''
}

/**
 * generatePodReadyToStartContainersCondition: True once a sandbox with networking exists, with no reason or
 * message either way in v1.35.
 * Mirrors: pkg/kubelet/status/generate.go GeneratePodReadyToStartContainersCondition.
 */
export function generatePodReadyToStartContainersCondition(
  pod: Pod,
  sandboxes: SandboxStatus[],
  generation = pod.metadata?.generation,
): KubeletPodCondition {
  return condition('PodReadyToStartContainers', generation, podSandboxChanged(pod, sandboxes) ? 'False' : 'True')
}

/** The condition types whose lastTransitionTime the status manager maintains (status_manager.go). */
export const TRANSITION_TRACKED_CONDITIONS: readonly KubeletConditionType[] = [
  'ContainersReady',
  'Ready',
  'Initialized',
  'PodReadyToStartContainers',
  'PodScheduled',
  'DisruptionTarget',
]

/**
 * updateLastTransitionTime gives a condition its lastTransitionTime: the old condition's when the status did not
 * change, now otherwise (now is an RFC 3339 time the caller derived from the virtual clock). The result keeps the
 * API's field order; lastProbeTime, when given, replaces the condition's own.
 * Mirrors: pkg/kubelet/status/status_manager.go updateLastTransitionTime.
 */
export function updateLastTransitionTime(
  c: KubeletPodCondition,
  oldConditions: readonly PodCondition[] | undefined,
  now: string,
  lastProbeTime: PodCondition['lastProbeTime'] = c.lastProbeTime,
): KubeletPodCondition {
  // Hot (four per status update): the first old condition of the type, without a closure.
  let old: PodCondition | undefined
  if (oldConditions)
    for (const o of oldConditions)
      if (o.type === c.type) {
        old = o
        break
      }
  const lastTransitionTime = old && old.status === c.status ? old.lastTransitionTime : now
  // Keys assigned in the API's order rather than spread from optional literals.
  const out: KubeletPodCondition = { type: c.type } as KubeletPodCondition
  if (c.observedGeneration !== undefined) out.observedGeneration = c.observedGeneration
  out.status = c.status
  if (lastProbeTime !== undefined) out.lastProbeTime = lastProbeTime
  if (lastTransitionTime !== undefined) out.lastTransitionTime = lastTransitionTime
  if (c.reason !== undefined) out.reason = c.reason
  if (c.message !== undefined) out.message = c.message
  return out
}

/**
 * updateLastTransitionTimes applies updateLastTransitionTime to the tracked kubelet conditions of a new status, in
 * order, leaving any other condition as it is. Mirrors: status_manager.go updateStatusInternal.
 */
export function updateLastTransitionTimes(
  conditions: readonly KubeletPodCondition[],
  oldConditions: readonly PodCondition[] | undefined,
  now: string,
): KubeletPodCondition[] {
  return conditions.map((c) => (TRACKED.has(c.type) ? updateLastTransitionTime(c, oldConditions, now) : c))
}

/** TRANSITION_TRACKED_CONDITIONS as a set, built once (hot: every status update asks it for each condition). */
const TRACKED: ReadonlySet<string> = new Set<string>(TRANSITION_TRACKED_CONDITIONS)
