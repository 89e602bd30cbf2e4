/**
 * The question the Quiz asks, while it is asked: the prompt and the choices, then the reveal (right or wrong, why,
 * a "Show me" that selects the deciding step) and the session's score. Playing on without answering is allowed: the
 * question stays until it is answered and closed, or the next one comes. In presenter mode it is under the lanes.
 */
import { useMemo } from 'react'
import { useApp } from '../../app/store.ts'
import { questionsOf } from '../../app/slices/quiz.ts'
import { TermsText } from '../glossary/LazyTerms.tsx'
import type { Question, QuestionKind } from '../../engine/story/index.ts'
import { assertNever } from '../../engine/events.ts'

const KIND_TITLE = (k: QuestionKind): string => {
  switch (k) {
    case 'admission': return 'The API server'
    case 'node': return 'The scheduler'
    case 'ip': return 'The pod network'
    case 'image-pull': return 'The image'
    default: return assertNever(k, 'question kind')
  }
}

export function QuizCard({ caption = false }: { caption?: boolean }) {
  const quiz = useApp((s) => s.quiz)
  const asking = useApp((s) => s.asking)
  const presenter = useApp((s) => s.presenter)
  const story = useApp((s) => s.story)
  const events = useApp((s) => s.events)
  // Asked only with the Quiz on: a long trace's questions take a moment to read out of it.
  const questions = useMemo(() => (quiz ? questionsOf(story, events) : []), [quiz, story, events])
  const q = questions.find((x) => x.id === asking)
  // One card on screen: the right column's, or in presenter mode the one under the lanes.
  if (!quiz || !q || caption !== presenter) return null
  return <Card q={q} caption={caption} />
}

function Card({ q, caption }: { q: Question; caption: boolean }) {
  const given = useApp((s) => s.answers[q.id])
  const score = useApp((s) => s.score)
  const answer = useApp((s) => s.answer)
  const ask = useApp((s) => s.ask)
  const right = given === q.answer
  const label = (id: string) => q.choices.find((c) => c.id === id)?.label ?? id
  const showMe = () => useApp.setState({ selected: q.reveal, playing: false, pausedAtChapter: undefined })
  return (
    <section className={`quiz-card${caption ? ' caption' : ''}`} aria-label="Quiz question" data-answered={given !== undefined}>
      <p className="quiz-kicker">Quiz · {KIND_TITLE(q.kind)} · {q.pod}</p>
      <h2>{q.prompt}</h2>
      <div className="quiz-choices" role="group" aria-label="Your answer">
        {q.choices.map((c) => (
          <button key={c.id} type="button" disabled={given !== undefined} aria-pressed={given === c.id}
            className={given === undefined ? '' : c.id === q.answer ? 'quiz-answer' : given === c.id ? 'quiz-wrong' : ''}
            onClick={() => answer(q, c.id)}>{c.label}</button>
        ))}
      </div>
      {given === undefined
        ? <p className="quiz-hint">Predict first, then see. Space plays on without answering.</p>
        : (
          <div className="quiz-reveal" role="status">
            <p className={`quiz-verdict ${right ? 'quiz-right' : 'quiz-wrong'}`}>{right ? '✓ Right' : `✗ Not this time: ${label(q.answer)}`}</p>
            <p className="quiz-explain"><TermsText text={q.explain(given)} /></p>
            <p className="quiz-actions">
              <button type="button" onClick={showMe}>Show me</button>
              <span className="quiz-score">{score.right} of {score.asked} right</span>
              <button type="button" className="quiz-close" onClick={() => ask(undefined)}>Close</button>
            </p>
          </div>
        )}
    </section>
  )
}
