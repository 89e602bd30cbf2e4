/**
 * The kubelet's own admission of a pod bound to its node: it checks again what the scheduler checked, against what
 * the pods it already runs use, because the scheduler's view may be stale.
 * Mirrors: pkg/kubelet/lifecycle/predicate.go (Admit, generalFilter: resources first, then ports, node affinity,
 * NoExecute taints; the OutOf<resource> reasons and "Predicate <name> failed" messages).
 */
import { isSidecar } from '../../api/containers.ts'
import { matchesSelectorMap } from '../../api/labels.ts'
import { bytes, cpuMilli } from '../../api/quantity.ts'
import { untolerated } from '../../api/taints.ts'
import type { Container, Node, Pod } from '../../api/types.ts'

export interface Usage {
  cpu: number
  memory: number
}

export type Admission =
  | { verdict: 'admit'; requested: Usage; used: Usage; free: Usage }
  | { verdict: 'reject'; requested: Usage; used: Usage; reason: string; message: string }

/** canAdmitPod decides whether `pod` fits beside `others` (the pods the kubelet runs that have not finished). */
export function canAdmitPod(pod: Pod, others: Pod[], node: Node | undefined): Admission {
  const alloc = node?.status?.allocatable ?? {}
  const used = others
    .map(requests)
    .reduce((a, b) => ({ cpu: a.cpu + b.cpu, memory: a.memory + b.memory }), { cpu: 0, memory: 0 })
  const mine = requests(pod)
  const hostPorts = (p: Pod) =>
    (p.spec?.containers ?? []).flatMap((c) =>
      (c.ports ?? []).filter((x) => x.hostPort).map((x) => `${x.protocol ?? 'TCP'}/${x.hostPort}`),
    )
  const usedPorts = new Set(others.flatMap(hostPorts))
  const podsCap = bytes(alloc.pods ?? '110')
  const reject = (reason: string, message: string): Admission => ({
    verdict: 'reject',
    requested: mine,
    used,
    reason,
    message,
  })
  if (others.length + 1 > podsCap)
    return reject(
      'OutOfpods',
      `Node didn't have enough resource: pods, requested: 1, used: ${others.length}, capacity: ${podsCap}`,
    )
  if (mine.cpu > 0 && mine.cpu > cpuMilli(alloc.cpu) - used.cpu)
    return reject(
      'OutOfcpu',
      `Node didn't have enough resource: cpu, requested: ${mine.cpu}, used: ${used.cpu}, capacity: ${cpuMilli(alloc.cpu)}`,
    )
  if (mine.memory > 0 && mine.memory > bytes(alloc.memory) - used.memory)
    return reject(
      'OutOfmemory',
      `Node didn't have enough resource: memory, requested: ${mine.memory}, used: ${used.memory}, capacity: ${bytes(alloc.memory)}`,
    )
  if (hostPorts(pod).some((p) => usedPorts.has(p)))
    return reject('NodePorts', "Predicate NodePorts failed: node(s) didn't have free ports for the requested pod ports")
  if (!matchesSelectorMap(pod.spec?.nodeSelector, node?.metadata?.labels))
    return reject('NodeAffinity', "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector")
  if (untolerated(node?.spec?.taints, pod.spec?.tolerations, ['NoExecute']).length)
    return reject('TaintToleration', 'Predicate TaintToleration failed: node(s) had untolerated taint(s)')
  return {
    verdict: 'admit',
    requested: mine,
    used,
    free: { cpu: cpuMilli(alloc.cpu) - used.cpu, memory: bytes(alloc.memory) - used.memory },
  }
}

/** requests is the pod's effective cpu (millicores) and memory (bytes) request. */
export function requests(p: Pod): Usage {
  return {
    cpu: podRequest(p, (c) => cpuMilli(c.resources?.requests?.cpu)),
    memory: podRequest(p, (c) => bytes(c.resources?.requests?.memory)),
  }
}

/**
 * podRequest is the pod's effective request of one resource: the regular containers plus the sidecars, or the peak
 * of the init sequence (an init container runs beside the sidecars started before it), whichever is larger.
 * Mirrors: k8s.io/component-helpers/resource/helpers.go PodRequests (restartable init containers).
 */
export function podRequest(p: Pod, f: (c: Container) => number): number {
  const regular = (p.spec?.containers ?? []).reduce((a, c) => a + f(c), 0)
  let sidecars = 0
  let initPeak = 0
  for (const c of p.spec?.initContainers ?? []) {
    if (isSidecar(c)) sidecars += f(c)
    initPeak = Math.max(initPeak, isSidecar(c) ? sidecars : sidecars + f(c))
  }
  return Math.max(regular + sidecars, initPeak)
}
