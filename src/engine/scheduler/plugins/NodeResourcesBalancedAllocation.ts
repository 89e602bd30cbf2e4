/**
 * NodeResourcesBalancedAllocation: prefers nodes whose cpu and memory would be used in equal fractions.
 * v1.35 formula: (1 − std of the fractions) × 100, fractions capped at 1, actual requests (no 100m/200Mi defaults);
 * PreScore Skip for best-effort pods. Mirrors: plugins/noderesources/balanced_allocation.go.
 */
import type { ClusterEvent, EnqueueExtensions, PreScorePlugin, ScorePlugin } from '../framework/interface.ts'
import type { CycleState } from '../framework/cycleState.ts'
import { Code, MAX_NODE_SCORE, newStatus } from '../framework/status.ts'
import type { MaybeStatus } from '../framework/status.ts'
import type { NodeInfo, PodInfo, Resource } from '../framework/types.ts'
import { DEFAULT_RESOURCES, fillResourceVectors } from './NodeResourcesFit.ts'
import type { ResourceSpec } from './NodeResourcesFit.ts'

export const NAME = 'NodeResourcesBalancedAllocation'

export function balancedResourceScorer(requested: number[], allocatable: number[]): number {
  const fractions: number[] = []
  let total = 0
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue
    let f = requested[i] / allocatable[i]
    if (f > 1) f = 1
    total += f
    fractions.push(f)
  }
  let std = 0
  if (fractions.length === 2) {
    std = Math.abs((fractions[0] - fractions[1]) / 2)
  } else if (fractions.length > 2) {
    const mean = total / fractions.length
    let sum = 0
    for (const f of fractions) sum += (f - mean) * (f - mean)
    std = Math.sqrt(sum / fractions.length)
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE)
}

/**
 * balancedScore is balancedResourceScorer without the fractions array: the two-resource case (the default) is
 * computed directly with the same floating-point operations in the same order; other counts take the general path.
 */
function balancedScore(requested: number[], allocatable: number[]): number {
  let f0 = -1
  let f1 = -1
  let n = 0
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue
    let f = requested[i] / allocatable[i]
    if (f > 1) f = 1
    if (n === 0) f0 = f
    else if (n === 1) f1 = f
    n++
  }
  if (n > 2) return balancedResourceScorer(requested, allocatable)
  const std = n === 2 ? Math.abs((f0 - f1) / 2) : 0
  return Math.trunc((1 - std) * MAX_NODE_SCORE)
}

export class NodeResourcesBalancedAllocation implements PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = NAME
  readonly resources: ResourceSpec[]
  /** Scratch vectors for Score (one node at a time). */
  private readonly requested: number[]
  private readonly allocatable: number[]
  constructor(args?: { resources?: ResourceSpec[] }) {
    this.resources = args?.resources && args.resources.length > 0 ? args.resources : DEFAULT_RESOURCES
    this.requested = this.resources.map(() => 0)
    this.allocatable = this.resources.map(() => 0)
  }
  preScore(_state: CycleState, pod: PodInfo): MaybeStatus {
    // isBestEffortPod: the pod requests none of the configured resources.
    const bestEffort = this.resources.every((res) => resourceQuantity(pod.requests, res.name) === 0)
    return bestEffort ? newStatus(Code.Skip) : null
  }
  score(_state: CycleState, pod: PodInfo, node: NodeInfo): number {
    fillResourceVectors(node, pod.requests, this.resources, true, this.requested, this.allocatable)
    return balancedScore(this.requested, this.allocatable)
  }
  eventsToRegister(): ClusterEvent[] {
    return ['AssignedPodDelete', 'NodeAdd', 'NodeAllocatableChange']
  }
}

function resourceQuantity(r: Resource, name: string): number {
  switch (name) {
    case 'cpu': return r.milliCPU
    case 'memory': return r.memory
    case 'ephemeral-storage': return r.ephemeralStorage
    default: return r.scalar.get(name) ?? 0
  }
}
