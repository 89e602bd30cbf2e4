/**
 * What-if, end to end in the engine: a scenario runs, its pod fails to schedule, and every suggestion offered must
 * come with a simulated outcome — cases where the naive suggestion does not help included.
 */
import { describe, expect, it } from 'vitest'
import { applyAndRun } from '../../../tests/engine/helpers.ts'
import { presetText } from '../../protocol/clusters.ts'
import { firstCycleRunner, runsFor, whatIf } from './index.ts'
import type { WhatIfAnswer } from './index.ts'
import type { StepOf } from '../../engine/events.ts'
import type { KObject, Pod } from '../../engine/api/types.ts'

const DEFAULT = presetText('default')
const ZONES = presetText('zones')

const pod = (spec: string, cpu = '3', labels = '') => `apiVersion: v1
kind: Pod
metadata:
  name: app
${labels}spec:
${spec}  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "${cpu}"
        memory: 256Mi
`

/** Runs the scenario, then asks what-if about the pod's first FailedScheduling, with real verification runs. */
function ask(manifest: string, cluster = DEFAULT): WhatIfAnswer {
  const sim = applyAndRun({ manifests: manifest, clusterText: cluster })
  const fail = sim.trace.find(
    (e): e is StepOf<'scheduler:Unschedulable'> => e.type === 'scheduler:Unschedulable' && e.pod === 'default/app',
  )
  expect(fail, 'the pod was expected not to fit').toBeDefined()
  const f = fail as StepOf<'scheduler:Unschedulable'>
  if (f.details.phase === 'startup' || !f.details.cycle) throw new Error('no cycle record')
  const objects = new Map<string, KObject>([
    ...sim.etcd.range('/registry/pods/').map((kv) => [kv.key, kv.value as unknown as KObject] as const),
    ...sim.etcd.range('/registry/minions/').map((kv) => [kv.key, kv.value as unknown as KObject] as const),
  ])
  const p = objects.get('/registry/pods/default/app') as unknown as Pod
  const run = firstCycleRunner({ seed: 1, pod: p, untilUs: f.t + 60_000_000 })
  return whatIf({ record: f.details.cycle, pod: p, objects, manifest, cluster, run })
}

/** An existing pod bound to `node`, written in the cluster file. */
const existing = (name: string, node: string, labels: string) => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: default, labels: {${labels}}}
spec:
  nodeName: ${node}
  containers: [{name: c, image: nginx:1.27, resources: {requests: {cpu: 100m, memory: 64Mi}}}]
`

describe('whatIf', () => {
  it('a 6-CPU pod on the default cluster: tolerating the control-plane taint is not offered, the fixes schedule', () => {
    const { suggestions } = ask(pod('', '6'))
    expect(suggestions.length).toBeGreaterThan(0)
    expect(suggestions.every((s) => s.outcome?.schedules)).toBe(true)
    expect(suggestions.some((s) => s.title.startsWith('Tolerate'))).toBe(false)
    expect(suggestions.some((s) => s.title.startsWith('Remove the taint'))).toBe(false)
    // Best first: a new node keeps the pod as written; lowering its request comes after.
    expect(suggestions[0].title).toMatch(/^Add a node worker-3 like worker-\d with room for the pod$/)
    expect(suggestions[0].outcome).toMatchObject({
      schedules: true,
      node: 'worker-3',
      feasibleBefore: 0,
      feasibleAfter: 1,
    })
    const request = suggestions.find((s) => s.title.startsWith('Request '))
    expect(request?.outcome?.node).toMatch(/^worker-[12]$/)
  })

  it('zone spreading with a cordoned zone: uncordoning comes first; every fix lands in a verified place', () => {
    // zone-c cordoned, one app=web pod in each of zone-a and zone-b: zone-c counts with 0, so maxSkew 1 fails a and b.
    let cluster = ZONES.replace(/(name: node-c\d\n[\s\S]*?\nspec:\n)/g, '$1  unschedulable: true\n')
    cluster += existing('web-a', 'node-a1', 'app: web') + existing('web-b', 'node-b1', 'app: web')
    const spread =
      '  topologySpreadConstraints:\n  - maxSkew: 1\n    topologyKey: topology.kubernetes.io/zone\n    whenUnsatisfiable: DoNotSchedule\n    labelSelector:\n      matchLabels: {app: web}\n'
    const { suggestions } = ask(pod(spread, '1', '  labels: {app: web}\n'), cluster)
    expect(suggestions.every((s) => s.outcome?.schedules)).toBe(true)
    expect(suggestions[0].title).toMatch(/^Uncordon node-c\d/)
    expect(suggestions[0].outcome?.node).toMatch(/^node-c\d$/)
    const titles = suggestions.map((s) => s.title)
    expect(titles).toContain('Raise maxSkew of topologySpreadConstraints[0] (topology.kubernetes.io/zone) to 2')
    expect(titles).toContain(
      'Set whenUnsatisfiable: ScheduleAnyway on topologySpreadConstraints[0] (topology.kubernetes.io/zone)',
    )
    const add = suggestions.find((s) => s.title.startsWith('Add a node'))
    expect(add?.title).toMatch(/in topology\.kubernetes\.io\/zone=zone-c$/)
    expect(add?.outcome?.node).toBe(/^Add a node (\S+)/.exec(add?.title ?? '')?.[1])
  })

  it('required pod anti-affinity against every worker: relaxing it or a new node schedules the pod', () => {
    const cluster = DEFAULT + existing('web-1', 'worker-1', 'app: web') + existing('web-2', 'worker-2', 'app: web')
    const anti =
      '  affinity:\n    podAntiAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - topologyKey: kubernetes.io/hostname\n        labelSelector:\n          matchLabels: {app: web}\n'
    const { suggestions } = ask(pod(anti, '1', '  labels: {app: web}\n'), cluster)
    expect(suggestions.every((s) => s.outcome?.schedules)).toBe(true)
    const relax = suggestions.find((s) => s.title === 'Relax the required pod anti-affinity to preferred')
    expect(relax?.text).toContain(
      'preferredDuringSchedulingIgnoredDuringExecution:\n      - weight: 100\n        podAffinityTerm:',
    )
    expect(relax?.text).not.toContain('requiredDuringScheduling')
    expect(relax?.outcome?.node).toMatch(/^worker-[12]$/)
    expect(suggestions[0].title).toMatch(/^Add a node worker-3 like worker-[12]$/)
  })

  it('only a tainted 2-CPU node for a 3-CPU pod: no single edit works, tolerate + lower the request does', () => {
    const cluster = `apiVersion: v1
kind: Node
metadata: {name: cp-1}
spec:
  taints: [{key: node-role.kubernetes.io/control-plane, effect: NoSchedule}]
status:
  capacity: {cpu: "2", memory: 4Gi, pods: "110"}
`
    const { suggestions } = ask(pod(''), cluster)
    expect(suggestions.length).toBeGreaterThan(0)
    expect(suggestions.every((s) => s.outcome?.schedules && s.outcome.changes === 2)).toBe(true)
    const both = suggestions.find((s) => s.target === 'manifest')
    expect(both?.title).toMatch(
      /^Tolerate the taint node-role\.kubernetes\.io\/control-plane:NoSchedule, and request \d+m cpu/,
    )
    expect(both?.outcome?.node).toBe('cp-1')
  })

  it('a nodeSelector no node matches: labelling a node comes before dropping the selector; both verified', () => {
    const { suggestions } = ask(pod('  nodeSelector:\n    disktype: ssd\n', '1'))
    expect(suggestions[0].title).toMatch(
      /^Label worker-\d with disktype=ssd \(kubectl label node worker-\d disktype=ssd\)$/,
    )
    expect(suggestions[0].outcome?.node).toBe(/^Label (\S+)/.exec(suggestions[0].title)?.[1])
    expect(suggestions.map((s) => s.title)).toContain("Remove the pod's nodeSelector (disktype=ssd)")
  })

  it('bounded cost: eight runs up to 500 nodes, fewer above, one at 5,000', () => {
    expect([3, 100, 500, 600, 5000].map(runsFor)).toEqual([8, 8, 8, 6, 1])
  })
})
