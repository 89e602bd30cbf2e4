import { describe, expect, it } from 'vitest'
import { emptyInbox, planInbox, planStale } from './inbox.ts'
import { STREAM_RENDER_MS } from '../protocol/stream.ts'
import type { TraceEvent } from '../engine/events.ts'
import type { PageMessage } from '../protocol/messages.ts'

const step = (seq: number) => ({ seq, t: seq, type: 'http:Request', lane: 'kubectl', summary: `s${seq}` }) as unknown as TraceEvent
const events = (...seqs: number[]): PageMessage => ({ type: 'events', events: seqs.map(step) })
const progress = (steps: number): PageMessage => ({ type: 'progress', steps, virtualMs: steps })
const seqsOf = (ms: PageMessage[]) => ms.map((m) => (m.type === 'events' ? m.events.map((e) => e.seq) : m.type))

describe('planInbox', () => {
  it('hands the first steps of a run to the store at once', () => {
    const p = planInbox(emptyInbox, [{ type: 'reset' }, events(0, 1)], 5000)
    expect(seqsOf(p.deliver)).toEqual(['reset', [0, 1]])
    expect(p.state.held).toEqual([])
    expect(p.retryInMs).toBeUndefined()
  })

  it('holds later steps until a second has passed, then hands them over together, in order', () => {
    let p = planInbox(emptyInbox, [{ type: 'reset' }, events(0)], 1000)
    p = planInbox(p.state, [events(1, 2), progress(3)], 1150)
    expect(seqsOf(p.deliver)).toEqual(['progress'])
    expect(p.retryInMs).toBe(STREAM_RENDER_MS - 150)
    p = planInbox(p.state, [events(3)], 1300)
    expect(p.deliver).toEqual([])
    p = planInbox(p.state, [], 1000 + STREAM_RENDER_MS)
    expect(seqsOf(p.deliver)).toEqual([[1, 2, 3]])
    expect(p.retryInMs).toBeUndefined()
  })

  it('never lets a done, an error or an answer overtake the steps before it', () => {
    let p = planInbox(emptyInbox, [{ type: 'reset' }, events(0)], 0)
    p = planInbox(p.state, [events(1), { type: 'error', message: 'x' }], 10)
    expect(seqsOf(p.deliver)).toEqual([[1], 'error'])
    p = planInbox(p.state, [events(2)], 20)
    const done = { type: 'done' } as unknown as PageMessage
    p = planInbox(p.state, [events(3), done], 30)
    expect(seqsOf(p.deliver)).toEqual([[2, 3], 'done'])
    expect(p.state.held).toEqual([])
  })

  it('drops the steps a reset replaces and starts the new run at once', () => {
    let p = planInbox(emptyInbox, [{ type: 'reset' }, events(0)], 0)
    p = planInbox(p.state, [events(1)], 10)
    p = planInbox(p.state, [{ type: 'reset' }, events(0)], 20)
    expect(seqsOf(p.deliver)).toEqual(['reset', [0]])
  })
})

describe('planStale', () => {
  it('keeps only the error of a stopped worker: its steps, progress and end never reach the next run', () => {
    const done = { type: 'done' } as unknown as PageMessage
    const error: PageMessage = { type: 'error', message: 'The simulation worker stopped', fatal: true }
    expect(planStale([events(5, 6), progress(7), done, error])).toEqual([error])
    expect(planStale([events(1)])).toEqual([])
  })
})
