import { describe, expect, it } from 'vitest'
import { loadCluster } from '../engine/cluster/index.ts'
import { createSimulation } from '../engine/index.ts'
import { whyParagraph } from '../engine/scheduler/explain/index.ts'
import twelve from '../scenarios/twelve-nodes-three-zones.ts'
import type { ApplyCommand } from '../protocol/messages.ts'
import { decide, decision, decisionNode, rememberApply } from './decision.ts'
import type { DecisionMessage } from '../protocol/decision.ts'
import { recomputeCycle, runOf } from './recompute.ts'

/** Runs an apply to the end, as the worker does. */
function run(cmd: ApplyCommand) {
  const sim = runOf(cmd)
  if ('error' in sim) throw new Error(sim.error)
  sim.run()
  rememberApply(cmd)
  return sim
}
const decisive = (sim: ReturnType<typeof run>) =>
  sim.trace.findIndex(
    (e) => e.type === 'scheduler:Select' || (e.type === 'scheduler:Unschedulable' && e.details.phase === 'scheduling'),
  )

describe('the decision of a cycle, in the worker', () => {
  it('explains the twelve-node scenario: the Why paragraph, the spread counts, the conflicting pod', () => {
    const sim = run({ type: 'apply', text: twelve.manifest, cluster: twelve.cluster, seed: 1 })
    const i = decisive(sim)
    const d = decision(sim, i)
    expect(d.record?.selectedNode).toMatch(/^node-c[2-4]$/)
    expect(d.why).toBe(whyParagraph(d.record as NonNullable<typeof d.record>, 1))
    expect(Object.keys(d.nodeLabels)).toHaveLength(12)
    expect(d.nodes).toHaveLength(12)
    const a4 = d.nodes.find((n) => n.node === 'node-a4')
    const spread = a4?.plugins
      .find((p) => p.plugin === 'PodTopologySpread')
      ?.constraints.find((c) => c.kind === 'spread')
    expect(
      spread && spread.kind === 'spread' && [spread.skewIfPlaced, spread.domains.map((x) => `${x.value}:${x.pods}`)],
    ).toEqual([2, ['zone-a:1', 'zone-b:1', 'zone-c:0']])
    const c1 = d.nodes.find((n) => n.node === 'node-c1')
    const anti = c1?.plugins
      .find((p) => p.plugin === 'InterPodAffinity')
      ?.constraints.find((c) => c.kind === 'interPod' && !c.satisfied)
    expect(anti && anti.kind === 'interPod' && anti.matchingPods).toEqual(['default/cache-1'])
    expect(decisionNode(sim, i, 'node-c1').explanation?.rejectedBy).toBe('InterPodAffinity')
  })

  it('recomputes a compact record (above 100 nodes) in full, with the same decision', () => {
    const pod =
      'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: nginx:1.27, resources: {requests: {cpu: 100m}}}]\n'
    // 101 nodes: just above FULL_DETAIL_MAX_NODES, so the run keeps compact records.
    const nodes = Array.from(
      { length: 101 },
      (_, k) =>
        `- {apiVersion: v1, kind: Node, metadata: {name: n-${k}, labels: {topology.kubernetes.io/zone: z-${k % 3}}}}`,
    )
    const cmd: ApplyCommand = {
      type: 'apply',
      text: pod,
      cluster: `apiVersion: v1\nkind: List\nitems:\n${nodes.join('\n')}\n`,
      seed: 3,
    }
    const sim = run(cmd)
    const i = decisive(sim)
    const e = sim.trace[i]
    const compact = e.type === 'scheduler:Select' ? e.details.cycle : null
    expect(compact?.detail).toBe('compact')
    const pop = sim.trace.findIndex((x) => x.type === 'scheduler:Pop')
    const full = recomputeCycle(cmd, pop, 'default/p')
    expect(full?.detail).toBe('full')
    expect(full?.selectedNode).toBe(compact?.selectedNode)
    expect(Object.keys(full?.filter ?? {}).length).toBe(full?.numEvaluated)
    const d = decision(sim, i)
    expect([d.recomputed, d.record?.detail, d.nodes.length]).toEqual([true, 'full', 101])
    const posted: DecisionMessage[] = []
    decide(sim, i, (m) => posted.push(m))
    expect(posted.map((m) => [m.pending ?? false, m.record?.detail])).toEqual([
      [true, 'compact'],
      [false, 'full'],
    ])
    // A later cycle of the same run continues the kept replay; an earlier one starts again: both are the run's.
    expect(recomputeCycle(cmd, pop, 'default/p')?.selectedNode).toBe(compact?.selectedNode)
  }, 60_000)

  it('answers a step without a record with a note', () => {
    const sim = createSimulation({ cluster: loadCluster(undefined, 'cluster.yaml') as never, seed: 1 })
    expect(decision(sim, 0).note).toMatch(/no scheduling cycle record/)
  })
})
