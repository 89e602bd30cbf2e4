import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { followSelected, useApp } from './store.ts'

describe('followSelected: the panels follow a moving playhead a few times a second', () => {
  let stop: () => void
  beforeEach(() => {
    vi.useFakeTimers()
    useApp.setState({ selected: 0, shown: -1, shownLanes: -1, shownLog: -1 })
    stop = followSelected(250)
  })
  afterEach(() => { stop(); vi.useRealTimers() })

  it('starts at the selected step in every panel', () => {
    const s = useApp.getState()
    expect([s.shown, s.shownLanes, s.shownLog]).toEqual([0, 0, 0])
  })

  it('shows a step after a rest at once (when the browser is next idle), then the nodes and the log one idle period after another', () => {
    useApp.getState().select(7)
    vi.advanceTimersByTime(16)
    expect(useApp.getState().shown).toBe(7)
    expect(useApp.getState().shownLanes).toBe(0)
    expect(useApp.getState().shownLog).toBe(0)
    vi.advanceTimersByTime(16)
    expect(useApp.getState().shownLanes).toBe(7)
    expect(useApp.getState().shownLog).toBe(0)
    vi.advanceTimersByTime(16)
    expect(useApp.getState().shownLog).toBe(7)
  })

  it('follows at most every 250 ms while the playhead keeps moving, and the last step always arrives', () => {
    const shownAt: number[] = []
    const unsubscribe = useApp.subscribe((s, prev) => { if (s.shown !== prev.shown) shownAt.push(s.shown) })
    // One step every 10 ms for a second (a playback), then a rest.
    for (let i = 1; i <= 100; i++) { useApp.getState().select(i); vi.advanceTimersByTime(10) }
    vi.advanceTimersByTime(1000)
    unsubscribe()
    expect(shownAt.length).toBeGreaterThanOrEqual(4)
    expect(shownAt.length).toBeLessThanOrEqual(6)
    expect(shownAt[shownAt.length - 1]).toBe(100)
    const s = useApp.getState()
    expect([s.shown, s.shownLanes, s.shownLog]).toEqual([100, 100, 100])
  })

  it('stops following once unsubscribed', () => {
    stop()
    useApp.getState().select(42)
    vi.advanceTimersByTime(1000)
    expect(useApp.getState().shown).toBe(0)
    stop = () => {}
  })
})

describe('a good shared link opened after a damaged one', () => {
  it('clears the damaged link\'s error message', () => {
    useApp.setState({ error: 'This shared link could not be opened: This scenario link is damaged or incomplete.' })
    useApp.getState().loadScenario({ manifest: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: shared\n', seed: 5 })
    expect(useApp.getState().error).toBeUndefined()
    expect(useApp.getState().text).toContain('name: shared')
  })
})
