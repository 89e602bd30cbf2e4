/**
 * Playback of the trace in virtual time: a requestAnimationFrame loop advances a playhead at the chosen speed and
 * selects the last event at or before it. "Instant" jumps to the end. The playhead lives in a ref, not in React
 * state, so only the selected step changes per frame.
 */
import { useEffect, useRef, useState } from 'react'
import { useApp } from './store.ts'

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, Infinity] as const
export type Speed = (typeof SPEEDS)[number]

export function usePlayback(): { playing: boolean; speed: Speed; setSpeed(s: Speed): void; play(): void; pause(): void } {
  const [playing, setPlaying] = useState(false)
  const [speed, setSpeed] = useState<Speed>(1)
  const playhead = useRef(0)
  useEffect(() => {
    if (!playing) return
    const { events, selected } = useApp.getState()
    if (events.length === 0) { setPlaying(false); return }
    if (speed === Infinity) { useApp.getState().select(events.length - 1); setPlaying(false); return }
    const start = selected >= events.length - 1 ? 0 : Math.max(selected, 0)
    if (start === 0) useApp.getState().select(0)
    playhead.current = events[start].t
    let last = performance.now()
    let frame = requestAnimationFrame(function tick(now) {
      const s = useApp.getState()
      playhead.current += (now - last) * 1000 * speed
      last = now
      let i = Math.max(s.selected, 0)
      while (i + 1 < s.events.length && s.events[i + 1].t <= playhead.current) i++
      if (i !== s.selected) s.select(i)
      if (i >= s.events.length - 1) { setPlaying(false); return }
      frame = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(frame)
  }, [playing, speed])
  return { playing, speed, setSpeed, play: () => setPlaying(true), pause: () => setPlaying(false) }
}
