/** Play, Pause and the speed; Step back and forward; the timeline slider. */
import type { TraceEvent } from '../../engine/events.ts'
import { useApp } from '../../app/store.ts'
import { SPEEDS, pause, play, usePlaybackLoop } from '../../app/usePlayback.ts'
import type { Speed } from '../../app/usePlayback.ts'
import { fmtTime } from '../format.ts'

/** Play or Pause, and the speed; runs the playback loop. Playing re-renders these, not the app. */
export function PlayControls({ canPlay }: { canPlay: boolean }) {
  usePlaybackLoop()
  const playing = useApp((s) => s.playing)
  const speed = useApp((s) => s.speed)
  const setSpeed = useApp((s) => s.setSpeed)
  return (
    <>
      {playing
        ? <button type="button" onClick={pause}>Pause</button>
        : <button type="button" onClick={play} disabled={!canPlay}>Play</button>}
      <label className="speed">Speed{' '}
        <select value={String(speed)} onChange={(e) => setSpeed(Number(e.target.value) as Speed)}>
          {SPEEDS.map((sp) => <option key={sp} value={String(sp)}>{sp === Infinity ? 'instant' : `${sp}×`}</option>)}
        </select>
      </label>
    </>
  )
}

export function StepButtons({ count }: { count: number }) {
  const selected = useApp((s) => s.selected)
  const select = useApp((s) => s.select)
  return (
    <>
      <button type="button" onClick={() => select(Math.max(useApp.getState().selected - 1, 0))} disabled={selected <= 0}>Step back</button>
      <button type="button" onClick={() => select(Math.min(useApp.getState().selected + 1, count - 1))} disabled={selected >= count - 1}>Step forward</button>
    </>
  )
}

export function Timeline({ events, t0 }: { events: TraceEvent[]; t0: number }) {
  const selected = useApp((s) => s.selected)
  const select = useApp((s) => s.select)
  const e = events[selected]
  return (
    <label className="scrub">Timeline{' '}
      <input type="range" min={0} max={events.length - 1} value={Math.max(selected, 0)} onChange={(ev) => select(Number(ev.target.value))} aria-valuetext={e ? `${fmtTime(e.t, t0)} ${e.summary}` : ''} />
    </label>
  )
}
