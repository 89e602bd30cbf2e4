import { describe, expect, it } from 'vitest'
import { node, pod } from '../testing.ts'
import { compareRuns, scoringStrategyOf } from './compare.ts'
import type { RunSummary } from './compare.ts'
import { explainCycle } from './testing.ts'

const MOST = { profiles: [{ pluginConfig: [{ name: 'NodeResourcesFit', args: { scoringStrategy: { type: 'MostAllocated' } } }] }] }

/** Two workers, one already busy: LeastAllocated picks the idle one, MostAllocated the busy one. */
function run(config?: Record<string, unknown>): RunSummary {
  const nodes = [node('worker-a'), node('worker-b')]
  const pods = [pod('busy', { node: 'worker-b', requests: [{ cpu: '2', memory: '1Gi' }] })]
  const inputs = explainCycle(nodes, pods, pod('nginx', { requests: [{ cpu: '100m', memory: '128Mi' }] }), { config })
  return {
    profile: inputs.record.profile, scoringStrategy: scoringStrategyOf(inputs.profile?.args),
    placements: { 'default/nginx': inputs.record.selectedNode, 'default/busy': 'worker-b' },
    firstCycles: { 'default/nginx': inputs.record },
  }
}

describe('compareRuns', () => {
  it('the pods placed differently, each side\'s strategy and the score differences per node and plugin', () => {
    const a = run()
    const b = run(MOST)
    expect([a.scoringStrategy, b.scoringStrategy]).toEqual(['LeastAllocated', 'MostAllocated'])
    const c = compareRuns(a, b)
    expect(c.moved).toEqual([{ pod: 'default/nginx', a: 'worker-a', b: 'worker-b' }])
    expect(c.pod).toBe('default/nginx')
    expect(c.a).toEqual({ profile: 'default-scheduler', scoringStrategy: 'LeastAllocated' })
    // Only NodeResourcesFit changes with the strategy; its final score moves in opposite directions.
    expect([...new Set(c.scores.map((s) => s.plugin))]).toEqual(['NodeResourcesFit'])
    const fitA = c.scores.find((s) => s.node === 'worker-a')
    const fitB = c.scores.find((s) => s.node === 'worker-b')
    expect(fitA && fitA.delta < 0).toBe(true)
    expect(fitB && fitB.delta !== 0).toBe(true)
    expect(c.totals.map((t) => t.node)).toEqual(['worker-a', 'worker-b'])
    expect(c.text[0]).toBe('A: profile default-scheduler, scoring strategy LeastAllocated')
    expect(c.text[2]).toBe('default/nginx: worker-a in A, worker-b in B')
  })

  it('the same run twice: nothing moved, no score differences', () => {
    const c = compareRuns(run(), run())
    expect(c.moved).toEqual([])
    expect(c.scores).toEqual([])
    expect(c.text).toContain('Every pod lands on the same node in both runs.')
  })

  it('a pod that did not land on one side', () => {
    const a = run()
    const b = { ...run(), placements: { 'default/nginx': null } }
    expect(compareRuns(a, b).moved).toContainEqual({ pod: 'default/nginx', a: 'worker-a', b: null })
  })
})
