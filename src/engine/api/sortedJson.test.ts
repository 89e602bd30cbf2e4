import { describe, expect, it } from 'vitest'
import { sortedJson } from './sortedJson.ts'

describe('sortedJson', () => {
  it('sorts keys by their bytes at every depth and leaves undefined out', () => {
    expect(sortedJson({ b: 1, a: { d: [{ z: 1, y: 'x' }], c: null }, u: undefined, B: true }))
      .toBe('{"B":true,"a":{"c":null,"d":[{"y":"x","z":1}]},"b":1}')
  })

  it('keeps integer-like keys in byte order, not JavaScript\'s numeric one', () => {
    expect(sortedJson({ labels: { 10: 'a', 9: 'b', x: 'c', '01': 'd' } })).toBe('{"labels":{"01":"d","10":"a","9":"b","x":"c"}}')
  })

  it('writes strings, numbers and escapes as JSON does', () => {
    expect(sortedJson({ s: 'a"b\\c\n\u2028é', n: [0, -0, 1.5, 1e21] })).toBe(`{"n":[0,0,1.5,1e+21],"s":${JSON.stringify('a"b\\c\n\u2028é')}}`)
    expect(sortedJson('x')).toBe('"x"')
  })

  it('agrees with writing the sorted value by hand on random objects', () => {
    let seed = 7
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n }
    const value = (depth: number): unknown => {
      const k = rnd(depth > 3 ? 3 : 6)
      if (k === 0) return rnd(100) - 50
      if (k === 1) return ['a', 'Z', 'é', '', '10'][rnd(5)]
      if (k === 2) return [true, false, null][rnd(3)]
      if (k === 3) return Array.from({ length: rnd(4) }, () => value(depth + 1))
      const o: Record<string, unknown> = {}
      for (let i = rnd(5); i > 0; i--) o[['b', 'a', 'A', 'aa', '_', 'x.y', 'a/b'][rnd(7)]] = value(depth + 1)
      return o
    }
    const byHand = (v: unknown): string => {
      if (Array.isArray(v)) return `[${v.map(byHand).join(',')}]`
      if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${byHand((v as Record<string, unknown>)[k])}`).join(',')}}`
      return JSON.stringify(v)
    }
    for (let i = 0; i < 500; i++) {
      const v = value(0)
      expect(sortedJson(v)).toBe(byHand(v))
    }
  })
})
