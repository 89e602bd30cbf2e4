/** What a kubelet status report says: the status line, and why the status changed (its cause). */
import type { StepNarration } from '../../narration/types.ts'
import type { StatusCause } from '../traceTypes.ts'
import { conditionsOf, stateOf } from './text.ts'

/** What a container's waiting reason means, for someone who has not met it. */
function waitingMeans(reason: string): string {
  switch (reason) {
    case 'ErrImagePull':
      return 'the image could not be pulled from its registry'
    case 'ImagePullBackOff':
      return 'the pull failed and the kubelet is waiting before it tries again'
    case 'ErrImageNeverPull':
      return 'the image is not on the node and imagePullPolicy Never forbids pulling it'
    default:
      return `the kubelet reports it as ${reason}`
  }
}

function causeStory(c: StatusCause, phase: string, node: string): string {
  switch (c.kind) {
    case 'rejected':
      return (
        `The kubelet reports the rejection: phase Failed, reason ${c.reason}. The pod will never run on ${node}, ` +
        'and nothing reschedules a bare pod.'
      )
    case 'initial':
      return (
        "The kubelet's status manager reports the first status: phase Pending, the node's address as hostIP, " +
        "the start time, the QoS class (how the pod's resources are guaranteed), the five conditions, and each " +
        'container waiting.'
      )
    case 'sandboxReady':
      return (
        'The sandbox is up with its network, so the condition PodReadyToStartContainers turns True and the ' +
        `pod's IP ${c.ip} goes into status.podIP: from now on other pods can reach it at that address.`
      )
    case 'initialized':
      return c.withSidecars
        ? 'Every init container has exited with code 0 or, for a sidecar, has started, so the pod is Initialized ' +
            'and its regular containers start; the sidecars keep running beside them.'
        : 'Every init container exited with code 0, so the pod is Initialized and its regular containers start.'
    case 'waiting':
      return (
        `The container ${c.container} cannot start: it waits with reason ${c.reason} (${waitingMeans(c.reason)}), ` +
        `and the pod stays ${phase}.`
      )
    case 'initRunning':
      return c.sidecar
        ? `The sidecar ${c.container} (an init container with restartPolicy Always) is running, and without a ` +
            'readiness probe it counts as ready. The kubelet does not wait for it to exit: it goes on with the next ' +
            'container and keeps this one running beside the others.'
        : `Init container ${c.container} is running; the pod stays Pending (kubectl shows Init:…) until it exits 0.`
    case 'running':
      return (
        'The kubelet sees the containers running. Without a readiness probe a running container counts as ' +
        `ready, so ContainersReady and Ready become True, and the phase is ${phase}.`
      )
    case 'exited':
      return c.sidecar
        ? `The sidecar ${c.container} ended with exit code ${c.exitCode} (${c.reason}). As an init container with ` +
            `restartPolicy Always it is restarted whatever the pod's restartPolicy (${c.restartPolicy}); the phase ` +
            'follows the regular containers only, and only readiness drops while the sidecar is down.'
        : `The ${c.init ? 'init ' : ''}container ${c.container} ended with exit code ${c.exitCode} (${c.reason}). ` +
            `The pod's phase is now ${phase}.`
    case 'initFailed':
      return `Init container ${c.container} failed and restartPolicy is Never, so it will not be retried and the pod fails.`
    case 'crashLoop':
      return `The container ${c.container} waits in CrashLoopBackOff before its next start: "${c.message}".`
    case 'probe':
      return c.probeType === 'Readiness'
        ? c.ready
          ? `The readiness probe of ${c.container} passed: the container is Ready, and once every container is, so ` +
            'is the pod — a Service sends it traffic only from now on.'
          : `The readiness probe of ${c.container} failed often enough: the container is not Ready, and the pod ` +
            'leaves the endpoints of its Services until the probe passes again.'
        : `The startup probe of ${c.container} passed: the container counts as started, and its liveness and ` +
          'readiness probes begin.'
    case 'updated':
      return c.restarting.length
        ? `The pod's spec changed (generation ${c.generation}): ${names(c.restarting)} ${c.restarting.length > 1 ? 'are' : 'is'} ` +
          'restarted with the new definition, and the status says which generation it now reflects.'
        : `The pod's spec changed (generation ${c.generation}) in a way that needs no restart; the status now says ` +
          'it reflects that generation (observedGeneration).'
    case 'sidecarsStopped':
      return (
        'The sidecars have stopped. Stopped sidecars do not count for the phase, which follows the regular ' +
        `containers alone: ${phase}.`
      )
    case 'terminal':
      return (
        "Every container has stopped and the sandbox is down, so the kubelet reports the pod's final status: " +
        `phase ${c.phase} (a deleted pod always ends Succeeded or Failed, whatever its restartPolicy), each container ` +
        'terminated, Ready and ContainersReady False.'
      )
  }
}

function causeExpert(c: StatusCause): string {
  switch (c.kind) {
    case 'rejected':
      return "rejectPod sets phase Failed with the admit handler's reason and message."
    case 'initial':
      return 'startTime and qosClass (GetPodQOS) are set once, on this first status.'
    case 'sandboxReady':
      return (
        'PodReadyToStartContainers comes from the sandbox state (GeneratePodReadyToStartContainersCondition); ' +
        'podIP and podIPs from PodSandboxStatus.network.'
      )
    case 'initialized':
      return 'GeneratePodInitializedCondition now finds no incomplete init container.'
    case 'waiting':
      return `The sync error sets the container's state.waiting.reason to ${c.reason}.`
    case 'initRunning':
      return c.sidecar
        ? 'A started sidecar completes its step of the init sequence (computeInitContainerActions).'
        : 'getPhase counts a running init container as pending.'
    case 'running':
      return 'The PLEG relist (every second) reports ContainerStarted; GenerateContainersReadyCondition finds every container ready.'
    case 'exited':
      return "The PLEG relist reports ContainerDied; the container's state.terminated holds the exit code and reason."
    case 'initFailed':
      return 'getPhase returns Failed for a failed init container when restartPolicy is Never.'
    case 'crashLoop':
      return "The container's state.waiting is CrashLoopBackOff with doBackOff's message; lastState keeps the exit."
    case 'probe':
      return (
        `The results manager now holds ${c.probeType} = ${c.probeType === 'Readiness' ? (c.ready ? 'Success' : 'Failure') : 'Success'} ` +
        `for ${c.container}; UpdatePodStatus sets started=${c.started}, ready=${c.ready}, and ` +
        'GenerateContainersReadyCondition / GeneratePodReadyCondition follow.'
      )
    case 'updated':
      return (
        `metadata.generation is now ${c.generation}; computePodActions compares each running container's hash with ` +
        "its spec's and kills the changed ones (\"definition changed, will be restarted\"); generateAPIPodStatus " +
        'sets status.observedGeneration and each condition\'s observedGeneration to it.'
      )
    case 'sidecarsStopped':
      return 'getPhase ignores terminated restartable init containers.'
    case 'terminal':
      return (
        'SyncTerminatingPod calls generateAPIPodStatus with podIsTerminal; TerminatePod marks containers without a ' +
        'terminated state ContainerStatusUnknown (exit 137) and forces a non-terminal phase to Failed.'
      )
  }
}

export const STATUS_NARRATION: StepNarration<'kubelet:StatusUpdate'> = {
  summary: (e) => {
    // Hot (one per status update): appended in one loop rather than a map and a join.
    const s = e.details.status
    let out = `status: ${s.phase}${s.podIP ? `, IP ${s.podIP}` : ''}`
    for (const c of s.containerStatuses ?? []) out += `, ${c.name} ${stateOf(c)}`
    return out
  },
  story: (e) => causeStory(e.details.cause, e.details.status.phase ?? 'Pending', e.node ?? 'this node'),
  expert: (e) =>
    `generateAPIPodStatus computes the phase with getPhase (${e.details.status.phase ?? 'Pending'}) and the conditions ` +
    `with status/generate.go (${conditionsOf(e.details.status)}); statusManager.SetPodStatus stores it and its syncPod ` +
    `sends a strategic-merge PATCH to pods/${(e.pod ?? '').split('/')[1] ?? ''}/status. ${causeExpert(e.details.cause)}`,
  docs: (e) =>
    e.details.cause.kind === 'terminal'
      ? 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination'
      : 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase',
  source: 'pkg/kubelet/status/status_manager.go',
}

/** names lists container names in words: a, b and c. */
function names(list: string[]): string {
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : (list[0] ?? '')
}
