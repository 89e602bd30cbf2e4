import { describe, expect, it } from 'vitest'
import { axisTicks, basePositions, buildScale, piecewise, tickDigits } from './scale.ts'
import type { TraceEvent } from '../../engine/events.ts'

const ev = (t: number, arrive?: number): TraceEvent => ({ seq: t, t, lane: 'kubectl', type: 'kubectl:Step', summary: '', explain: '', outcome: 'ok', ...(arrive === undefined ? {} : { arrive }) }) as unknown as TraceEvent

describe('the lanes\' time axis', () => {
  // Two busy stretches of 20 ms, 5 s apart: the idle time between them is compressed into a gap.
  const events = [ev(0), ev(10_000, 12_000), ev(20_000), ev(5_020_000), ev(5_040_000)]
  const { scale, gaps, width } = buildScale(events)

  it('compresses idle time longer than 40 ms into one gap', () => {
    expect(gaps).toHaveLength(1)
    expect(gaps[0]).toMatchObject({ from: 20_000, to: 5_020_000 })
    // 20 ms busy at 18 px/ms, a 34 px gap, 20 ms busy.
    expect(width).toBeCloseTo(20 * 18 + 34 + 20 * 18)
  })

  it('places every step (and where an arrow arrives) exactly where the scale does', () => {
    const pos = basePositions(events, scale)
    events.forEach((e, i) => {
      expect(pos.at[i]).toBe(scale(e.t))
      expect(pos.arrive[i]).toBe(scale(e.arrive ?? e.t))
    })
  })

  it('maps any time as the d3 scale does, to the last bit, in long traces with many gaps and outside the domain', () => {
    let x = 12345
    const rand = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let round = 0; round < 20; round++) {
      const steps: TraceEvent[] = []
      let t = Math.floor(rand() * 1e6)
      for (let i = 0; i < 300; i++) {
        t += rand() < 0.1 ? Math.floor(rand() * 3e6) : Math.floor(rand() * 30_000)
        steps.push(ev(t, rand() < 0.3 ? t + Math.floor(rand() * 200_000) : undefined))
      }
      const s = buildScale(steps).scale
      const place = piecewise(s.domain(), s.range())
      const [lo, hi] = [s.domain()[0], s.domain().at(-1) ?? 0]
      for (let k = 0; k < 500; k++) {
        const v = lo - 1e5 + rand() * (hi - lo + 2e5)
        expect(place(v)).toBe(s(v))
      }
      for (const d of s.domain()) expect(place(d)).toBe(s(d))
    }
    // A trace of one moment: a domain of two equal-looking ends still maps as the scale does.
    const one = buildScale([ev(5), ev(5)]).scale
    expect(piecewise(one.domain(), one.range())(5)).toBe(one(5))
  })

  it('puts ticks only in view and only in busy stretches, more when zoomed in', () => {
    const view = { k: 1, x: 0 }
    const ticks = axisTicks(scale, gaps, view, width)
    expect(ticks.length).toBeGreaterThan(2)
    for (const t of ticks) {
      expect(t > gaps[0].from && t < gaps[0].to).toBe(false)
      const px = scale(t) * view.k + view.x
      expect(px).toBeGreaterThanOrEqual(-0.5)
      expect(px).toBeLessThanOrEqual(width + 0.5)
    }
    const zoomed = axisTicks(scale, gaps, { k: 8, x: 0 }, width)
    expect(zoomed.every((t) => t <= 20_000)).toBe(true)
    expect(zoomed.length).toBeGreaterThan(ticks.filter((t) => t <= 20_000).length)
  })

  it('labels ticks with enough decimals that neighbours differ', () => {
    expect(tickDigits([0, 1000, 2000])).toBe(3)
    expect(tickDigits([0, 200, 400])).toBe(4)
    expect(tickDigits([0, 20, 40])).toBe(5)
    expect(tickDigits([0, 1])).toBe(6)
    expect(tickDigits([5])).toBe(3)
  })
})
