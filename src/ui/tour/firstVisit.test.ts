import { describe, expect, it } from 'vitest'
import { shouldAutoShow } from './firstVisit.ts'
import { TOUR_STEPS } from './steps.ts'

const first = { done: null, webdriver: false, search: '', presenter: false }

describe('shouldAutoShow', () => {
  it('shows on a first visit', () => expect(shouldAutoShow(first)).toBe(true))
  it('stays dismissed once done', () => expect(shouldAutoShow({ ...first, done: 'true' })).toBe(false))
  it('never shows in presenter mode', () => expect(shouldAutoShow({ ...first, presenter: true })).toBe(false))
  it('does not show to automation unless ?tour asks', () => {
    expect(shouldAutoShow({ ...first, webdriver: true })).toBe(false)
    expect(shouldAutoShow({ ...first, webdriver: true, search: '?tour' })).toBe(true)
    expect(shouldAutoShow({ ...first, webdriver: true, search: '?x=1&tour=1' })).toBe(true)
  })
  it('?tour does not bring back a dismissed tour', () => {
    expect(shouldAutoShow({ ...first, webdriver: true, search: '?tour', done: 'true' })).toBe(false)
  })
})

describe('TOUR_STEPS', () => {
  it('has 6 to 8 steps, each pointing somewhere, with unique ids', () => {
    expect(TOUR_STEPS.length).toBeGreaterThanOrEqual(6)
    expect(TOUR_STEPS.length).toBeLessThanOrEqual(8)
    expect(new Set(TOUR_STEPS.map((s) => s.id)).size).toBe(TOUR_STEPS.length)
    for (const s of TOUR_STEPS) expect(s.targets.length).toBeGreaterThan(0)
  })
})
