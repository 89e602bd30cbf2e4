/**
 * fnv32a against the published FNV-1a 32-bit test vectors (Fowler/Noll/Vo test suite, as used by Go's
 * hash/fnv fnv_test.go golden32a); safeEncodeString against k8s.io/apimachinery/pkg/util/rand's alphabet rule;
 * computeHash's shape and sensitivity in the spirit of pkg/controller/deployment/util/hash_test.go
 * (TestPodTemplateSpecHash: distinct templates give distinct hashes).
 */
import { describe, expect, it } from 'vitest'
import type { PodTemplateSpec } from '../../api/types.ts'
import { alphanums, canonicalJSON, computeHash, fnv32a, safeEncodeString, utf8 } from './hash.ts'

describe('fnv32a', () => {
  // hash/fnv fnv_test.go golden32a.
  const golden: Array<[string, number]> = [
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['ab', 0x4d2505ca],
    ['abc', 0x1a47e90b],
    ['foobar', 0xbf9cf968],
  ]
  for (const [input, sum] of golden) {
    it(`fnv32a(${JSON.stringify(input)}) = 0x${sum.toString(16)}`, () => expect(fnv32a(utf8(input))).toBe(sum))
  }
  it('continues a running hash like Write after Write', () => {
    expect(fnv32a(utf8('bar'), fnv32a(utf8('foo')))).toBe(fnv32a(utf8('foobar')))
  })
})

describe('safeEncodeString', () => {
  it('maps each byte to alphanums[byte % 27]', () => {
    // '0' is byte 48 → 48 % 27 = 21 → '4'; '9' is 57 → 3 → 'f'.
    expect(safeEncodeString('0')).toBe('4')
    expect(safeEncodeString('9')).toBe('f')
    expect(safeEncodeString('1234567890')).toBe('56789bcdf4')
  })
  it('uses the 27-letter alphabet without vowels and 0, 1, 3', () => {
    expect(alphanums).toBe('bcdfghjklmnpqrstvwxz2456789')
  })
})

describe('computeHash', () => {
  const template = (image: string): PodTemplateSpec => ({
    metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] },
  })
  it('looks like a real pod-template-hash: up to 10 characters of the safe alphabet', () => {
    expect(computeHash(template('nginx:1.27'))).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/)
  })
  it('is deterministic and independent of key order', () => {
    const a: PodTemplateSpec = { spec: { containers: [{ name: 'n', image: 'i' }] },
      metadata: { labels: { app: 'web' } } }
    const b: PodTemplateSpec = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ image: 'i',
      name: 'n' }] } }
    expect(computeHash(a)).toBe(computeHash(b))
    expect(canonicalJSON(a)).toBe(canonicalJSON(b))
  })
  it('differs for different templates (TestPodTemplateSpecHash)', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 50; i++) seen.add(computeHash(template(`nginx:1.${i}`)))
    expect(seen.size).toBe(50)
  })
  it('mixes in collisionCount, and 0 differs from unset', () => {
    const t = template('nginx:1.27')
    expect(computeHash(t, 0)).not.toBe(computeHash(t))
    expect(computeHash(t, 1)).not.toBe(computeHash(t, 0))
    expect(computeHash(t, 1)).toBe(computeHash(t, 1))
  })
})
