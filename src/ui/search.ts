/**
 * partitionPoint: the first index in [0, n) for which `before` is false, where `before` holds for a prefix of the
 * range and fails for the rest (a binary search; the trace and its per-lane lists are in order).
 */
export function partitionPoint(n: number, before: (i: number) => boolean): number {
  let lo = 0
  let hi = n
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (before(mid)) lo = mid + 1
    else hi = mid
  }
  return lo
}
