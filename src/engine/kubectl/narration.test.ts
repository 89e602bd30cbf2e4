import { describe, expect, it } from 'vitest'
import { checkTypes, runScenarios } from '../client/testing.ts'
import { KUBECTL_TRACE_TYPES } from './traceTypes.ts'
import { createSimulation } from '../index.ts'
import { loadCluster } from '../cluster/index.ts'
import type { ClusterSpec } from '../cluster/index.ts'
import { narrate } from '../narration/index.ts'

describe('kubectl narration', () => {
  it('tells every step of every kubectl step type', () => {
    const r = checkTypes(runScenarios(), KUBECTL_TRACE_TYPES)
    expect(r.missing).toEqual([])
    expect(r.problems).toEqual([])
  })
})

describe('the Decode step', () => {
  const pods = (n: number) => Array.from({ length: n }, (_, i) =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: web-${i}}\nspec:\n  containers: [{name: c, image: nginx:1.27}]\n`)
    .join('---\n')
  const decode = (n: number) => {
    const sim = createSimulation({ cluster: loadCluster(undefined, 'c.yaml') as ClusterSpec, seed: 1 })
    sim.start()
    sim.apply({ files: [{ name: 'pods.yaml', text: pods(n) }] })
    const e = sim.trace.find((x) => x.type === 'kubectl:Decode')
    if (!e) throw new Error('no Decode step')
    return { summary: e.summary, story: narrate(e, 'story').text }
  }

  it('names every object of a short file', () => {
    expect(decode(3).summary).toBe('decoded 3 objects: Pod/web-0, Pod/web-1, Pod/web-2')
  })

  it('names the first eight of a long file and counts the rest', () => {
    const { summary, story } = decode(370)
    expect(summary).toBe('decoded 370 objects: Pod/web-0, Pod/web-1, Pod/web-2, Pod/web-3, Pod/web-4, Pod/web-5, '
      + 'Pod/web-6, Pod/web-7 and 362 more')
    expect(story).toMatch(/Pod "web-7" \(line \d+\) and 362 more\.$/)
  })
})
