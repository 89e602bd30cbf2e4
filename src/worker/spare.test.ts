import { describe, expect, it } from 'vitest'
import { prepareSpare, takeStarted } from './spare.ts'
import { presetText } from '../protocol/clusters.ts'
import type { Simulation } from '../engine/index.ts'

const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers: [{name: c, image: nginx:1.27}]\n'

function traceOf(sim: Simulation | { error: string }): string {
  if ('error' in sim) throw new Error(sim.error)
  sim.apply({ files: [{ name: 'pod.yaml', text: POD }] })
  sim.run()
  return JSON.stringify(sim.trace)
}

describe('the spare simulation', () => {
  it('gives the trace a fresh simulation gives, and is taken once', () => {
    const cluster = presetText('two-nodes')
    const fresh = traceOf(takeStarted(cluster, 7))
    prepareSpare(cluster, 7)
    const spare = takeStarted(cluster, 7)
    expect(traceOf(spare)).toBe(fresh)
    // Taken: the next one is new, not the same object.
    expect(takeStarted(cluster, 7)).not.toBe(spare)
  })

  it('is not used for another seed or another cluster file', () => {
    const cluster = presetText('two-nodes')
    prepareSpare(cluster, 7)
    expect(traceOf(takeStarted(cluster, 8))).toBe(traceOf(takeStarted(cluster, 8)))
    prepareSpare(cluster, 7)
    const other = takeStarted(presetText('default'), 7)
    expect(traceOf(other)).toBe(traceOf(takeStarted(presetText('default'), 7)))
  })

  it('passes a cluster file\'s error on and prepares nothing for it', () => {
    prepareSpare('kind: [', 1)
    const r = takeStarted('kind: [', 1)
    expect('error' in r && r.error).toMatch(/cluster\.yaml/)
  })
})
