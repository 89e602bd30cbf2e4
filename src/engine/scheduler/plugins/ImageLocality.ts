/**
 * ImageLocality: prefers nodes that already have the pod's images, weighted by image size and by how many
 * nodes have them (spread). Image names match node.status.images[].names exactly, after adding ":latest" to an
 * untagged name. Mirrors: plugins/imagelocality/image_locality.go.
 */
import type { Handle, ScorePlugin } from '../framework/interface.ts'
import type { CycleState } from '../framework/cycleState.ts'
import { MAX_NODE_SCORE } from '../framework/status.ts'
import type { ImageState, NodeInfo, PodInfo } from '../framework/types.ts'

export const NAME = 'ImageLocality'
const MB = 1024 * 1024
export const MIN_THRESHOLD = 23 * MB
export const MAX_CONTAINER_THRESHOLD = 1000 * MB

export function normalizedImageName(name: string): string {
  if (name.lastIndexOf(':') <= name.lastIndexOf('/')) return name + ':latest'
  return name
}

/** scaledImageScore: the image size times the fraction of nodes that have it, truncated. */
export function scaledImageScore(state: ImageState, totalNumNodes: number): number {
  const spread = state.nodes.size / totalNumNodes
  return Math.trunc(state.size * spread)
}

export function calculatePriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers
  if (sumScores < MIN_THRESHOLD) sumScores = MIN_THRESHOLD
  else if (sumScores > maxThreshold) sumScores = maxThreshold
  return Math.trunc((MAX_NODE_SCORE * (sumScores - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD))
}

export class ImageLocality implements ScorePlugin {
  readonly name = NAME
  private readonly handle: Handle
  constructor(handle: Handle) {
    this.handle = handle
  }
  score(_state: CycleState, pod: PodInfo, node: NodeInfo): number {
    const total = this.handle.nodeInfos().length
    const containers = [...(pod.pod.spec?.initContainers ?? []), ...(pod.pod.spec?.containers ?? [])]
    let sum = 0
    for (const c of containers) {
      const st = node.imageStates.get(normalizedImageName(c.image ?? ''))
      if (st) sum += scaledImageScore(st, total)
    }
    return calculatePriority(sum, containers.length)
  }
}
