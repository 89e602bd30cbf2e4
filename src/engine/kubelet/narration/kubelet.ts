/** What the kubelet's own steps say: watching, admitting, syncing, back-offs, hooks and termination. */
import type { StepOf } from '../../events.ts'
import type { NarrationTable } from '../../narration/types.ts'
import type { KubeletTraceType } from '../traceTypes.ts'
import { HOOK_DOCS, KUBERUNTIME, SIDECAR_DOCS, TERMINATION_DOCS, goDuration, mib, names } from './text.ts'
import { STATUS_NARRATION } from './status.ts'

type KubeletOwn = Extract<KubeletTraceType, `kubelet:${string}`>

const RUNTIME_MANAGER = `${KUBERUNTIME}/kuberuntime_manager.go`
const CONTAINER_GO = `${KUBERUNTIME}/kuberuntime_container.go`

/** handlerText says how the kubelet runs a hook handler of this kind. */
function handlerText(handler: 'exec' | 'httpGet' | 'sleep'): string {
  if (handler === 'exec') return 'an exec handler runs in the container through the runtime (CRI ExecSync)'
  if (handler === 'httpGet') return 'an httpGet handler is an HTTP GET the kubelet itself sends to the pod'
  return 'a sleep handler just waits in the kubelet (PodLifecycleSleepAction, on by default)'
}

function preStopOutcome(e: StepOf<'kubelet:PreStopHook'>): string {
  const d = e.details
  if (d.error) return `failed: ${d.error}`
  if (d.timedOut) return `still running after the grace period (${d.gracePeriodSeconds}s); the kubelet stops waiting`
  return 'succeeded'
}

export const KUBELET_OWN_NARRATION: NarrationTable<KubeletOwn> = {
  'kubelet:PodObserved': {
    summary: (e) => `pod ${e.details.namespace}/${e.details.name} assigned to this node`,
    story: (e) =>
      `The kubelet, the agent that runs pods on node ${e.details.nodeName}, watches for pods whose spec.nodeName names ` +
      `its node. Pod ${e.details.namespace}/${e.details.name} has just become one of them, so the kubelet takes it on ` +
      "and gives it a pod worker: a queue of its own that runs this pod's syncs one at a time.",
    expert: (e) =>
      `The kubelet's pod config source (a watch on pods with fieldSelector spec.nodeName=${e.details.nodeName}) ` +
      'delivers ADDED; syncLoopIteration hands it to HandlePodAdditions, which admits the pod and calls ' +
      'podWorkers.UpdatePod with SyncPodCreate.',
    docs: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/',
    source: 'pkg/kubelet/kubelet.go',
  },
  'kubelet:Admit': {
    summary: (e) => {
      const d = e.details
      if (d.verdict === 'reject') return `rejected: ${d.reason}: ${d.message}`
      return `admitted (requests cpu ${d.requested.cpu}m, memory ${d.requested.memory}; node has cpu ${d.free.cpu}m, memory ${d.free.memory} free)`
    },
    story: (e) => {
      const d = e.details
      const asks = `The pod requests cpu ${d.requested.cpu}m (thousandths of a core) and memory ${mib(d.requested.memory)}`
      if (d.verdict === 'admit') {
        return (
          `Before running anything the kubelet checks that ${e.node ?? 'the node'} can still hold the pod. ${asks}; ` +
          `after the pods it already runs, the node has cpu ${d.free.cpu}m and memory ${mib(d.free.memory)} left. ` +
          'It fits, and its ports, node selector and taints are fine too, so the pod is admitted.'
        )
      }
      return (
        `Before running anything the kubelet checks that ${e.node ?? 'the node'} can still hold the pod, and it ` +
        `cannot: ${d.message}. The scheduler normally checks this first, but a pod that names its node in ` +
        `spec.nodeName never meets the scheduler, so the kubelet is the one to refuse it, with reason ${d.reason}.`
      )
    },
    expert: (e) => {
      const d = e.details
      return (
        'HandlePodAdditions runs the pod admit handlers; the predicate admit handler (generalFilter) checks ' +
        'noderesources.Fits against status.allocatable minus the requests of the admitted pods ' +
        `(${d.used.cpu}m cpu, ${d.used.memory} bytes memory; PodRequests counts sidecars), then NodePorts, ` +
        `NodeAffinity and NoExecute TaintToleration. ${d.verdict === 'admit' ? 'Every check passes: PodAdmitResult{Admit: true}.' : `It fails with reason ${d.reason}.`}`
      )
    },
    docs: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
    source: 'pkg/kubelet/lifecycle/predicate.go',
  },
  'kubelet:Reject': {
    summary: (e) => `Pod was rejected: ${e.details.message}`,
    story: (e) =>
      `The kubelet refuses the pod for good: it records a Warning event ${e.details.reason} and reports the pod ` +
      'Failed with the message "Pod was rejected: …". No container is ever started, nothing retries, and a bare ' +
      'pod is not rescheduled: a controller, or you, would have to create a new one.',
    expert: (e) =>
      `rejectPod records the Warning event (reason ${e.details.reason}) and calls statusManager.SetPodStatus with ` +
      `phase Failed, reason ${e.details.reason} and message "Pod was rejected: ${e.details.message}"; the pod never ` +
      'reaches a pod worker.',
    docs: 'https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename',
    source: 'pkg/kubelet/kubelet.go',
  },
  'kubelet:SyncPod': {
    summary: () => 'SyncPod: create the sandbox, then start containers',
    story: (e) => {
      const d = e.details
      const inits = d.initContainers.length
        ? ` The init container${d.initContainers.length > 1 ? 's' : ''} ${names(d.initContainers)} come${d.initContainers.length > 1 ? '' : 's'} first, one at a time.`
        : ''
      return (
        'The pod worker runs its first sync of the pod. Nothing of the pod exists on the node yet, so ' +
        "everything is to do: first the sandbox (the pod's own network and Linux namespaces), then for each " +
        `container its image, a create and a start (${names(d.containers)}).${inits} Before any of that the ` +
        'kubelet reports what it knows: the pod is Pending.'
      )
    },
    expert: (e) => {
      const d = e.details
      const next = d.initContainers.length
        ? `the first init container (${d.initContainers[0]})`
        : `containers [${d.containers.join(' ')}]`
      return (
        'The pod worker calls Kubelet.SyncPod (SyncPodCreate): generateAPIPodStatus and ' +
        `statusManager.SetPodStatus first, then the pod's cgroup (QoS ${d.qosClass}) and volumes, then ` +
        'kubeGenericRuntimeManager.SyncPod. Its computePodActions finds no sandbox, so CreateSandbox is true ' +
        `(Attempt 0), and lists ${next} to start.`
      )
    },
    docs: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/',
    source: RUNTIME_MANAGER,
  },
  'kubelet:StatusUpdate': STATUS_NARRATION,
  'kubelet:PostStartHook': {
    summary: (e) => `postStart ${e.details.what}: ${e.details.error ? `failed: ${e.details.error}` : 'succeeded'}`,
    story: (e) => {
      const d = e.details
      const head =
        `Right after ${d.container} starts, the kubelet runs its postStart hook (${d.what}) and waits for ` +
        'it: the container is not reported running until the hook returns.'
      return d.error
        ? `${head} The hook failed, so the kubelet kills the container (event FailedPostStartHook); the pod's ` +
            'restart policy and the back-off decide what happens next.'
        : `${head} It succeeded.`
    },
    expert: (e) =>
      `startContainer calls runner.Run for the postStart handler right after CRI StartContainer; ${handlerText(e.details.handler)}. ` +
      (e.details.error
        ? 'It returned an error, so startContainer records FailedPostStartHook, calls killContainer with reason ' +
          'FailedPostStartHook and returns ErrPostStartHook.'
        : 'It returned no error, so startContainer returns and the sync goes on.'),
    docs: HOOK_DOCS,
    source: CONTAINER_GO,
  },
  'kubelet:Backoff': {
    summary: (e) => {
      const d = e.details
      if (d.kind === 'imagePull') return `image pull back-off ${d.backoffSeconds}s for ${d.image}`
      if (d.kind === 'restart') return `restart ${d.container} now (restart ${d.restartCount})`
      return `CrashLoopBackOff: ${d.container} waits out back-off ${d.backoff} (${d.leftSeconds}s left)`
    },
    story: (e) => {
      const d = e.details
      if (d.kind === 'imagePull') {
        return (
          `The pull of ${d.image} failed (ErrImagePull). Rather than retry at once, the kubelet waits ` +
          `${d.backoffSeconds}s before the next try: 10 s after the first failure, doubling each time, at most 300 s. ` +
          `Meanwhile the container ${d.container} shows ImagePullBackOff.`
        )
      }
      if (d.kind === 'restart') {
        return (
          `${d.container} stopped, and restartPolicy ${d.restartPolicy} says it must run again. The kubelet is not ` +
          `holding it back, so it creates a new container now (restart ${d.restartCount}). If it stops again soon, ` +
          `the next restart waits ${d.nextBackoff} — the crash-loop back-off doubles each time, up to 5 minutes.`
        )
      }
      return (
        `${d.container} stopped again soon after its last restart, so the kubelet holds the restart back: the ` +
        `back-off is now ${d.backoff}, with ${d.leftSeconds}s of it left. kubectl get pods shows CrashLoopBackOff ` +
        `meanwhile; the kubelet looks again in about ${d.retrySeconds}s.`
      )
    },
    expert: (e) => {
      const d = e.details
      if (d.kind === 'imagePull') {
        return (
          "The image manager's EnsureImageExists returned ErrImagePull and counted the failure in its " +
          'flowcontrol.Backoff, keyed by pod and image (10 s initial, 300 s maximum). A sync inside the window gets ' +
          `ErrImagePullBackOff ("Back-off pulling image") without pulling; the next pull is due in ${d.backoffSeconds}s.`
        )
      }
      if (d.kind === 'restart') {
        return (
          "computePodActions put the exited container in ContainersToStart; doBackOff found no window open since " +
          "its FinishedAt in the kubelet's crashLoopBackOff (flowcontrol.Backoff, 10 s initial, 300 s maximum, " +
          `entries reset after 10 min), called Next — now ${d.nextBackoff} — and startContainer runs.`
        )
      }
      return (
        "doBackOff: IsInBackOffSince(key, FinishedAt) is true, so SyncPod records BackOff and returns " +
        `ErrCrashLoopBackOff "${d.message}". The reason cache keeps it for the status; the pod worker requeues the ` +
        `failed sync after backOffPeriod 10 s with jitter 0.5 (${d.retrySeconds}s here).`
      )
    },
    docs: (e) =>
      e.details.kind === 'imagePull'
        ? 'https://kubernetes.io/docs/concepts/containers/images/#imagepullbackoff'
        : 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restarts',
    source: (e) => (e.details.kind === 'imagePull' ? 'pkg/kubelet/images/image_manager.go' : RUNTIME_MANAGER),
  },
  'kubelet:KillContainer': {
    summary: (e) => {
      const d = e.details
      if (d.phase === 'kill')
        return (
          `kill ${d.container} (grace ${d.gracePeriodSeconds}s${d.preStop ? ', preStop first' : ''})` +
          (d.message ? `: ${d.message}` : '')
        )
      if (d.phase === 'stopSidecars')
        return `every regular container has completed: stop the sidecars ${d.sidecars.join(', ')}`
      return `sidecar ${d.container} waits for ${d.waitsFor.join(', ')} to stop (at most ${d.leftSeconds}s)`
    },
    story: (e) => {
      const d = e.details
      if (d.phase === 'kill') {
        return (
          `The kubelet stops ${d.container} and records the event Killing ` +
          `"${d.message ?? `Stopping container ${d.container}`}". ` +
          (d.preStop
            ? `Its preStop hook runs first, and the time it takes comes out of the ${d.gracePeriodSeconds}s grace period.`
            : `It has no preStop hook, so the runtime is asked at once to stop it, with ${d.gracePeriodSeconds}s to exit cleanly.`)
        )
      }
      if (d.phase === 'stopSidecars') {
        return (
          `With restartPolicy ${d.restartPolicy}, none of the regular containers will run again, so the sidecars ` +
          `(${names(d.sidecars)}) have nothing left to serve and must not keep the pod alive. The kubelet stops them, ` +
          `the last started first, each with a grace period of ${d.gracePeriodSeconds}s.`
        )
      }
      return (
        `${d.container} is a sidecar: it must outlive the containers that may use it. It gets no signal until ` +
        `${names(d.waitsFor)} have exited, or until its ${d.leftSeconds}s of grace period are used up.`
      )
    },
    expert: (e) => {
      const d = e.details
      if (d.phase === 'kill') {
        return (
          'killContainer takes the grace period from deletionGracePeriodSeconds, else ' +
          `terminationGracePeriodSeconds (${d.gracePeriodSeconds}s here, never under minimumGracePeriodInSeconds = 2), ` +
          `records Killing, ${d.preStop ? 'runs executePreStopHook and subtracts its time, ' : ''}then calls ` +
          'runtimeService.StopContainer with the seconds left.'
        )
      }
      if (d.phase === 'stopSidecars') {
        return (
          'computePodActions finds no regular container to start again and only sidecars running, so it sets ' +
          'KillPod; killPodWithSyncResult stops them in parallel under a termination ordering that makes each ' +
          'sidecar wait for the ones started after it.'
        )
      }
      return (
        'newTerminationOrdering makes each sidecar depend on the regular containers and the sidecars started ' +
        `after it; killContainer's waitForTurn blocks until they exit or ${d.leftSeconds}s pass, and the wait is ` +
        'taken from the grace period given to StopContainer.'
      )
    },
    docs: (e) => (e.details.phase === 'kill' ? TERMINATION_DOCS : SIDECAR_DOCS),
    source: (e) =>
      e.details.phase === 'waitForTurn' ? `${KUBERUNTIME}/kuberuntime_termination_order.go` : CONTAINER_GO,
  },
  'kubelet:SyncTerminatingPod': {
    summary: (e) =>
      `pod marked for deletion (grace ${e.details.gracePeriodSeconds}s): stop its containers, then its sandbox`,
    story: (e) =>
      `The pod now has a deletionTimestamp (${e.details.deletionTimestamp ?? 'set'}): someone asked for it to be deleted. ` +
      'The kubelet stops working towards running it and terminates it instead: each container gets its preStop hook ' +
      `and SIGTERM, a polite request to exit, and is killed if it is still running when the grace period of ` +
      `${e.details.gracePeriodSeconds}s is over. Then the sandbox goes, and only after that may the pod object be deleted.`,
    expert: (e) =>
      'The pod update carries metadata.deletionTimestamp, so podWorkers.UpdatePod moves the pod worker to ' +
      'terminating and runs SyncTerminatingPod: killPod with a grace period of ' +
      `${e.details.gracePeriodSeconds}s (killPodWithSyncResult: containers in parallel, then StopPodSandbox), then ` +
      'generateAPIPodStatus with podIsTerminal for the final status.',
    docs: TERMINATION_DOCS,
    source: 'pkg/kubelet/pod_workers.go',
  },
  'kubelet:PreStopHook': {
    summary: (e) => `preStop ${e.details.what}: ${preStopOutcome(e)} (${goDuration(e.details.tookMs)})`,
    story: (e) => {
      const d = e.details
      return (
        `Before ${d.container} gets any signal, its preStop hook (${d.what}) runs, and the kubelet waits for it, ` +
        `at most for the grace period of ${d.gracePeriodSeconds}s. The ${d.elapsedSeconds}s it took are subtracted ` +
        "from the time left for the container's own shutdown (never less than 2 s)." +
        (d.error ? ' It failed: the kubelet records FailedPreStopHook and stops the container anyway.' : '') +
        (d.timedOut ? ' It was still running when the grace period ran out, so the kubelet stopped waiting.' : '')
      )
    },
    expert: (e) =>
      `killContainer calls executePreStopHook, which runs the handler in a goroutine (${handlerText(e.details.handler)}) ` +
      `and waits at most ${e.details.gracePeriodSeconds}s; the whole seconds elapsed (${e.details.elapsedSeconds}) ` +
      'are deducted from the grace period, floored at minimumGracePeriodInSeconds.' +
      (e.details.error ? ' The error is recorded as the FailedPreStopHook event.' : ''),
    docs: HOOK_DOCS,
    source: CONTAINER_GO,
  },
  'kubelet:DeletePod': {
    summary: (e) => `pod fully terminated: DELETE with gracePeriodSeconds 0 (precondition uid ${e.details.uid})`,
    story: () =>
      'The pod has a deletionTimestamp, its phase is final and none of its containers can still be running, so the ' +
      "kubelet deletes the pod object for good: grace period 0, and the pod's UID as a precondition so that a new " +
      'pod with the same name is never deleted by mistake.',
    expert: (e) =>
      "The status manager's syncPod sees canBeDeleted (terminal phase, deletionTimestamp set, " +
      'PodCouldHaveRunningContainers false) and calls Pods().Delete with GracePeriodSeconds 0 and ' +
      `Preconditions{UID: ${e.details.uid}}.`,
    docs: TERMINATION_DOCS,
    source: 'pkg/kubelet/status/status_manager.go',
  },
  'kubelet:ContainerGC': {
    summary: (e) =>
      `container GC: remove ${e.details.containerIds.length} container(s)${e.details.sandboxId ? ' and the sandbox' : ''} of the deleted pod`,
    story: (e) =>
      "Once a minute the kubelet's container garbage collector removes what deleted pods left behind in the " +
      `runtime: here ${e.details.containerIds.length} exited container(s)` +
      `${e.details.sandboxId ? ', then the stopped sandbox' : ''}, so nothing of the pod is left on the node.`,
    expert: () =>
      'containerGC.GarbageCollect (every ContainerGCPeriod, 1 minute) runs evictContainers, which removes the ' +
      'containers of deleted pods with CRI RemoveContainer, and evictSandboxes, which removes their not-ready ' +
      'sandboxes holding no containers with RemovePodSandbox.',
    docs: 'https://kubernetes.io/docs/concepts/architecture/garbage-collection/#containers-images',
    source: `${KUBERUNTIME}/kuberuntime_gc.go`,
  },
}
