/**
 * The story of a trace: its stages and chapters, beats and plumbing, what each chapter says, the waits and the
 * outcomes. Pure functions of a trace; the worker, the browser's views and the CLI share them.
 */
export { StoryBuilder, buildStory, stageAt } from './chapters.ts'
export { CHAPTERS, SHORT, chapterTitle, stageOf, tellChapter } from './catalog.ts'
export { STAGES, CHAPTER_KINDS } from './types.ts'
export type { Chapter, ChapterKind, ChapterOutcome, Role, StageId, Story } from './types.ts'
export { findWaits } from './waits.ts'
export type { Wait, WaitKind } from './waits.ts'
export { OUTCOME_KINDS, findOutcomes, holdsAt, outcomesAt } from './outcomes/index.ts'
export type { KubectlAnswer, Outcome, OutcomeKind } from './outcomes/index.ts'
export { GLOSSARY, findTerms, glossaryId, searchGlossary } from './glossary/index.ts'
export type { FoundTerm, GlossaryEntry } from './glossary/index.ts'
export { quizQuestions, type Choice, type Question, type QuestionKind } from './quiz.ts'
export { summarizePod, type PodEventLine, type PodSummary, type StageTime } from './summary.ts'
