/**
 * Simulator-only settings: what a real cluster would not describe in its own objects. They come from
 * the one document kind of our own, `apiVersion: podbirth.dev/v1alpha1, kind: SimulatorConfig`;
 * everything else about the cluster is real Kubernetes YAML.
 * Durations are written in milliseconds in YAML and held here in milliseconds too.
 */
export const SIM_API_VERSION = 'podbirth.dev/v1alpha1'
export const SIM_KIND = 'SimulatorConfig'

/** Latencies in milliseconds of virtual time. Defaults give a ~1–2 s start for a pod whose image is present. */
export interface Latencies {
  /** One-way network hop between a client (kubectl, scheduler, kubelet) and the kube-apiserver. */
  network: number
  /** One step of the apiserver's handler chain (authentication, authorization, decode, ...). */
  apiserverStep: number
  /** One admission plugin. */
  admissionPlugin: number
  /** An etcd write: raft round and fsync. */
  etcdWrite: number
  /** From an etcd commit to a watch notification leaving the apiserver's watch cache. */
  watchDispatch: number
  /** One scheduling cycle's framework work (filter + score) for a small cluster. */
  schedulingCycle: number
  /** From the kubelet seeing a pod to its pod worker starting SyncPod. */
  kubeletDispatch: number
  /** CRI RunPodSandbox before networking (pause container create, namespaces). */
  runPodSandbox: number
  /** CNI ADD for the bridge plugin with host-local IPAM. */
  cniAdd: number
  /** CRI ImageStatus. */
  imageStatus: number
  /** Fixed part of a pull: resolving the manifest and layers before bytes flow. */
  pullSetup: number
  /** CRI CreateContainer. */
  createContainer: number
  /** CRI StartContainer. */
  startContainer: number
  /** Running a postStart hook (exec or httpGet). */
  postStartHook: number
  /** How long the kubelet's PLEG takes to notice a container state change (relist period 1 s upstream). */
  plegRelist: number
}

export const DEFAULT_LATENCIES: Latencies = {
  network: 1,
  apiserverStep: 0.2,
  admissionPlugin: 0.1,
  etcdWrite: 3,
  watchDispatch: 1,
  schedulingCycle: 2,
  kubeletDispatch: 5,
  runPodSandbox: 350,
  cniAdd: 60,
  imageStatus: 3,
  pullSetup: 400,
  createContainer: 60,
  startContainer: 120,
  postStartHook: 50,
  plegRelist: 1000,
}

/**
 * RegistryImage is one repository in the simulated registry: its tags with their size in bytes
 * (the uncompressed size the runtime reports as `sizeBytes`), and how a container from it behaves.
 */
export interface RegistryImage {
  /** Fully qualified repository, e.g. docker.io/library/nginx. */
  repository: string
  tags: Record<string, number>
  /** TCP ports the image's default process listens on (what an httpGet hook or probe can reach). */
  ports?: number[]
  /** Executables present in the image, for exec hooks (`sh`, `nginx`, ...). */
  binaries?: string[]
  /** What the default entrypoint does: run until stopped, or exit with a code after some ms. */
  defaultProcess?: { run: 'forever' } | { run: 'exit'; code: number; afterMs: number }
  /** Private images need an imagePullSecret; without one the pull fails as unauthorized. */
  private?: boolean
}

/** Fault is an injected failure, for teaching what breaks and how Kubernetes reports it. */
export type Fault =
  | { type: 'RegistryUnavailable'; registry: string }
  | { type: 'PullFailure'; image: string; message: string }
  | { type: 'IPAMExhausted'; node: string }
  | { type: 'SandboxFailure'; node: string; message: string }

export interface SimulatorConfig {
  latencies: Latencies
  /** Image pull bandwidth in bytes per second (per node; pulls are serial, as the kubelet's default). */
  pullBandwidth: number
  /** The registry catalog; an image or tag not here fails to pull as a real registry would. */
  registry: RegistryImage[]
  /** The sandbox (pause) image the runtime uses. */
  pauseImage: string
  faults: Fault[]
}

const MB = 1024 * 1024

/** The built-in registry catalog of common images (sizes as a runtime reports them, rounded). */
export const DEFAULT_REGISTRY: RegistryImage[] = [
  { repository: 'docker.io/library/nginx', tags: { '1.27': 192 * MB, '1.28': 196 * MB, '1.29': 197 * MB, latest: 197 * MB, alpine: 52 * MB, '1.29-alpine': 52 * MB }, ports: [80], binaries: ['sh', 'bash', 'nginx', 'curl', 'cat', 'echo', 'sleep', 'true', 'false', 'ls', 'touch', 'rm', 'mkdir', 'test'], defaultProcess: { run: 'forever' } },
  { repository: 'docker.io/library/busybox', tags: { '1.36': 4.3 * MB, '1.37': 4.4 * MB, latest: 4.4 * MB }, binaries: ['sh', 'wget', 'cat', 'echo', 'sleep', 'true', 'false', 'ls', 'touch', 'rm', 'mkdir', 'test'], defaultProcess: { run: 'exit', code: 0, afterMs: 20 } },
  { repository: 'docker.io/library/alpine', tags: { '3.20': 7.8 * MB, '3.21': 7.8 * MB, '3.22': 8.3 * MB, latest: 8.3 * MB }, binaries: ['sh', 'wget', 'cat', 'echo', 'sleep', 'true', 'false', 'ls', 'touch', 'rm', 'mkdir', 'test'], defaultProcess: { run: 'exit', code: 0, afterMs: 20 } },
  { repository: 'docker.io/library/redis', tags: { '7.4': 117 * MB, '8.0': 137 * MB, latest: 137 * MB }, ports: [6379], binaries: ['sh', 'bash', 'redis-server', 'redis-cli', 'cat', 'echo', 'sleep', 'true', 'false'], defaultProcess: { run: 'forever' } },
  { repository: 'docker.io/library/postgres', tags: { '16': 432 * MB, '17': 438 * MB, latest: 438 * MB }, ports: [5432], binaries: ['sh', 'bash', 'postgres', 'psql', 'pg_isready', 'cat', 'echo', 'sleep', 'true', 'false'], defaultProcess: { run: 'exit', code: 1, afterMs: 400 } },
  { repository: 'docker.io/library/httpd', tags: { '2.4': 148 * MB, latest: 148 * MB }, ports: [80], binaries: ['sh', 'bash', 'httpd', 'cat', 'echo', 'sleep', 'true', 'false'], defaultProcess: { run: 'forever' } },
  { repository: 'docker.io/library/python', tags: { '3.13-slim': 124 * MB, '3.13': 1020 * MB, latest: 1020 * MB }, binaries: ['sh', 'bash', 'python', 'python3', 'cat', 'echo', 'sleep', 'true', 'false'], defaultProcess: { run: 'exit', code: 0, afterMs: 50 } },
  { repository: 'docker.io/library/node', tags: { '22-alpine': 160 * MB, '22': 1100 * MB, latest: 1120 * MB }, binaries: ['sh', 'node', 'npm', 'cat', 'echo', 'sleep', 'true', 'false'], defaultProcess: { run: 'exit', code: 0, afterMs: 50 } },
  { repository: 'docker.io/library/ubuntu', tags: { '24.04': 78 * MB, latest: 78 * MB }, binaries: ['sh', 'bash', 'cat', 'echo', 'sleep', 'true', 'false', 'ls', 'touch', 'rm', 'mkdir', 'test'], defaultProcess: { run: 'exit', code: 0, afterMs: 20 } },
  { repository: 'docker.io/curlimages/curl', tags: { '8.11.1': 22 * MB, latest: 22 * MB }, binaries: ['sh', 'curl', 'cat', 'echo', 'sleep', 'true', 'false'], defaultProcess: { run: 'exit', code: 2, afterMs: 30 } },
  { repository: 'registry.k8s.io/e2e-test-images/agnhost', tags: { '2.53': 51 * MB }, ports: [8080], binaries: ['sh', 'agnhost', 'cat', 'echo', 'sleep', 'true', 'false'], defaultProcess: { run: 'forever' } },
  { repository: 'registry.k8s.io/pause', tags: { '3.10': 0.74 * MB, '3.10.1': 0.74 * MB }, defaultProcess: { run: 'forever' } },
]

export const DEFAULT_PAUSE_IMAGE = 'registry.k8s.io/pause:3.10.1'

/** defaultSimulatorConfig returns a fresh copy of the defaults. */
export function defaultSimulatorConfig(): SimulatorConfig {
  return {
    latencies: { ...DEFAULT_LATENCIES },
    pullBandwidth: 40 * MB,
    registry: DEFAULT_REGISTRY.map((r) => ({ ...r, tags: { ...r.tags } })),
    pauseImage: DEFAULT_PAUSE_IMAGE,
    faults: [],
  }
}
