import { describe, expect, it } from 'vitest'
import { Sim, ms, sec } from './kernel.ts'

describe('Sim', () => {
  it('after(delay, fn) runs callbacks in (time, seq) order', () => {
    const sim = new Sim(1)
    const log: string[] = []
    sim.after(ms(5), () => log.push('b@5'))
    sim.after(ms(1), () => log.push('a@1'))
    sim.after(ms(5), () => log.push('c@5 (scheduled after b)'))
    sim.after(0, () => sim.after(ms(1), () => log.push('d@1 (nested)')))
    sim.runUntil(sec(1))
    expect(log).toEqual(['a@1', 'd@1 (nested)', 'b@5', 'c@5 (scheduled after b)'])
  })

  it('runUntil stops before callbacks after the horizon and moves the clock to it', () => {
    const sim = new Sim(1)
    let ran = false
    sim.after(sec(20), () => { ran = true })
    sim.runUntil(sec(10))
    expect(ran).toBe(false)
    expect(sim.now()).toBe(sec(10))
    expect(sim.pending()).toBe(1)
  })

  it('a cancelled timer does not run, and leaves the others in order', () => {
    const sim = new Sim(1)
    const log: string[] = []
    sim.after(ms(1), () => log.push('a'))
    const t = sim.after(ms(2), () => log.push('cancelled'))
    sim.after(ms(3), () => log.push('c'))
    t.cancel()
    sim.runUntil(sec(1))
    expect(log).toEqual(['a', 'c'])
    t.cancel()
    expect(log).toEqual(['a', 'c'])
  })

  it('never schedules into the past', () => {
    const sim = new Sim(1)
    sim.after(ms(10), () => sim.at(0, () => expect(sim.now()).toBe(ms(10))))
    sim.runUntil(sec(1))
  })

  it('keeps a heap order over many random insertions', () => {
    const sim = new Sim(7)
    const times: number[] = []
    for (let i = 0; i < 2000; i++) {
      const d = sim.rng.int(1000)
      sim.after(d, () => times.push(sim.now()))
    }
    sim.runUntil(sec(1))
    expect(times).toHaveLength(2000)
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1])
  })

  it('rfc3339 has second precision and starts at the epoch', () => {
    const sim = new Sim(1, Date.UTC(2026, 0, 1, 12, 0, 0))
    sim.after(sec(1.5), () => {
      expect(sim.rfc3339()).toBe('2026-01-01T12:00:01Z')
      expect(sim.rfc3339Micro()).toBe('2026-01-01T12:00:01.500000Z')
    })
    sim.runUntil(sec(2))
  })

  it('rfc3339 of other instants than now, in any order, is right (the last second is remembered, not assumed)', () => {
    const sim = new Sim(1, Date.UTC(2026, 0, 1, 12, 0, 0))
    expect(sim.rfc3339(sec(61.999))).toBe('2026-01-01T12:01:01Z')
    expect(sim.rfc3339(0)).toBe('2026-01-01T12:00:00Z')
    expect(sim.rfc3339(sec(0.999999))).toBe('2026-01-01T12:00:00Z')
    expect(sim.rfc3339(sec(1))).toBe('2026-01-01T12:00:01Z')
    expect(sim.rfc3339(sec(3600 * 24))).toBe('2026-01-02T12:00:00Z')
    expect(sim.rfc3339()).toBe('2026-01-01T12:00:00Z')
  })
})
