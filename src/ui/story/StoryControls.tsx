/** How the story is told: previous and next chapter, the narration depth, the pace, the pauses, presenter mode. */
import { useApp } from '../../app/store.ts'
import { goNextChapter, goPreviousChapter } from '../../app/storyNav.ts'
import type { Pace } from '../../app/slices/story.ts'

export function ChapterButtons() {
  const has = useApp((s) => !!s.story?.chapters.length)
  return (
    <span className="chapter-nav">
      <button type="button" onClick={goPreviousChapter} disabled={!has} aria-label="Previous chapter" aria-keyshortcuts="PageUp [" title="Previous chapter (PageUp or [)">« Chapter</button>
      <button type="button" onClick={goNextChapter} disabled={!has} aria-label="Next chapter" aria-keyshortcuts="]" title="Next chapter (]; PageDown plays on to it)">Chapter »</button>
    </span>
  )
}

export function DepthSwitch() {
  const depth = useApp((s) => s.depth)
  const setDepth = useApp((s) => s.setDepth)
  return (
    <span className="depth" role="radiogroup" aria-label="Narration">
      <span className="depth-label" aria-hidden="true">Narration</span>
      {(['story', 'expert'] as const).map((d) => (
        <label key={d}><input type="radio" name="narration-depth" value={d} checked={depth === d} onChange={() => setDepth(d)} />{d === 'story' ? 'Story' : 'Expert'}</label>
      ))}
    </span>
  )
}

export function PauseSwitch() {
  const pauses = useApp((s) => s.pauseAtChapters)
  const setPauses = useApp((s) => s.setPauseAtChapters)
  return <label className="pauses" title="Stop at the start of every chapter; Space, → or PageDown carries on"><input type="checkbox" checked={pauses} onChange={(e) => setPauses(e.target.checked)} /> Pause at each chapter</label>
}

export function PaceSelect() {
  const pace = useApp((s) => s.pace)
  const setPace = useApp((s) => s.setPace)
  return (
    <>
      <label className="pace" title="Story pace gives every beat time on screen and lets plumbing pass; virtual time plays the simulation's clock">Pace{' '}
        <select value={pace} onChange={(e) => setPace(e.target.value as Pace)}>
          <option value="story">story</option>
          <option value="time">virtual time</option>
        </select>
      </label>
    </>
  )
}

export function PresenterToggle() {
  const on = useApp((s) => s.presenter)
  const set = useApp((s) => s.setPresenter)
  return <button type="button" className="presenter-toggle" aria-pressed={on} aria-keyshortcuts="Shift+P" title="Presenter mode (Shift+P): large lanes and captions for a projector" onClick={() => set(!on)}>Presenter mode</button>
}
