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
  const cap = capacityOf(alloc)
  // Hot (one per birth, over every pod of the node): summed in one loop from each spec's cached requests.
  let usedCpu = 0
  let usedMemory = 0
  for (const o of others) {
    const r = factsOf(o).requests
    usedCpu += r.cpu
    usedMemory += r.memory
  }
  const used: Usage = { cpu: usedCpu, memory: usedMemory }
  const own = factsOf(pod)
  // A fresh copy: the step records it, and the cached one is shared by every admission that reads this spec.
  const mine: Usage = { cpu: own.requests.cpu, memory: own.requests.memory }
  const podsCap = cap.pods
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
  if (mine.cpu > 0 && mine.cpu > cap.cpu - used.cpu)
    return reject(
      'OutOfcpu',
      `Node didn't have enough resource: cpu, requested: ${mine.cpu}, used: ${used.cpu}, capacity: ${cap.cpu}`,
    )
  if (mine.memory > 0 && mine.memory > cap.memory - used.memory)
    return reject(
      'OutOfmemory',
      `Node didn't have enough resource: memory, requested: ${mine.memory}, used: ${used.memory}, capacity: ${cap.memory}`,
    )
  if (own.hostPorts.length && portsInUse(own.hostPorts, others))
    return reject('NodePorts', "Predicate NodePorts failed: node(s) didn't have free ports for the requested pod ports")
  if (!matchesSelectorMap(pod.spec?.nodeSelector, node?.metadata?.labels))
    return reject('NodeAffinity', "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector")
  if (untolerated(node?.spec?.taints, pod.spec?.tolerations, ['NoExecute']).length)
    return reject('TaintToleration', 'Predicate TaintToleration failed: node(s) had untolerated taint(s)')
  return {
    verdict: 'admit',
    requested: mine,
    used,
    free: { cpu: cap.cpu - used.cpu, memory: cap.memory - used.memory },
  }
}

/** What admission reads of a pod spec: its effective requests and its host ports ("TCP/80"). */
interface SpecFacts {
  requests: Usage
  hostPorts: string[]
}

/**
 * Derived once per spec object: specs are never mutated (a status patch keeps the spec object, an update replaces
 * it), and every admission reads every pod of the node.
 */
const specFacts = new WeakMap<object, SpecFacts>()

function factsOf(p: Pod): SpecFacts {
  const cached = p.spec && specFacts.get(p.spec)
  if (cached) return cached
  const f = { requests: requests(p), hostPorts: hostPorts(p) }
  if (p.spec) specFacts.set(p.spec, f)
  return f
}

function hostPorts(p: Pod): string[] {
  const out: string[] = []
  for (const c of p.spec?.containers ?? [])
    for (const x of c.ports ?? []) if (x.hostPort) out.push(`${x.protocol ?? 'TCP'}/${x.hostPort}`)
  return out
}

/** portsInUse: whether another pod already holds one of the host ports. */
function portsInUse(ports: string[], others: Pod[]): boolean {
  const used = new Set<string>()
  for (const o of others) for (const x of factsOf(o).hostPorts) used.add(x)
  return ports.some((x) => used.has(x))
}

/** The node's allocatable pods, cpu (millicores) and memory (bytes), parsed once per allocatable object. */
interface Capacity {
  pods: number
  cpu: number
  memory: number
}

const capacities = new WeakMap<object, Capacity>()

function capacityOf(alloc: Record<string, string | undefined>): Capacity {
  let c = capacities.get(alloc)
  if (!c) {
    c = { pods: bytes(alloc.pods ?? '110'), cpu: cpuMilli(alloc.cpu), memory: bytes(alloc.memory) }
    capacities.set(alloc, c)
  }
  return c
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
