/**
 * The story slice: the trace told in chapters (built on the page as the steps stream in: app/useWorker), how it is told (narration depth, pace, pauses at
 * chapters) and presenter mode. Preferences persist across reloads.
 */
import type { StateCreator } from 'zustand'
import type { Outcome, Story } from '../../engine/story/index.ts'
import type { Depth } from '../../engine/narration/index.ts'
import { readPref, writePref } from '../prefs.ts'

/** How Play moves: `story` gives each beat time on screen and lets plumbing pass quickly; `time` is virtual time. */
export type Pace = 'story' | 'time'

export interface StorySlice {
  story?: Story
  /** Every failure of the trace, with the step that decided it (for the banners). */
  outcomes: Outcome[]
  depth: Depth
  pace: Pace
  /** Stop at the start of every chapter while playing (on in presenter mode). */
  pauseAtChapters: boolean
  /** Set when playback stopped at a chapter's start: Space, → or PageDown carries on from there. */
  pausedAtChapter?: number
  presenter: boolean
  setDepth(depth: Depth): void
  setPace(pace: Pace): void
  setPauseAtChapters(on: boolean): void
  setPresenter(on: boolean): void
}

const DEPTH_KEY = 'podbirth.depth'
const PACE_KEY = 'podbirth.pace'
const PAUSES_KEY = 'podbirth.pauseAtChapters'

export const createStorySlice: StateCreator<StorySlice, [], [], StorySlice> = (set) => ({
  depth: readPref(DEPTH_KEY) === 'expert' ? 'expert' : 'story',
  pace: readPref(PACE_KEY) === 'time' ? 'time' : 'story',
  pauseAtChapters: readPref(PAUSES_KEY) === 'true',
  presenter: false,
  outcomes: [],
  setDepth: (depth) => { writePref(DEPTH_KEY, depth); set({ depth }) },
  setPace: (pace) => { writePref(PACE_KEY, pace); set({ pace }) },
  setPauseAtChapters: (on) => { writePref(PAUSES_KEY, String(on)); set({ pauseAtChapters: on }) },
  // Presenter mode turns the chapter pauses on (they can still be switched off in it); leaving it restores the
  // preference the user had.
  setPresenter: (presenter) => set({ presenter, pauseAtChapters: presenter ? true : readPref(PAUSES_KEY) === 'true' }),
})

/** firstBeat is where a new story starts: its first beat (or its first step). */
export function firstBeat(story: Story | undefined): number {
  const first = story?.chapters[0]
  return first ? (first.beats[0] ?? first.start) : 0
}
