/**
 * Playback of the trace in virtual time: a requestAnimationFrame loop advances a playhead at the chosen speed and
 * selects the last event at or before it. "Instant" jumps to the end. Whether it plays and how fast live in the
 * store, so starting or pausing re-renders only the controls and what asks for them, not the whole app; the
 * playhead lives in a ref, so only the selected step changes per frame.
 */
import { useEffect, useRef } from 'react'
import { useApp } from './store.ts'

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, Infinity] as const
export type Speed = (typeof SPEEDS)[number]

export const play = () => useApp.getState().setPlaying(true)
export const pause = () => useApp.getState().setPlaying(false)
export const togglePlay = () => useApp.getState().setPlaying(!useApp.getState().playing)

/** Runs the playback loop while the store says `playing`; mount it once. */
export function usePlaybackLoop(): void {
  const playing = useApp((s) => s.playing)
  const speed = useApp((s) => s.speed)
  const playhead = useRef(0)
  useEffect(() => {
    if (!playing) return
    const { events, selected, select, setPlaying } = useApp.getState()
    if (events.length === 0) { setPlaying(false); return }
    if (speed === Infinity) { select(events.length - 1); setPlaying(false); return }
    const start = selected >= events.length - 1 ? 0 : Math.max(selected, 0)
    if (start === 0) select(0)
    playhead.current = events[start].t
    let last = performance.now()
    let frame = requestAnimationFrame(function tick(now) {
      const s = useApp.getState()
      playhead.current += (now - last) * 1000 * speed
      last = now
      let i = Math.max(s.selected, 0)
      while (i + 1 < s.events.length && s.events[i + 1].t <= playhead.current) i++
      if (i !== s.selected) s.select(i)
      if (i >= s.events.length - 1) { s.setPlaying(false); return }
      frame = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(frame)
  }, [playing, speed])
}
