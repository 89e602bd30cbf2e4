/**
 * Mirrors controller.ComputeHash (pkg/controller/controller_utils.go), hash/fnv's 32-bit FNV-1a and
 * rand.SafeEncodeString (k8s.io/apimachinery/pkg/util/rand).
 *
 * Simplified: upstream feeds fnv32a a spew dump of the Go PodTemplateSpec (hashutil.DeepHashObject), which cannot
 * be reproduced outside Go. We hash a canonical JSON of the template (keys sorted, empty values dropped) instead,
 * so hashes differ from a real cluster's, but the steps after it are upstream's: the collisionCount bytes, the
 * decimal rendering of the uint32 and SafeEncodeString's alphabet, so names keep their real length and alphabet.
 */
import type { PodTemplateSpec } from '../../api/types.ts'

const fnv32Offset = 0x811c9dc5
const fnv32Prime = 0x01000193

/** fnv32a is hash/fnv New32a: returns the running hash after bytes, starting from `seed` (the offset basis). */
export function fnv32a(bytes: Uint8Array, seed = fnv32Offset): number {
  let h = seed >>> 0
  for (const b of bytes) {
    h ^= b
    h = Math.imul(h, fnv32Prime) >>> 0
  }
  return h >>> 0
}

/** utf8 encodes a string (the engine has no TextEncoder: no host globals). */
export function utf8(s: string): Uint8Array {
  const out: number[] = []
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f))
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f))
  }
  return Uint8Array.from(out)
}

/** alphanums is SafeEncodeString's alphabet: no vowels (no words) and no 0, 1, 3 (look like o, l, e). */
export const alphanums = 'bcdfghjklmnpqrstvwxz2456789'

/** safeEncodeString maps each byte of s to alphanums[byte % 27]. */
export function safeEncodeString(s: string): string {
  let out = ''
  for (const b of utf8(s)) out += alphanums[b % alphanums.length]
  return out
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical)
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(v).sort()) {
      const c = canonical(new Map(Object.entries(v)).get(k))
      if (c === undefined) continue
      if (Array.isArray(c) && c.length === 0) continue
      if (c !== null && typeof c === 'object' && Object.keys(c).length === 0) continue
      out[k] = c
    }
    return out
  }
  return v
}

/** canonicalJSON renders a value with sorted keys and without absent or empty fields. */
export function canonicalJSON(v: unknown): string {
  return JSON.stringify(canonical(v)) ?? ''
}

/**
 * computeHash is controller.ComputeHash: the pod-template-hash of a template, with the Deployment's
 * status.collisionCount mixed in (as 8 little-endian bytes, the last four zero) when set.
 */
export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  let h = fnv32a(utf8(canonicalJSON(template)))
  if (collisionCount !== undefined) {
    const bytes = new Uint8Array(8)
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true)
    h = fnv32a(bytes, h)
  }
  return safeEncodeString(String(h))
}
