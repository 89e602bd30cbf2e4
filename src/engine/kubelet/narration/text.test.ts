import { describe, expect, it } from 'vitest'
import { Rng } from '../../sim/rng.ts'
import { brief } from './text.ts'

/** What brief wrote before it stopped writing at 61 characters. */
function reference(req: object): string {
  const s = JSON.stringify(req)
  return s.length > 60 ? `${s.slice(0, 57)}...` : s
}

/** A random JSON-ish value: nested objects and arrays, strings needing escapes, undefined members, numbers. */
function value(r: Rng, depth: number): unknown {
  const pick = r.int(depth > 3 ? 6 : 8)
  if (pick === 0) return r.string(r.int(30), 'ab"\\\n é/')
  if (pick === 1) return r.int(3) === 0 ? -r.float() * 1e6 : r.int(100000)
  if (pick === 2) return r.int(2) === 0
  if (pick === 3) return null
  if (pick === 4) return undefined
  if (pick === 5) return r.int(2) === 0 ? Number.NaN : r.string(r.int(70), 'xyz')
  if (pick === 6) return Array.from({ length: r.int(5) }, () => value(r, depth + 1))
  const o: Record<string, unknown> = {}
  for (let i = r.int(5); i > 0; i--) o[r.string(1 + r.int(8), 'kq"ey')] = value(r, depth + 1)
  return o
}

describe('brief', () => {
  it('is JSON.stringify cut at 60 characters', () => {
    expect(brief({ podSandboxId: 'a'.repeat(64) })).toBe(reference({ podSandboxId: 'a'.repeat(64) }))
    expect(brief({ image: { image: 'nginx:1.27' } })).toBe('{"image":{"image":"nginx:1.27"}}')
    expect(brief({ a: undefined, b: [undefined, 1], c: { toJSON: () => 'x' } })).toBe('{"b":[null,1],"c":"x"}')
    expect(brief({})).toBe('{}')
    const r = new Rng(17)
    for (let i = 0; i < 5000; i++) {
      const v = { req: value(r, 0), more: value(r, 0) }
      expect(brief(v)).toBe(reference(v))
    }
  })
})
