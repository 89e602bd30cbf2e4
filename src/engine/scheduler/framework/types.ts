/**
 * The scheduler's view of pods and nodes. Mirrors: staging/src/k8s.io/kube-scheduler/framework/types.go and
 * pkg/scheduler/framework/types.go (PodInfo, AffinityTerm, NodeInfo, Resource, HostPortInfo, ImageStateSummary)
 * and component-helpers/resource/helpers.go PodRequests (how a pod's request is aggregated).
 *
 * Quantities are plain numbers here (millicores, bytes, counts): the scheduler's hot path must not allocate.
 */
import { bytes, cpuMilli } from '../../api/quantity.ts'
import { matchesLabelSelector, matchesRequirement } from '../../api/labels.ts'
import { isSidecar } from '../../api/containers.ts'
import type { Container, LabelSelector, Node, Pod } from '../../api/types.ts'
import { podKey } from '../../api/podKey.ts'
import type { PodAffinityTerm, WeightedPodAffinityTerm } from 'kubernetes-types/core/v1'

/** DefaultMilliCPURequest and DefaultMemoryRequest: pkg/scheduler/util/pod_resources.go (for scoring only). */
export const DEFAULT_MILLI_CPU_REQUEST = 100
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024

/** Resource is framework.Resource: the resources of a pod or node as integers. */
export interface Resource {
  milliCPU: number
  memory: number
  ephemeralStorage: number
  allowedPodNumber: number
  /** Extended and hugepages resources by name (nvidia.com/gpu, hugepages-2Mi, ...). */
  scalar: Map<string, number>
}

export const newResource = (): Resource => ({ milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalar: new Map() })

function addToResource(r: Resource, name: string, q: string | number): void {
  switch (name) {
    case 'cpu': r.milliCPU += cpuMilli(q); break
    case 'memory': r.memory += bytes(q); break
    case 'ephemeral-storage': r.ephemeralStorage += bytes(q); break
    case 'pods': r.allowedPodNumber += bytes(q); break
    default: r.scalar.set(name, (r.scalar.get(name) ?? 0) + bytes(q))
  }
}

/** resourceFromList converts a ResourceList (node allocatable) into a Resource. */
export function resourceFromList(list: Record<string, string | number> | undefined): Resource {
  const r = newResource()
  for (const [k, v] of Object.entries(list ?? {})) addToResource(r, k, v)
  return r
}

function sumInto(into: Resource, from: Resource): void {
  into.milliCPU += from.milliCPU
  into.memory += from.memory
  into.ephemeralStorage += from.ephemeralStorage
  for (const [k, v] of from.scalar) into.scalar.set(k, (into.scalar.get(k) ?? 0) + v)
}

function maxInto(into: Resource, from: Resource): void {
  into.milliCPU = Math.max(into.milliCPU, from.milliCPU)
  into.memory = Math.max(into.memory, from.memory)
  into.ephemeralStorage = Math.max(into.ephemeralStorage, from.ephemeralStorage)
  for (const [k, v] of from.scalar) into.scalar.set(k, Math.max(into.scalar.get(k) ?? 0, v))
}

function containerRequests(c: Container, nonMissing: boolean): Resource {
  const r = newResource()
  const req = (c.resources?.requests ?? {}) as Record<string, string>
  for (const [k, v] of Object.entries(req)) addToResource(r, k, v)
  if (nonMissing) {
    // applyNonMissing: a container without a cpu (memory) request counts as 100m (200Mi); an explicit 0 stays 0.
    if (req.cpu === undefined) r.milliCPU = DEFAULT_MILLI_CPU_REQUEST
    if (req.memory === undefined) r.memory = DEFAULT_MEMORY_REQUEST
  }
  return r
}


/**
 * podRequests is resource.PodRequests: the sum of the containers (and sidecars), or the largest init container
 * plus the sidecars started before it, whichever is larger, plus the pod overhead. With `nonMissing`, unset
 * cpu/memory requests count as the scheduler's defaults (100m, 200Mi): what the scoring plugins use.
 * Simplified: pod-level `spec.resources` and in-place resize status are not considered.
 */
export function podRequests(pod: Pod, nonMissing = false): Resource {
  const reqs = newResource()
  for (const c of pod.spec?.containers ?? []) sumInto(reqs, containerRequests(c, nonMissing))
  const sidecars = newResource()
  const init = newResource()
  for (const c of pod.spec?.initContainers ?? []) {
    const r = containerRequests(c, nonMissing)
    if (isSidecar(c)) {
      sumInto(reqs, r)
      sumInto(sidecars, r)
      maxInto(init, sidecars)
    } else {
      sumInto(r, sidecars)
      maxInto(init, r)
    }
  }
  maxInto(reqs, init)
  const overhead = pod.spec?.overhead as Record<string, string> | undefined
  if (overhead) for (const [k, v] of Object.entries(overhead)) addToResource(reqs, k, v)
  return reqs
}

/** AffinityTerm is a PodAffinityTerm with its namespaces and selectors resolved (framework.AffinityTerm). */
export interface AffinityTerm {
  namespaces: Set<string>
  /** null = matches nothing (no labelSelector); the selector otherwise. */
  selector: LabelSelector | null
  /** null = no namespaceSelector (matches nothing); {} matches every namespace. */
  namespaceSelector: LabelSelector | null
  topologyKey: string
}

export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number
}

function newAffinityTerm(pod: Pod, t: PodAffinityTerm): AffinityTerm {
  const namespaces = new Set<string>(t.namespaces ?? [])
  // getNamespacesFromPodAffinityTerm: no namespaces and no namespaceSelector ⇒ the pod's own namespace.
  if (namespaces.size === 0 && !t.namespaceSelector) namespaces.add(pod.metadata?.namespace ?? 'default')
  return { namespaces, selector: t.labelSelector ?? null, namespaceSelector: t.namespaceSelector ?? null, topologyKey: t.topologyKey }
}

/** termMatches is AffinityTerm.Matches: the pod is in one of the term's namespaces and has matching labels. */
export function termMatches(term: AffinityTerm, pod: Pod, nsLabels: Record<string, string> | undefined): boolean {
  const ns = pod.metadata?.namespace ?? 'default'
  if (term.namespaces.has(ns) || (term.namespaceSelector !== null && matchesLabelSelector(term.namespaceSelector, nsLabels))) {
    return matchesLabelSelector(term.selector, pod.metadata?.labels)
  }
  return false
}

export interface HostPort {
  ip: string
  protocol: string
  port: number
}

/** What a PodInfo derives from the pod's spec (and, for the affinity terms, its namespace), with its inputs. */
interface SpecDerived {
  namespace: string
  initContainers: unknown
  overhead: unknown
  affinity: unknown
  priority: number | undefined
  requests: Resource
  nonZero: Resource
  hostPorts: HostPort[]
  requiredAffinityTerms: AffinityTerm[]
  requiredAntiAffinityTerms: AffinityTerm[]
  preferredAffinityTerms: WeightedAffinityTerm[]
  preferredAntiAffinityTerms: WeightedAffinityTerm[]
  hasAffinity: boolean
}

/**
 * Hot (a PodInfo per watch event of a pod: every status update of an assigned pod re-adds it to the cache): what
 * the spec gives is worked out once per containers array (objects are replaced, never changed, once stored; the
 * binding's copy of the spec keeps its containers) while the other inputs are the same objects. Nothing writes to
 * these: the Resources and terms are shared by the PodInfos.
 */
const derivedByContainers = new WeakMap<object, SpecDerived>()

function specDerived(pod: Pod): SpecDerived {
  const spec = pod.spec
  const namespace = pod.metadata?.namespace ?? 'default'
  const hit = spec?.containers ? derivedByContainers.get(spec.containers) : undefined
  if (hit && hit.namespace === namespace && hit.initContainers === spec?.initContainers &&
    hit.overhead === spec?.overhead && hit.affinity === spec?.affinity && hit.priority === spec?.priority) return hit
  const ports: HostPort[] = []
  const withPorts = [...(spec?.containers ?? []), ...(spec?.initContainers ?? []).filter(isSidecar)]
  for (const c of withPorts) {
    for (const p of c.ports ?? []) {
      if ((p.hostPort ?? 0) > 0) {
        ports.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort as number })
      }
    }
  }
  const pa = spec?.affinity?.podAffinity
  const paa = spec?.affinity?.podAntiAffinity
  const term = (t: PodAffinityTerm) => newAffinityTerm(pod, t)
  // getWeightedAffinityTerms keeps every preferred term; weight 0 is rejected by validation.
  const weighted = (w: WeightedPodAffinityTerm) => ({ ...newAffinityTerm(pod, w.podAffinityTerm), weight: w.weight })
  const d: SpecDerived = {
    namespace,
    initContainers: spec?.initContainers,
    overhead: spec?.overhead,
    affinity: spec?.affinity,
    priority: spec?.priority,
    requests: podRequests(pod, false),
    nonZero: podRequests(pod, true),
    hostPorts: ports,
    requiredAffinityTerms: (pa?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map(term),
    requiredAntiAffinityTerms: (paa?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map(term),
    preferredAffinityTerms: (pa?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map(weighted),
    preferredAntiAffinityTerms: (paa?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map(weighted),
    hasAffinity: !!spec?.affinity && (!!pa || !!paa),
  }
  if (spec?.containers) derivedByContainers.set(spec.containers, d)
  return d
}

/** PodInfo caches what the plugins need of a pod (framework.PodInfo plus precomputed requests). */
export class PodInfo {
  readonly pod: Pod
  readonly key: string
  readonly priority: number
  /** Actual requests (Filter, BalancedAllocation, NodeInfo.Requested). */
  readonly requests: Resource
  /** Requests with the 100m/200Mi defaults for unset values (LeastAllocated scoring, NodeInfo.NonZeroRequested). */
  readonly nonZero: Resource
  readonly hostPorts: HostPort[]
  readonly requiredAffinityTerms: AffinityTerm[]
  readonly requiredAntiAffinityTerms: AffinityTerm[]
  readonly preferredAffinityTerms: WeightedAffinityTerm[]
  readonly preferredAntiAffinityTerms: WeightedAffinityTerm[]
  /** podWithAffinity: the pod declares podAffinity or podAntiAffinity. */
  readonly hasAffinity: boolean
  readonly startTime: string

  constructor(pod: Pod) {
    const d = specDerived(pod)
    this.pod = pod
    this.key = podKey(d.namespace, pod.metadata?.name ?? '')
    this.priority = d.priority ?? 0
    this.requests = d.requests
    this.nonZero = d.nonZero
    this.hostPorts = d.hostPorts
    this.requiredAffinityTerms = d.requiredAffinityTerms
    this.requiredAntiAffinityTerms = d.requiredAntiAffinityTerms
    this.preferredAffinityTerms = d.preferredAffinityTerms
    this.preferredAntiAffinityTerms = d.preferredAntiAffinityTerms
    this.hasAffinity = d.hasAffinity
    this.startTime = pod.status?.startTime ?? pod.metadata?.creationTimestamp ?? ''
  }
}

/** ImageState is shared by every NodeInfo that reports the image name: numNodes is live. */
export interface ImageState {
  size: number
  nodes: Set<string>
}

/** NodeInfo is the node plus the pods on it and their aggregated requests, kept up to date incrementally. */
export class NodeInfo {
  node: Node
  name: string
  labels: Record<string, string>
  pods: PodInfo[] = []
  podsWithAffinity: PodInfo[] = []
  podsWithRequiredAntiAffinity: PodInfo[] = []
  requested: Resource = newResource()
  nonZeroRequested: Resource = newResource()
  allocatable: Resource
  /** HostPortInfo: ip → set of "protocol/port". */
  usedPorts: Map<string, Set<string>> = new Map()
  imageStates: Map<string, ImageState> = new Map()

  constructor(node: Node) {
    this.node = node
    this.name = node.metadata?.name ?? ''
    this.labels = (node.metadata?.labels ?? {}) as Record<string, string>
    this.allocatable = resourceFromList(node.status?.allocatable as Record<string, string> | undefined)
  }

  setNode(node: Node): void {
    this.node = node
    this.labels = (node.metadata?.labels ?? {}) as Record<string, string>
    this.allocatable = resourceFromList(node.status?.allocatable as Record<string, string> | undefined)
  }

  addPod(pi: PodInfo): void {
    this.pods.push(pi)
    if (pi.hasAffinity) this.podsWithAffinity.push(pi)
    if (pi.requiredAntiAffinityTerms.length > 0) this.podsWithRequiredAntiAffinity.push(pi)
    this.update(pi, 1)
  }

  /** removePod removes the pod with the same key and returns it (undefined when it is not on this node). */
  removePod(key: string): PodInfo | undefined {
    const i = this.pods.findIndex((p) => p.key === key)
    if (i < 0) return undefined
    const pi = this.pods[i]
    this.pods.splice(i, 1)
    // Most nodes have no such pods: no new empty arrays then (every status update of a pod removes and re-adds it).
    if (this.podsWithAffinity.length > 0) this.podsWithAffinity = this.podsWithAffinity.filter((p) => p.key !== key)
    if (this.podsWithRequiredAntiAffinity.length > 0) {
      this.podsWithRequiredAntiAffinity = this.podsWithRequiredAntiAffinity.filter((p) => p.key !== key)
    }
    this.update(pi, -1)
    return pi
  }

  private update(pi: PodInfo, sign: 1 | -1): void {
    const r = this.requested
    r.milliCPU += sign * pi.requests.milliCPU
    r.memory += sign * pi.requests.memory
    r.ephemeralStorage += sign * pi.requests.ephemeralStorage
    for (const [k, v] of pi.requests.scalar) r.scalar.set(k, (r.scalar.get(k) ?? 0) + sign * v)
    this.nonZeroRequested.milliCPU += sign * pi.nonZero.milliCPU
    this.nonZeroRequested.memory += sign * pi.nonZero.memory
    for (const hp of pi.hostPorts) {
      const pp = `${hp.protocol}/${hp.port}`
      if (sign > 0) {
        let set = this.usedPorts.get(hp.ip)
        if (!set) this.usedPorts.set(hp.ip, (set = new Set()))
        set.add(pp)
      } else {
        this.usedPorts.get(hp.ip)?.delete(pp)
      }
    }
  }

  /** portConflict is HostPortInfo.CheckConflict: 0.0.0.0 conflicts with every IP, an IP with itself and 0.0.0.0. */
  portConflict(hp: HostPort): boolean {
    const pp = `${hp.protocol}/${hp.port}`
    if (hp.ip === '0.0.0.0') {
      for (const set of this.usedPorts.values()) if (set.has(pp)) return true
      return false
    }
    return !!this.usedPorts.get('0.0.0.0')?.has(pp) || !!this.usedPorts.get(hp.ip)?.has(pp)
  }

  /** clone is NodeInfo.Snapshot: an independent copy for preemption's dry runs. */
  clone(): NodeInfo {
    const c = new NodeInfo(this.node)
    c.pods = [...this.pods]
    c.podsWithAffinity = [...this.podsWithAffinity]
    c.podsWithRequiredAntiAffinity = [...this.podsWithRequiredAntiAffinity]
    c.requested = { ...this.requested, scalar: new Map(this.requested.scalar) }
    c.nonZeroRequested = { ...this.nonZeroRequested, scalar: new Map() }
    c.allocatable = this.allocatable
    c.usedPorts = new Map([...this.usedPorts].map(([k, v]) => [k, new Set(v)]))
    c.imageStates = this.imageStates
    return c
  }
}

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/
const isLabelValue = (v: string): boolean => v.length <= 63 && LABEL_VALUE.test(v)

/** Whether every In/NotIn value of the requirements is a label value, worked out once per term (not per node). */
const validValues = new WeakMap<object, boolean>()
function validLabelValues(exprs: { operator: string; values?: string[] }[]): boolean {
  let ok = validValues.get(exprs)
  if (ok === undefined) {
    ok = exprs.every((r) => !(r.operator === 'In' || r.operator === 'NotIn') || (r.values ?? []).every(isLabelValue))
    validValues.set(exprs, ok)
  }
  return ok
}

/** nodeSelectorTermMatches: every matchExpression on labels and every matchField (metadata.name) holds; an empty term matches nothing. */
export function nodeSelectorTermMatches(term: { matchExpressions?: { key: string; operator: string; values?: string[] }[]; matchFields?: { key: string; operator: string; values?: string[] }[] }, node: NodeInfo): boolean {
  const exprs = term.matchExpressions ?? []
  const fields = term.matchFields ?? []
  if (exprs.length === 0 && fields.length === 0) return false
  // nodeSelectorRequirementsAsSelector: a value that is not a valid label value makes the term match nothing.
  if (exprs.length > 0 && !validLabelValues(exprs)) return false
  for (const r of exprs) {
    if (!matchesRequirement(r.key, r.operator, r.values ?? [], node.labels)) return false
  }
  for (const r of fields) {
    if (r.key !== 'metadata.name') return false
    if (!matchesRequirement('metadata.name', r.operator, r.values ?? [], { 'metadata.name': node.name })) return false
  }
  return true
}
