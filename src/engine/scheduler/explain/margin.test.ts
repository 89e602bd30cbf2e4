import { describe, expect, it } from 'vitest'
import { node, pod } from '../testing.ts'
import { newCycleRecord } from '../framework/record.ts'
import { winnerMargin } from './margin.ts'
import { whyParagraph } from './why.ts'
import { explainCycle } from './testing.ts'

/** A record with two scored nodes, as the example: worker-2 beats worker-1 by 12. */
function scored() {
  const r = newCycleRecord('default/p', 'default-scheduler', 'full')
  r.scorePlugins = [{ plugin: 'TaintToleration', weight: 3 }, { plugin: 'NodeResourcesFit', weight: 1 }, { plugin: 'ImageLocality', weight: 1 }]
  r.finalScore = {
    'worker-1': { TaintToleration: 300, NodeResourcesFit: 80, ImageLocality: 0 },
    'worker-2': { TaintToleration: 300, NodeResourcesFit: 89, ImageLocality: 3 },
  }
  r.totalScore = { 'worker-1': 380, 'worker-2': 392 }
  r.selectedNode = 'worker-2'
  r.tiedNodes = 1
  return r
}

describe('winnerMargin', () => {
  it('per plugin, largest difference first', () => {
    expect(winnerMargin(scored())).toEqual({
      winner: 'worker-2', runnerUp: 'worker-1', by: 12,
      perPlugin: [{ plugin: 'NodeResourcesFit', delta: 9 }, { plugin: 'ImageLocality', delta: 3 }],
      text: 'worker-2 beat worker-1 by 12: NodeResourcesFit +9, ImageLocality +3',
    })
  })

  it('a tie says the seeded generator picked', () => {
    const r = scored()
    r.totalScore['worker-1'] = 392
    r.finalScore['worker-1'] = { ...r.finalScore['worker-2'] }
    r.tiedNodes = 2
    expect(winnerMargin(r)?.text).toBe('worker-2 tied with worker-1 at 392: the seeded generator picked worker-2')
  })

  it('no margin without a winner or a runner-up', () => {
    const r = scored()
    r.selectedNode = null
    expect(winnerMargin(r)).toBeNull()
    const one = scored()
    one.totalScore = { 'worker-2': 392 }
    expect(winnerMargin(one)).toBeNull()
  })
})

describe('whyParagraph', () => {
  it('the runner-up difference per plugin', () => {
    expect(whyParagraph(scored(), 1)).toBe('worker-2 has the highest total score (392). Against worker-1 (380) the difference comes from NodeResourcesFit +9, ImageLocality +3.')
  })

  it('rejections first, then preemption that cannot help', () => {
    const nodes = [node('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }), node('w-1'), node('w-2')]
    const inputs = explainCycle(nodes, [], pod('big', { requests: [{ cpu: '64' }] }))
    expect(whyParagraph(inputs.record, 1)).toBe('NodeResourcesFit rejected 2 nodes ("Insufficient cpu"); TaintToleration rejected 1 node ' +
      '("node(s) had untolerated taint(s)"). Preemption cannot help: every rejection is UnschedulableAndUnresolvable (evicting pods ' +
      'would not change it) or comes before Filter.')
  })

  it('a tie names the seed', () => {
    const inputs = explainCycle([node('w-1'), node('w-2')], [], pod('p'), { seed: 7 })
    expect(whyParagraph(inputs.record, 7)).toBe(`${inputs.record.selectedNode} has the highest total score (${inputs.record.totalScore[inputs.record.selectedNode ?? '']}). ` +
      '2 nodes share that total; the tie is broken at random by the seeded generator (seed 7), so another seed may pick another of them.')
  })
})
