import { describe, expect, it } from 'vitest'
import { jsonLengthBound } from './bodyLimit.ts'

describe('jsonLengthBound', () => {
  it('is never below the JSON length', () => {
    const samples: unknown[] = [
      {}, [], '', 'a"b\\c\n\u0001é😀', -1.2345678901234567e-308, Number.MAX_VALUE, true, false, null,
      { a: undefined, b: [undefined, null, 1], 'k"\n': { deep: ['x', { y: 'z' }] } },
      {
        apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } },
        spec: { containers: [{ name: 'c', image: 'nginx' }] },
      },
    ]
    for (const s of samples) expect(jsonLengthBound(s, Infinity)).toBeGreaterThanOrEqual(JSON.stringify(s)?.length ?? 0)
  })

  it('stops counting once past the limit', () => {
    const big = { items: Array.from({ length: 1000 }, (_, i) => ({ name: `item-${i}` })) }
    expect(jsonLengthBound(big, 100)).toBeLessThan(200)
    expect(jsonLengthBound(big, 100)).toBeGreaterThan(100)
  })
})
