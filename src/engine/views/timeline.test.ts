import { describe, expect, it } from 'vitest'
import { KEYFRAME_EVERY, ObjectTimeline } from './timeline.ts'
import type { ChangeStep } from './timeline.ts'
import type { KObject } from '../api/types.ts'

/** A trace of random writes and deletes over a few keys, seeded so a failure can be replayed. */
function randomTrace(n: number, seed: number): ChangeStep[] {
  let s = seed
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  return Array.from({ length: n }, (_, i) => {
    const r = rnd()
    const key = `/registry/pods/default/p${Math.floor(rnd() * 40)}`
    if (r < 0.4) return {}
    if (r < 0.5) return { change: { type: 'DELETED', key } }
    return { change: { type: r < 0.75 ? 'ADDED' : 'MODIFIED', key, after: { metadata: { name: key, resourceVersion: String(i) } } as KObject } }
  })
}

/** The obvious answer: replay every change from the start. */
function naive(initial: Map<string, KObject>, trace: ChangeStep[], index: number): Map<string, KObject> {
  const m = new Map(initial)
  for (let i = 0; i <= index && i < trace.length; i++) {
    const c = trace[i].change
    if (!c) continue
    if (c.type === 'DELETED') m.delete(c.key)
    else if (c.after) m.set(c.key, c.after)
  }
  return m
}

describe('ObjectTimeline', () => {
  const initial = new Map<string, KObject>([['/registry/minions/n1', { metadata: { name: 'n1' } } as KObject]])
  const trace = randomTrace(KEYFRAME_EVERY * 4 + 123, 7)

  it('answers any step in any order exactly as a replay from the start', () => {
    const tl = new ObjectTimeline(initial, trace)
    let s = 3
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const order = [-1, 0, 1, KEYFRAME_EVERY - 1, KEYFRAME_EVERY, trace.length - 1, 5, trace.length + 10, 2 * KEYFRAME_EVERY + 1, 10,
      ...Array.from({ length: 200 }, () => Math.floor(rnd() * trace.length))]
    for (const i of order) expect([...tl.at(i)].sort(), `step ${i}`).toEqual([...naive(initial, trace, i)].sort())
  })

  it('stepping back by one restores the earlier state', () => {
    const tl = new ObjectTimeline(initial, trace)
    for (let i = trace.length - 1; i > trace.length - 1 - 3 * KEYFRAME_EVERY; i -= 97) {
      expect([...tl.at(i)].sort()).toEqual([...naive(initial, trace, i)].sort())
      expect([...tl.at(i - 1)].sort()).toEqual([...naive(initial, trace, i - 1)].sort())
    }
  })

  it('does not change the initial objects it was given', () => {
    const tl = new ObjectTimeline(initial, trace)
    tl.at(trace.length - 1)
    expect([...initial.keys()]).toEqual(['/registry/minions/n1'])
  })
})
