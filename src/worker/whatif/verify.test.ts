/** The verifier with a stubbed runner: what is offered, in which order, and what the caps do. */
import { describe, expect, it } from 'vitest'
import { newCycleRecord } from '../../engine/scheduler/framework/record.ts'
import type { CycleRecord } from '../../engine/scheduler/framework/record.ts'
import { progressOf, verify } from './verify.ts'
import type { FirstCycle, RunFn, Texts } from './verify.ts'
import type { Candidate } from './suggest.ts'

/** A failed cycle: `rejected` plugin → [nodes, reason]. */
function failed(rejected: Record<string, [number, string]>): CycleRecord {
  const r = newCycleRecord('default/app', 'default-scheduler', 'full')
  for (const [p, [nodes, reason]] of Object.entries(rejected)) r.rejectedBy[p] = { nodes, reasons: { [reason]: nodes } }
  r.message = `0/3 nodes are available: ${Object.values(rejected)
    .map(([n, why]) => `${n} ${why}`)
    .join(', ')}.`
  return r
}
function scheduled(node: string, feasible = 1): CycleRecord {
  const r = newCycleRecord('default/app', 'default-scheduler', 'full')
  r.selectedNode = node
  r.numFeasible = feasible
  return r
}

/** A candidate whose edit appends its marker to the text it targets. */
const cand = (
  kind: string,
  rank: number,
  target: 'manifest' | 'cluster' = 'manifest',
  plugin = 'TaintToleration',
): Candidate => ({
  title: `Do ${kind}`,
  why: `because ${kind}`,
  target,
  rank,
  plugin,
  kind,
  edit: (t) => `${t}+${kind}`,
})

/** runs: the outcome per edited text (manifest + cluster), a failed cycle otherwise. */
function stub(outcomes: Record<string, CycleRecord>, calls: Texts[] = []): RunFn {
  return (texts) => {
    calls.push(texts)
    const r = outcomes[`${texts.manifest}|${texts.cluster}`] ?? failed({ NodeResourcesFit: [3, 'Insufficient cpu'] })
    const cycle: FirstCycle = { record: r }
    return { kind: 'cycle', cycle }
  }
}

const texts = { manifest: 'm', cluster: 'c' }
const before = failed({
  TaintToleration: [1, 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
  NodeResourcesFit: [2, 'Insufficient cpu'],
})

describe('verify', () => {
  it('offers only what schedules, the least invasive first, each with its outcome', () => {
    const run = stub({ 'm+request|c': scheduled('worker-1', 2), 'm|c+uncordon': scheduled('worker-2') })
    const r = verify({
      before,
      texts,
      run,
      candidates: [cand('tolerate', 8), cand('request', 7), cand('uncordon', 1, 'cluster')],
    })
    expect(r.runs).toBe(3)
    expect(r.suggestions.map((s) => s.title)).toEqual(['Do uncordon', 'Do request'])
    expect(r.suggestions[0]).toMatchObject({
      target: 'cluster',
      text: 'c+uncordon',
      outcome: { schedules: true, node: 'worker-2', feasibleBefore: 0, feasibleAfter: 1, changes: 1 },
    })
    expect(r.suggestions[1].text).toBe('m+request')
  })

  it('a naive edit that only moves the rejection (the taint tolerated, the node too small) is not offered beside a fix', () => {
    // After tolerating, the control plane is rejected by NodeResourcesFit instead: progress, but no fix.
    const tolerated = failed({ NodeResourcesFit: [3, 'Insufficient cpu'] })
    const run = stub({ 'm+tolerate|c': tolerated, 'm+request|c': scheduled('worker-1') })
    const r = verify({
      before,
      texts,
      run,
      candidates: [cand('tolerate', 8), cand('request', 7, 'manifest', 'NodeResourcesFit')],
    })
    expect(r.suggestions.map((s) => s.title)).toEqual(['Do request'])
  })

  it('when nothing schedules, an edit that gets further is shown as not enough, with what still blocks it', () => {
    const tolerated = failed({ NodeResourcesFit: [3, 'Insufficient cpu'] })
    const r = verify({
      before,
      texts,
      run: stub({ 'm+tolerate|c': tolerated }),
      candidates: [cand('tolerate', 8), cand('untouched', 9, 'manifest', 'NodeAffinity')],
    })
    expect(r.suggestions).toHaveLength(1)
    expect(r.suggestions[0].outcome).toMatchObject({
      schedules: false,
      message: '0/3 nodes are available: 3 Insufficient cpu.',
      progress: 'TaintToleration passes on 1 more node, but NodeResourcesFit rejects 3 nodes (Insufficient cpu)',
    })
  })

  it('combines two edits of the same text when no single one schedules (tolerate, then lower the request)', () => {
    const tolerated = failed({ NodeResourcesFit: [3, 'Insufficient cpu'] })
    const run = stub({ 'm+tolerate|c': tolerated, 'm+tolerate+request|c': scheduled('control-plane') })
    const r = verify({
      before,
      texts,
      run,
      candidates: [cand('tolerate', 8)],
      suggest: () => [cand('addNode', 5, 'cluster'), cand('request', 7, 'manifest', 'NodeResourcesFit')],
    })
    expect(r.suggestions).toHaveLength(1)
    expect(r.suggestions[0]).toMatchObject({
      title: 'Do tolerate, and do request',
      text: 'm+tolerate+request',
      outcome: { schedules: true, node: 'control-plane', changes: 2 },
    })
  })

  it('caps the runs and says how many edits were left unchecked; an edit that changes nothing new is not rerun', () => {
    const calls: Texts[] = []
    const same = (kind: string): Candidate => ({ ...cand(kind, 1), edit: (t) => `${t}+same` })
    const r = verify({
      before,
      texts,
      run: stub({}, calls),
      maxRuns: 2,
      candidates: [same('a'), same('b'), cand('c', 2), cand('d', 3), cand('e', 4)],
    })
    expect(calls).toHaveLength(2)
    expect(r.note).toBe('2 more possible edits not simulated (at most 2 runs per question).')
  })

  it('progressOf: nothing when the plugin rejects as many nodes as before', () => {
    expect(progressOf('TaintToleration', before, before)).toBeUndefined()
  })
})
