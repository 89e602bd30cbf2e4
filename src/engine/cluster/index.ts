/**
 * loadCluster reads a cluster file — real Kubernetes YAML (what `kubectl get ... -o yaml` prints, multi-document
 * or `kind: List`) plus podbirth's own `SimulatorConfig` — into a ClusterSpec. What every cluster has is added
 * unless the file defines an object with the same kind, namespace and name. Without a file: the built-in cluster.
 */
import { parseDocuments } from '../yaml.ts'
import type { KObject } from '../api/types.ts'
import type { ApiServerOptions, StaticToken } from '../apiserver/index.ts'
import { SIM_API_VERSION, SIM_KIND, defaultSimulatorConfig } from '../config.ts'
import type { SimulatorConfig } from '../config.ts'
import { bytes } from '../api/quantity.ts'
import { goNulls } from '../api/goNulls.ts'
import { clusterDecodeMessage, clusterDocumentError, clusterTypeError, kubeconfigLoadError } from './typeGuard.ts'
import { strategyFor } from '../apiserver/strategies.ts'
import { resourceByKind } from '../apiserver/resources.ts'
import { atPosition, positionOf } from '../api/schema/position.ts'
import type { FieldError } from '../api/errors.ts'
import { bootstrapObjects, defaultKubeconfig, defaultNodes, defaultStaticTokens, namespaceDefaults } from './defaults.ts'
import type { ClusterSpec } from './types.ts'
import { impliedNamespaces, restoreObject } from './restore.ts'

export type { ClusterSpec } from './types.ts'
export { schedulerSummary } from './schedulerSummary.ts'
export type { SchedulerSummary } from './schedulerSummary.ts'

const CLUSTER_KINDS = new Set([
  'Node', 'Pod', 'Namespace', 'ServiceAccount', 'ResourceQuota', 'LimitRange', 'PriorityClass', 'Role', 'ClusterRole',
  'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Service', 'ReplicationController', 'ReplicaSet', 'StatefulSet',
  'Deployment',
])

const NAMESPACED_KINDS = new Set(['Pod', 'ServiceAccount', 'ResourceQuota', 'LimitRange', 'Role', 'RoleBinding', 'ConfigMap', 'Secret', 'Service', 'ReplicationController', 'ReplicaSet', 'StatefulSet', 'Deployment'])

/** loadCluster parses a cluster file; `text` undefined means the built-in default cluster. */
export function loadCluster(text: string | undefined, filename: string): ClusterSpec | { error: string } {
  const docs: KObject[] = []
  /** The YAML document each object came from, to point a SimulatorConfig error at its line. */
  const docIndex = new Map<KObject, number>()
  if (text !== undefined) {
    for (const [i, { value, error }] of parseDocuments(text).entries()) {
      if (error) return { error: `${filename}: ${error}` }
      if (value === null || value === undefined) continue
      if (typeof value !== 'object' || Array.isArray(value)) return { error: `${filename}: every document must be a Kubernetes object (a mapping with apiVersion and kind)` }
      // Decoded against its kind's schema first, as the API server would: a wrong type is refused at its line.
      const undecodable = clusterDocumentError(value)
      if (undecodable) return { error: `${filename}: ${clusterDecodeMessage(undecodable, text, i)}` }
      // Go's meaning of null (zero values) before anything reads the objects; wrong types are refused here.
      const objs = flattenList(goNulls(value) as KObject)
      for (const o of objs) {
        const bad = clusterTypeError(o)
        if (bad) return { error: `${filename}: ${o.kind ?? '<no kind>'}: ${bad}` }
      }
      for (const o of objs) docIndex.set(o, i)
      docs.push(...objs)
    }
  }
  const spec: ClusterSpec = {
    objects: [],
    kubeconfig: defaultKubeconfig(),
    simulator: defaultSimulatorConfig(),
    apiserver: { authorizationModes: ['Node', 'RBAC'], clientCA: 'kubernetes', staticTokens: [] },
  }
  const fileObjects: KObject[] = []
  for (const doc of docs) {
    const where = `${filename}: ${doc.kind ?? '<no kind>'} "${doc.metadata?.name ?? ''}"`
    if (doc.kind === 'Config') {
      const bad = kubeconfigLoadError(filename, doc)
      if (bad) return { error: bad }
      spec.kubeconfig = doc
    }
    else if (doc.kind === 'KubeSchedulerConfiguration') spec.schedulerConfig = doc
    else if (doc.kind === SIM_KIND && doc.apiVersion === SIM_API_VERSION) {
      const err = mergeSimulatorConfig(spec.simulator, spec.apiserver, doc)
      if (err) {
        // podbirth's own messages start with the field's path (`latencies.network must be …`): say where it is.
        const named = /^([A-Za-z]+(?:\.[A-Za-z]+)*)\b/.exec(err)?.[1]?.split('.') ?? []
        const path = named.length && named[0] in doc ? named : []
        const at = text !== undefined && path.length ? atPosition(positionOf(text, docIndex.get(doc) ?? 0, path)) : ''
        return { error: `${filename}: SimulatorConfig${at}: ${err}` }
      }
    } else if (doc.kind && CLUSTER_KINDS.has(doc.kind)) {
      if (!doc.metadata?.name) return { error: `${where}: metadata.name is required` }
      // A controller acts on these at once: one the API server would refuse (a selector its own pods do not match)
      // is refused here with the API server's words, instead of creating pods without end.
      // (Only what the API server would store: an object whose apiVersion names no served resource is ignored.)
      const strategy = resourceByKind(doc.apiVersion, doc.kind) ? strategyFor(doc.kind) : undefined
      const invalid = strategy?.validate(strategy.defaults(doc)) ?? []
      if (invalid.length) {
        return { error: `${filename}: ${invalidMessage(doc.kind, doc.metadata.name, invalid)}` }
      }
      // What a real cluster printed comes back as a restore stores it (restore.ts: the old store's fields go).
      fileObjects.push(restoreObject(doc))
    } else return { error: `${where}: kind ${JSON.stringify(doc.kind ?? '')} is not something a cluster file can hold (supported: ${[...CLUSTER_KINDS].join(', ')}, Config, KubeSchedulerConfiguration, ${SIM_KIND})` }
  }
  const builtInKubeconfig = !docs.some((d) => d.kind === 'Config')
  spec.apiserver.staticTokens = tokenFile(spec.kubeconfig, builtInKubeconfig, spec.apiserver.staticTokens)
  // A cluster file is the whole cluster: one that lists no Node has none; the built-in nodes are the default cluster's.
  const defaults = [...bootstrapObjects(), ...(text === undefined ? defaultNodes() : [])]
  const id = (o: KObject) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`
  const fileIds = new Set(fileObjects.map(id))
  let nodeIndex = 0
  const completed = fileObjects.map((o) => (o.kind === 'Node' ? completeNode(o, nodeIndex++) : NAMESPACED_KINDS.has(o.kind ?? '') && !o.metadata?.namespace ? { ...o, metadata: { ...o.metadata, namespace: 'default' } } : o))
  // The service-account and root-CA controllers give every namespace a "default" ServiceAccount and kube-root-ca.crt.
  const perNamespace = completed.filter((o) => o.kind === 'Namespace').flatMap((o) => namespaceDefaults(o.metadata?.name ?? ''))
  const builtIn = new Set(defaults.filter((o) => o.kind === 'Namespace').map((o) => o.metadata?.name ?? ''))
  const all = [...defaults, ...perNamespace, ...impliedNamespaces(completed, builtIn)]
  spec.objects = [...all.filter((o) => !fileIds.has(id(o))), ...completed]
  return spec
}

/**
 * tokenFile is the apiserver's --token-auth-file: the cluster's users are its kubeconfig's users, so every kubeconfig
 * user with a `token` is a line of it (token, user name; the authenticator adds system:authenticated), unless the
 * SimulatorConfig's `apiserver.staticTokens` (`explicit`) already lists that user name: that file then is what the
 * apiserver knows (a rotated token). The built-in kubeconfig's token users carry their uid and groups.
 * Simplified: a kubeconfig-derived line's uid is the user name (a token file's third column is required).
 */
function tokenFile(kubeconfig: KObject, builtInKubeconfig: boolean, explicit: StaticToken[]): StaticToken[] {
  const base = builtInKubeconfig ? defaultStaticTokens() : []
  const listed = new Set([...base, ...explicit].map((t) => t.user))
  const users = Array.isArray(kubeconfig.users) ? (kubeconfig.users as unknown[]) : []
  const fromKubeconfig: StaticToken[] = []
  for (const u of users) {
    if (typeof u !== 'object' || u === null) continue
    const name = 'name' in u && typeof u.name === 'string' ? u.name : undefined
    const info = 'user' in u && typeof u.user === 'object' && u.user !== null ? u.user : undefined
    const token = info && 'token' in info && typeof info.token === 'string' ? info.token : undefined
    if (!name || !token || listed.has(name)) continue
    listed.add(name)
    fromKubeconfig.push({ token, user: name, uid: name, groups: [] })
  }
  return [...base, ...explicit, ...fromKubeconfig]
}

function flattenList(doc: KObject): KObject[] {
  if (doc.kind === 'List' || (typeof doc.kind === 'string' && doc.kind.endsWith('List') && Array.isArray(doc.items))) {
    return (Array.isArray(doc.items) ? doc.items as KObject[] : []).flatMap(flattenList)
  }
  return [doc]
}

/** completeNode fills what a real kubelet reports when the file leaves it out. */
function completeNode(node: KObject, index: number): KObject {
  const name = node.metadata?.name ?? ''
  const spec = (node.spec ?? {}) as Record<string, unknown>
  const status = (node.status ?? {}) as Record<string, unknown>
  const capacity = (status.capacity ?? status.allocatable ?? { cpu: '4', memory: '8Gi', pods: '110' }) as Record<string, string>
  return {
    ...node,
    apiVersion: 'v1',
    metadata: { ...node.metadata, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', ...node.metadata?.labels } },
    spec: { podCIDR: `10.244.${index}.0/24`, ...spec },
    status: {
      capacity,
      allocatable: status.allocatable ?? capacity,
      addresses: [{ type: 'InternalIP', address: `192.168.49.${(index % 250) + 2}` }, { type: 'Hostname', address: name }],
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
      nodeInfo: { architecture: 'amd64', containerRuntimeVersion: 'containerd://2.1.4', kubeletVersion: 'v1.35.0', operatingSystem: 'linux', osImage: 'Debian GNU/Linux 12 (bookworm)' },
      images: [{ names: ['registry.k8s.io/pause:3.10.1'], sizeBytes: 320368 }],
      ...status,
    },
  }
}

function mergeSimulatorConfig(sim: SimulatorConfig, api: ApiServerOptions, doc: KObject): string | undefined {
  const known = new Set(['apiVersion', 'kind', 'metadata', 'latencies', 'pullBandwidth', 'registry', 'pauseImage', 'faults', 'apiserver'])
  for (const k of Object.keys(doc)) if (!known.has(k)) return `unknown field "${k}"`
  if (doc.latencies !== undefined) {
    const l = doc.latencies as Record<string, unknown>
    for (const [k, v] of Object.entries(l)) {
      if (!(k in sim.latencies)) return `unknown latency "${k}" (known: ${Object.keys(sim.latencies).join(', ')})`
      if (typeof v !== 'number' || v < 0) return `latencies.${k} must be a non-negative number of milliseconds`
      sim.latencies[k as keyof SimulatorConfig['latencies']] = v
    }
  }
  if (doc.pullBandwidth !== undefined) {
    const b = bytes(doc.pullBandwidth as string | number)
    if (b <= 0) return 'pullBandwidth must be a positive quantity of bytes per second (e.g. 20Mi)'
    sim.pullBandwidth = b
  }
  if (doc.registry !== undefined) {
    if (!Array.isArray(doc.registry)) return 'registry must be a list of {repository, tags}'
    for (const r of doc.registry as Record<string, unknown>[]) {
      if (typeof r !== 'object' || r === null || Array.isArray(r)) {
        return 'each registry entry needs repository (string) and tags (map of tag to size)'
      }
      if (typeof r.repository !== 'string' || typeof r.tags !== 'object' || r.tags === null) return 'each registry entry needs repository (string) and tags (map of tag to size)'
      const tags: Record<string, number> = {}
      for (const [t, size] of Object.entries(r.tags as Record<string, unknown>)) tags[t] = bytes(size as string | number)
      const existing = sim.registry.find((x) => x.repository === r.repository)
      const entry = { ...existing, ...r, repository: r.repository, tags: { ...existing?.tags, ...tags } }
      if (existing) Object.assign(existing, entry)
      else sim.registry.push(entry as SimulatorConfig['registry'][number])
    }
  }
  if (typeof doc.pauseImage === 'string') sim.pauseImage = doc.pauseImage
  if (Array.isArray(doc.faults)) sim.faults = doc.faults as SimulatorConfig['faults']
  if (doc.apiserver && typeof doc.apiserver === 'object') {
    const a = doc.apiserver as Partial<ApiServerOptions>
    if (a.authorizationModes) api.authorizationModes = a.authorizationModes
    if (a.staticTokens) api.staticTokens = [...api.staticTokens, ...a.staticTokens]
    if (a.enableAdmissionPlugins) api.enableAdmissionPlugins = a.enableAdmissionPlugins
    if (a.disableAdmissionPlugins) api.disableAdmissionPlugins = a.disableAdmissionPlugins
  }
  return undefined
}

/** invalidMessage is kubectl's line for a 422: `The ReplicaSet "web" is invalid: field: message`. */
function invalidMessage(kind: string, name: string, errs: FieldError[]): string {
  const lines = errs.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message))
  const head = `The ${kind} "${name}" is invalid`
  return lines.length === 1 ? `${head}: ${lines[0]}` : `${head}: \n${lines.map((l) => `* ${l}`).join('\n')}`
}
