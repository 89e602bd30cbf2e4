/**
 * Cluster presets for the app's Cluster tab, as cluster-file text (what `podbirth apply --cluster FILE` reads).
 * Written with template strings on purpose: this module is in the main UI bundle, so it imports neither the `yaml`
 * package nor engine code. The worker parses the text with loadCluster (src/engine/cluster/index.ts).
 */

export interface ClusterPreset {
  id: string
  /** Shown in the preset <select>. */
  label: string
  /** One line: what the cluster is for. */
  description: string
}

export const CLUSTER_PRESETS: readonly ClusterPreset[] = [
  { id: 'default', label: 'Default (control plane + 2 workers)', description: 'The built-in cluster: a tainted control-plane node and two 4-CPU workers, as kubeadm builds them.' },
  { id: 'two-nodes', label: 'Two workers, one busy', description: 'Two 4-CPU workers; worker-b already runs a pod that requests 2 CPUs.' },
  { id: 'zones', label: 'Zones (12 nodes, 3 zones)', description: '12 workers of mixed sizes over 3 zones (topology.kubernetes.io/zone); one GPU node is tainted.' },
  { id: 'large', label: 'Large (100 nodes, 4 zones)', description: '100 workers over 4 zones, for scheduling at scale.' },
  { id: 'huge', label: 'Huge (600 nodes, 6 zones)', description: '600 workers over 6 zones in compact YAML, for large traces and benchmarks.' },
  { id: 'giant', label: 'Giant (5,000 nodes, 8 zones)', description: '5,000 workers over 8 zones in compact YAML, a few tainted or cordoned: the cluster map at scale.' },
]

const header = (p: ClusterPreset) => `# podbirth cluster file — preset "${p.label}".
# ${p.description}
# This is ordinary Kubernetes YAML (what \`kubectl get nodes -o yaml\` prints) plus podbirth's own SimulatorConfig.
# Edit it freely — nodes, labels, taints, capacity, existing pods, a KubeSchedulerConfiguration — and press Apply.
# Your edits are kept in this browser; choosing a preset asks before it replaces them.
`

/** Commented-out examples of the non-Node documents a cluster file can hold. */
const EXAMPLES = `
# To change the scheduler or the simulator, add documents like these (remove the leading "# "):
# ---
# apiVersion: kubescheduler.config.k8s.io/v1
# kind: KubeSchedulerConfiguration
# profiles:
# - schedulerName: default-scheduler
#   pluginConfig:
#   - name: NodeResourcesFit
#     args:
#       scoringStrategy:
#         type: MostAllocated
#         resources: [{name: cpu, weight: 1}, {name: memory, weight: 1}]
# ---
# apiVersion: podbirth.dev/v1alpha1
# kind: SimulatorConfig
# pullBandwidth: 20Mi        # bytes per second
# latencies:                 # milliseconds of virtual time
#   runPodSandbox: 350
`

/**
 * A node exactly as src/engine/cluster/defaults.ts makeNode registers it (a kubeadm-joined kubelet). Its Ready
 * condition's reason and message are the kubelet's (upstream pkg/kubelet/nodestatus/setters.go ReadyCondition).
 */
function kubeadmNode(name: string, index: number, controlPlane: boolean): string {
  const cidr = `10.244.${index}.0/24`
  const images = controlPlane
    ? `  - names: [registry.k8s.io/pause:3.10.1]
    sizeBytes: 320368
  - names: [registry.k8s.io/etcd:3.6.5-0]
    sizeBytes: 58938593
  - names: [registry.k8s.io/kube-apiserver:v1.35.0]
    sizeBytes: 27600000`
    : `  - names: [registry.k8s.io/pause:3.10.1]
    sizeBytes: 320368
  - names: [docker.io/library/nginx:1.27]
    sizeBytes: 192385289
  - names: [docker.io/library/busybox:1.36]
    sizeBytes: 4504102`
  return `apiVersion: v1
kind: Node
metadata:
  name: ${name}
  labels:
    beta.kubernetes.io/arch: amd64
    beta.kubernetes.io/os: linux
    kubernetes.io/arch: amd64
    kubernetes.io/hostname: ${name}
    kubernetes.io/os: linux${controlPlane ? `
    node-role.kubernetes.io/control-plane: ""
    node.kubernetes.io/exclude-from-external-load-balancers: ""` : ''}
  annotations:
    kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock
    node.alpha.kubernetes.io/ttl: "0"
spec:
  podCIDR: ${cidr}
  podCIDRs: [${cidr}]${controlPlane ? `
  taints:
  - {key: node-role.kubernetes.io/control-plane, effect: NoSchedule}` : ''}
status:
  capacity: {cpu: "4", memory: 8Gi, pods: "110", ephemeral-storage: 61255492Ki, hugepages-2Mi: "0"}
  allocatable: {cpu: "4", memory: 8Gi, pods: "110", ephemeral-storage: "56453061334", hugepages-2Mi: "0"}
  addresses:
  - {type: InternalIP, address: 192.168.49.${index + 2}}
  - {type: Hostname, address: ${name}}
  conditions:
  - {type: Ready, status: "True", reason: KubeletReady, message: kubelet is posting ready status}
  nodeInfo:
    architecture: amd64
    containerRuntimeVersion: containerd://2.1.4
    kernelVersion: 6.8.0-1015
    kubeProxyVersion: ""
    kubeletVersion: v1.35.0
    operatingSystem: linux
    osImage: Debian GNU/Linux 12 (bookworm)
    bootID: ""
    machineID: ""
    systemUUID: ""
  images:
${images}
`
}

/** kubeadmNodesText: the built-in cluster's three nodes, for cluster files (a scenario's) that keep them. */
export function kubeadmNodesText(): string {
  return [kubeadmNode('control-plane', 0, true), kubeadmNode('worker-1', 1, false), kubeadmNode('worker-2', 2, false)].join('---\n')
}

function defaultCluster(): string {
  return kubeadmNodesText() + EXAMPLES
}

const TWO_NODES = `apiVersion: v1
kind: Node
metadata: {name: worker-a}
status:
  allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
---
apiVersion: v1
kind: Node
metadata: {name: worker-b}
status:
  allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
---
# An existing pod, already bound to worker-b.
apiVersion: v1
kind: Pod
metadata: {name: busy, namespace: default}
spec:
  nodeName: worker-b
  containers: [{name: app, image: nginx:1.27, resources: {requests: {cpu: "2", memory: 1Gi}}}]
status: {phase: Running}
`

const ZONE_SIZES = [
  { cpu: '2', memory: '4Gi' },
  { cpu: '4', memory: '8Gi' },
  { cpu: '8', memory: '16Gi' },
  { cpu: '4', memory: '8Gi' },
]

function zonesCluster(): string {
  const docs: string[] = []
  const zones = ['a', 'b', 'c']
  for (let z = 0; z < zones.length; z++) {
    for (let k = 0; k < 4; k++) {
      const name = `node-${zones[z]}${k + 1}`
      const index = z * 4 + k
      const size = ZONE_SIZES[k]
      const gpu = z === 2 && k === 3
      docs.push(`apiVersion: v1
kind: Node
metadata:
  name: ${name}
  labels:
    kubernetes.io/hostname: ${name}
    topology.kubernetes.io/region: region-1
    topology.kubernetes.io/zone: zone-${zones[z]}
    node.kubernetes.io/instance-type: ${gpu ? 'gpu-8' : `std-${size.cpu}`}${gpu ? `
    accelerator: nvidia` : ''}
spec:
  podCIDR: 10.244.${index}.0/24${gpu ? `
  taints:
  - {key: nvidia.com/gpu, value: present, effect: NoSchedule}` : ''}
status:
  capacity: {cpu: "${size.cpu}", memory: ${size.memory}, pods: "110"}
  allocatable: {cpu: "${size.cpu}", memory: ${size.memory}, pods: "110"}
  addresses:
  - {type: InternalIP, address: 10.0.${z}.${k + 10}}
  - {type: Hostname, address: ${name}}
`)
    }
  }
  return docs.join('---\n')
}

/** What sets some nodes of a compact cluster apart: a taint, or a cordon (spec.unschedulable). */
interface Oddity { every: number; offset: number; spec: string; label?: string }

/**
 * One node per line in a `kind: List`: compact enough for thousands of nodes. Every `every`-th node (from `offset`)
 * of an oddity gets its spec fields (a taint, a cordon) and label.
 */
function manyNodes(count: number, zones: number, oddities: readonly Oddity[] = []): string {
  const lines = ['apiVersion: v1', 'kind: List', 'items:']
  const sizes = [{ cpu: '4', memory: '16Gi' }, { cpu: '8', memory: '32Gi' }, { cpu: '16', memory: '64Gi' }]
  const width = Math.max(3, String(count).length)
  for (let i = 0; i < count; i++) {
    const name = `node-${String(i + 1).padStart(width, '0')}`
    const zone = `zone-${String.fromCharCode(97 + (i % zones))}`
    const size = sizes[i % sizes.length]
    const cidr = `10.${100 + Math.floor(i / 250)}.${i % 250}.0/24`
    const ip = `10.${Math.floor(i / 62500)}.${Math.floor(i / 250) % 250}.${(i % 250) + 2}`
    const odd = oddities.filter((o) => i % o.every === o.offset)
    const labels = [`topology.kubernetes.io/zone: ${zone}`, ...odd.flatMap((o) => (o.label ? [o.label] : []))].join(', ')
    const spec = [`podCIDR: ${cidr}`, ...odd.map((o) => o.spec)].join(', ')
    lines.push(`- {apiVersion: v1, kind: Node, metadata: {name: ${name}, labels: {${labels}}}, spec: {${spec}}, status: {capacity: {cpu: "${size.cpu}", memory: ${size.memory}, pods: "110"}, addresses: [{type: InternalIP, address: ${ip}}, {type: Hostname, address: ${name}}]}}`)
  }
  return lines.join('\n') + '\n'
}

/** The 5,000-node preset's tainted and cordoned nodes (one in 250 GPU nodes, one in 500 cordoned). */
const GIANT_ODDITIES: readonly Oddity[] = [
  { every: 250, offset: 17, spec: 'taints: [{key: nvidia.com/gpu, value: present, effect: NoSchedule}]', label: 'accelerator: nvidia' },
  { every: 500, offset: 123, spec: 'unschedulable: true, taints: [{key: node.kubernetes.io/unschedulable, effect: NoSchedule}]' },
]

const BODIES: Record<string, () => string> = {
  default: defaultCluster,
  'two-nodes': () => TWO_NODES,
  zones: zonesCluster,
  large: () => manyNodes(100, 4),
  huge: () => manyNodes(600, 6),
  giant: () => manyNodes(5000, 8, GIANT_ODDITIES),
}

const cache = new Map<string, string>()

/** presetText returns the cluster file of a preset (the default cluster for an unknown id). */
export function presetText(id: string): string {
  const preset = CLUSTER_PRESETS.find((p) => p.id === id) ?? CLUSTER_PRESETS[0]
  let text = cache.get(preset.id)
  if (text === undefined) {
    text = header(preset) + BODIES[preset.id]()
    cache.set(preset.id, text)
  }
  return text
}

export function isPreset(id: string): boolean {
  return CLUSTER_PRESETS.some((p) => p.id === id)
}
