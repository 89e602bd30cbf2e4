import { describe, expect, it } from 'vitest'
import { forWire, isLean } from './wire.ts'
import { decodeSteps, encodeSteps } from '../protocol/stepBatch.ts'
import { createSimulation } from '../engine/index.ts'
import { loadCluster } from '../engine/cluster/index.ts'
import { presetText } from '../protocol/clusters.ts'
import { SCENARIOS } from '../scenarios/index.ts'
import type { TraceEvent } from '../engine/events.ts'

function run(manifest: string, cluster = presetText('default'), seed = 1, user?: string): TraceEvent[] {
  const spec = loadCluster(cluster, 'cluster.yaml')
  if ('error' in spec) throw new Error(spec.error)
  const sim = createSimulation({ cluster: spec, seed })
  sim.apply({ files: [{ name: 'pod.yaml', text: manifest }], user })
  sim.run(120_000)
  return sim.trace
}

/** The step as JSON with the fields the wire leaves off removed, in place (the order of the rest kept). */
function withoutObjects(e: TraceEvent): unknown {
  const copy = JSON.parse(JSON.stringify(e))
  if (copy.change) { delete copy.change.before; delete copy.change.after }
  if (e.type === 'apiserver:Admit') { delete copy.details.before; delete copy.details.after }
  if (e.type === 'http:Request' || e.type === 'http:Response') delete copy.details.request.body
  if (e.type === 'http:Response' && e.details.response.code < 400) delete copy.details.response.body
  return copy
}

describe('the steps on the wire', () => {
  const trace = run(SCENARIOS[0].manifest, SCENARIOS[0].cluster, SCENARIOS[0].seed ?? 1)
  const before = JSON.stringify(trace)
  const wire = forWire(trace)

  it('leave whole objects off, and nothing else, keeping the keys in their order', () => {
    expect(wire).toHaveLength(trace.length)
    for (let i = 0; i < trace.length; i++) expect(JSON.stringify(wire[i])).toBe(JSON.stringify(withoutObjects(trace[i])))
    expect(wire.some((e, i) => e !== trace[i])).toBe(true)
  })

  it('send every other step as it is, and never change the trace', () => {
    for (let i = 0; i < trace.length; i++) {
      const heavy = ['etcd:Txn', 'apiserver:Admit', 'http:Request', 'http:Response'].includes(trace[i].type)
      if (!heavy) expect(wire[i]).toBe(trace[i])
      expect(isLean(trace[i])).toBe(wire[i] !== trace[i])
    }
    expect(JSON.stringify(trace)).toBe(before)
  })

  it('keep a refusal\'s Status, which the story reads', () => {
    const refused = run('apiVersion: v1\nkind: Pod\nmetadata: {name: Bad_Name}\nspec:\n  containers: [{name: c, image: nginx:1.27}]\n')
    const res = forWire(refused).filter((e) => e.type === 'http:Response' && e.details.response.code >= 400)
    expect(res.length).toBeGreaterThan(0)
    for (const e of res) expect(e.type === 'http:Response' && e.details.response.body).toBeTruthy()
  })

  it('come back from their columns with every field (every scenario, in batches)', () => {
    for (const s of SCENARIOS) {
      const steps = forWire(run(s.manifest, s.cluster, s.seed ?? 1, s.user))
      const back: TraceEvent[] = []
      for (let i = 0; i < steps.length; i += 37) back.push(...decodeSteps(encodeSteps(steps.slice(i, i + 37))))
      expect(back).toHaveLength(steps.length)
      // toEqual reads an undefined field as an absent one: a field the columns lost would show.
      for (let i = 0; i < steps.length; i++) expect(back[i], `${s.id} step ${i} (${steps[i].type})`).toEqual(steps[i])
    }
  })
})
