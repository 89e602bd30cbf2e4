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
  private readonly images = new WeakMap<PodInfo, string[]>()
  constructor(handle: Handle) {
    this.handle = handle
  }
  score(_state: CycleState, pod: PodInfo, node: NodeInfo): number {
    const total = this.handle.nodeInfos().length
    const images = this.imagesOf(pod)
    let sum = 0
    if (node.imageStates.size > 0) {
      for (const name of images) {
        const st = node.imageStates.get(name)
        if (st) sum += scaledImageScore(st, total)
      }
    }
    return calculatePriority(sum, images.length)
  }

  /** The normalized image name of every init and regular container, computed once per pod, not once per node. */
  private imagesOf(pod: PodInfo): string[] {
    let names = this.images.get(pod)
    if (!names) {
      const containers = [...(pod.pod.spec?.initContainers ?? []), ...(pod.pod.spec?.containers ?? [])]
      names = containers.map((c) => normalizedImageName(c.image ?? ''))
      this.images.set(pod, names)
    }
    return names
  }
}
