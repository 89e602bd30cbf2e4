/** The Quiz switch in the transport row: with it on, playback stops at each question and asks first. */
import { useApp } from '../../app/store.ts'

export function QuizSwitch() {
  const on = useApp((s) => s.quiz)
  const setQuiz = useApp((s) => s.setQuiz)
  return (
    <button type="button" role="switch" aria-checked={on} className="quiz-switch" onClick={() => setQuiz(!on)}
      title="Quiz: playback stops before the deciding moments (admission, the node, the pod IP, the image pull) and asks you first">
      Quiz
    </button>
  )
}
