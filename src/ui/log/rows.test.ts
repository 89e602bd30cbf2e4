import { describe, expect, it } from 'vitest'
import { buildRows } from './rows.ts'
import type { Story } from '../../engine/story/index.ts'

/** A story of two chapters over six steps: 0 b, 1 p | 2 p, 3 b, 4 p | back in chapter 0: 5 b */
const story: Story = {
  chapters: [
    { id: 0, pod: 'default/a', stage: 1, kind: 'manifest', occurrence: 1, steps: [0, 1, 5], start: 0, end: 5, beats: [0, 5], outcome: 'ok' },
    { id: 1, pod: 'default/a', stage: 2, kind: 'request', occurrence: 1, steps: [2, 3, 4], start: 2, end: 4, beats: [3], outcome: 'ok' },
  ],
  chapterOf: Int32Array.from([0, 0, 1, 1, 1, 0]),
  beat: Uint8Array.from([1, 0, 0, 1, 0, 1]),
  pods: ['default/a'],
}

describe('buildRows', () => {
  it('without a story: one row per step', () => {
    const { rows, rowOf } = buildRows(3, undefined, true)
    expect(rows).toEqual([{ step: 0, folded: 0 }, { step: 1, folded: 0 }, { step: 2, folded: 0 }])
    expect([...rowOf]).toEqual([0, 1, 2])
  })

  it('unfolded: a heading wherever the chapter changes, marked when a chapter comes back', () => {
    const { rows, rowOf } = buildRows(6, story, false)
    expect(rows).toEqual([
      { chapter: 0, again: false }, { step: 0, folded: 0 }, { step: 1, folded: 0 },
      { chapter: 1, again: false }, { step: 2, folded: 0 }, { step: 3, folded: 0 }, { step: 4, folded: 0 },
      { chapter: 0, again: true }, { step: 5, folded: 0 },
    ])
    expect([...rowOf]).toEqual([1, 2, 4, 5, 6, 8])
  })

  it('folded: plumbing goes under the beat before it in its chapter, or under the heading when none came yet', () => {
    const { rows, rowOf } = buildRows(6, story, true)
    expect(rows).toEqual([
      { chapter: 0, again: false }, { step: 0, folded: 1 },
      { chapter: 1, again: false }, { step: 3, folded: 1 },
      { chapter: 0, again: true }, { step: 5, folded: 0 },
    ])
    // Step 2 (plumbing before its chapter's first beat) is shown by the heading of chapter 1.
    expect([...rowOf]).toEqual([1, 1, 2, 3, 3, 5])
  })
})

describe('buildRows with a focus', () => {
  it('lists only the steps kept, unfolded, with their chapters\' headings; a hidden step maps to the row before', () => {
    const keep = Uint8Array.from([0, 1, 0, 0, 1, 1])
    const { rows, rowOf } = buildRows(6, story, true, keep)
    expect(rows).toEqual([
      { chapter: 0, again: false }, { step: 1, folded: 0 },
      { chapter: 1, again: false }, { step: 4, folded: 0 },
      { chapter: 0, again: true }, { step: 5, folded: 0 },
    ])
    expect([...rowOf]).toEqual([-1, 1, 1, 1, 3, 5])
  })
  it('without a story: the kept steps only', () => {
    const { rows } = buildRows(3, undefined, false, Uint8Array.from([1, 0, 1]))
    expect(rows).toEqual([{ step: 0, folded: 0 }, { step: 2, folded: 0 }])
  })
})
