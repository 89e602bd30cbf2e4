/**
 * The suggestions for an unschedulable pod, checked the way a user would use them: each suggested edit is applied
 * in a fresh simulation, and the pod must then be scheduled.
 */
import { describe, expect, it } from 'vitest'
import { applyAndRun } from '../../tests/engine/helpers.ts'
import { presetText } from '../protocol/clusters.ts'
import { suggestFixes } from './whatif.ts'
import type { Suggestion } from '../protocol/messages.ts'
import type { CycleRecord } from '../engine/scheduler/framework/record.ts'
import type { StepOf } from '../engine/events.ts'
import type { KObject, Pod } from '../engine/api/types.ts'
import type { Simulation } from '../engine/index.ts'

const DEFAULT = presetText('default')

const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
${spec}  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "3"
        memory: 256Mi
`

/** Runs the scenario and returns the suggestions for its last FailedScheduling. */
function suggest(manifest: string, cluster = DEFAULT): { sim: Simulation; fixes: Suggestion[] } {
  const sim = applyAndRun({ manifests: manifest, clusterText: cluster })
  const fail = [...sim.trace].reverse().find((e): e is StepOf<'scheduler:Unschedulable'> => e.type === 'scheduler:Unschedulable' && e.pod === 'default/app')
  const record = fail && fail.details.phase !== 'startup' ? fail.details.cycle : undefined
  expect(fail, 'the pod was expected not to fit').toBeDefined()
  const objects = new Map<string, KObject>([
    ...sim.etcd.range('/registry/pods/').map((kv) => [kv.key, kv.value as unknown as KObject] as const),
    ...sim.etcd.range('/registry/minions/').map((kv) => [kv.key, kv.value as unknown as KObject] as const),
  ])
  const p = objects.get('/registry/pods/default/app') as unknown as Pod
  return { sim, fixes: suggestFixes({ record: record as CycleRecord, pod: p, objects, manifest, cluster }) }
}

/** The node the pod runs on after applying the suggestion, or undefined. */
function outcome(manifest: string, cluster: string, fix: Suggestion): string | undefined {
  const sim = applyAndRun({ manifests: fix.target === 'manifest' ? fix.text : manifest, clusterText: fix.target === 'cluster' ? fix.text : cluster })
  const p = sim.pods().find((x) => x.metadata?.name === 'app')
  return p?.status?.phase === 'Running' ? p.spec?.nodeName : undefined
}

describe('suggestFixes', () => {
  it('too big for every worker: request what the roomiest worker has free, and the pod runs there', () => {
    const manifest = pod('').replace('cpu: "3"', 'cpu: "6"')
    const { fixes } = suggest(manifest)
    const fix = fixes.find((f) => f.title.startsWith('Request '))
    expect(fix?.title).toMatch(/^Request \d+m cpu \(what worker-\d has free\)$/)
    expect(fix?.text).toContain('name: app')
    expect(outcome(manifest, DEFAULT, fix as Suggestion)).toMatch(/^worker-\d$/)
  })

  it('a nodeSelector no node matches: label a node (cluster edit) or drop the selector; both schedule', () => {
    const manifest = pod('  nodeSelector:\n    disktype: ssd\n')
    const { fixes } = suggest(manifest)
    const label = fixes.find((f) => f.title.startsWith('Label '))
    const drop = fixes.find((f) => f.title.startsWith('Remove the pod\'s nodeSelector'))
    expect(label?.target).toBe('cluster')
    expect(label?.text).toContain('disktype: ssd')
    const node = /^Label (\S+) with disktype=ssd/.exec(label?.title ?? '')?.[1]
    expect(outcome(manifest, DEFAULT, label as Suggestion)).toBe(node)
    expect(drop?.text).not.toContain('nodeSelector')
    expect(outcome(manifest, DEFAULT, drop as Suggestion)).toMatch(/^worker-\d$/)
  })

  it('only the tainted control plane has room: tolerate its taint (the toleration is added, comments kept)', () => {
    // Both workers cordoned: the control plane is the only node left, and it is tainted.
    const cluster = DEFAULT.replace(/(name: worker-(\d)\n)/g, '$1').replace(/(kind: Node\nmetadata:\n  name: worker-\d[\s\S]*?\nspec:\n)/g, '$1  unschedulable: true\n')
    const manifest = `# my pod\n${pod('').replace('cpu: "3"', 'cpu: 100m')}`
    const { fixes } = suggest(manifest, cluster)
    const tol = fixes.find((f) => f.title.startsWith('Tolerate the taint'))
    expect(tol?.title).toBe('Tolerate the taint node-role.kubernetes.io/control-plane:NoSchedule')
    expect(tol?.text.startsWith('# my pod\n')).toBe(true)
    expect(tol?.text).toContain('tolerations:\n  - key: node-role.kubernetes.io/control-plane\n    operator: Exists\n    effect: NoSchedule')
    expect(outcome(manifest, cluster, tol as Suggestion)).toBe('control-plane')
    const uncordon = fixes.find((f) => f.title.startsWith('Uncordon'))
    expect(uncordon?.target).toBe('cluster')
    expect(outcome(manifest, cluster, uncordon as Suggestion)).toMatch(/^worker-\d$/)
  })
})
