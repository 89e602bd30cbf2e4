/**
 * The `Non-terminated Pods` and `Allocated resources` tables of `kubectl describe node`.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/describe/describe.go describeNodeResource and
 * getPodsTotalRequestsAndLimits; staging/src/k8s.io/kubectl/pkg/util/resource/resource.go PodRequestsAndLimits
 * (podRequests, podLimits: containers summed, init containers as a running maximum with restartable ones added, plus
 * overhead), and resource.Quantity Add (the sum keeps the first operand's format).
 * Simplified: requests of resized containers are read from the spec (status.containerStatuses[].resources is not
 * consulted), which is the same whenever no in-place resize is pending.
 */
import { formatQuantity, milliValue, parseQuantity, value } from '../../../api/quantity.ts'
import type { ParsedQuantity } from '../../../api/quantity.ts'
import type { Node, Pod } from '../../../api/types.ts'
import { translateTimestampSince } from './format.ts'
import { LEVEL_0, LEVEL_1 } from './tabwriter.ts'
import type { PrefixWriter } from './tabwriter.ts'

type ResourceList = Map<string, ParsedQuantity>

const ZERO: ParsedQuantity = { nano: 0n, format: 'DecimalSI' }

function toList(m: Record<string, string | number> | undefined): ResourceList {
  const out: ResourceList = new Map()
  for (const [k, v] of Object.entries(m ?? {})) {
    const q = parseQuantity(v)
    if (q) out.set(k, q)
  }
  return out
}

/** addResourceList: sum into `into`; a new name takes a copy of the added quantity (and its format). */
function addResourceList(into: ResourceList, add: ResourceList): void {
  for (const [k, q] of add) {
    const cur = into.get(k)
    into.set(k, cur ? { nano: cur.nano + q.nano, format: cur.format } : q)
  }
}

/** maxResourceList: for each name, keep the larger quantity. */
function maxResourceList(into: ResourceList, other: ResourceList): void {
  for (const [k, q] of other) {
    const cur = into.get(k)
    if (!cur || q.nano > cur.nano) into.set(k, q)
  }
}

const isRestartable = (c: NonNullable<Pod['spec']>['containers'][number]) => c.restartPolicy === 'Always'

/** podRequestsAndLimits is resourcehelper.PodRequestsAndLimits. */
export function podRequestsAndLimits(pod: Pod): { reqs: ResourceList; limits: ResourceList } {
  const spec = pod.spec
  const sum = (pick: 'requests' | 'limits') => {
    const total: ResourceList = new Map()
    for (const c of spec?.containers ?? []) addResourceList(total, toList(c.resources?.[pick]))
    const restartable: ResourceList = new Map()
    const inits: ResourceList = new Map()
    for (const c of spec?.initContainers ?? []) {
      const own = toList(c.resources?.[pick])
      let effective: ResourceList
      if (isRestartable(c)) {
        addResourceList(total, own)
        addResourceList(restartable, own)
        effective = restartable
      } else {
        effective = new Map()
        addResourceList(effective, own)
        addResourceList(effective, restartable)
      }
      maxResourceList(inits, effective)
    }
    maxResourceList(total, inits)
    return total
  }
  const reqs = sum('requests')
  const limits = sum('limits')
  const overhead = toList(spec?.overhead)
  addResourceList(reqs, overhead)
  // Overhead is added only to limits that are set and non-zero.
  for (const [k, q] of overhead) {
    const cur = limits.get(k)
    if (cur && cur.nano !== 0n) limits.set(k, { nano: cur.nano + q.nano, format: cur.format })
  }
  return { reqs, limits }
}

const get = (l: ResourceList, name: string) => l.get(name) ?? ZERO
const str = (q: ParsedQuantity) => formatQuantity(q)

/** int64(float64(part) / float64(whole) * 100): truncated toward zero. Simplified: 0 when whole is 0 (Go: NaN/Inf). */
function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.trunc((part / whole) * 100)
}

const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage'])
const isHugePage = (name: string) => name.startsWith('hugepages-')

/** describeNodeResource writes both tables for the node's non-terminated pods, measuring ages at nowMs. */
export function describeNodeResource(pods: Pod[], node: Node, w: PrefixWriter, nowMs: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`)
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n')
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n')
  const allocatable = toList(
    Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status?.allocatable : node.status?.capacity,
  )
  const allocCpu = milliValue(get(allocatable, 'cpu'))
  const allocMem = value(get(allocatable, 'memory'))
  for (const p of pods) {
    const { reqs, limits } = podRequestsAndLimits(p)
    const [cr, cl, mr, ml] = [get(reqs, 'cpu'), get(limits, 'cpu'), get(reqs, 'memory'), get(limits, 'memory')]
    w.write(
      LEVEL_1,
      `${p.metadata?.namespace ?? ''}\t${p.metadata?.name ?? ''}\t\t` +
        `${str(cr)} (${percent(milliValue(cr), allocCpu)}%)\t${str(cl)} (${percent(milliValue(cl), allocCpu)}%)\t` +
        `${str(mr)} (${percent(value(mr), allocMem)}%)\t${str(ml)} (${percent(value(ml), allocMem)}%)\t` +
        `${translateTimestampSince(p.metadata?.creationTimestamp, nowMs)}\n`,
    )
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n')
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n')
  w.write(LEVEL_1, '--------\t--------\t------\n')
  const reqs: ResourceList = new Map()
  const limits: ResourceList = new Map()
  for (const p of pods) {
    const pl = podRequestsAndLimits(p)
    addResourceList(reqs, pl.reqs)
    addResourceList(limits, pl.limits)
  }
  const line = (name: string, whole: (q: ParsedQuantity) => number) => {
    const [r, l, a] = [get(reqs, name), get(limits, name), whole(get(allocatable, name))]
    w.write(LEVEL_1, `${name}\t${str(r)} (${percent(whole(r), a)}%)\t${str(l)} (${percent(whole(l), a)}%)\n`)
  }
  line('cpu', milliValue)
  line('memory', value)
  line('ephemeral-storage', value)
  const names = [...allocatable.keys()].sort()
  for (const name of names.filter(isHugePage)) line(name, value)
  for (const name of names.filter((n) => !isHugePage(n) && !STANDARD.has(n) && n !== 'pods')) {
    w.write(LEVEL_1, `${name}\t${str(get(reqs, name))}\t${str(get(limits, name))}\n`)
  }
}
