import { describe, expect, it } from 'vitest'
import type { ApplyCommand } from '../protocol/messages.ts'
import { MAX_REPLAYS, applyAsked, initialRunState, runCancelled, runFailed, runFinished, runRefused, sameApply } from './runs.ts'
import type { RunState } from './runs.ts'

const apply = (text: string, seed = 1): ApplyCommand => ({ type: 'apply', text, seed, cluster: 'c' })
const GOOD = apply('good pod')
const BAD1 = apply('tolerations: [null]')
const BAD2 = apply('alias bomb')

/** Applies and lets the worker finish it (or fail on it): what useWorker's messages do to the state. */
type Ran = { state: RunState; replays: (ApplyCommand | undefined)[] }
function ran(s: RunState, cmd: ApplyCommand, outcome: 'done' | 'fatal'): Ran {
  const asked = applyAsked(s, cmd)
  if (outcome === 'done') return { state: runFinished(asked.state), replays: [] }
  const failed = runFailed(asked.state)
  return { state: failed.state, replays: [failed.action.kind === 'restart' ? failed.action.apply : undefined] }
}

describe('recovery replays the last apply that worked, once, never the input that failed', () => {
  it('one failure: the good apply is replayed', () => {
    let s = ran(initialRunState, GOOD, 'done').state
    const r = ran(s, BAD1, 'fatal')
    expect(r.replays).toEqual([GOOD])
    s = runFinished(r.state)
    expect(s.lastGood).toBe(GOOD)
  })

  it('two failures in a row (the issue\'s repro): each replays the good apply, never the earlier bad input', () => {
    let s = ran(initialRunState, GOOD, 'done').state
    const first = ran(s, BAD1, 'fatal')
    expect(first.replays).toEqual([GOOD])
    // The replay finishes: the failed input must not become "the last apply that worked".
    s = runFinished(first.state)
    expect(s.lastGood).toBe(GOOD)
    const second = ran(s, BAD2, 'fatal')
    expect(second.replays).toEqual([GOOD])
    expect(runFinished(second.state).lastGood).toBe(GOOD)
  })

  it('three failures in a row, each before the replay finished: still only the good apply is replayed', () => {
    let s = ran(initialRunState, GOOD, 'done').state
    const replayed: (ApplyCommand | undefined)[] = []
    for (const bad of [BAD1, BAD2, apply('third bad')]) {
      const r = ran(s, bad, 'fatal')
      replayed.push(...r.replays)
      s = r.state
    }
    expect(replayed).toEqual([GOOD, GOOD, GOOD])
    expect(runFinished(s).lastGood).toBe(GOOD)
  })

  it('a failure before anything worked restarts the worker and replays nothing', () => {
    const r = ran(initialRunState, BAD1, 'fatal')
    expect(r.replays).toEqual([undefined])
    expect(r.state.running).toBeUndefined()
    expect(runFailed(r.state).replayed).toBe(false)
  })

  it('a replay that fails too is not replayed again (no loop)', () => {
    const s = ran(ran(initialRunState, GOOD, 'done').state, BAD1, 'fatal').state
    expect(s.running).toBe(GOOD)
    const again = runFailed(s)
    expect(again.action).toEqual({ kind: 'restart' })
    expect(again.replayed).toBe(false)
  })

  it('a worker that dies while idle replays the last apply that worked; replays in a row are capped', () => {
    let s = ran(initialRunState, GOOD, 'done').state
    const counted: boolean[] = []
    for (let i = 0; i <= MAX_REPLAYS; i++) {
      const r = runFailed({ ...s, running: undefined })
      counted.push(r.replayed)
      s = r.state
    }
    expect(counted).toEqual([...Array<boolean>(MAX_REPLAYS).fill(true), false])
  })

  it('a refused apply (a broken cluster file) keeps the last apply that worked', () => {
    let s = ran(initialRunState, GOOD, 'done').state
    s = runRefused(applyAsked(s, BAD1).state)
    expect(s.lastGood).toBe(GOOD)
    expect(s.running).toBeUndefined()
  })
})

describe('one run at a time', () => {
  it('the same apply asked again while it runs is dropped (Apply then five Ctrl+Enter run once)', () => {
    let s = initialRunState
    const actions: string[] = []
    for (let i = 0; i < 6; i++) {
      const step = applyAsked(s, apply('pod'))
      actions.push(step.action.kind)
      s = step.state
    }
    expect(actions).toEqual(['post', 'none', 'none', 'none', 'none', 'none'])
  })

  it('a different apply replaces the running one (a fresh worker), never queues behind it', () => {
    const s = applyAsked(initialRunState, apply('a')).state
    const step = applyAsked(s, apply('b'))
    expect(step.action).toEqual({ kind: 'restart', apply: apply('b') })
    expect(step.state.running).toEqual(apply('b'))
    // A different seed is a different run.
    expect(applyAsked(step.state, apply('b', 2)).action.kind).toBe('restart')
  })

  it('once a run finished, the same apply runs again', () => {
    const s = runFinished(applyAsked(initialRunState, apply('a')).state)
    expect(applyAsked(s, apply('a')).action.kind).toBe('post')
  })
})

describe('sameApply compares the console session too', () => {
  const withSession = (session: ApplyCommand['session'], skipManifest?: boolean): ApplyCommand => ({
    ...GOOD, session, ...(skipManifest ? { skipManifest } : {}),
  })
  const create = { argv: ['create', 'deployment', 'web', '--image=nginx:1.27'], atMs: 1126 }

  it('the same apply with the same session is the same run (dropped while it runs)', () => {
    expect(sameApply(withSession([create]), withSession([{ ...create, argv: [...create.argv] }]))).toBe(true)
    expect(sameApply(withSession([]), GOOD)).toBe(true)
    const running = applyAsked(initialRunState, withSession([create])).state
    expect(applyAsked(running, withSession([create])).action).toEqual({ kind: 'none' })
  })

  it('a command added, changed or typed at another time is a different run (it replaces the running one)', () => {
    const base = withSession([create])
    const scale = { argv: ['scale', 'deployment', 'web', '--replicas=5'], atMs: 3000 }
    expect(sameApply(base, withSession([create, scale]))).toBe(false)
    const otherImage = [...create.argv.slice(0, 3), '--image=nginx:1.28']
    expect(sameApply(base, withSession([{ ...create, argv: otherImage }]))).toBe(false)
    expect(sameApply(base, withSession([{ ...create, atMs: 2000 }]))).toBe(false)
    expect(sameApply(base, withSession([{ ...create, stdin: 'x' }]))).toBe(false)
    expect(sameApply(base, withSession([create], true))).toBe(false)
    const running = applyAsked(initialRunState, base).state
    expect(applyAsked(running, withSession([create], true)).action.kind).toBe('restart')
  })
})

describe('cancel', () => {
  const a = { type: 'apply', text: 'a', seed: 1 } as const
  const b = { type: 'apply', text: 'b', seed: 1 } as const
  it('stops the running apply and replays the last one that worked', () => {
    const s = runFinished(applyAsked(initialRunState, a).state)
    const running = applyAsked(s, b).state
    const step = runCancelled(running)
    expect(step.action).toEqual({ kind: 'restart', apply: a })
    expect(step.state).toEqual({ running: a, lastGood: a, replays: 0 })
  })
  it('with nothing that worked before, only stops it', () => {
    const step = runCancelled(applyAsked(initialRunState, b).state)
    expect(step.action).toEqual({ kind: 'restart', apply: undefined })
    expect(step.state.running).toBeUndefined()
  })
  it('does nothing when nothing runs', () => {
    expect(runCancelled(initialRunState).action).toEqual({ kind: 'none' })
  })
})
