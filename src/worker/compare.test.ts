import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { presetText } from '../protocol/clusters.ts'
import { applyOf } from '../protocol/compare.ts'
import type { PinnedRun } from '../protocol/compare.ts'
import { compare, runPinned, summarise } from './compare.ts'

const mostAllocated = readFileSync(new URL('../../tests/fixtures/most-allocated.yaml', import.meta.url), 'utf8')
const twoNodes = presetText('two-nodes')

/** Two pods asking for 500m cpu each: LeastAllocated spreads them onto the idle worker-a. */
const pods = ['one', 'two'].map((n) => `apiVersion: v1
kind: Pod
metadata: {name: ${n}}
spec:
  containers: [{name: app, image: nginx:1.27, resources: {requests: {cpu: 500m, memory: 256Mi}}}]
`).join('---\n')

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: app, image: nginx:1.27, resources: {requests: {cpu: 500m, memory: 256Mi}}}]
`

const pinned: PinnedRun = { manifest: pods, cluster: twoNodes, seed: 1 }

function current(p: PinnedRun) {
  const cmd = applyOf(p)
  const sim = runPinned(cmd)
  if ('error' in sim) throw new Error(sim.error)
  return { sim, cmd }
}

describe('pin and compare, in the worker', () => {
  it('summarises a run: placements, first cycles, profile and strategy', () => {
    const { sim } = current(pinned)
    const s = summarise(sim, 1)
    expect(s.summary.profile).toBe('default-scheduler')
    expect(s.summary.scoringStrategy).toBe('LeastAllocated')
    expect(s.summary.placements).toEqual({ 'default/one': 'worker-a', 'default/two': 'worker-a' })
    expect(Object.keys(s.summary.firstCycles).sort()).toEqual(['default/one', 'default/two'])
    expect(s.nodes).toBe(2)
    expect(s.compact).toBe(false)
  })

  it('LeastAllocated pinned, MostAllocated current: the pods move to the busy worker-b', () => {
    const b = current({ ...pinned, cluster: `${twoNodes}---\n${mostAllocated}` })
    const m = compare(b.sim, b.cmd, { type: 'compare', pinned })
    const c = m.comparison
    expect(c?.a).toEqual({ profile: 'default-scheduler', scoringStrategy: 'LeastAllocated' })
    expect(c?.b).toEqual({ profile: 'default-scheduler', scoringStrategy: 'MostAllocated' })
    expect(c?.moved).toEqual([
      { pod: 'default/one', a: 'worker-a', b: 'worker-b' },
      { pod: 'default/two', a: 'worker-a', b: 'worker-b' },
    ])
    expect(c?.pod).toBe('default/one')
    expect(m.pods).toEqual(['default/one', 'default/two'])
    // NodeResourcesFit (weight 1) is the only plugin whose score changes. LeastAllocated: worker-a (500m of 4 cpu,
    // 256Mi of 8Gi) (87 + 96) / 2 = 91, worker-b (2.5 of 4 cpu, 1.25Gi) (37 + 84) / 2 = 60; MostAllocated: worker-a
    // (12 + 3) / 2 = 7, worker-b (62 + 15) / 2 = 38 (noderesources least_allocated.go / most_allocated.go, integer
    // division per resource, then by the weight sum).
    expect(c?.scores).toEqual([
      { node: 'worker-a', plugin: 'NodeResourcesFit', a: 91, b: 7, delta: -84 },
      { node: 'worker-b', plugin: 'NodeResourcesFit', a: 60, b: 38, delta: -22 },
    ])
    expect(c?.totals.map((t) => [t.node, t.a, t.b])).toEqual([['worker-a', 486, 402], ['worker-b', 436, 414]])
    expect(m.a.node).toBe('worker-a')
    expect(m.b.node).toBe('worker-b')
    expect(m.a.why).toMatch(/worker-a/)
    expect(m.b.why).toMatch(/worker-b/)
    expect(m.note).toBeUndefined()
  })

  it('chooses another pod without losing the sides; the same inputs compare equal', () => {
    const b = current(pinned)
    const m = compare(b.sim, b.cmd, { type: 'compare', pinned, pod: 'default/two' })
    expect(m.comparison?.pod).toBe('default/two')
    expect(m.comparison?.moved).toEqual([])
    expect(m.comparison?.text).toContain('Every pod lands on the same node in both runs.')
    const unknown = compare(b.sim, b.cmd, { type: 'compare', pinned, pod: 'default/nope' })
    expect(unknown.comparison?.pod).toBe('default/one')
  })

  it('a Deployment keeps its pod names across a scheduler change (same seed)', () => {
    const p = { ...pinned, manifest: deployment }
    const b = current({ ...p, cluster: `${twoNodes}---\n${mostAllocated}` })
    const m = compare(b.sim, b.cmd, { type: 'compare', pinned: p })
    expect(m.pods).toHaveLength(3)
    // Every pod is on a node on both sides (no name present on one side only), and some land elsewhere.
    const moved = m.comparison?.moved ?? []
    expect(moved.length).toBeGreaterThan(0)
    expect(moved.every((x) => x.a !== null && x.b !== null)).toBe(true)
  })

  it('says why when there is nothing to compare', () => {
    expect(compare(undefined, undefined, { type: 'compare', pinned }).note).toMatch(/Apply first/)
    const b = current(pinned)
    const broken = compare(b.sim, b.cmd, { type: 'compare', pinned: { ...pinned, cluster: 'kind: [' } })
    expect(broken.comparison).toBeNull()
    expect(broken.note).toMatch(/^The pinned run could not be made again: /)
  })
})
