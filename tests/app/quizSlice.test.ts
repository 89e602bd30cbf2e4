import { beforeEach, describe, expect, it } from 'vitest'
import { applyAndRun, NGINX } from '../engine/helpers.ts'
import { buildStory } from '../../src/engine/story/index.ts'
import { useApp } from '../../src/app/store.ts'
import { questionsOf } from '../../src/app/slices/quiz.ts'

describe('the quiz slice', () => {
  const sim = applyAndRun({ manifests: NGINX })
  const story = buildStory(sim.trace)
  beforeEach(() => useApp.setState({ quiz: true, answers: {}, score: { right: 0, asked: 0 }, asking: undefined }))

  it('computes a story\'s questions once, and none until the trace matches its story', () => {
    expect(questionsOf(story, sim.trace.slice(0, 10))).toEqual([])
    const qs = questionsOf(story, sim.trace)
    expect(qs.map((q) => q.kind)).toEqual(['admission', 'node', 'ip', 'image-pull'])
    expect(questionsOf(story, sim.trace)).toBe(qs)
  })

  it('scores the first answer to each question; a second answer changes nothing', () => {
    const [admission, node] = questionsOf(story, sim.trace)
    const { answer } = useApp.getState()
    answer(admission, admission.answer)
    answer(admission, 'no')
    answer(node, 'control-plane')
    const s = useApp.getState()
    expect(s.answers).toEqual({ [admission.id]: admission.answer, [node.id]: 'control-plane' })
    expect(s.score).toEqual({ right: 1, asked: 2 })
  })

  it('a new trace forgets the answers and the question, not the session\'s score; switching off puts the question away', () => {
    const [admission] = questionsOf(story, sim.trace)
    useApp.getState().answer(admission, 'yes')
    useApp.getState().ask(admission.id)
    useApp.getState().receive({ type: 'reset' })
    expect(useApp.getState().answers).toEqual({})
    expect(useApp.getState().asking).toBeUndefined()
    expect(useApp.getState().score).toEqual({ right: 1, asked: 1 })
    useApp.getState().ask(admission.id)
    useApp.getState().setQuiz(false)
    expect(useApp.getState().asking).toBeUndefined()
  })
})
