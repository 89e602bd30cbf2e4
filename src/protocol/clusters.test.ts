/* The presets are checked against the engine's own loader, which is exactly what the worker runs. */
import { describe, expect, it } from 'vitest'
// eslint-disable-next-line no-restricted-imports -- a test may use the engine to check the presets it loads
import { loadCluster } from '../engine/cluster/index.ts'
// eslint-disable-next-line no-restricted-imports -- a test may use the engine to check the presets it loads
import { createSimulation } from '../engine/index.ts'
import type { KObject } from '../engine/api/types.ts'
import { CLUSTER_PRESETS, isPreset, presetText } from './clusters.ts'
import { EXAMPLE_POD } from './examples.ts'

function load(text: string | undefined) {
  const c = loadCluster(text, 'cluster.yaml')
  if ('error' in c) throw new Error(c.error)
  return c
}
const nodesOf = (objects: KObject[]) => objects.filter((o) => o.kind === 'Node')
const byId = (objects: KObject[]) => new Map(objects.map((o) => [`${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`, o]))

/** Parsing 5,000 nodes takes seconds on a busy machine: a hang is what the timeout is for, not speed. */
const SLOW_MS = 60_000
const EXPECTED_NODES: Record<string, number> = { default: 3, 'two-nodes': 2, zones: 12, large: 100, huge: 600, giant: 5000 }

describe('cluster presets', () => {
  it('has a label, a one-line description and a known node count for every preset', () => {
    expect(CLUSTER_PRESETS.map((p) => p.id)).toEqual(Object.keys(EXPECTED_NODES))
    for (const p of CLUSTER_PRESETS) {
      expect(p.label).not.toBe('')
      expect(p.description).not.toMatch(/\n/)
      expect(isPreset(p.id)).toBe(true)
    }
    expect(isPreset('custom')).toBe(false)
  })

  for (const [id, count] of Object.entries(EXPECTED_NODES)) {
    it(`${id}: loads without error with ${count} nodes and a header telling the user they can edit it`, () => {
      const text = presetText(id)
      expect(text.startsWith('# podbirth cluster file')).toBe(true)
      expect(text).toMatch(/Edit it freely/)
      const nodes = nodesOf(load(text).objects)
      expect(nodes).toHaveLength(count)
      expect(new Set(nodes.map((n) => n.metadata?.name)).size).toBe(count)
    }, SLOW_MS)
  }

  it('default: exactly the built-in cluster (same Node objects, same everything else)', () => {
    const fromPreset = load(presetText('default'))
    const builtIn = load(undefined)
    const presetNodes = nodesOf(fromPreset.objects)
    expect(presetNodes.map((n) => n.metadata?.name)).toEqual(['control-plane', 'worker-1', 'worker-2'])
    expect(presetNodes).toEqual(nodesOf(builtIn.objects))
    expect(byId(fromPreset.objects)).toEqual(byId(builtIn.objects))
    expect(fromPreset.simulator).toEqual(builtIn.simulator)
    expect(fromPreset.kubeconfig).toEqual(builtIn.kubeconfig)
    expect(fromPreset.schedulerConfig).toBeUndefined()
  })

  it('default: the example pod is scheduled to the same node as on the built-in cluster', () => {
    const run = (text: string | undefined) => {
      const sim = createSimulation({ cluster: load(text), seed: 1 })
      sim.start()
      sim.apply({ files: [{ name: 'pod.yaml', text: EXAMPLE_POD }] })
      sim.run(10 * 60 * 1000)
      return sim.pods().filter((p) => p.metadata?.name === 'nginx').map((p) => [p.spec?.nodeName, p.status?.phase])
    }
    const builtIn = run(undefined)
    expect(builtIn[0]?.[1]).toBe('Running')
    expect(run(presetText('default'))).toEqual(builtIn)
  })

  it('zones: three zones of four nodes, one of them tainted', () => {
    const nodes = nodesOf(load(presetText('zones')).objects)
    const zones = new Map<string, number>()
    for (const n of nodes) {
      const z = n.metadata?.labels?.['topology.kubernetes.io/zone'] ?? ''
      zones.set(z, (zones.get(z) ?? 0) + 1)
    }
    expect([...zones.values()]).toEqual([4, 4, 4])
    expect(nodes.filter((n) => ((n.spec as { taints?: unknown[] } | undefined)?.taints ?? []).length > 0)).toHaveLength(1)
  })

  it('large and huge: nodes spread evenly over 4 and 6 zones, with distinct pod CIDRs', () => {
    for (const [id, zones] of [['large', 4], ['huge', 6]] as const) {
      const nodes = nodesOf(load(presetText(id)).objects)
      expect(new Set(nodes.map((n) => n.metadata?.labels?.['topology.kubernetes.io/zone'])).size).toBe(zones)
      expect(new Set(nodes.map((n) => (n.spec as { podCIDR?: string }).podCIDR)).size).toBe(nodes.length)
    }
  })

  it('giant: 5,000 nodes over 8 zones, a few tainted (GPU) and a few cordoned, generated only when asked for', () => {
    const nodes = nodesOf(load(presetText('giant')).objects)
    expect(new Set(nodes.map((n) => n.metadata?.labels?.['topology.kubernetes.io/zone'])).size).toBe(8)
    expect(new Set(nodes.map((n) => (n.spec as { podCIDR?: string }).podCIDR)).size).toBe(5000)
    const spec = (n: KObject) => n.spec as { taints?: { key: string }[]; unschedulable?: boolean }
    expect(nodes.filter((n) => spec(n).unschedulable)).toHaveLength(10)
    expect(nodes.filter((n) => spec(n).taints?.some((t) => t.key === 'nvidia.com/gpu'))).toHaveLength(20)
    expect(nodes.filter((n) => n.metadata?.labels?.accelerator === 'nvidia')).toHaveLength(20)
  }, SLOW_MS)

  it('a broken cluster file is refused with cluster.yaml, the line and the column', () => {
    const broken = presetText('two-nodes').replace('metadata: {name: worker-b}', 'metadata: {name: worker-b')
    const line = broken.split('\n').findIndex((l) => l.includes('{name: worker-b')) + 1
    const c = loadCluster(broken, 'cluster.yaml')
    expect('error' in c && c.error).toMatch(/^cluster\.yaml: YAML error at line \d+, column \d+: /)
    expect('error' in c && Number(/line (\d+)/.exec(c.error)?.[1])).toBeGreaterThanOrEqual(line)
    expect(loadCluster('apiVersion: v1\nkind: Node\nmetadata:\n  name: x: y\n', 'cluster.yaml')).toEqual({ error: 'cluster.yaml: YAML error at line 4, column 9: Nested mappings are not allowed in compact mappings' })
  })

  it('presetText falls back to the default cluster for an unknown id', () => {
    expect(presetText('nope')).toBe(presetText('default'))
  })
})
