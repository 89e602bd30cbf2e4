/** Play, Pause and the speed; Step back and forward; the timeline slider. */
import type { TraceEvent } from '../../engine/events.ts'
import { useApp } from '../../app/store.ts'
import { SPEEDS, pause, play, usePlaybackLoop } from '../../app/usePlayback.ts'
import type { Speed } from '../../app/usePlayback.ts'
import { fmtTime } from '../format.ts'

/** Play or Pause; runs the playback loop. Playing re-renders this, not the app. */
export function PlayButton({ canPlay }: { canPlay: boolean }) {
  usePlaybackLoop()
  const playing = useApp((s) => s.playing)
  return playing
    ? <button type="button" className="play" onClick={pause} aria-keyshortcuts="Space">Pause</button>
    : <button type="button" className="play" onClick={play} disabled={!canPlay} aria-keyshortcuts="Space">Play</button>
}

export function SpeedSelect() {
  const speed = useApp((s) => s.speed)
  const setSpeed = useApp((s) => s.setSpeed)
  return (
    <>
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
      <button type="button" aria-label="Step back" title="Step back (←)" aria-keyshortcuts="ArrowLeft" onClick={() => select(Math.max(useApp.getState().selected - 1, 0))} disabled={selected <= 0}>◀</button>
      <button type="button" aria-label="Step forward" title="Step forward (→)" aria-keyshortcuts="ArrowRight" onClick={() => select(Math.min(useApp.getState().selected + 1, count - 1))} disabled={selected >= count - 1}>▶</button>
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
