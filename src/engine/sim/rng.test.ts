import { describe, expect, it } from 'vitest'
import { Rng } from './rng.ts'

describe('Rng', () => {
  it('the same seed gives the same sequence', () => {
    const a = new Rng(42)
    const b = new Rng(42)
    for (let i = 0; i < 100; i++) expect(a.nextU32()).toBe(b.nextU32())
  })

  it('different seeds and forks differ', () => {
    expect(new Rng(1).nextU32()).not.toBe(new Rng(2).nextU32())
    const r = new Rng(1)
    expect(r.fork('scheduler').nextU32()).not.toBe(r.fork('kubelet').nextU32())
    expect(r.fork('scheduler').nextU32()).toBe(new Rng(1).fork('scheduler').nextU32())
  })

  it('int(n) stays in [0, n) and covers the range', () => {
    const r = new Rng(3)
    const seen = new Set<number>()
    for (let i = 0; i < 1000; i++) {
      const v = r.int(7)
      expect(v).toBeGreaterThanOrEqual(0)
      expect(v).toBeLessThan(7)
      seen.add(v)
    }
    expect(seen.size).toBe(7)
  })

  it('uuid() is an RFC 4122 version 4 UUID', () => {
    const r = new Rng(9)
    for (let i = 0; i < 50; i++) expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })

  it('hex(n) and uuid() spell the words drawn, as their plain definitions do', () => {
    // The definitions, written the obvious way: n hex digits from whole words; a UUID from four words.
    const word = (r: Rng) => r.nextU32().toString(16).padStart(8, '0')
    const hex = (r: Rng, n: number) => { let out = ''; while (out.length < n) out += word(r); return out.slice(0, n) }
    const uuid = (r: Rng) => {
      const [a, b] = [word(r), word(r)]
      const c = r.nextU32()
      const d = word(r)
      const cs = c.toString(16).padStart(8, '0')
      return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${(((c >>> 28) & 3) | 8).toString(16)}${cs.slice(1, 4)}-${cs.slice(4)}${d}`
    }
    const [fast, plain] = [new Rng(5), new Rng(5)]
    for (let i = 0; i < 500; i++) {
      const n = [64, 12, 1, 7, 8, 9, 16][i % 7]
      expect(fast.uuid()).toBe(uuid(plain))
      expect(fast.hex(n)).toBe(hex(plain, n))
    }
  })
})
