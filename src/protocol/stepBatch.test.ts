import { describe, expect, it } from 'vitest'
import { decodeSteps, encodeSteps, transferables } from './stepBatch.ts'
import type { TraceEvent } from '../engine/events.ts'

const steps = [
  {
    type: 'http:Request', lane: 'kubectl', from: 'kubectl', to: 'kube-apiserver', arrive: 4000, pod: 'default/web',
    requestId: 17, outcome: 'info', details: { request: { verb: 'GET', path: '/api/v1/namespaces/default/pods/web' } },
    seq: 4, t: 3000, summary: 'GET /api/v1/namespaces/default/pods/web',
  },
  {
    type: 'etcd:Txn', lane: 'etcd', pod: 'default/web', requestId: 18, outcome: 'ok', details: { phase: 'response' },
    change: { key: '/registry/pods/default/web', type: 'ADDED', revision: 45, kind: 'Pod', namespace: 'default', name: 'web' },
    seq: 5, t: 10_500, summary: 'Txn succeeded: revision 45 (PUT /registry/pods/default/web) — é ✓',
  },
  { type: 'kubelet:SyncPod', lane: 'kubelet', node: 'worker-1', pod: 'default/web', outcome: 'ok', details: {}, seq: 6, t: 20_000, summary: '' },
] as unknown as TraceEvent[]

describe('steps in columns', () => {
  it('come back with the same fields, absent ones undefined', () => {
    const back = decodeSteps(encodeSteps(steps))
    expect(back).toEqual(steps)
    expect(back[2].from).toBeUndefined()
    expect(back[2].arrive).toBeUndefined()
    expect(back.map((e) => e.summary)).toEqual(steps.map((e) => e.summary))
  })

  it('share details and changes, and send each string once per batch', () => {
    const batch = encodeSteps(steps)
    expect(batch.strings.filter((s) => s === 'default/web')).toHaveLength(1)
    const back = decodeSteps(batch)
    for (let i = 0; i < steps.length; i++) {
      expect(back[i].details).toBe(steps[i].details)
      expect(back[i].change).toBe(steps[i].change)
    }
    expect(transferables(batch)).toEqual([batch.refs.buffer, batch.numbers.buffer, batch.ends.buffer])
  })

  it('an empty batch decodes to no steps', () => {
    expect(decodeSteps(encodeSteps([]))).toEqual([])
  })
})
