/**
 * RunScorePlugins' arrays as a recording cycle keeps them (runtime/framework.go RunScorePlugins; the record is ours):
 * raw scores are copied only for a plugin that normalizes, and an array equal to the one the plugin's record kept
 * the cycle before is that array, so a run's records share what every cycle scores alike.
 */
import { describe, expect, it } from 'vitest'
import { cluster, node, pod, PodInfo } from '../testing.ts'

describe('runScorePlugins keeps its arrays once per distinct score', () => {
  const c = cluster([node('w1', { cpu: '4' }), node('w2', { cpu: '8' }), node('w3', { cpu: '8' })])
  const nodes = c.core.nodeInfos()
  const score = (name: string, cpu: string) => {
    const pi = new PodInfo(pod(name, { requests: [{ cpu }] }))
    const state = c.core.newCycleState(c.fwk, pi)
    expect(state.recorder).not.toBeNull()
    return c.core.withFramework(c.fwk, () => {
      expect(c.fwk.runPreScorePlugins(state, pi, nodes)).toBeNull()
      const r = c.fwk.runScorePlugins(state, pi, nodes)
      expect(r.status).toBeNull()
      return new Map(r.plugins.map((p) => [p.plugin, p]))
    })
  }

  it('shares the arrays that equal the last cycle\'s, and only those', () => {
    const a = score('a', '1')
    const b = score('b', '1')
    const d = score('d', '3')
    // TaintToleration normalizes (all nodes alike: 100 each) and keeps its raw copy; both shared by the next cycle.
    expect(a.get('TaintToleration')?.raw).toEqual([0, 0, 0])
    expect(a.get('TaintToleration')?.normalized).toEqual([100, 100, 100])
    expect(b.get('TaintToleration')?.raw).toBe(a.get('TaintToleration')?.raw)
    expect(b.get('TaintToleration')?.normalized).toBe(a.get('TaintToleration')?.normalized)
    // NodeResourcesFit does not normalize: no raw copy; the same request scores the same, a larger one does not.
    expect(a.get('NodeResourcesFit')?.raw).toBeNull()
    expect(b.get('NodeResourcesFit')?.normalized).toBe(a.get('NodeResourcesFit')?.normalized)
    expect(d.get('NodeResourcesFit')?.normalized).not.toBe(a.get('NodeResourcesFit')?.normalized)
    expect(d.get('NodeResourcesFit')?.normalized).not.toEqual(a.get('NodeResourcesFit')?.normalized)
  })
})
