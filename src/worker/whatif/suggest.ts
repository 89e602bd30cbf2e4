/**
 * Candidate edits for a pod the scheduler could not place, read from its failed cycle's verdicts (the Filter
 * plugins of upstream pkg/scheduler/framework/plugins: TaintToleration, NodeResourcesFit, NodeUnschedulable,
 * NodeAffinity, PodTopologySpread, InterPodAffinity). Nothing here claims an edit works: verify.ts simulates each
 * one and keeps only what does. `rank` orders fixes that schedule equally well (see README.md).
 */
import { podRequests, untolerated } from '../../engine/scheduler/explain/index.ts'
import { boundByNode, bytes, cpuMilli } from '../../engine/views/index.ts'
import type { CycleRecord } from '../../engine/scheduler/framework/record.ts'
import type { KObject, Node, Pod, Taint } from '../../engine/api/types.ts'
import {
  addNode,
  dropNodeSelector,
  freshName,
  labelNode,
  removeTaint,
  requiredToPreferred,
  setRequests,
  setSpread,
  tolerate,
  uncordon,
} from './edits.ts'
import type { Edit } from './edits.ts'

export interface Candidate {
  title: string
  why: string
  target: 'manifest' | 'cluster'
  edit: Edit
  /** Lower is less invasive; ties keep the order of generation. */
  rank: number
  /** The Filter plugin whose rejections the edit addresses (progress is measured on it). */
  plugin: string
  /** One per kind of edit: a combination never repeats a kind. */
  kind: string
}

export interface SuggestInput {
  record: CycleRecord
  /** The pod as stored when the cycle ran. */
  pod: Pod
  /** Everything stored at that moment, by etcd key. */
  objects: Map<string, KObject>
}

/** RANK: the order among fixes that all schedule the pod (README.md says why). */
export const RANK = {
  uncordon: 1,
  label: 2,
  maxSkew: 3,
  scheduleAnyway: 4,
  addNode: 5,
  relax: 6,
  dropSelector: 6,
  request: 7,
  tolerate: 8,
  untaint: 9,
} as const

const MAX_TAINTS = 2
const MiB = 1024 * 1024

export const fmtTaint = (t: Taint) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

interface Free {
  node: Node
  name: string
  cpu: number
  memory: number
}

export function suggest({ record, pod, objects }: SuggestInput): Candidate[] {
  const out: Candidate[] = []
  const nodes = [...objects.entries()]
    .filter(([k]) => k.startsWith('/registry/minions/'))
    .map(([, o]) => o as unknown as Node)
  const byName = new Map(nodes.map((n) => [n.metadata?.name ?? '', n]))
  const bound = boundByNode(objects)
  const free = (n: Node): Free => {
    const name = n.metadata?.name ?? ''
    const alloc = (n.status?.allocatable ?? {}) as Record<string, string>
    const used = bound.get(name)
    return {
      node: n,
      name,
      cpu: cpuMilli(alloc.cpu ?? '0') - (used?.cpu ?? 0),
      memory: bytes(alloc.memory ?? '0') - (used?.memory ?? 0),
    }
  }
  const roomiest = (names: string[]): Free | undefined =>
    names
      .map((x) => byName.get(x))
      .filter((n): n is Node => !!n)
      .map(free)
      .sort((a, b) => b.cpu - a.cpu || b.memory - a.memory)[0]
  const full = record.detail === 'full'
  // Upstream's Filter stops at a node's first rejection, so a node is listed under exactly one plugin. A compact
  // record (large clusters) keeps only counts: the nodes are found from the objects for the plugins that allow it.
  const rejected = (plugin: string): string[] => {
    if (!record.rejectedBy[plugin]) return []
    if (full)
      return Object.entries(record.filter)
        .filter(([, row]) => row[plugin] !== undefined && row[plugin] !== 'passed')
        .map(([n]) => n)
    switch (plugin) {
      case 'NodeUnschedulable':
        return nodes.filter((n) => n.spec?.unschedulable).map((n) => n.metadata?.name ?? '')
      case 'TaintToleration':
        return nodes
          .filter((n) => untolerated(n.spec?.taints, pod.spec?.tolerations, ['NoSchedule', 'NoExecute']).length)
          .map((n) => n.metadata?.name ?? '')
      default:
        return []
    }
  }
  const want = podRequests(pod)
  const spec = pod.spec ?? { containers: [] }

  // NodeUnschedulable: a cordoned node, uncordoned in the cluster file (kubectl uncordon).
  const cordoned = roomiest(rejected('NodeUnschedulable'))
  if (cordoned) {
    out.push({
      title: `Uncordon ${cordoned.name} (kubectl uncordon ${cordoned.name})`,
      why: `NodeUnschedulable rejected ${cordoned.name}: it is cordoned (spec.unschedulable), so the scheduler places no new pod there.`,
      target: 'cluster',
      edit: uncordon(cordoned.name),
      rank: RANK.uncordon,
      plugin: 'NodeUnschedulable',
      kind: 'uncordon',
    })
  }

  // NodeAffinity: label a node with what the nodeSelector (and a simple required term) asks for, or relax the pod.
  const affinityNodes = rejected('NodeAffinity')
  if (affinityNodes.length) {
    const labels: Record<string, string> = { ...spec.nodeSelector }
    const terms = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []
    let labelable = true
    for (const r of terms[0]?.matchExpressions ?? []) {
      if (r.operator === 'In' && r.values?.length) labels[r.key] = r.values[0]
      else if (r.operator === 'Exists') labels[r.key] = labels[r.key] ?? 'true'
      else labelable = false
    }
    if (terms[0]?.matchFields?.length) labelable = false
    const target = roomiest(affinityNodes)
    const wanted = Object.entries(labels).map(([k, v]) => `${k}=${v}`)
    if (labelable && target && wanted.length) {
      out.push({
        title: `Label ${target.name} with ${wanted.join(',')} (kubectl label node ${target.name} ${wanted.join(' ')})`,
        why: `NodeAffinity rejected ${plural(affinityNodes.length, 'node')}: the pod's nodeSelector or required node affinity needs these labels.`,
        target: 'cluster',
        edit: labelNode(target.name, labels),
        rank: RANK.label,
        plugin: 'NodeAffinity',
        kind: 'label',
      })
    }
    if (terms.length) {
      out.push({
        title: 'Relax the required node affinity to preferred',
        why: 'NodeAffinity filters on requiredDuringSchedulingIgnoredDuringExecution; as a preference (weight 100) it only scores nodes.',
        target: 'manifest',
        edit: requiredToPreferred(pod, 'nodeAffinity'),
        rank: RANK.relax,
        plugin: 'NodeAffinity',
        kind: 'relaxNodeAffinity',
      })
    }
    if (spec.nodeSelector && Object.keys(spec.nodeSelector).length) {
      const sel = Object.entries(spec.nodeSelector)
        .map(([k, v]) => `${k}=${v}`)
        .join(',')
      out.push({
        title: `Remove the pod's nodeSelector (${sel})`,
        why: 'NodeAffinity checks spec.nodeSelector: without it, any node that passes the other filters will do.',
        target: 'manifest',
        edit: dropNodeSelector(pod),
        rank: RANK.dropSelector,
        plugin: 'NodeAffinity',
        kind: 'dropSelector',
      })
    }
  }

  // PodTopologySpread: loosen each hard constraint, or add a node in a domain no node of which can take the pod.
  const spreadNodes = rejected('PodTopologySpread')
  if (spreadNodes.length || record.rejectedBy.PodTopologySpread) {
    const constraints = spec.topologySpreadConstraints ?? []
    constraints.forEach((c, i) => {
      if (c.whenUnsatisfiable !== 'DoNotSchedule') return
      const at = `topologySpreadConstraints[${i}] (${c.topologyKey})`
      out.push({
        title: `Raise maxSkew of ${at} to ${c.maxSkew + 1}`,
        why: `PodTopologySpread rejected ${plural(spreadNodes.length || record.rejectedBy.PodTopologySpread.nodes, 'node')}: placing the pod there would make the skew exceed maxSkew ${c.maxSkew}.`,
        target: 'manifest',
        edit: setSpread(pod, i, { maxSkew: c.maxSkew + 1 }),
        rank: RANK.maxSkew,
        plugin: 'PodTopologySpread',
        kind: `maxSkew${i}`,
      })
      out.push({
        title: `Set whenUnsatisfiable: ScheduleAnyway on ${at}`,
        why: 'With ScheduleAnyway the constraint only scores nodes (PodTopologySpread Score) instead of filtering them.',
        target: 'manifest',
        edit: setSpread(pod, i, { whenUnsatisfiable: 'ScheduleAnyway' }),
        rank: RANK.scheduleAnyway,
        plugin: 'PodTopologySpread',
        kind: `scheduleAnyway${i}`,
      })
      if (!full) return
      // A domain counts (with its pods) even when none of its nodes can take the pod — a cordoned or full zone.
      const domains = new Map<string, string[]>()
      for (const n of nodes) {
        const v = n.metadata?.labels?.[c.topologyKey]
        if (v !== undefined) domains.set(v, [...(domains.get(v) ?? []), n.metadata?.name ?? ''])
      }
      for (const [value, members] of [...domains.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const blocked = members.every(
          (m) =>
            record.filter[m] &&
            Object.entries(record.filter[m]).some(([p, v]) => p !== 'PodTopologySpread' && v !== 'passed'),
        )
        const like = blocked ? byName.get(members[0]) : undefined
        if (!like) continue
        const name = freshName(members[0], new Set(byName.keys()))
        out.push({
          title: `Add a node ${name} in ${c.topologyKey}=${value}`,
          why: `No node of ${value} can take the pod, yet the domain counts for the skew; a new, schedulable node there gives the pod a place.`,
          target: 'cluster',
          edit: addNode(like, name),
          rank: RANK.addNode,
          plugin: 'PodTopologySpread',
          kind: 'addNode',
        })
        break
      }
    })
  }

  // InterPodAffinity: relax the pod's own required (anti-)affinity, or add a node (a new hostname has no pods).
  const interNodes = rejected('InterPodAffinity')
  if (interNodes.length || record.rejectedBy.InterPodAffinity) {
    for (const kind of ['podAntiAffinity', 'podAffinity'] as const) {
      if (!spec.affinity?.[kind]?.requiredDuringSchedulingIgnoredDuringExecution?.length) continue
      const label = kind === 'podAntiAffinity' ? 'pod anti-affinity' : 'pod affinity'
      out.push({
        title: `Relax the required ${label} to preferred`,
        why: `InterPodAffinity rejected ${plural(interNodes.length || record.rejectedBy.InterPodAffinity.nodes, 'node')}: as a preference (weight 100) the ${label} only scores nodes.`,
        target: 'manifest',
        edit: requiredToPreferred(pod, kind),
        rank: RANK.relax,
        plugin: 'InterPodAffinity',
        kind,
      })
    }
    const like = roomiest(interNodes)
    if (like) {
      const name = freshName(like.name, new Set(byName.keys()))
      out.push({
        title: `Add a node ${name} like ${like.name}`,
        why: 'A new node runs no pods yet, so no existing pod matches or conflicts with this one there.',
        target: 'cluster',
        edit: addNode(like.node, name),
        rank: RANK.addNode,
        plugin: 'InterPodAffinity',
        kind: 'addNode',
      })
    }
  }

  // NodeResourcesFit: request what the roomiest node rejected for resources has free, or add a node big enough.
  const fitNodes = rejected('NodeResourcesFit').filter(
    (n) => !/Too many pods/.test(record.filter[n]?.NodeResourcesFit ?? ''),
  )
  if (fitNodes.length) {
    const best = roomiest(fitNodes)
    const single = spec.containers.length === 1 && !(spec.initContainers ?? []).length
    if (best && single) {
      // What fits already stays; what does not is lowered to what is free (memory to whole MiB), if anything is.
      const memFree = Math.floor(best.memory / MiB) * MiB
      const req: { cpu?: string; memory?: string } = {}
      const changes: string[] = []
      if (want.milliCPU > best.cpu && best.cpu > 0) {
        req.cpu = `${best.cpu}m`
        changes.push(`${best.cpu}m cpu`)
      }
      if (want.memory > best.memory && memFree > 0) {
        req.memory = `${memFree / MiB}Mi`
        changes.push(`${memFree / MiB}Mi memory`)
      }
      const enough = (want.milliCPU <= best.cpu || best.cpu > 0) && (want.memory <= best.memory || memFree > 0)
      if (changes.length && enough) {
        out.push({
          title: `Request ${changes.join(' and ')} (what ${best.name} has free)`,
          why: `NodeResourcesFit rejected ${best.name} for its requests: a node fits when what its pods already request plus this pod's requests stay within its allocatable.`,
          target: 'manifest',
          edit: setRequests(pod, req),
          rank: RANK.request,
          plugin: 'NodeResourcesFit',
          kind: 'request',
        })
      }
    }
    const like = roomiest(fitNodes)
    if (like) {
      const alloc = (like.node.status?.allocatable ?? {}) as Record<string, string>
      const atLeast: { cpu?: string; memory?: string } = {}
      if (want.milliCPU > cpuMilli(alloc.cpu ?? '0')) atLeast.cpu = `${Math.ceil(want.milliCPU / 1000)}`
      if (want.memory > bytes(alloc.memory ?? '0')) atLeast.memory = `${Math.ceil(want.memory / (1024 * MiB))}Gi`
      const name = freshName(like.name, new Set(byName.keys()))
      out.push({
        title: `Add a node ${name} like ${like.name}${atLeast.cpu || atLeast.memory ? ' with room for the pod' : ''}`,
        why: `NodeResourcesFit rejected ${plural(fitNodes.length, 'node')} for lack of room; an empty node has all its allocatable free.`,
        target: 'cluster',
        edit: addNode(like.node, name, atLeast),
        rank: RANK.addNode,
        plugin: 'NodeResourcesFit',
        kind: 'addNode',
      })
    }
  }

  // TaintToleration: the taints the pod does not tolerate, most common first: tolerate one, or remove it.
  const tainted = rejected('TaintToleration')
  const taints = new Map<string, { taint: Taint; nodes: string[] }>()
  for (const n of tainted) {
    for (const t of untolerated(byName.get(n)?.spec?.taints, spec.tolerations, ['NoSchedule', 'NoExecute'])) {
      const k = fmtTaint(t)
      taints.set(k, { taint: t, nodes: [...(taints.get(k)?.nodes ?? []), n] })
    }
  }
  for (const { taint, nodes: on } of [...taints.values()]
    .sort((a, b) => b.nodes.length - a.nodes.length)
    .slice(0, MAX_TAINTS)) {
    const k = fmtTaint(taint)
    out.push({
      title: `Tolerate the taint ${k}`,
      why: `TaintToleration rejected ${plural(on.length, 'node')} with this taint: a pod lands only on nodes whose NoSchedule and NoExecute taints it tolerates.`,
      target: 'manifest',
      edit: tolerate(pod, taint),
      rank: RANK.tolerate,
      plugin: 'TaintToleration',
      kind: `tolerate:${k}`,
    })
    const target = roomiest(on)
    if (target) {
      out.push({
        title: `Remove the taint ${k} from ${target.name} (kubectl taint node ${target.name} ${taint.key}:${taint.effect}-)`,
        why: `Without the taint, ${target.name} no longer repels pods that do not tolerate it (every such pod, not only this one).`,
        target: 'cluster',
        edit: removeTaint(target.node, taint),
        rank: RANK.untaint,
        plugin: 'TaintToleration',
        kind: `untaint:${k}`,
      })
    }
  }
  return out
}
