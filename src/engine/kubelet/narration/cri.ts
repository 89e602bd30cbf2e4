/**
 * What the CRI steps say. The CRI (Container Runtime Interface) is the gRPC API between the kubelet and the
 * container runtime (containerd here); each call is a request step (kubelet → CRI) and a response step.
 */
import type { NarrationTable } from '../../narration/types.ts'
import type { KubeletTraceType } from '../traceTypes.ts'
import { CRI_DOCS, KUBERUNTIME, TERMINATION_DOCS, brief, goDuration, mib, secondsOf, short } from './text.ts'

type Cri = Extract<KubeletTraceType, `cri:${string}`>

const CONTAINER_GO = `${KUBERUNTIME}/kuberuntime_container.go`
const SANDBOX_GO = `${KUBERUNTIME}/kuberuntime_sandbox.go`
const IMAGE_MANAGER = 'pkg/kubelet/images/image_manager.go'
const IMAGES_DOCS = 'https://kubernetes.io/docs/concepts/containers/images/#image-pull-policy'

export const CRI_NARRATION: NarrationTable<Cri> = {
  'cri:RunPodSandbox': {
    summary: (e) =>
      e.details.phase === 'request'
        ? `RunPodSandbox(${e.details.cri.request.config.metadata.namespace}/${e.details.cri.request.config.metadata.name})`
        : `sandbox ${short(e.details.cri.response.podSandboxId)} ready (pause container ${e.details.pauseImage})`,
    story: (e) =>
      e.details.phase === 'request'
        ? 'The kubelet asks the container runtime (containerd, over the CRI gRPC socket) for a pod sandbox: the ' +
          "Linux namespaces the pod's containers will share — one network, one hostname, one IPC — held open by a " +
          `tiny "pause" container (${e.details.pauseImage}) that does nothing but exist. The runtime must hand back a ` +
          'sandbox that is ready, network included.'
        : `containerd has started the pause container in the new network namespace ${e.details.netns} and reports ` +
          `sandbox ${short(e.details.cri.response.podSandboxId)} ready. Containers that join it share its IP address ` +
          'and can reach each other on localhost.',
    expert: (e) =>
      e.details.phase === 'request'
        ? 'computePodActions set CreateSandbox, so SyncPod calls createPodSandbox: generatePodSandboxConfig builds ' +
          'the PodSandboxConfig (metadata, hostname, logDirectory, dnsConfig from the cluster DNS, ' +
          `linux.cgroupParent ${e.details.cri.request.config.linux.cgroupParent}) and runtimeService.RunPodSandbox sends it.`
        : "RunPodSandboxResponse carries pod_sandbox_id; containerd's CRI plugin created the netns, ran the CNI ADD " +
          'and started the sandbox (pause) container before answering.',
    docs: CRI_DOCS,
    source: SANDBOX_GO,
  },
  'cri:PodSandboxStatus': {
    summary: (e) =>
      e.details.phase === 'request'
        ? `PodSandboxStatus(${brief(e.details.cri.request)})`
        : `SANDBOX_READY, ip ${e.details.cri.response.status.network.ip}`,
    story: (e) =>
      e.details.phase === 'request'
        ? "The kubelet reads the sandbox's status back from the runtime, to learn whether it is ready and which IP " +
          'address the pod got.'
        : `The sandbox is ready and its address is ${e.details.cri.response.status.network.ip}, the IP every container ` +
          'of the pod will have.',
    expert: (e) =>
      e.details.phase === 'request'
        ? 'After RunPodSandbox, SyncPod calls runtimeService.PodSandboxStatus(podSandboxId, verbose=false) to read the IPs.'
        : `PodSandboxStatus.state is SANDBOX_READY and network.ip ${e.details.cri.response.status.network.ip}; ` +
          'determinePodSandboxIPs turns it into podIPs for the container configs and the status.',
    docs: CRI_DOCS,
    source: `${KUBERUNTIME}/kuberuntime_manager.go`,
  },
  'cri:ImageStatus': {
    summary: (e) => {
      if (e.details.phase === 'request') return `ImageStatus(${brief(e.details.cri.request)})`
      const img = e.details.cri.response.image
      return img ? `present (${img.size} bytes)` : 'not present'
    },
    story: (e) => {
      const d = e.details
      const image = d.cri.request?.image.image ?? 'the image'
      if (d.phase === 'request') {
        return (
          `Is ${image} already on this node? Before pulling anything the kubelet asks the runtime, because ` +
          `${d.container}'s imagePullPolicy is ${d.imagePullPolicy}: ${d.imagePullPolicy === 'Always' ? 'pull every time' : d.imagePullPolicy === 'Never' ? 'never pull' : 'pull only if the image is missing'}.`
        )
      }
      const img = d.cri.response.image
      const has = img ? `The image is on the node (${mib(img.size)}).` : 'The image is not on the node.'
      if (d.decision === 'present')
        return `${has} With imagePullPolicy ${d.imagePullPolicy} there is nothing to pull: the container can be created at once.`
      if (d.decision === 'neverPull')
        return `${has} imagePullPolicy Never forbids a pull, so ${d.container} cannot start (ErrImageNeverPull).`
      return `${has} ${img ? 'imagePullPolicy Always asks for a pull anyway, to check the registry for a newer image' : 'It must be pulled from its registry'}.`
    },
    expert: (e) => {
      const d = e.details
      if (d.phase === 'request') {
        return (
          'EnsureImageExists (the image manager) normalizes the image name and calls imageService.ImageStatus; ' +
          `imagePullPolicy ${d.imagePullPolicy} then decides with shouldPullImage.`
        )
      }
      return (
        `ImageStatusResponse.image is ${d.cri.response.image ? `set (id ${d.cri.response.image.id})` : 'nil'}; ` +
        `shouldPullImage(${d.imagePullPolicy}, present=${d.cri.response.image ? 'true' : 'false'}) → ` +
        `${d.decision === 'pull' ? 'pull' : d.decision === 'neverPull' ? 'ErrImageNeverPull' : 'no pull: event Pulled "already present on machine"'}.`
      )
    },
    docs: IMAGES_DOCS,
    source: IMAGE_MANAGER,
  },
  'cri:PullImage': {
    summary: (e) => {
      const d = e.details
      if (d.phase === 'request') return `PullImage(${brief(d.cri.request)})`
      const r = d.cri.response
      return 'error' in r
        ? `failed: ${r.error}`
        : `pulled ${d.cri.request?.image.image} (${d.size} bytes) in ${goDuration(d.tookMs ?? 0)}`
    },
    story: (e) => {
      const d = e.details
      const rate = `${Math.round(d.bandwidth / 1048576)} MiB/s`
      if (d.phase === 'request') {
        const waited =
          d.queuedMs > 0
            ? ` It waited ${secondsOf(d.queuedMs)} for another pull: a node pulls one image at a time.`
            : ''
        const size = d.size !== undefined ? ` At ${mib(d.size)} and ${rate} this takes a while.` : ''
        return (
          `The runtime downloads ${d.image} from its registry: it resolves the tag to a manifest, then fetches ` +
          `and unpacks the layers.${size}${waited}`
        )
      }
      const r = d.cri.response
      if ('error' in r)
        return `The pull of ${d.image} failed: the registry or the name is wrong (${r.error}). The container cannot start (ErrImagePull).`
      return `${d.image} is on the node now: ${mib(d.size ?? 0)} in ${secondsOf(d.tookMs ?? 0)} (setup plus size ÷ ${rate}).`
    },
    expert: (e) => {
      const d = e.details
      if (d.phase === 'request') {
        return (
          'The image manager records the Pulling event and hands the pull to its puller (serialImagePuller: ' +
          'serializeImagePulls defaults to true), which calls imageService.PullImage with the image spec and any ' +
          "pull secrets' credentials."
        )
      }
      const r = d.cri.response
      return 'error' in r
        ? 'PullImage returned an error; EnsureImageExists records Failed events, returns ErrImagePull and counts ' +
            'the failure in its back-off.'
        : `PullImageResponse.image_ref ${r.imageRef}; the manager records Pulled with the pull time and the size from ImageStatus.`
    },
    docs: IMAGES_DOCS,
    source: IMAGE_MANAGER,
  },
  'cri:CreateContainer': {
    summary: (e) =>
      e.details.phase === 'request'
        ? `CreateContainer(${brief(e.details.cri.request)})`
        : `container ${short(e.details.cri.response.containerId)} created`,
    story: (e) =>
      e.details.phase === 'request'
        ? `The kubelet builds ${e.details.container}'s configuration — image, command, environment, mounts, and its ` +
          'resources as cgroup limits — and asks the runtime to create it inside the sandbox.'
        : `The runtime has created ${e.details.container} (id ${short(e.details.cri.response.containerId)}): its ` +
          'filesystem and configuration are ready, but no process runs yet.',
    expert: (e) =>
      e.details.phase === 'request'
        ? 'startContainer calls generateContainerConfig (envs, mounts, devices, linux resources and security ' +
          'context, logPath) and runtimeService.CreateContainer(podSandboxId, config, sandboxConfig).'
        : `CreateContainerResponse.container_id ${short(e.details.cri.response.containerId)}; the kubelet records ` +
          `the event Created "Created container: ${e.details.container}".`,
    docs: CRI_DOCS,
    source: CONTAINER_GO,
  },
  'cri:StartContainer': {
    summary: (e) => {
      if (e.details.phase === 'request') return `StartContainer(${brief(e.details.cri.request)})`
      return e.details.cri.response.error
        ? `failed: ${e.details.cri.response.error}`
        : `container ${e.details.container} running`
    },
    story: (e) => {
      if (e.details.phase === 'request')
        return `The runtime starts ${e.details.container}'s process inside the pod's namespaces.`
      return e.details.cri.response.error
        ? `${e.details.container} could not start: the runtime could not run its command (${e.details.cri.response.error}).`
        : `${e.details.container}'s process is running.`
    },
    expert: (e) =>
      e.details.phase === 'request'
        ? 'startContainer calls runtimeService.StartContainer(containerId); containerd creates the task through its ' +
          'runc shim.'
        : e.details.cri.response.error
          ? 'StartContainer failed; the kubelet records Failed and the container ends with reason StartError, exit 128.'
          : `The kubelet records Started "Started container ${e.details.container}", then runs the postStart hook if there is one.`,
    docs: CRI_DOCS,
    source: CONTAINER_GO,
  },
  'cri:StopContainer': {
    summary: (e) => {
      const d = e.details
      if (d.phase === 'request')
        return `StopContainer(${short(d.cri.request.containerId)}, timeout=${d.cri.request.timeout}s)`
      if (d.phase === 'signal') {
        return d.signal === 'SIGTERM'
          ? `SIGTERM → PID 1 of ${d.container}: ${d.behaviour.on === 'exit' ? 'it shuts down' : 'ignored'}`
          : `${d.container} still running after ${d.timeoutSeconds}s: SIGKILL`
      }
      return `${d.container} exited with code ${d.exitCode} (${d.reason}) after ${goDuration(d.tookMs)}: ${d.how === 'exited' ? 'its process ended on its own' : d.how}`
    },
    story: (e) => {
      const d = e.details
      if (d.phase === 'request')
        return `The kubelet asks the runtime to stop ${d.container}, allowing ${d.cri.request.timeout}s for a clean exit.`
      if (d.phase === 'signal') {
        return d.signal === 'SIGTERM'
          ? `containerd sends SIGTERM, the polite "please exit" signal, to the container's main process. Here ${d.behaviour.why}.`
          : 'The grace period is over and the process has not exited, so containerd sends SIGKILL, which cannot be ' +
              'caught or ignored. The exit code is 128 + 9 = 137.'
      }
      return d.exitCode === 137 && d.how === 'SIGKILL'
        ? `${d.container} ignored SIGTERM, so it ran until the grace period ended and was killed: exit code 137, reason Error.`
        : `${d.container} exited with code ${d.exitCode}, so its terminated state has reason ${d.reason}.`
    },
    expert: (e) => {
      const d = e.details
      if (d.phase === 'request')
        return `killContainer calls runtimeService.StopContainer(containerId, timeout=${d.cri.request.timeout}).`
      if (d.phase === 'signal') {
        return d.signal === 'SIGTERM'
          ? "containerd's StopContainer sends the image's StopSignal (SIGTERM by default) to the task and waits for the timeout."
          : 'The timeout expired: containerd sends SIGKILL to the task and waits for its exit.'
      }
      return `StopContainer returned; the next relist reports exitCode ${d.exitCode}, reason ${d.reason}.`
    },
    docs: (e) => (e.details.phase === 'signal' ? TERMINATION_DOCS : CRI_DOCS),
    source: CONTAINER_GO,
  },
  'cri:StopPodSandbox': {
    summary: (e) =>
      e.details.phase === 'request'
        ? `StopPodSandbox(${short(e.details.cri.request.podSandboxId)})`
        : `sandbox ${short(e.details.podSandboxId)} stopped (SANDBOX_NOTREADY)`,
    story: (e) =>
      e.details.phase === 'request'
        ? 'Every container is stopped, so the kubelet asks the runtime to stop the pod sandbox: its network is torn ' +
          'down and the pause container is killed. The sandbox itself stays until the garbage collector removes it.'
        : 'The pause container is gone and the network namespace is removed; the sandbox is NOTREADY.',
    expert: (e) =>
      e.details.phase === 'request'
        ? 'killPodWithSyncResult calls runtimeService.StopPodSandbox for each sandbox once every container has stopped.'
        : "containerd ran CNI DEL for the sandbox's network and stopped the pause task; the sandbox state is SANDBOX_NOTREADY.",
    docs: CRI_DOCS,
    source: `${KUBERUNTIME}/kuberuntime_manager.go`,
  },
  'cri:RemoveContainer': {
    summary: (e) => `RemoveContainer(${short(e.details.cri.request.containerId)})`,
    story: () => 'The stopped container and its writable layer are deleted from the node.',
    expert: (e) =>
      `evictContainers calls runtimeService.RemoveContainer(${short(e.details.cri.request.containerId)}) and deletes its log.`,
    docs: 'https://kubernetes.io/docs/concepts/architecture/garbage-collection/#containers-images',
    source: `${KUBERUNTIME}/kuberuntime_gc.go`,
  },
  'cri:RemovePodSandbox': {
    summary: (e) => `RemovePodSandbox(${short(e.details.cri.request.podSandboxId)})`,
    story: () =>
      'The stopped sandbox, which holds no containers any more, is removed: nothing of the pod is left on the node.',
    expert: () =>
      'evictSandboxes removes the not-ready sandboxes of deleted pods with runtimeService.RemovePodSandbox.',
    docs: 'https://kubernetes.io/docs/concepts/architecture/garbage-collection/#containers-images',
    source: `${KUBERUNTIME}/kuberuntime_gc.go`,
  },
  'cri:ExecSync': {
    summary: (e) => {
      if (e.details.phase === 'request') return `ExecSync(${brief(e.details.cri.request)})`
      const r = e.details.cri.response
      return 'error' in r ? `failed: ${r.error}` : `exit code ${r.exitCode}`
    },
    story: (e) => {
      const d = e.details
      if (d.phase === 'request') {
        return (
          `To run ${d.container}'s ${d.hook} hook, the kubelet asks the runtime to run ` +
          `${JSON.stringify(d.cri.request.cmd)} inside the container and waits for it to finish.`
        )
      }
      const r = d.cri.response
      return 'error' in r
        ? `The command could not run in ${d.container}: ${r.error}.`
        : `The command ran in ${d.container} and exited with code ${r.exitCode}${r.exitCode ? ', a failure' : ''}.`
    },
    expert: (e) =>
      e.details.phase === 'request'
        ? 'The hook runner (lifecycle/handlers.go) calls RunInContainer, which is runtimeService.ExecSync(containerId, ' +
          "cmd, timeout) — an exec in the container's namespaces that returns its output and exit code."
        : 'ExecSyncResponse carries stdout, stderr and exit_code; a non-zero exit code is an error for the hook.',
    docs: 'https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/#hook-handler-execution',
    source: 'pkg/kubelet/lifecycle/handlers.go',
  },
}
