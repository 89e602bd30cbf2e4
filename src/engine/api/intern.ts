/**
 * intern: one string for equal texts that the trace keeps by the thousand (an admission plugin's note says the same
 * for every pod of a namespace, and each was a string of its own, ~1 MB of a 1,000-pod run). A memo, not state: the
 * string returned is equal to the one given, so nothing a run computes depends on what ran before.
 */
const seen = new Map<string, string>()
/** Past this many texts the memo starts again (notes that name each pod must not grow it for ever). */
const MAX_TEXTS = 10_000

export function intern(s: string): string
export function intern(s: string | undefined): string | undefined
export function intern(s: string | undefined): string | undefined {
  if (s === undefined) return s
  const found = seen.get(s)
  if (found !== undefined) return found
  if (seen.size >= MAX_TEXTS) seen.clear()
  seen.set(s, s)
  return s
}
