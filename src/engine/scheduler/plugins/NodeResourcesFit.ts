/**
 * NodeResourcesFit. Filter: pod slots, cpu, memory, ephemeral-storage and extended resources must fit in what the
 * node's allocatable leaves after the pods already there (actual requests). Score: LeastAllocated (default),
 * MostAllocated or RequestedToCapacityRatio over the configured resources, with the 100m/200Mi defaults for
 * unset cpu/memory requests. Mirrors: plugins/noderesources/fit.go, resource_allocation.go, least_allocated.go,
 * most_allocated.go, requested_to_capacity_ratio.go (v1.35: a reason is Unresolvable when the request exceeds the
 * node's whole allocatable).
 */
import type { ClusterEvent, EnqueueExtensions, FilterPlugin, PreFilterPlugin, PreFilterResult, PreScorePlugin, ScorePlugin } from '../framework/interface.ts'
import type { CycleState } from '../framework/cycleState.ts'
import { Code, MAX_NODE_SCORE, newStatus } from '../framework/status.ts'
import type { MaybeStatus } from '../framework/status.ts'
import type { NodeInfo, PodInfo, Resource } from '../framework/types.ts'
import { brokenLinear } from './helper.ts'
import type { ShapePoint } from './helper.ts'

export const NAME = 'NodeResourcesFit'

export type ScoringStrategyType = 'LeastAllocated' | 'MostAllocated' | 'RequestedToCapacityRatio'
export interface ResourceSpec { name: string; weight: number }
export interface NodeResourcesFitArgs {
  scoringStrategy?: {
    type?: ScoringStrategyType
    resources?: ResourceSpec[]
    requestedToCapacityRatio?: { shape?: ShapePoint[] }
  }
}

export const DEFAULT_RESOURCES: ResourceSpec[] = [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }]
/** MaxCustomPriorityScore: shape scores are 0..10 and scaled ×10 to 0..100. */
const MAX_CUSTOM_PRIORITY_SCORE = 10
const MAX_UTILIZATION = 100

export interface InsufficientResource { resourceName: string; reason: string; requested: number; used: number; capacity: number; unresolvable: boolean }

/**
 * fitsRequest lists every resource the node lacks for the pod (fit.go fitsRequest). A best-effort pod is checked
 * only against the pod count.
 */
export function fitsRequest(req: Resource, node: NodeInfo): InsufficientResource[] {
  return fitsAll(req, node) ? [] : insufficientResources(req, node)
}

/**
 * fitsAll is fitsRequest(...).length === 0 without building the list: almost every node Filter sees fits, and the
 * hot path must not allocate.
 */
function fitsAll(req: Resource, node: NodeInfo): boolean {
  const a = node.allocatable
  const r = node.requested
  if (node.pods.length + 1 > a.allowedPodNumber) return false
  if (req.milliCPU > 0 && req.milliCPU > a.milliCPU - r.milliCPU) return false
  if (req.memory > 0 && req.memory > a.memory - r.memory) return false
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > a.ephemeralStorage - r.ephemeralStorage) return false
  if (req.scalar.size > 0) {
    for (const [name, q] of req.scalar) {
      if (q !== 0 && q > (a.scalar.get(name) ?? 0) - (r.scalar.get(name) ?? 0)) return false
    }
  }
  return true
}

function insufficientResources(req: Resource, node: NodeInfo): InsufficientResource[] {
  const out: InsufficientResource[] = []
  const a = node.allocatable
  const r = node.requested
  if (node.pods.length + 1 > a.allowedPodNumber) {
    out.push({ resourceName: 'pods', reason: 'Too many pods', requested: 1, used: node.pods.length, capacity: a.allowedPodNumber, unresolvable: false })
  }
  if (req.milliCPU === 0 && req.memory === 0 && req.ephemeralStorage === 0 && req.scalar.size === 0) return out
  if (req.milliCPU > 0 && req.milliCPU > a.milliCPU - r.milliCPU) {
    out.push({ resourceName: 'cpu', reason: 'Insufficient cpu', requested: req.milliCPU, used: r.milliCPU, capacity: a.milliCPU, unresolvable: req.milliCPU > a.milliCPU })
  }
  if (req.memory > 0 && req.memory > a.memory - r.memory) {
    out.push({ resourceName: 'memory', reason: 'Insufficient memory', requested: req.memory, used: r.memory, capacity: a.memory, unresolvable: req.memory > a.memory })
  }
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > a.ephemeralStorage - r.ephemeralStorage) {
    out.push({ resourceName: 'ephemeral-storage', reason: 'Insufficient ephemeral-storage', requested: req.ephemeralStorage, used: r.ephemeralStorage, capacity: a.ephemeralStorage, unresolvable: req.ephemeralStorage > a.ephemeralStorage })
  }
  for (const [name, q] of [...req.scalar].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    if (q === 0) continue
    const alloc = a.scalar.get(name) ?? 0
    const used = r.scalar.get(name) ?? 0
    if (q > alloc - used) out.push({ resourceName: name, reason: `Insufficient ${name}`, requested: q, used, capacity: alloc, unresolvable: q > alloc })
  }
  return out
}

type Scorer = (requested: number[], allocatable: number[], weights: number[]) => number

export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0
  if (requested > capacity) return 0
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity)
}

export function mostRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0
  if (requested > capacity) requested = capacity
  return Math.trunc((requested * MAX_NODE_SCORE) / capacity)
}

const weightedAverage = (fn: (r: number, c: number) => number): Scorer => (requested, allocatable, weights) => {
  let nodeScore = 0
  let weightSum = 0
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue
    nodeScore += fn(requested[i], allocatable[i]) * weights[i]
    weightSum += weights[i]
  }
  if (weightSum === 0) return 0
  return Math.trunc(nodeScore / weightSum)
}

/** requestedToCapacityRatioScorer: resources whose shape score is 0 drop out of the weighted average; rounded. */
export function requestedToCapacityRatioScorer(shape: ShapePoint[]): Scorer {
  const scaled = shape.map((p) => ({ utilization: p.utilization, score: p.score * (MAX_NODE_SCORE / MAX_CUSTOM_PRIORITY_SCORE) }))
  const raw = brokenLinear(scaled)
  const resourceScore = (requested: number, capacity: number): number => {
    if (capacity === 0 || requested > capacity) return raw(MAX_UTILIZATION)
    return raw(Math.trunc((requested * MAX_UTILIZATION) / capacity))
  }
  return (requested, allocatable, weights) => {
    let nodeScore = 0
    let weightSum = 0
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue
      const s = resourceScore(requested[i], allocatable[i])
      if (s > 0) {
        nodeScore += s * weights[i]
        weightSum += weights[i]
      }
    }
    if (weightSum === 0) return 0
    return Math.round(nodeScore / weightSum)
  }
}

/**
 * requestedAndAllocatable is resource_allocation.go calculateResourceAllocatableRequest: cpu and memory from the
 * non-zero totals (or the actual ones when useRequested), others from the actual totals; a scalar resource the
 * pod does not request gives (0, 0) and is skipped.
 */
export function requestedAndAllocatable(node: NodeInfo, pod: Resource, name: string, useRequested: boolean): [number, number] {
  const nodeReq = useRequested ? node.requested : node.nonZeroRequested
  switch (name) {
    case 'cpu': return [node.allocatable.milliCPU, nodeReq.milliCPU + pod.milliCPU]
    case 'memory': return [node.allocatable.memory, nodeReq.memory + pod.memory]
    case 'ephemeral-storage': return [node.allocatable.ephemeralStorage, node.requested.ephemeralStorage + pod.ephemeralStorage]
    default: {
      const q = pod.scalar.get(name) ?? 0
      if (q === 0) return [0, 0]
      return [node.allocatable.scalar.get(name) ?? 0, (node.requested.scalar.get(name) ?? 0) + q]
    }
  }
}

/** resourceVectors is the (allocatable, requested-with-pod) pair per configured resource, as the scorers take them. */
export function resourceVectors(node: NodeInfo, pod: Resource, resources: ResourceSpec[], useRequested: boolean): { requested: number[]; allocatable: number[] } {
  const requested = new Array<number>(resources.length)
  const allocatable = new Array<number>(resources.length)
  fillResourceVectors(node, pod, resources, useRequested, requested, allocatable)
  return { requested, allocatable }
}

/** fillResourceVectors is resourceVectors into the caller's arrays (Score reuses them: no allocation per node). */
export function fillResourceVectors(
  node: NodeInfo, pod: Resource, resources: ResourceSpec[], useRequested: boolean,
  requested: number[], allocatable: number[],
): void {
  const nodeReq = useRequested ? node.requested : node.nonZeroRequested
  for (let i = 0; i < resources.length; i++) {
    // The same cases as requestedAndAllocatable, without its tuple.
    switch (resources[i].name) {
      case 'cpu': allocatable[i] = node.allocatable.milliCPU; requested[i] = nodeReq.milliCPU + pod.milliCPU; break
      case 'memory': allocatable[i] = node.allocatable.memory; requested[i] = nodeReq.memory + pod.memory; break
      default: [allocatable[i], requested[i]] = requestedAndAllocatable(node, pod, resources[i].name, useRequested)
    }
  }
}

export class NodeResourcesFit implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = NAME
  readonly strategy: ScoringStrategyType
  readonly resources: ResourceSpec[]
  private readonly scorer: Scorer
  private readonly weights: number[]
  /** Scratch vectors for Score (one node at a time; nothing keeps them). */
  private readonly requested: number[]
  private readonly allocatable: number[]

  constructor(args?: NodeResourcesFitArgs) {
    const s = args?.scoringStrategy ?? {}
    this.strategy = s.type ?? 'LeastAllocated'
    this.resources = s.resources && s.resources.length > 0 ? s.resources : DEFAULT_RESOURCES
    this.weights = this.resources.map((r) => r.weight)
    this.requested = this.resources.map(() => 0)
    this.allocatable = this.resources.map(() => 0)
    switch (this.strategy) {
      case 'LeastAllocated': this.scorer = weightedAverage(leastRequestedScore); break
      case 'MostAllocated': this.scorer = weightedAverage(mostRequestedScore); break
      case 'RequestedToCapacityRatio': this.scorer = requestedToCapacityRatioScorer(s.requestedToCapacityRatio?.shape ?? []); break
      default: throw new Error(`scoring strategy ${String(this.strategy)} is not supported`)
    }
  }

  preFilter(): { result?: PreFilterResult | null; status: MaybeStatus } {
    // The pod's requests are precomputed in PodInfo (computePodResourceRequest).
    return { status: null }
  }

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): MaybeStatus {
    if (fitsAll(pod.requests, node)) return null
    const insufficient = insufficientResources(pod.requests, node)
    if (insufficient.length === 0) return null
    const code = insufficient.some((r) => r.unresolvable) ? Code.UnschedulableAndUnresolvable : Code.Unschedulable
    return newStatus(code, ...insufficient.map((r) => r.reason))
  }

  preScore(): MaybeStatus {
    return null
  }

  score(_state: CycleState, pod: PodInfo, node: NodeInfo): number {
    fillResourceVectors(node, pod.nonZero, this.resources, false, this.requested, this.allocatable)
    return this.scorer(this.requested, this.allocatable, this.weights)
  }

  eventsToRegister(): ClusterEvent[] {
    return ['AssignedPodDelete', 'AssignedPodUpdate', 'NodeAdd', 'NodeAllocatableChange', 'UnscheduledPodUpdate']
  }
}
