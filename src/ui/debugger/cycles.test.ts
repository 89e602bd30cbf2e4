import { describe, expect, it } from 'vitest'
import type { TraceEvent } from '../../engine/events.ts'
import { attemptText, attemptsOf, decisionStepOf, moveText } from './cycles.ts'

const P = 'default/p'
/** A minimal step: only the fields cycles.ts reads. */
const step = (type: string, details: object, pod = P) =>
  ({ type, pod, details, seq: 0, t: 0, lane: 'scheduler', outcome: 'info', summary: '' }) as unknown as TraceEvent

const trace: TraceEvent[] = [
  step('scheduler:Pop', { attempts: 1 }),
  step('scheduler:Filter', {}),
  step('scheduler:Unschedulable', { phase: 'scheduling', message: '0/3 nodes are available: 3 Insufficient cpu.' }),
  step('scheduler:QueueMove', {
    from: 'unschedulablePods',
    to: 'activeQ',
    event: 'AssignedPodDelete',
    hintedBy: ['NodeResourcesFit'],
  }),
  step('scheduler:Pop', { attempts: 2 }),
  step('scheduler:Filter', {}),
  step('scheduler:Select', { selectedNode: 'node-2', cycle: null }),
  step('scheduler:Bind', { result: 'bound', node: 'node-2', plugin: 'DefaultBinder' }),
  step('scheduler:Pop', { attempts: 1 }, 'default/other'),
]

describe('cycles of a pod', () => {
  it('finds the decisive step of the cycle any of its steps belongs to', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => decisionStepOf(trace, i))).toEqual([2, 2, 2, null, 6, 6, 6, 6, null])
  })
  it('lists every attempt with its outcome and the queue moves between them', () => {
    const a = attemptsOf(trace, P)
    expect(a.map(attemptText)).toEqual([
      'attempt 1 failed: 0/3 nodes are available: 3 Insufficient cpu.',
      'attempt 2 bound to node-2',
    ])
    expect(a.map((x) => x.decisionIndex)).toEqual([2, 6])
    expect(a[0].moves.map(moveText)).toEqual([
      'moved from unschedulablePods to activeQ by AssignedPodDelete (hint of NodeResourcesFit)',
    ])
  })
})
