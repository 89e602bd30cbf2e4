/**
 * The current chapter told in words: its stage and title, its narration at the chosen depth (computed from its
 * steps), and links to the docs and the upstream source. In presenter mode it is the large caption under the lanes.
 */
import { memo } from 'react'
import { useApp } from '../../app/store.ts'
import { TermsText } from '../glossary/LazyTerms.tsx'
import { STAGES, tellChapter } from '../../engine/story/index.ts'
import type { Depth } from '../../engine/narration/index.ts'
import type { Story } from '../../engine/story/index.ts'
import type { TraceEvent } from '../../engine/events.ts'

export function ChapterCard({ caption = false }: { caption?: boolean }) {
  const story = useApp((s) => s.story)
  const events = useApp((s) => s.events)
  const depth = useApp((s) => s.depth)
  const current = useApp((s) => (s.story && s.shown >= 0 ? s.story.chapterOf[s.shown] ?? -1 : -1))
  const paused = useApp((s) => s.pausedAtChapter)
  if (!story || current < 0) return null
  return <Card story={story} events={events} current={current} depth={depth} caption={caption} paused={paused === current} />
}

const Card = memo(function Card({ story, events, current, depth, caption, paused }: { story: Story; events: TraceEvent[]; current: number; depth: Depth; caption: boolean; paused: boolean }) {
  const c = story.chapters[current]
  const told = tellChapter(c, events, depth)
  const stage = STAGES.find((s) => s.id === c.stage)
  return (
    <section className={`chapter-card ${c.outcome}${caption ? ' caption' : ''}`} aria-label="Current chapter" aria-live={caption ? 'polite' : undefined}>
      <p className="chapter-stage">Stage {c.stage} · {stage?.title}{c.pod ? ` · ${c.pod}` : ''}</p>
      <h2>{told.title}</h2>
      <p className="chapter-text"><TermsText text={told.text} /></p>
      <p className="chapter-links">
        <a href={told.docs} target="_blank" rel="noreferrer noopener">Kubernetes docs</a>
        {' · '}
        <a href={`https://github.com/kubernetes/kubernetes/blob/v1.35.0/${told.source}`} target="_blank" rel="noreferrer noopener">upstream source</a>
        {paused && <span className="chapter-paused"> · paused at this chapter: Space, → or PageDown carries on</span>}
      </p>
    </section>
  )
})
