/**
 * Glossary entries of the node: the kubelet, the container runtime and CNI, images and pulls, containers and hooks,
 * restarts and back-offs, termination, and the pod's phase and conditions.
 */
import { D, type GlossaryEntry } from './types.ts'

/** The node's side of the story. */
export const NODE_TERMS: GlossaryEntry[] = [
  // The node
  {
    term: 'pod worker',
    aliases: ['pod workers', 'podWorkers'],
    definition: 'The kubelet\'s per-pod goroutine with a queue of its own. Every change to a pod is handed to its worker, which runs one sync of the pod at a time: start it, keep it running, terminate it.',
    docs: `${D}reference/command-line-tools-reference/kubelet/`,
  },
  {
    term: 'status manager',
    aliases: ['statusManager', 'status managers'],
    definition: 'The part of the kubelet that keeps each pod\'s latest status and sends it to the API server as a patch of the status subresource. It is also what finally deletes a terminated pod object.',
    docs: `${D}concepts/workloads/pods/pod-lifecycle/`,
  },
  {
    term: 'PLEG',
    aliases: ['pod lifecycle event generator'],
    definition: 'The kubelet\'s pod lifecycle event generator. It notices changes in the container runtime (a container started or exited) by relisting the runtime\'s pods every second, or from the runtime\'s own events, and wakes the pod\'s worker to sync it.',
    docs: `${D}tasks/administer-cluster/switch-to-evented-pleg/`,
  },
  {
    term: 'CRI',
    aliases: ['Container Runtime Interface', 'RuntimeService', 'ImageService', 'CRI plugin'],
    definition: 'The Container Runtime Interface: the gRPC API, over a local socket, through which the kubelet asks a container runtime to run sandboxes and containers and to pull images (RunPodSandbox, CreateContainer, PullImage ...). Any runtime that implements it can run Kubernetes pods.',
    docs: `${D}concepts/architecture/cri/`,
  },
  {
    term: 'container runtime',
    aliases: ['container runtimes', 'runtime', 'runtimes'],
    definition: 'The software on each node that actually runs containers: it pulls images, creates the namespaces and cgroups, and starts and stops processes. The kubelet drives it through the CRI; containerd and CRI-O are the common ones.',
    docs: `${D}setup/production-environment/container-runtimes/`,
  },
  {
    term: 'containerd',
    aliases: ['runc'],
    definition: 'A widely used container runtime; its CRI plugin serves the kubelet\'s requests. It sets up pod sandboxes and their networks through CNI, pulls and unpacks images, and starts containers with a low-level runtime such as runc.',
    docs: `${D}setup/production-environment/container-runtimes/#containerd`,
  },
  {
    term: 'container',
    aliases: ['containers'],
    definition: 'A process (and its children) started from an image, with its own filesystem, isolated from the rest of the node by Linux namespaces and held within limits by cgroups. A pod runs one or more containers that share its network and can share volumes.',
    docs: `${D}concepts/containers/`,
  },
  {
    term: 'container image',
    aliases: ['image', 'images', 'container images'],
    definition: 'The packaged filesystem and settings a container starts from, made of layers and named like nginx:1.27 (a repository and a tag, or a digest). Images are stored in registries and pulled onto a node before a container can use them.',
    docs: `${D}concepts/containers/images/`,
  },
  {
    term: 'sandbox',
    aliases: ['sandboxes', 'pod sandbox', 'pod sandboxes', 'PodSandbox', 'RunPodSandbox', 'StopPodSandbox', 'RemovePodSandbox'],
    definition: 'The environment a pod\'s containers share on the node: its Linux namespaces (network, IPC, UTS) and its cgroup, with the pod\'s IP. The runtime creates it first, through the CRI call RunPodSandbox, and tears it down last.',
    docs: `${D}concepts/architecture/cri/`,
  },
  {
    term: 'pause container',
    aliases: ['pause containers', 'pause image', '"pause" container'],
    definition: 'The tiny container (image registry.k8s.io/pause) that the runtime starts first in every pod sandbox. It does nothing but sleep, holding the pod\'s namespaces open so the app containers can join them and restart without losing the pod\'s network.',
    docs: `${D}concepts/architecture/cri/`,
  },
  {
    term: 'network namespace',
    aliases: ['network namespaces', 'netns', 'Linux namespace', 'Linux namespaces'],
    definition: 'A Linux namespace is a private view of one kind of system resource; a network namespace is a private copy of the network stack, with its own interfaces, addresses and routes. All containers of a pod share one, so they share one IP and reach each other on localhost.',
    docs: `${D}concepts/workloads/pods/#pod-networking`,
  },
  {
    term: 'cgroup',
    aliases: ['cgroups', 'control group', 'control groups', 'cgroupParent'],
    definition: 'A Linux control group: the kernel feature that limits and accounts for the CPU, memory and other resources of a group of processes. The kubelet puts each pod in a cgroup under its QoS class, and each container\'s limits become cgroup settings.',
    docs: `${D}concepts/architecture/cgroups/`,
  },
  {
    term: 'CNI',
    aliases: ['Container Network Interface', 'CNI plugin', 'CNI plugins', 'network plugin', 'network plugins', 'CNI ADD', 'CNI DEL'],
    definition: 'The Container Network Interface: a standard for network plugins, programs the runtime runs with ADD when a sandbox is created (to give it an interface and an IP) and with DEL when it is removed. The plugins and their configuration live in /opt/cni/bin and /etc/cni/net.d on each node.',
    docs: `${D}concepts/extend-kubernetes/compute-storage-net/network-plugins/`,
  },
  {
    term: 'bridge',
    aliases: ['bridge plugin', 'Linux bridge', 'cni0'],
    definition: 'A virtual network switch inside the node\'s kernel (often named cni0). The bridge CNI plugin attaches each pod\'s veth pair to it, so pods on the node reach each other and, through it, the rest of the cluster.',
    docs: `${D}concepts/cluster-administration/networking/`,
  },
  {
    term: 'veth pair',
    aliases: ['veth', 'veth pairs', 'virtual cable'],
    definition: 'A pair of linked virtual network interfaces, like two ends of a cable: what goes in one comes out of the other. CNI puts one end inside the pod\'s network namespace (as eth0) and leaves the other on the node, attached to the bridge.',
    docs: `${D}concepts/cluster-administration/networking/`,
  },
  {
    term: 'IPAM',
    aliases: ['IP address management', 'address management', 'host-local'],
    definition: 'IP address management: the part of a CNI setup that hands out pod IPs. The host-local IPAM plugin gives each new sandbox the next free address of the node\'s pod CIDR and remembers the allocation in files on the node.',
    docs: `${D}concepts/cluster-administration/networking/`,
  },
  {
    term: 'pod CIDR',
    aliases: ['pod CIDRs', 'podCIDR', 'podCIDRs', 'pod range', 'range of pod addresses'],
    definition: 'The block of IP addresses reserved for the pods of one node, such as 10.244.2.0/24, recorded in the node\'s spec.podCIDR. Giving each node its own block lets every pod in the cluster have a unique IP without the nodes coordinating.',
    docs: `${D}concepts/cluster-administration/networking/`,
  },
  {
    term: 'pod IP',
    aliases: ['pod IPs', 'podIP', 'podIPs'],
    definition: 'The IP address of a pod, shared by all its containers and reachable from every other pod in the cluster without NAT. It is allocated when the sandbox\'s network is set up and reported in the pod\'s status.podIP.',
    docs: `${D}concepts/services-networking/#the-kubernetes-network-model`,
  },
  {
    term: 'image pull',
    aliases: ['image pulls', 'pull', 'pulls', 'pulled', 'pulling', 'PullImage'],
    definition: 'The download of a container image from its registry onto the node: the runtime resolves the tag to a manifest, then fetches and unpacks the layers it does not have yet. The kubelet asks for it when imagePullPolicy says so and the container cannot start until it is done.',
    docs: `${D}concepts/containers/images/`,
  },
  {
    term: 'imagePullPolicy',
    aliases: ['pull policy', 'image pull policy', 'IfNotPresent'],
    definition: 'A container field saying when the kubelet pulls its image: Always (check the registry every time), IfNotPresent (only if it is not on the node yet) or Never. If you leave it out it defaults to Always for the :latest tag or no tag, and to IfNotPresent otherwise.',
    docs: `${D}concepts/containers/images/#image-pull-policy`,
  },
  {
    term: 'image registry',
    aliases: ['registry', 'registries', 'container registry', 'container registries'],
    definition: 'A server that stores container images and serves them over HTTPS, such as docker.io or registry.k8s.io. A private registry needs credentials, given to the kubelet through imagePullSecrets.',
    docs: `${D}concepts/containers/images/`,
  },
  {
    term: 'ImagePullBackOff',
    aliases: ['ErrImagePull', 'ImagePullBackOffs'],
    definition: 'The reason a container is shown waiting when its image cannot be pulled. The first failure is ErrImagePull; after that the kubelet retries with a growing delay (10 seconds, doubling up to 5 minutes) and shows ImagePullBackOff in between.',
    docs: `${D}concepts/containers/images/#imagepullbackoff`,
  },
  {
    term: 'init container',
    aliases: ['init containers', 'initContainers'],
    definition: 'A container listed under initContainers that runs to completion, one at a time and in order, before the app containers start. One declared with restartPolicy: Always is a sidecar instead and keeps running.',
    docs: `${D}concepts/workloads/pods/init-containers/`,
  },
  {
    term: 'sidecar container',
    aliases: ['sidecar', 'sidecars', 'sidecar containers'],
    definition: 'A helper container declared as an init container with restartPolicy: Always: it starts before the app containers, keeps running beside them and is stopped after them. Sidecar containers are a stable feature since Kubernetes v1.33.',
    docs: `${D}concepts/workloads/pods/sidecar-containers/`,
  },
  {
    term: 'postStart hook',
    aliases: ['postStart', 'postStart hooks', 'PostStart handler', 'FailedPostStartHook'],
    definition: 'A command or HTTP request the kubelet runs right after a container starts. The container is not counted as running until the hook returns, and if the hook fails the container is killed and restarted according to the restart policy.',
    docs: `${D}concepts/containers/container-lifecycle-hooks/`,
  },
  {
    term: 'preStop hook',
    aliases: ['preStop', 'preStop hooks'],
    definition: 'A command or HTTP request the kubelet runs before it asks a container to stop, for example to drain connections. It counts against the termination grace period: the container gets SIGTERM only after the hook returns, and is killed when the grace period runs out.',
    docs: `${D}concepts/containers/container-lifecycle-hooks/`,
  },
  {
    term: 'probe',
    aliases: ['probes', 'Unhealthy', 'failureThreshold', 'periodSeconds', 'initialDelaySeconds'],
    definition: 'A periodic health check the kubelet runs on a container (a command, an HTTP GET, a TCP or gRPC connection), every periodSeconds once initialDelaySeconds have passed. A result counts only after failureThreshold failures (or successThreshold successes) in a row; each failed run records an Unhealthy event.',
    docs: `${D}concepts/configuration/liveness-readiness-startup-probes/`,
  },
  {
    term: 'liveness probe',
    aliases: ['liveness probes', 'livenessProbe'],
    definition: 'A probe that tells the kubelet whether a container still works. When it fails failureThreshold times in a row, the kubelet kills the container and the restart policy starts a new one, so a wrong liveness probe restarts a healthy app over and over (CrashLoopBackOff).',
    docs: `${D}concepts/configuration/liveness-readiness-startup-probes/#liveness-probe`,
  },
  {
    term: 'readiness probe',
    aliases: ['readiness probes', 'readinessProbe'],
    definition: 'A probe that tells the kubelet whether a container can take traffic. Until it succeeds, and whenever it fails failureThreshold times in a row, the container is not ready: the pod\'s Ready condition is False and Services leave it out. It never restarts the container.',
    docs: `${D}concepts/configuration/liveness-readiness-startup-probes/#readiness-probe`,
  },
  {
    term: 'startup probe',
    aliases: ['startup probes', 'startupProbe'],
    definition: 'A probe for slow-starting apps: until it succeeds, the kubelet runs neither the liveness nor the readiness probe. If it has not succeeded after failureThreshold × periodSeconds, the container is killed and restarted as after a failed liveness probe.',
    docs: `${D}concepts/configuration/liveness-readiness-startup-probes/#startup-probe`,
  },
  {
    term: 'restartPolicy',
    aliases: ['restart policy', 'restart policies'],
    definition: 'The pod field saying what the kubelet does when a container exits: Always (restart it, the default), OnFailure (restart only after a non-zero exit code) or Never. Restarts happen in place, on the same node, with a growing back-off.',
    docs: `${D}concepts/workloads/pods/pod-lifecycle/#restart-policy`,
  },
  {
    term: 'back-off',
    aliases: ['backoff', 'back-offs', 'backoffs', 'back off'],
    definition: 'A delay that grows after each failure so that something broken does not retry in a tight loop. The kubelet waits 10 seconds, doubling up to 5 minutes, between container restarts and between image pulls; the scheduler backs off failed pods from 1 to 10 seconds.',
    docs: `${D}concepts/workloads/pods/pod-lifecycle/#container-restarts`,
  },
  {
    term: 'CrashLoopBackOff',
    aliases: ['crash loop', 'crash loops', 'ErrCrashLoopBackOff'],
    definition: 'The reason a container is shown waiting when it keeps exiting and the kubelet is holding back its next restart. The delay starts at 10 seconds and doubles up to 5 minutes; it resets once the container has run for 10 minutes without trouble.',
    docs: `${D}concepts/workloads/pods/pod-lifecycle/#container-restarts`,
  },
  {
    term: 'exit code',
    aliases: ['exit codes', 'exitCode'],
    definition: 'The number a container\'s main process returns when it ends: 0 means success, anything else a failure. 137 means it was killed with SIGKILL (often for running out of memory), 143 that it stopped on SIGTERM.',
    docs: `${D}concepts/workloads/pods/pod-lifecycle/#container-state-terminated`,
  },
  {
    term: 'grace period',
    aliases: ['grace periods', 'terminationGracePeriodSeconds', 'deletionGracePeriodSeconds', 'graceful deletion', 'grace'],
    definition: 'The time a pod is given to shut down cleanly once it is deleted, 30 seconds unless terminationGracePeriodSeconds says otherwise. The kubelet runs preStop hooks and sends SIGTERM, and kills whatever is still running when the time is up.',
    docs: `${D}concepts/workloads/pods/pod-lifecycle/#pod-termination`,
  },
  {
    term: 'SIGTERM',
    aliases: ['SIGKILL', 'signal', 'signals'],
    definition: 'SIGTERM is the polite request to exit that a container\'s main process receives when it is stopped; it can catch it and clean up. SIGKILL, sent when the grace period runs out, cannot be caught: the process ends at once.',
    docs: `${D}concepts/workloads/pods/pod-lifecycle/#pod-termination`,
  },
  {
    term: 'container garbage collection',
    aliases: ['garbage collection', 'garbage collector', 'container garbage collector', 'ContainerGC'],
    definition: 'The kubelet\'s periodic clean-up of dead containers, sandboxes and unused images on the node. It removes what deleted pods left behind, so they do not fill the disk.',
    docs: `${D}concepts/architecture/garbage-collection/#containers-images`,
  },
  {
    term: 'phase',
    aliases: ['phases', 'pod phase', 'Pending'],
    definition: 'A one-word summary of where a pod is in its life, in status.phase: Pending (accepted, not all containers running yet), Running, Succeeded, Failed or Unknown. It is a summary only; the conditions and container states say more.',
    docs: `${D}concepts/workloads/pods/pod-lifecycle/#pod-phase`,
  },
  {
    term: 'conditions',
    aliases: ['condition', 'pod condition', 'pod conditions', 'PodScheduled', 'ContainersReady', 'Initialized', 'PodReadyToStartContainers', 'Ready condition', 'DisruptionTarget'],
    definition: 'A pod\'s status.conditions: named true-or-false facts with a reason and the time they last changed, such as PodScheduled, PodReadyToStartContainers, Initialized, ContainersReady and Ready. Ready=True is what lets a pod receive traffic from a Service.',
    docs: `${D}concepts/workloads/pods/pod-lifecycle/#pod-conditions`,
  },
]
