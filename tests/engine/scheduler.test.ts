/**
 * The scheduler inside the whole simulated cluster: preemption end to end (nomination, DisruptionTarget,
 * graceful deletion of the victim, the preemptor bound once it is gone), the queue moving a pod back on a cluster
 * event, scheduling gates, and an invalid KubeSchedulerConfiguration.
 */
import { describe, expect, it } from 'vitest'
import type { Simulation } from '../../src/engine/index.ts'
import { adminClient, applyAndRun } from './helpers.ts'

const node = (name: string, cpu: string) => `apiVersion: v1
kind: Node
metadata: {name: ${name}, labels: {kubernetes.io/hostname: ${name}}}
spec: {podCIDR: 10.244.${name.length}.0/24}
status:
  capacity: {cpu: "${cpu}", memory: 4Gi, pods: "110"}
  allocatable: {cpu: "${cpu}", memory: 4Gi, pods: "110"}
`
const running = (name: string, nodeName: string, cpu: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: default, uid: uid-${name}}
spec:
  nodeName: ${nodeName}
  terminationGracePeriodSeconds: 3
  ${extra}
  containers: [{name: app, image: busybox:1.36, command: [sleep, "3600"], resources: {requests: {cpu: ${cpu}}}}]
status: {phase: Running, podIP: 10.244.4.9, startTime: "2026-01-01T00:00:00Z"}
`
const HIGH = `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high}
value: 1000
`
const pod = (name: string, cpu: string, extra = '') => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  ${extra}
  containers: [{name: app, image: nginx:1.27, resources: {requests: {cpu: ${cpu}}}}]
`

const events = (sim: Simulation, name: string) =>
  sim.events().filter((e) => e.involvedObject.name === name).sort((a, b) => Number(a.metadata?.resourceVersion) - Number(b.metadata?.resourceVersion)).map((e) => `${e.type} ${e.reason} ${e.message}`)


describe('preemption end to end', () => {
  const clusterText = [node('node1', '2'), running('low', 'node1', '1500m'), HIGH].join('---\n')
  const sim = applyAndRun({ manifests: pod('vip', '1', 'priorityClassName: high'), clusterText })
  const vip = sim.pods().find((p) => p.metadata?.name === 'vip')

  it('first fails with Insufficient cpu and nominates node1', () => {
    expect(events(sim, 'vip')[0]).toBe('Warning FailedScheduling 0/1 nodes are available: 1 Insufficient cpu.')
    const patch = sim.trace.find((e) => e.type === 'scheduler:Preempt')
    expect(patch?.summary).toBe('preempting default/low on node1')
  })

  it('marks the victim DisruptionTarget, deletes it gracefully, and records Preempted with the preemptor uid', () => {
    const uid = vip?.metadata?.uid
    expect(events(sim, 'low')).toEqual(expect.arrayContaining([`Normal Preempted Preempted by pod ${uid} on node node1`, 'Normal Killing Stopping container app']))
    const cond = sim.trace.find((e) => e.type === 'etcd:Txn' && e.change?.name === 'low' && JSON.stringify(e.change?.after).includes('PreemptionByScheduler'))
    expect(cond).toBeTruthy()
    expect(sim.pods().some((p) => p.metadata?.name === 'low')).toBe(false)
  })

  it('then binds the preemptor to node1 and it runs', () => {
    expect(vip?.spec?.nodeName).toBe('node1')
    expect(vip?.status?.phase).toBe('Running')
    expect(events(sim, 'vip')).toContain('Normal Scheduled Successfully assigned default/vip to node1')
    const nominated = sim.trace.find((e) => e.type === 'etcd:Txn' && e.change?.name === 'vip' && (e.change?.after as { status?: { nominatedNodeName?: string } })?.status?.nominatedNodeName === 'node1')
    expect(nominated).toBeTruthy()
    // ClearingNominatedNodeNameAfterBinding (on by default in v1.35): the binding clears the nomination.
    expect(vip?.status?.nominatedNodeName).toBeUndefined()
  })
})

describe('the queue moves an unschedulable pod back when a pod is deleted', () => {
  const clusterText = [node('node1', '1'), running('blocker', 'node1', '800m')].join('---\n')
  const sim = applyAndRun({ manifests: pod('waiter', '500m'), clusterText, untilMs: 5_000 })

  it('waits among the unschedulable pods, then is scheduled after the blocker is deleted', () => {
    expect(events(sim, 'waiter')).toEqual(['Warning FailedScheduling 0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.'])
    const client = adminClient(sim)
    client.request({ verb: 'DELETE', path: '/api/v1/namespaces/default/pods/blocker' }, () => {})
    sim.run(sim.nowMs() + 60_000)
    const move = sim.trace.find((e) => e.type === 'scheduler:QueueMove' && e.pod === 'default/waiter')
    expect(move?.summary).toBe('unschedulablePods → activeQ: default/waiter (AssignedPodDelete)')
    expect(sim.pods().find((p) => p.metadata?.name === 'waiter')?.spec?.nodeName).toBe('node1')
  })
})

describe('scheduling gates', () => {
  it('keeps a gated pod out of activeQ with the PodScheduled condition the apiserver sets', () => {
    const sim = applyAndRun({ manifests: pod('gated', '100m', 'schedulingGates: [{name: example.com/wait}]'), clusterText: node('node1', '2'), untilMs: 5_000 })
    const enq = sim.trace.find((e) => e.type === 'scheduler:Enqueue' && e.pod === 'default/gated')
    expect(enq?.summary).toBe('SchedulingGates: waiting for scheduling gates: [example.com/wait] — held among the unschedulable pods')
    expect(sim.trace.some((e) => e.type === 'scheduler:Pop' && e.pod === 'default/gated')).toBe(false)
    expect(sim.pods().find((p) => p.metadata?.name === 'gated')?.spec?.nodeName).toBeUndefined()
  })
})

describe('KubeSchedulerConfiguration', () => {
  it('MostAllocated packs pods onto the fuller node', () => {
    const cfg = `apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- schedulerName: default-scheduler
  pluginConfig:
  - name: NodeResourcesFit
    args: {scoringStrategy: {type: MostAllocated, resources: [{name: cpu, weight: 1}, {name: memory, weight: 1}]}}
`
    const clusterText = [node('empty', '4'), node('busy', '4'), running('x', 'busy', '2'), cfg].join('---\n')
    const sim = applyAndRun({ manifests: pod('p', '500m'), clusterText })
    expect(sim.pods().find((p) => p.metadata?.name === 'p')?.spec?.nodeName).toBe('busy')
  })

  it('an invalid configuration stops kube-scheduler with its message', () => {
    const cfg = `apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
percentageOfNodesToScore: 120
`
    const sim = applyAndRun({ manifests: pod('p', '100m'), clusterText: [node('n', '2'), cfg].join('---\n'), untilMs: 5_000 })
    const err = sim.trace.find((e) => e.lane === 'kube-scheduler' && e.outcome === 'error')
    expect(err?.summary).toBe('kube-scheduler failed to start: percentageOfNodesToScore: Invalid value: 120: not in valid range [0-100]')
    expect(sim.pods()[0]?.spec?.nodeName).toBeUndefined()
  })
})
