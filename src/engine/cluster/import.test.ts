/**
 * Importing a real cluster: the 54-node fixture (tests/fixtures/real-cluster/get-nodes-pods.yaml, written as
 * `kubectl get nodes,pods -A -o yaml` prints it) loads, its running pods keep their nodes and IPs, and a new pod
 * schedules and gets an address its node's host-local has not handed out yet.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createSimulation } from '../index.ts'
import { loadCluster } from './index.ts'

const FIXTURE = new URL('../../../tests/fixtures/real-cluster/', import.meta.url)
const read = (name: string) => readFileSync(new URL(name, FIXTURE), 'utf8')

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: probe
spec:
  nodeSelector:
    kubernetes.io/hostname: worker-a-10
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests: {cpu: 250m, memory: 128Mi}
`

describe('importing kubectl get nodes,pods -A -o yaml of a 54-node cluster', { timeout: 60_000 }, () => {
  const spec = loadCluster(read('get-nodes-pods.yaml'), 'cluster.yaml')
  if ('error' in spec) throw new Error(spec.error)
  const sim = createSimulation({ cluster: spec, seed: 1 })
  sim.apply({ files: [{ name: 'pod.yaml', text: POD }] })
  sim.run()
  const pods = sim.pods()
  const before = spec.objects.filter((o) => o.kind === 'Pod')

  it('loads every node and pod, and the namespaces the pods are in', () => {
    expect(spec.objects.filter((o) => o.kind === 'Node')).toHaveLength(54)
    expect(before).toHaveLength(143)
    const namespaces = spec.objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata?.name)
    expect(namespaces).toEqual(expect.arrayContaining(['kube-system', 'kube-flannel', 'shop']))
  })

  it('keeps every existing pod on its node with its IP, phase and owner', () => {
    for (const p of before as typeof pods) {
      const now = pods.find((x) => x.metadata?.uid === p.metadata?.uid)
      expect(now?.spec?.nodeName).toBe(p.spec?.nodeName)
      expect(now?.status?.podIP).toBe(p.status?.podIP)
      expect(now?.status?.phase).toBe('Running')
      expect(now?.metadata?.ownerReferences).toEqual(p.metadata?.ownerReferences)
    }
  })

  it('schedules the new pod; its IP is in the node\'s pod CIDR and not one already in use', () => {
    const probe = pods.find((p) => p.metadata?.name === 'probe')
    expect(probe?.spec?.nodeName).toBe('worker-a-10')
    expect(probe?.status?.phase).toBe('Running')
    const taken = pods.filter((p) => p !== probe && p.spec?.nodeName === 'worker-a-10').map((p) => p.status?.podIP)
    expect(taken).toEqual(expect.arrayContaining(['10.244.12.2', '10.244.12.3', '10.0.1.30']))
    // host-local goes on after the highest address in use (.3): hostNetwork pods took none of the range.
    expect(probe?.status?.podIP).toBe('10.244.12.4')
    expect(taken).not.toContain(probe?.status?.podIP)
    expect(sim.events().map((e) => e.reason)).toContain('Scheduled')
  })

  it('loads `kubectl get nodes -o yaml` alone: the nodes and no pods', () => {
    const nodes = loadCluster(read('get-nodes.yaml'), 'nodes.yaml')
    if ('error' in nodes) throw new Error(nodes.error)
    expect(nodes.objects.filter((o) => o.kind === 'Node')).toHaveLength(54)
    expect(nodes.objects.filter((o) => o.kind === 'Pod')).toHaveLength(0)
  })
})
