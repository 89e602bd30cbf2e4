/**
 * Toleration matching. Mirrors: staging/src/k8s.io/api/core/v1/toleration.go ToleratesTaint
 * (empty effect matches all effects; empty key with Exists matches every taint; Equal compares values).
 */
import type { Taint, Toleration } from './types.ts'

export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false
  if (!t.key) return t.operator === 'Exists'
  if (t.key !== taint.key) return false
  return t.operator === 'Exists' || (t.value ?? '') === (taint.value ?? '')
}

/** untolerated returns the taints with one of `effects` that no toleration tolerates. */
export function untolerated(taints: Taint[] | undefined, tolerations: Toleration[] | undefined, effects: string[]): Taint[] {
  return (taints ?? []).filter((t) => effects.includes(t.effect) && !(tolerations ?? []).some((x) => tolerates(x, t)))
}
