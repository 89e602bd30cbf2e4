/**
 * The kube-scheduler's queue at the playhead: the pod in its scheduling cycle, activeQ, backoffQ and the
 * unschedulable pods with the plugins whose cluster events would move them back.
 */
import { memo, useMemo } from 'react'
import { queueAt, queueSteps } from './queue.ts'
import type { QueueName } from './queue.ts'
import type { TraceEvent } from '../../engine/events.ts'
import { PodDecisionButton } from '../debugger/CycleDecisionButton.tsx'

const NAMED = 8
const ROWS: { q: QueueName; label: string; hint: string }[] = [
  { q: 'inCycle', label: 'in a cycle', hint: 'popped: being scheduled or bound' },
  { q: 'activeQ', label: 'activeQ', hint: 'waiting for a cycle, highest priority first' },
  { q: 'backoffQ', label: 'backoffQ', hint: 'waiting out a backoff (1 s doubling to 10 s)' },
  { q: 'unschedulablePods', label: 'unschedulable', hint: 'waiting for a cluster event a rejecting plugin cares about (or 5 minutes)' },
]

export const QueueView = memo(function QueueView({ events, index }: { events: TraceEvent[]; index: number }) {
  const steps = useMemo(() => queueSteps(events), [events])
  const state = useMemo(() => queueAt(events, steps, index), [events, steps, index])
  if (steps.length === 0) return null
  return (
    <section className="queue" aria-label="Scheduling queue at the playhead">
      <h3>Scheduling queue</h3>
      <dl>
        {ROWS.map(({ q, label, hint }) => {
          const pods = state.queues[q]
          return (
            <div key={q} className="queue-row">
              <dt title={hint}>{label} <span className="muted">{pods.length}</span></dt>
              <dd>
                {pods.length === 0 ? <span className="muted">empty</span> : pods.slice(0, NAMED).map((p) => (
                  <span key={p} className="queue-pod">
                    {p}
                    {q === 'unschedulablePods' && state.rejectedBy[p]?.length
                      ? <span className="muted"> (waits on {state.rejectedBy[p].join(', ')})</span>
                      : null}
                    {q !== 'activeQ' && <> <PodDecisionButton pod={p} upTo={index} /></>}
                  </span>
                ))}
                {pods.length > NAMED && <span className="muted"> and {pods.length - NAMED} more</span>}
              </dd>
            </div>
          )
        })}
      </dl>
    </section>
  )
})
