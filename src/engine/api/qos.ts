/**
 * getPodQOS: Guaranteed, Burstable or BestEffort.
 * Mirrors: kubernetes/kubernetes pkg/apis/core/v1/helper/qos/qos.go (cpu and memory only; every container,
 * init containers included, must have equal requests and limits for both to be Guaranteed).
 * Simplified: pod-level resources (spec.resources) are not considered.
 */
import { parseQuantity } from './quantity.ts'
import type { Pod } from './types.ts'

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort'

const SUPPORTED = ['cpu', 'memory']

export function getPodQOS(pod: Pod): QOSClass {
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]
  const requests = new Map<string, bigint>()
  const limits = new Map<string, bigint>()
  let guaranteed = true
  for (const c of containers) {
    const seenLimits = new Set<string>()
    for (const [name, q] of Object.entries(c.resources?.requests ?? {})) {
      const v = parseQuantity(q)
      if (!SUPPORTED.includes(name) || !v || v.nano === 0n) continue
      requests.set(name, (requests.get(name) ?? 0n) + v.nano)
    }
    for (const [name, q] of Object.entries(c.resources?.limits ?? {})) {
      const v = parseQuantity(q)
      if (!SUPPORTED.includes(name) || !v || v.nano === 0n) continue
      seenLimits.add(name)
      limits.set(name, (limits.get(name) ?? 0n) + v.nano)
    }
    if (seenLimits.size !== SUPPORTED.length) guaranteed = false
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort'
  if (guaranteed) {
    for (const [name, r] of requests) if (limits.get(name) !== r) { guaranteed = false; break }
  }
  return guaranteed && limits.size === SUPPORTED.length ? 'Guaranteed' : 'Burstable'
}
