/**
 * The chapter bar: the five stages of the followed pod's story with their chapters, the current one highlighted, a
 * failed one marked, and how far the playhead has come. A click jumps to a chapter. It re-renders when the playhead
 * enters another chapter, not on every step.
 */
import { memo } from 'react'
import { useApp } from '../../app/store.ts'
import { chaptersOf, entry, followedPod, goToChapter } from '../../app/storyNav.ts'
import { STAGES, SHORT, chapterTitle } from '../../engine/story/index.ts'
import type { Chapter, Story } from '../../engine/story/index.ts'

export function ChapterBar() {
  const story = useApp((s) => s.story)
  const current = useApp((s) => (s.story && s.shown >= 0 ? s.story.chapterOf[s.shown] ?? -1 : -1))
  if (!story || story.chapters.length === 0) return null
  return <Bar story={story} current={current} />
}

const Bar = memo(function Bar({ story, current }: { story: Story; current: number }) {
  const pod = followedPod(story, current >= 0 ? story.chapters[current].start : 0)
  const mine = chaptersOf(story, pod)
  const at = mine.findIndex((c) => c.id === current)
  const progress = mine.length ? Math.round(((at < 0 ? 0 : at + 1) / mine.length) * 100) : 0
  return (
    <nav className="chapter-bar" aria-label="Story chapters">
      <span className="chapter-pod" title="The pod whose story the bar shows">{pod || 'kubectl'}</span>
      <ol className="stages">
        {STAGES.map((st) => {
          const chapters = mine.filter((c) => c.stage === st.id)
          const here = chapters.some((c) => c.id === current)
          return (
            <li key={st.id} className={`stage${here ? ' here' : ''}${chapters.length ? '' : ' empty'}`}>
              <span className="stage-name">{st.id} · {st.short}</span>
              <span className="stage-chapters">
                {chapters.length === 0 && <span className="muted" aria-label={`Stage ${st.id} not reached`}>—</span>}
                {chapters.map((c) => <ChapterButton key={c.id} c={c} current={c.id === current} />)}
              </span>
            </li>
          )
        })}
      </ol>
      <span className="chapter-progress" role="img" aria-label={`Chapter ${at + 1} of ${mine.length}`}>
        <span style={{ width: `${progress}%` }} />
      </span>
    </nav>
  )
})

function ChapterButton({ c, current }: { c: Chapter; current: boolean }) {
  const title = `Stage ${c.stage}: ${chapterTitle(c)}${c.outcome === 'error' ? ' (failed here)' : ''}`
  return (
    <button type="button" className={`chapter ${c.outcome}${current ? ' current' : ''}`} aria-current={current ? 'step' : undefined}
      aria-label={title} title={title} onClick={() => goToChapter(c)} data-entry={entry(c)}>
      {c.outcome === 'error' ? '✗ ' : ''}{SHORT[c.kind]}{c.occurrence > 1 ? <sub>{c.occurrence}</sub> : null}
    </button>
  )
}
