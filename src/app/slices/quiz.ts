/**
 * The quiz slice: the Quiz switch (kept across reloads), the answers given to this story's questions, the question
 * being asked, and the score of the session (kept in memory while the tab lives, across stories).
 */
import type { StateCreator } from 'zustand'
import { quizQuestions } from '../../engine/story/index.ts'
import type { Question, Story } from '../../engine/story/index.ts'
import type { TraceEvent } from '../../engine/events.ts'
import { readPref, writePref } from '../prefs.ts'

export interface QuizSlice {
  /** The Quiz switch: playback stops at each question and asks first. */
  quiz: boolean
  /** This story's answers: question id → choice id (an answer is final). */
  answers: Record<string, string>
  /** The session's score, across stories. */
  score: { right: number; asked: number }
  /** The question on screen (its id), from the moment playback or the playhead reaches its step until closed. */
  asking?: string
  setQuiz(on: boolean): void
  /** Records the first answer to a question and scores it; later answers to it change nothing. */
  answer(q: Question, choiceId: string): void
  ask(id: string | undefined): void
}

const QUIZ_KEY = 'podbirth.quiz'

export const createQuizSlice: StateCreator<QuizSlice, [], [], QuizSlice> = (set) => ({
  quiz: readPref(QUIZ_KEY) === 'true',
  answers: {},
  score: { right: 0, asked: 0 },
  setQuiz: (quiz) => { writePref(QUIZ_KEY, String(quiz)); set(quiz ? { quiz } : { quiz, asking: undefined }) },
  answer: (q, choiceId) => set((s) => (q.id in s.answers ? {} : {
    answers: { ...s.answers, [q.id]: choiceId },
    score: { right: s.score.right + (choiceId === q.answer ? 1 : 0), asked: s.score.asked + 1 },
  })),
  ask: (asking) => set({ asking }),
})

/** The questions of a story, computed once per story (the card and the playback loop share them). */
const cache = new WeakMap<Story, Question[]>()
export function questionsOf(story: Story | undefined, events: readonly TraceEvent[]): Question[] {
  // A story arrives with its trace complete; until the events match it, there is nothing to ask.
  if (!story || story.chapterOf.length !== events.length) return []
  let qs = cache.get(story)
  if (!qs) { qs = quizQuestions(events, story); cache.set(story, qs) }
  return qs
}
