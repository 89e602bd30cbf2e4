import { describe, expect, it } from 'vitest'
import type { TraceEvent } from '../../engine/events.ts'
import { lastDecisionOf } from './open.ts'

/** A minimal step: only the fields the decision index reads. */
const step = (type: string, pod: string, phase = 'scheduling') =>
  ({ type, pod, details: { phase }, seq: 0, t: 0, lane: 'scheduler', outcome: 'info', summary: '' }) as unknown as TraceEvent

const trace: TraceEvent[] = [
  step('scheduler:Unschedulable', 'default/a'), // 0: a fails
  step('scheduler:Pop', 'default/b'),
  step('scheduler:Select', 'default/b'), // 2: b placed
  step('scheduler:Unschedulable', '', 'startup'), // 3: not a decision
  step('scheduler:Select', 'default/a'), // 4: a placed
]

describe('lastDecisionOf', () => {
  it("finds a pod's latest decision at or before the step, and none before its first", () => {
    expect(lastDecisionOf(trace, 4, 'default/a')).toBe(4)
    expect(lastDecisionOf(trace, 3, 'default/a')).toBe(0)
    expect(lastDecisionOf(trace, 1, 'default/b')).toBeNull()
    expect(lastDecisionOf(trace, 2, 'default/b')).toBe(2)
    expect(lastDecisionOf(trace, 10, 'default/c')).toBeNull()
  })
  it('any pod when none is named; a grown trace is indexed again', () => {
    expect(lastDecisionOf(trace, 3)).toBe(2)
    const grown = trace
    grown.push(step('scheduler:Select', 'default/c'))
    expect(lastDecisionOf(grown, 5, 'default/c')).toBe(5)
  })
})
