/**
 * Placeholder filter and score rules (strings from the upstream plugins) used until the full framework lands.
 * Messages mirror pkg/scheduler/framework/plugins/{nodeunschedulable,nodename,tainttoleration,nodeaffinity,
 * noderesources}/*.go and pkg/scheduler/framework/types.go FitError.
 */
import { bytes, cpuMilli } from '../api/quantity.ts'
import type { Node, Pod } from '../api/types.ts'
import { tolerates, untolerated } from '../api/taints.ts'
import { matchesSelectorMap } from '../api/labels.ts'

export function podRequests(pod: Pod): { cpu: number; memory: number } {
  let cpu = 0
  let memory = 0
  for (const c of pod.spec?.containers ?? []) {
    cpu += cpuMilli(c.resources?.requests?.cpu)
    memory += bytes(c.resources?.requests?.memory)
  }
  for (const c of pod.spec?.initContainers ?? []) {
    cpu = Math.max(cpu, cpuMilli(c.resources?.requests?.cpu))
    memory = Math.max(memory, bytes(c.resources?.requests?.memory))
  }
  return { cpu, memory }
}


/** filterNode returns the reasons of the first failing filter (empty when the node fits). */
export function filterNode(pod: Pod, node: Node, podsOnNode: Pod[]): string[] {
  const tol = pod.spec?.tolerations ?? []
  if (node.spec?.unschedulable && !tol.some((t) => tolerates(t, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }))) return ['node(s) were unschedulable']
  if (pod.spec?.nodeName && pod.spec.nodeName !== node.metadata?.name) return ["node(s) didn't match the requested node name"]
  if (untolerated(node.spec?.taints, tol, ['NoSchedule', 'NoExecute']).length) return ['node(s) had untolerated taint(s)']
  if (!matchesSelectorMap(pod.spec?.nodeSelector, node.metadata?.labels)) return ["node(s) didn't match Pod's node affinity/selector"]
  const alloc = node.status?.allocatable ?? {}
  const reasons: string[] = []
  if (podsOnNode.length + 1 > bytes(alloc.pods ?? '110')) return ['Too many pods']
  const req = podRequests(pod)
  const used = podsOnNode.map(podRequests).reduce((a, b) => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory }), { cpu: 0, memory: 0 })
  if (req.cpu > 0 && req.cpu > cpuMilli(alloc.cpu) - used.cpu) reasons.push('Insufficient cpu')
  if (req.memory > 0 && req.memory > bytes(alloc.memory) - used.memory) reasons.push('Insufficient memory')
  return reasons
}

/** leastAllocatedScore: ((capacity - requested) * 100) / capacity averaged over cpu and memory, with 100m/200Mi for unset requests. */
export function leastAllocatedScore(pod: Pod, node: Node, podsOnNode: Pod[]): number {
  const nonZero = (p: Pod) => (p.spec?.containers ?? []).reduce((a, c) => ({
    cpu: a.cpu + (c.resources?.requests?.cpu !== undefined ? cpuMilli(c.resources.requests.cpu) : 100),
    memory: a.memory + (c.resources?.requests?.memory !== undefined ? bytes(c.resources.requests.memory) : 200 * 1024 * 1024),
  }), { cpu: 0, memory: 0 })
  const req = [pod, ...podsOnNode].map(nonZero).reduce((a, b) => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory }))
  const alloc = node.status?.allocatable ?? {}
  const one = (r: number, c: number) => (c === 0 || r > c ? 0 : Math.trunc(((c - r) * 100) / c))
  return Math.trunc((one(req.cpu, cpuMilli(alloc.cpu)) + one(req.memory, bytes(alloc.memory))) / 2)
}

/** fitErrorMessage: `0/N nodes are available: <count reason, ...>.` with reasons sorted as strings (FitError.Error). */
export function fitErrorMessage(numNodes: number, reasonsPerNode: string[][]): string {
  if (numNodes === 0) return 'no nodes available to schedule pods'
  const counts = new Map<string, number>()
  for (const rs of reasonsPerNode) for (const r of rs) counts.set(r, (counts.get(r) ?? 0) + 1)
  const parts = [...counts].map(([r, n]) => `${n} ${r}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const preemption = `preemption: 0/${numNodes} nodes are available: ${numNodes} Preemption is not helpful for scheduling.`
  return `0/${numNodes} nodes are available: ${parts.join(', ')}. ${preemption}`
}
