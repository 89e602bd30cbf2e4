import { describe, expect, it } from 'vitest'
import { applyAndRun, NGINX } from '../../../tests/engine/helpers.ts'
import { scenarioById } from '../../scenarios/index.ts'
import type { TraceEvent } from '../events.ts'
import { buildStory } from './chapters.ts'
import { quizQuestions } from './quiz.ts'
import type { Question } from './quiz.ts'

/** run applies a gallery scenario as the app does and returns its trace, story and questions. */
function scenario(id: string) {
  const s = scenarioById(id)
  if (!s) throw new Error(`no scenario ${id}`)
  const sim = applyAndRun({ manifests: s.manifest, clusterText: s.cluster, user: s.user, seed: s.seed, untilMs: s.untilMs })
  return withQuestions(sim.trace)
}

function withQuestions(trace: TraceEvent[]) {
  const story = buildStory(trace)
  return { trace, story, questions: quizQuestions(trace, story) }
}

const byKind = (qs: Question[], kind: Question['kind']) => qs.find((q) => q.kind === kind)
const indexOf = (trace: TraceEvent[], pred: (e: TraceEvent) => boolean) => trace.findIndex(pred)

/** Every question: its answer is one of its choices, a right answer is told right and a wrong one wrong. */
function expectWellFormed(q: Question, trace: TraceEvent[]) {
  expect(q.choices.map((c) => c.id)).toContain(q.answer)
  expect(new Set(q.choices.map((c) => c.id)).size).toBe(q.choices.length)
  expect(q.choices.length).toBeGreaterThanOrEqual(2)
  expect(q.at).toBeLessThanOrEqual(q.reveal)
  expect(trace[q.at].pod ?? q.pod).toBe(q.pod)
  expect(q.explain(q.answer)).toMatch(/^Right: /)
  for (const c of q.choices) if (c.id !== q.answer) expect(q.explain(c.id)).toMatch(/^No: /)
}

describe('quizQuestions', () => {
  it('asks four questions on the happy path, each answered by the trace', () => {
    const { trace, story, questions } = withQuestions(applyAndRun({ manifests: NGINX }).trace)
    expect(questions.map((q) => q.kind)).toEqual(['admission', 'node', 'ip', 'image-pull'])
    for (const q of questions) expectWellFormed(q, trace)
    // Each stops where a chapter begins: the admission chain, the cycle's filtering, the network, the image.
    const kindAt = (q: Question) => story.chapters[story.chapterOf[q.at]]
    expect(questions.map((q) => kindAt(q).start)).toEqual(questions.map((q) => q.at))
    expect(questions.map((q) => kindAt(q).kind)).toEqual(['mutating-admission', 'filter', 'network', 'image'])

    const admission = byKind(questions, 'admission') as Question
    expect(admission.answer).toBe('yes')
    const commit = trace[admission.reveal]
    expect(commit.type === 'etcd:Txn' && commit.details.phase === 'commit' && commit.details.purpose.kind === 'create').toBe(true)
    expect(admission.explain('yes')).toContain(`revision ${commit.type === 'etcd:Txn' && commit.details.phase === 'commit' ? commit.details.revision : ''}`)

    const node = byKind(questions, 'node') as Question
    const select = indexOf(trace, (e) => e.type === 'scheduler:Select')
    const chosen = trace[select].type === 'scheduler:Select' ? trace[select].details.selectedNode : ''
    expect(node.reveal).toBe(select)
    expect(node.at).toBeLessThan(select)
    expect(node.answer).toBe(chosen)
    // The feasible workers, the tainted control plane as the contrast, and "none".
    expect(node.choices.map((c) => c.id)).toEqual(['worker-1', 'worker-2', 'control-plane', 'none'])
    expect(node.explain('control-plane')).toContain('TaintToleration')
    expect(node.explain(chosen)).toMatch(/highest total score, \d+/)

    const ip = byKind(questions, 'ip') as Question
    const result = trace[ip.reveal]
    expect(result.type === 'cni:ADD' && result.details.phase === 'result' ? result.details.ip : '').toBe(ip.answer)
    expect(ip.choices.map((c) => c.id)).toEqual(['10.244.2.1', '10.244.2.2', '10.244.2.3'])
    expect(ip.explain('10.244.2.1')).toContain('gateway')
    expect(ip.explain(ip.answer)).toContain('10.244.2.0/24')

    const image = byKind(questions, 'image-pull') as Question
    expect(image.answer).toBe('no')
    expect(trace[image.reveal].type).toBe('cri:ImageStatus')
    expect(image.explain('yes')).toContain('IfNotPresent')
  })

  it('follows the trace, not a script: the node answer is whatever Select chose under each seed', () => {
    const answers = new Set<string>()
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { trace, questions } = withQuestions(applyAndRun({ manifests: NGINX, seed }).trace)
      const node = byKind(questions, 'node') as Question
      const select = trace[node.reveal]
      expect(select.type).toBe('scheduler:Select')
      if (select.type === 'scheduler:Select') expect(node.answer).toBe(select.details.selectedNode)
      answers.add(node.answer)
    }
    expect([...answers].sort()).toEqual(['worker-1', 'worker-2'])
  })

  it('asks when the image will be pulled, and reveals the pull', () => {
    const { trace, questions } = scenario('full-story')
    const image = byKind(questions, 'image-pull') as Question
    expect(image.answer).toBe('yes')
    expect(trace[image.reveal].type).toBe('cri:PullImage')
    expectWellFormed(image, trace)
  })

  it('asks nothing about the scheduler or the node when the API server refuses the pod', () => {
    expect(scenario('rbac-forbidden').questions).toEqual([])
    const { trace, questions } = scenario('quota-exceeded')
    expect(questions.map((q) => q.kind)).toEqual(['admission'])
    const [q] = questions
    expectWellFormed(q, trace)
    expect(q.answer).toBe('no')
    const step = trace[q.reveal]
    expect(step.type === 'apiserver:Admit' ? step.details.plugin : '').toBe('ResourceQuota')
    expect(q.explain('no')).toContain('exceeded quota')
    // When the chain's first step is the refusal, the question comes just before it (the lanes do not answer it).
    const missing = scenario('missing-namespace').questions
    expect(missing.map((x) => x.kind)).toEqual(['admission'])
    expect(missing[0].at).toBeLessThan(missing[0].reveal)
    expect(missing[0].explain('no')).toContain('NamespaceLifecycle')
  })

  it('answers "none" for a pod no node can take, with each rejected node\'s reason', () => {
    const { trace, questions } = scenario('too-big')
    expect(questions.map((q) => q.kind)).toEqual(['admission', 'node'])
    const node = byKind(questions, 'node') as Question
    expectWellFormed(node, trace)
    expect(node.answer).toBe('none')
    expect(trace[node.reveal].type).toBe('scheduler:Unschedulable')
    expect(node.explain('worker-1')).toContain('Insufficient cpu')
  })

  it('asks no node question when the pod names its node itself, and counts the addresses already taken', () => {
    const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  nodeName: worker-1\n  containers:\n  - name: app\n    image: nginx:1.27\n`
    const { trace, questions } = withQuestions(applyAndRun({ manifests: [pod('a'), pod('b')] }).trace)
    expect(questions.some((q) => q.kind === 'node')).toBe(false)
    const ipA = questions.find((q) => q.kind === 'ip' && q.pod === 'default/a') as Question
    const ipB = questions.find((q) => q.kind === 'ip' && q.pod === 'default/b') as Question
    expect([ipA.answer, ipB.answer]).toEqual(['10.244.1.2', '10.244.1.3'])
    expectWellFormed(ipB, trace)
    expect(ipB.explain('10.244.1.2')).toContain('already taken by default/a')
  })

  it('is deterministic', () => {
    const shape = (qs: Question[]) => qs.map((q) => ({ ...q, explain: q.choices.map((c) => q.explain(c.id)) }))
    const a = withQuestions(applyAndRun({ manifests: NGINX }).trace).questions
    const b = withQuestions(applyAndRun({ manifests: NGINX }).trace).questions
    expect(shape(a)).toEqual(shape(b))
  })
})
