/** The scheduling-queue view (src/ui/cluster/queue.ts) replayed over a real trace. */
import { describe, expect, it } from 'vitest'
import { applyAndRun } from './helpers.ts'
import { queueAt, queueSteps } from '../../src/ui/cluster/queue.ts'

const pod = (name: string, cpu: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    resources:\n      requests:\n        cpu: "${cpu}"\n`

describe('queueAt', () => {
  const sim = applyAndRun({ manifests: [pod('fits', '100m'), pod('huge', '64')], untilMs: 60_000 })
  const events = sim.trace
  const steps = queueSteps(events)
  const first = (type: string, p: string) => events.findIndex((e) => e.type === type && e.pod === p)

  it('follows a pod from activeQ into its cycle and out when bound', () => {
    const enq = first('scheduler:Enqueue', 'default/fits')
    expect(queueAt(events, steps, enq).queues.activeQ).toContain('default/fits')
    const pop = first('scheduler:Pop', 'default/fits')
    expect(queueAt(events, steps, pop).queues.inCycle).toEqual(['default/fits'])
    const bound = first('scheduler:Bind', 'default/fits')
    const after = queueAt(events, steps, bound)
    expect(Object.values(after.queues).flat()).not.toContain('default/fits')
  })

  it('puts an unschedulable pod among the unschedulable pods with the plugins that rejected it', () => {
    const fail = first('scheduler:Unschedulable', 'default/huge')
    const q = queueAt(events, steps, fail)
    expect(q.queues.unschedulablePods).toEqual(['default/huge'])
    expect(q.rejectedBy['default/huge']).toEqual(['NodeResourcesFit', 'TaintToleration'])
    // Before anything happened, every queue is empty.
    expect(Object.values(queueAt(events, steps, -1).queues).flat()).toEqual([])
  })
})
