import { describe, expect, it } from 'vitest'
import { axisTicks, basePositions, buildScale, tickDigits } from './scale.ts'
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

  it('places every step (and where an arrow arrives) as the scale does', () => {
    const pos = basePositions(events, scale)
    events.forEach((e, i) => {
      expect(pos.at[i]).toBeCloseTo(scale(e.t))
      expect(pos.arrive[i]).toBeCloseTo(scale(e.arrive ?? e.t))
    })
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
