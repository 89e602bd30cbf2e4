/**
 * podKey: a pod's "namespace/name", the string every step about the pod carries, one string per pod.
 *
 * Why: the trace keeps every step, and each of a pod's ~126 steps named it with a string of its own, made by a
 * template (V8 keeps `ns + "/" + name` of 13 characters or more as a 32-byte cons string over a new "ns/"):
 * ~5 MB of a 1,000-pod run's heap, copied by every young collection. A memo, not state: the same arguments give an
 * equal string whether it is found or made, so nothing a run computes depends on what ran before.
 */
const byNamespace = new Map<string, Map<string, string>>()
let size = 0
/** Past this many names the memo starts again (a long session of generated names must not grow it for ever). */
const MAX_KEYS = 200_000

/** podKey is `${namespace}/${name}`, the same string (the same object) for the same pod. */
export function podKey(namespace: string | undefined, name: string | undefined): string {
  const ns = `${namespace}`
  const n = `${name}`
  let names = byNamespace.get(ns)
  if (!names) byNamespace.set(ns, (names = new Map()))
  let key = names.get(n)
  if (key === undefined) {
    if (++size > MAX_KEYS) {
      byNamespace.clear()
      size = 1
      byNamespace.set(ns, (names = new Map()))
    }
    names.set(n, (key = `${ns}/${n}`))
  }
  return key
}
