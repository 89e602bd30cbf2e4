/**
 * Shared plugin helpers. Mirrors: pkg/scheduler/framework/plugins/helper/normalize_score.go (DefaultNormalizeScore)
 * and helper/shape_score.go (BuildBrokenLinearFunction).
 */
import { MAX_NODE_SCORE } from '../framework/status.ts'
import type { Toleration } from '../../api/types.ts'
import { tolerates } from '../../api/taints.ts'
import type { NodeInfo, PodInfo } from '../framework/types.ts'
import { nodeSelectorTermMatches } from '../framework/types.ts'

/** defaultNormalizeScore scales scores to 0..max by the largest one (integer division); reverse flips them. */
export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: number[]): null {
  let maxCount = 0
  for (const s of scores) if (s > maxCount) maxCount = s
  if (maxCount === 0) {
    if (reverse) for (let i = 0; i < scores.length; i++) scores[i] = maxPriority
    return null
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.trunc((maxPriority * scores[i]) / maxCount)
    if (reverse) s = maxPriority - s
    scores[i] = s
  }
  return null
}

export const normalize100 = (reverse: boolean, scores: number[]) => defaultNormalizeScore(MAX_NODE_SCORE, reverse, scores)

/** FunctionShapePoint and the broken-linear function over utilization 0..100 (integer arithmetic). */
export interface ShapePoint { utilization: number; score: number }
export function brokenLinear(shape: ShapePoint[]): (p: number) => number {
  return (p: number) => {
    for (let i = 0; i < shape.length; i++) {
      if (p <= shape[i].utilization) {
        if (i === 0) return shape[0].score
        return shape[i - 1].score + Math.trunc(((shape[i].score - shape[i - 1].score) * (p - shape[i - 1].utilization)) / (shape[i].utilization - shape[i - 1].utilization))
      }
    }
    return shape[shape.length - 1].score
  }
}

export const tolerationsTolerate = (tols: Toleration[] | undefined, key: string, effect: string): boolean =>
  (tols ?? []).some((t) => tolerates(t, { key, effect }))

/**
 * requiredNodeAffinityMatches is nodeaffinity.GetRequiredNodeAffinity(pod).Match(node): the nodeSelector map and
 * the required node affinity terms (ORed) both hold.
 */
export function requiredNodeAffinityMatches(pod: PodInfo, node: NodeInfo): boolean {
  const sel = pod.pod.spec?.nodeSelector
  if (sel) for (const k in sel) if (node.labels[k] !== sel[k]) return false
  const req = pod.pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
  if (!req) return true
  for (const t of req.nodeSelectorTerms ?? []) if (nodeSelectorTermMatches(t, node)) return true
  return false
}
