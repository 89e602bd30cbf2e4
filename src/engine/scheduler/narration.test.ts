import { problems } from '../client/testing.ts'
/**
 * The scheduler's narration, told from real simulations that together emit every scheduler step type: a pod
 * scheduled on the default cluster, one too big for any node, a preemption, a pod moved back by a cluster event, a
 * gated pod and an invalid KubeSchedulerConfiguration. Each step must read as text at both depths.
 */
import { describe, expect, it } from 'vitest'
import { adminClient, applyAndRun, NGINX } from '../../../tests/engine/helpers.ts'
import type { StepOf, TraceEvent } from '../events.ts'
import type { Simulation } from '../index.ts'
import { narrate } from '../narration/index.ts'
import { SCHEDULER_NARRATION } from './narration/index.ts'
import { SCHEDULER_TRACE_TYPES } from './traceTypes.ts'

const node = (name: string, cpu: string) => `apiVersion: v1
kind: Node
metadata: {name: ${name}, labels: {kubernetes.io/hostname: ${name}}}
spec: {podCIDR: 10.244.${name.length}.0/24}
status:
  capacity: {cpu: "${cpu}", memory: 4Gi, pods: "110"}
  allocatable: {cpu: "${cpu}", memory: 4Gi, pods: "110"}
`
const running = (name: string, nodeName: string, cpu: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: default, uid: uid-${name}}
spec:
  nodeName: ${nodeName}
  terminationGracePeriodSeconds: 3
  containers: [{name: app, image: busybox:1.36, command: [sleep, "3600"], resources: {requests: {cpu: ${cpu}}}}]
status: {phase: Running, podIP: 10.244.4.9, startTime: "2026-01-01T00:00:00Z"}
`
const pod = (name: string, cpu: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  ${extra}
  containers: [{name: app, image: nginx:1.27, resources: {requests: {cpu: "${cpu}"}}}]
`
const HIGH = `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high}
value: 1000
`
const BAD_CONFIG = `apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
percentageOfNodesToScore: 120
`

function deletePod(sim: Simulation, name: string): void {
  const admin = adminClient(sim)
  admin.request({ verb: 'DELETE', path: `/api/v1/namespaces/default/pods/${name}` }, () => {})
  sim.run(sim.nowMs() + 60_000)
}

const scheduled = applyAndRun({ manifests: NGINX })
const tooBig = applyAndRun({ manifests: pod('too-big', '64') })
const preemption = applyAndRun({
  manifests: pod('vip', '1', 'priorityClassName: high'),
  clusterText: [node('node1', '2'), running('low', 'node1', '1500m'), HIGH].join('---\n'),
})
const waiter = applyAndRun({
  manifests: pod('waiter', '500m'),
  clusterText: [node('node1', '1'), running('blocker', 'node1', '800m')].join('---\n'),
  untilMs: 5_000,
})
deletePod(waiter, 'blocker')
const gated = applyAndRun({
  manifests: pod('gated', '100m', 'schedulingGates: [{name: example.com/wait}]'),
  clusterText: node('node1', '2'),
  untilMs: 5_000,
})
const badConfig = applyAndRun({
  manifests: pod('p', '100m'),
  clusterText: [node('n', '2'), BAD_CONFIG].join('---\n'),
  untilMs: 5_000,
})

const steps: TraceEvent[] = [scheduled, tooBig, preemption, waiter, gated, badConfig].flatMap((sim) =>
  sim.trace.filter((e) => e.type.startsWith('scheduler:')),
)
const find = <K extends TraceEvent['type']>(type: K, pred: (e: StepOf<K>) => boolean = () => true): StepOf<K> => {
  const e = steps.find((x): x is StepOf<K> => x.type === type && pred(x as StepOf<K>))
  if (!e) throw new Error(`no ${type} step`)
  return e
}

describe('scheduler narration', () => {
  it('has one entry per declared step type, and the scenarios emit every one of them', () => {
    expect(Object.keys(SCHEDULER_NARRATION).sort()).toEqual([...SCHEDULER_TRACE_TYPES].sort())
    expect(new Set(steps.map((e) => e.type))).toEqual(new Set(SCHEDULER_TRACE_TYPES))
  })

  it.each([...SCHEDULER_TRACE_TYPES])(
    '%s reads as text at both depths, with a docs page and an upstream source',
    (type) => {
      const mine = steps.filter((e) => e.type === type)
      expect(mine.length).toBeGreaterThan(0)
      expect(mine.flatMap(problems)).toEqual([])
    },
  )

  it('keeps the one-line summaries the CLI and the tests read', () => {
    expect(find('scheduler:Enqueue', (e) => e.pod === 'default/nginx').summary).toBe(
      'activeQ ← default/nginx (priority 0)',
    )
    expect(find('scheduler:Filter', (e) => e.pod === 'default/nginx').summary).toBe(
      'Filter: 2/3 nodes feasible (TaintToleration rejected 1)',
    )
    expect(find('scheduler:Preempt').summary).toBe('preempting default/low on node1')
    expect(find('scheduler:QueueMove', (e) => e.pod === 'default/waiter').summary).toBe(
      'unschedulablePods → activeQ: default/waiter (AssignedPodDelete)',
    )
    expect(find('scheduler:Unschedulable', (e) => e.details.phase === 'startup').summary).toBe(
      'kube-scheduler failed to start: percentageOfNodesToScore: Invalid value: 120: not in valid range [0-100]',
    )
  })

  it('tells why each node was kept or rejected, the winner and how the tie was broken', () => {
    const filter = narrate(
      find('scheduler:Filter', (e) => e.pod === 'default/nginx'),
      'story',
    ).text
    expect(filter).toMatch(/worker-1 and worker-2 pass every check \(2 of 3\)/)
    expect(filter).toMatch(/control-plane is rejected by TaintToleration/)
    const select = find('scheduler:Select', (e) => e.pod === 'default/nginx')
    expect(select.details.selectedNode).toBe('worker-2')
    expect(narrate(select, 'story').text).toMatch(/2 nodes share the best total score \(\d+\).*seed \(1\)/)
    expect(narrate(select, 'expert').text).toMatch(/selectHost/)
  })

  it('tells the failure, the retry and the preemption', () => {
    const fail = find('scheduler:Unschedulable', (e) => e.pod === 'default/too-big')
    expect(narrate(fail, 'story').text).toContain('FailedScheduling')
    expect(narrate(fail, 'expert').text).toMatch(/UnschedulablePlugins \{NodeResourcesFit, TaintToleration\}/)
    expect(
      narrate(
        find('scheduler:PostFilter', (e) => e.pod === 'default/too-big'),
        'story',
      ).text,
    ).toMatch(/does not help here/)
    const move = find('scheduler:QueueMove', (e) => e.pod === 'default/waiter')
    expect(move.details.hintedBy).toEqual(['NodeResourcesFit'])
    expect(narrate(move, 'story').text).toMatch(/a pod on a node was deleted/)
    expect(narrate(find('scheduler:Preempt'), 'story').text).toMatch(/default\/low \(priority 0\)/)
  })
})
