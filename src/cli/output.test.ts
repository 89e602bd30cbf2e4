import { describe, expect, it } from 'vitest'
import { CHUNK, ChunkWriter, writeJson } from './output.ts'

/** collect runs writeJson through a ChunkWriter and keeps every chunk the sink received. */
function collect(value: unknown): { text: string; chunks: string[] } {
  const chunks: string[] = []
  const w = new ChunkWriter((s) => chunks.push(s))
  writeJson(value, (s) => w.write(s))
  w.flush()
  return { text: chunks.join(''), chunks }
}

describe('writeJson', () => {
  it('writes exactly what JSON.stringify(value, null, 2) writes', () => {
    const cases: unknown[] = [
      null, 1, 'a\nb', [], {}, [[]], { a: {} }, { a: [], b: [{}] },
      { u: undefined, f: () => 1, n: null, s: 'x' }, [undefined, () => 1, Symbol('s'), 2],
      { only: undefined }, { d: new Date(0), nested: { deeper: { deepest: { x: [1, { y: 'z' }] } } } },
      { '1': 'numeric keys first', b: 2, '0': 'zero' }, { text: 'quote " backslash \\ esc \x1b' },
      // Values below the streamed depth, stringified where they stand: objects, arrays, empty ones, a Date, a text
      // with a line break, an object whose toJSON gives nothing.
      { a: { b: { c: { d: 'line\nbreak', e: [], f: {}, g: [1, [2, { h: null }]] }, i: [], j: {}, k: new Date(0) } } },
      [[[[{ x: 1 }], []], { y: { z: [true, false] } }]],
      { a: { b: { gone: { toJSON: () => undefined }, kept: 1 } } },
    ]
    for (const c of cases) expect(collect(c).text).toBe(JSON.stringify(c, null, 2))
  })

  it('streams a large array in bounded chunks, never one string of the whole', () => {
    const trace = Array.from({ length: 20_000 }, (_, i) => ({ t: i, lane: 'kubelet', summary: `step ${i}`, details: { n: i, list: [i, i + 1] } }))
    const doc = { kubectl: { stdout: '', stderr: '', exitCode: 0 }, trace }
    const { text, chunks } = collect(doc)
    expect(text).toBe(JSON.stringify(doc, null, 2))
    expect(chunks.length).toBeGreaterThan(10)
    // A chunk is at most CHUNK plus the last piece that crossed it; each piece here is one small trace event.
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(CHUNK + 1024)
  })
})

describe('ChunkWriter', () => {
  it('writes a piece longer than CHUNK on its own and applies the transform per chunk', () => {
    const chunks: string[] = []
    const w = new ChunkWriter((s) => chunks.push(s), (s) => s.toUpperCase())
    w.write('a')
    w.write('b'.repeat(CHUNK))
    w.write('c')
    w.flush()
    expect(chunks).toEqual(['A', 'B'.repeat(CHUNK), 'C'])
  })
})
