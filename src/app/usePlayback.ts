/**
 * Playback: a requestAnimationFrame loop moves the playhead. At the story's pace each beat stays on screen for a
 * while and plumbing passes quickly; in virtual time the playhead moves with the simulation's clock. With pauses at
 * chapters on, playback stops where a chapter of the followed pod begins, with its narration shown. Whether it plays
 * and how fast live in the store, so starting or pausing re-renders only the controls; the clock lives in a ref.
 */
import { useEffect, useRef } from 'react'
import { useApp } from './store.ts'
import { followedPod } from './storyNav.ts'
import type { Story } from '../engine/story/index.ts'
import type { TraceEvent } from '../engine/events.ts'
import { questionsOf } from './slices/quiz.ts'
import { hitsOf } from '../ui/debugger/breakpoints/match.ts'

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16, Infinity] as const
export type Speed = (typeof SPEEDS)[number]

/** At 1×, how long a beat and a plumbing step stay on screen at the story's pace (ms). */
export const BEAT_MS = 1200
export const PLUMBING_MS = 60

// Playing on puts away a question already answered (its reveal was seen); an unanswered one stays on screen.
export const play = () => useApp.setState((s) => ({ playing: true, pausedAtChapter: undefined, stoppedAt: undefined, asking: s.asking !== undefined && s.asking in s.answers ? undefined : s.asking }))
export const pause = () => useApp.getState().setPlaying(false)
export const togglePlay = () => (useApp.getState().playing ? pause() : play())

/** chapterStarts marks, per step, where a chapter of `pod` begins (the pauses stop there). */
function chapterStarts(story: Story | undefined, length: number, pod: string): Uint8Array {
  const out = new Uint8Array(length)
  for (const c of story?.chapters ?? []) if (c.pod === pod && c.start < length) out[c.start] = 1
  return out
}

/** quizStops maps, per step, the question of `pod` asked there (the Quiz stops there while it is unanswered). */
function quizStops(story: Story | undefined, events: readonly TraceEvent[], pod: string): Map<number, string> {
  return new Map(questionsOf(story, events).filter((q) => q.pod === pod).map((q) => [q.at, q.id]))
}

/** A step stepped or jumped onto (not played through) that is a question's: with the Quiz on, ask it. */
function askOnArrival(): () => void {
  return useApp.subscribe((st, prev) => {
    if (st.selected === prev.selected || st.playing || !st.quiz) return
    const q = questionsOf(st.story, st.events).find((x) => x.at === st.selected)
    if (q && st.asking !== q.id) st.ask(q.id)
  })
}

/** Runs the playback loop while the store says `playing`; mount it once. */
export function usePlaybackLoop(): void {
  const playing = useApp((s) => s.playing)
  const speed = useApp((s) => s.speed)
  const pace = useApp((s) => s.pace)
  const breakpoints = useApp((s) => s.breakpoints)
  const clock = useRef(0)
  useEffect(askOnArrival, [])
  useEffect(() => {
    if (!playing) return
    const { events, selected, select, setPlaying, story } = useApp.getState()
    if (events.length === 0) { setPlaying(false); return }
    const from = selected >= events.length - 1 ? 0 : Math.max(selected, 0)
    // Breakpoints stop at the first step after the playhead that an enabled one matches.
    const bpHits = hitsOf(breakpoints, events)
    const bpStop = (i: number): boolean => i !== from && bpHits[i] >= 0
    const stopInfo = (i: number) => (bpStop(i) ? { stoppedAt: { step: i, breakpoint: breakpoints[bpHits[i]] } } : {})
    const stops = quizStops(story, events, followedPod(story, from))
    // The Quiz asks before it tells: a stop is a question of the followed pod not answered yet.
    const quizStop = (i: number): string | undefined => {
      const s = useApp.getState()
      const id = s.quiz ? stops.get(i) : undefined
      return id !== undefined && !(id in s.answers) ? id : undefined
    }
    if (speed === Infinity) {
      // Instant goes to the end, or to the next question the Quiz asks.
      let to = events.length - 1
      for (let i = from + 1; i < to; i++) if (quizStop(i) || bpStop(i)) { to = i; break }
      select(to)
      useApp.setState({ playing: false, asking: quizStop(to) ?? useApp.getState().asking, ...stopInfo(to) })
      return
    }
    if (from !== selected) select(from)
    const starts = chapterStarts(story, events.length, followedPod(story, from))
    /** Stop at a chapter's start (not the one playback started from), or at the end. */
    const arrive = (i: number): boolean => {
      const s = useApp.getState()
      if (i !== s.selected) s.select(i)
      const asked = i !== from ? quizStop(i) : undefined
      const atChapter = s.pauseAtChapters && i !== from && starts[i] === 1
      if (asked || atChapter || bpStop(i)) {
        useApp.setState({ playing: false, pausedAtChapter: atChapter ? story?.chapterOf[i] : undefined, asking: asked ?? s.asking, ...stopInfo(i) })
        return true
      }
      if (i >= s.events.length - 1) { s.setPlaying(false); return true }
      return false
    }
    clock.current = pace === 'time' ? events[from].t : 0
    let last = performance.now()
    let frame = requestAnimationFrame(function tick(now) {
      const s = useApp.getState()
      const dt = (now - last) * speed
      last = now
      let i = Math.max(s.selected, 0)
      if (pace === 'time') {
        clock.current += dt * 1000
        while (i + 1 < s.events.length && s.events[i + 1].t <= clock.current) {
          i++
          if ((starts[i] && s.pauseAtChapters) || quizStop(i) || bpStop(i)) break
        }
      } else {
        // The story's pace: the step on screen keeps it for its dwell, then the next one comes.
        clock.current += dt
        const dwell = (k: number) => (s.story?.beat[k] ? BEAT_MS : PLUMBING_MS)
        while (i + 1 < s.events.length && clock.current >= dwell(i)) {
          clock.current -= dwell(i)
          i++
          if ((starts[i] && s.pauseAtChapters) || quizStop(i) || bpStop(i)) break
        }
      }
      if (arrive(i)) return
      frame = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(frame)
  }, [playing, speed, pace, breakpoints])
}
