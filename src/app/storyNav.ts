/**
 * Moving through the story by chapter: the chapter at a step, the next and previous chapter of the pod being
 * followed, the start. Pure functions of the story, plus the store actions the keys and buttons call.
 */
import type { Chapter, Story } from '../engine/story/index.ts'
import { useApp } from './store.ts'

/** chapterAt is the chapter the step belongs to. */
export function chapterAt(story: Story | undefined, step: number): Chapter | undefined {
  if (!story || step < 0 || step >= story.chapterOf.length) return undefined
  return story.chapters[story.chapterOf[step]]
}

/** The pod whose story the playhead is in ('' when the step is about no pod). */
export function followedPod(story: Story | undefined, step: number): string {
  return chapterAt(story, step)?.pod ?? story?.pods[0] ?? ''
}

/** chaptersOf lists the chapters of one pod's story, in order. */
export function chaptersOf(story: Story, pod: string): Chapter[] {
  return story.chapters.filter((c) => c.pod === pod)
}

/** Where a chapter is entered: its first beat, or its first step when it has none. */
export const entry = (c: Chapter): number => c.beats[0] ?? c.start

/** nextChapter is the first chapter of the followed pod that starts after `step`. */
export function nextChapter(story: Story, step: number): Chapter | undefined {
  const pod = followedPod(story, step)
  return story.chapters.find((c) => c.pod === pod && c.start > step)
}

/** previousChapter: the start of the chapter the step is in, or, at that start already, the chapter before. */
export function previousChapter(story: Story, step: number): Chapter | undefined {
  const pod = followedPod(story, step)
  const mine = story.chapters.filter((c) => c.pod === pod && entry(c) < step)
  return mine[mine.length - 1]
}

/** The store actions behind the chapter keys and buttons. */
export const goToChapter = (c: Chapter | undefined) => { if (c) useApp.setState({ selected: entry(c), playing: false, pausedAtChapter: undefined }) }
export const goNextChapter = () => { const s = useApp.getState(); if (s.story) goToChapter(nextChapter(s.story, s.selected)) }
export const goPreviousChapter = () => { const s = useApp.getState(); if (s.story) goToChapter(previousChapter(s.story, s.selected)) }
export const goStart = () => { const s = useApp.getState(); if (s.story?.chapters[0]) goToChapter(s.story.chapters[0]); else if (s.events.length) s.select(0) }
