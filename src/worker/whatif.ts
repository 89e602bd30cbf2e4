/**
 * "What would make it schedule?" For a pod the scheduler could not place, turn the filter verdicts of its cycle into
 * concrete edits — tolerate a taint, request what a node has free, uncordon a node, label a node for the pod's
 * nodeSelector (or drop the selector) — each as the new text of the manifest or the cluster file. These are
 * podbirth's suggestions, not Kubernetes output: trying one re-runs the whole simulation, and the outcome is whatever
 * the cluster then decides (a tolerated control-plane taint may still leave the node too small, and so on).
 */
import { parseAllDocuments } from 'yaml'
import type { Document } from 'yaml'
import { untolerated } from '../engine/api/taints.ts'
import { podRequests } from '../engine/scheduler/framework/types.ts'
import { boundByNode } from './bound.ts'
import { bytes, cpuMilli } from '../engine/api/quantity.ts'
import type { CycleRecord } from '../engine/scheduler/framework/record.ts'
import type { KObject, Node, Pod, Taint } from '../engine/api/types.ts'
import type { Suggestion } from '../protocol/messages.ts'

interface WhatIfInput {
  record: CycleRecord
  /** The pod as stored when the cycle ran. */
  pod: Pod
  /** Everything stored at that moment, by etcd key (nodes and pods are read from it). */
  objects: Map<string, KObject>
  manifest: string
  cluster: string
}

const MAX_PER_KIND = 2
const MiB = 1024 * 1024
const YAML_OUT = { indentSeq: false, lineWidth: 0 } as const

const fmtTaint = (t: Taint) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** editDocs applies `fn` to the first document `match` accepts; undefined when none does or the text does not parse. */
function editDocs(text: string, match: (v: KObject) => boolean, fn: (doc: Document, path: (string | number)[]) => void): string | undefined {
  const docs = parseAllDocuments(text)
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return undefined
  for (const doc of docs) {
    const v = doc.toJS() as KObject | null
    if (!v || typeof v !== 'object') continue
    if (v.kind === 'List' && Array.isArray(v.items)) {
      const k = (v.items as KObject[]).findIndex(match)
      if (k >= 0) { fn(doc, ['items', k]); return docs.map((d) => d.toString(YAML_OUT)).join('') }
    } else if (match(v)) {
      fn(doc, [])
      return docs.map((d) => d.toString(YAML_OUT)).join('')
    }
  }
  return undefined
}

const isPod = (name: string, namespace: string) => (v: KObject) => v.kind === 'Pod' && v.metadata?.name === name && (v.metadata?.namespace ?? 'default') === namespace
const isNode = (name: string) => (v: KObject) => v.kind === 'Node' && v.metadata?.name === name

/** The nodes a plugin rejected in this cycle (full records list them; compact ones only count them). */
function rejectedBy(record: CycleRecord, plugin: string): string[] {
  return Object.entries(record.filter).filter(([, row]) => row[plugin] !== undefined && row[plugin] !== 'passed').map(([n]) => n)
}

/** Nodes that only `plugin` rejected: changing what it checks could be enough there. */
function onlyRejectedBy(record: CycleRecord, plugin: string): string[] {
  return rejectedBy(record, plugin).filter((n) => Object.entries(record.filter[n]).every(([p, v]) => p === plugin || v === 'passed'))
}

export function suggestFixes({ record, pod, objects, manifest, cluster }: WhatIfInput): Suggestion[] {
  const out: Suggestion[] = []
  const name = pod.metadata?.name ?? ''
  const namespace = pod.metadata?.namespace ?? 'default'
  const node = (n: string) => objects.get(`/registry/minions/${n}`) as Node | undefined
  const full = record.detail === 'full'

  // TaintToleration: the taints the pod does not tolerate, most common first.
  const tainted = full ? rejectedBy(record, 'TaintToleration') : []
  const taints = new Map<string, { taint: Taint; nodes: number }>()
  for (const n of tainted) {
    for (const t of untolerated(node(n)?.spec?.taints, pod.spec?.tolerations, ['NoSchedule', 'NoExecute'])) {
      const k = fmtTaint(t)
      taints.set(k, { taint: t, nodes: (taints.get(k)?.nodes ?? 0) + 1 })
    }
  }
  for (const { taint, nodes } of [...taints.values()].sort((a, b) => b.nodes - a.nodes).slice(0, MAX_PER_KIND)) {
    const toleration = { key: taint.key, operator: taint.value ? 'Equal' : 'Exists', ...(taint.value ? { value: taint.value } : {}), effect: taint.effect }
    const text = editDocs(manifest, isPod(name, namespace), (doc, at) => {
      const list = (doc.getIn([...at, 'spec', 'tolerations']) as { items?: unknown[] } | undefined)?.items
      doc.setIn([...at, 'spec', 'tolerations', list ? list.length : 0], doc.createNode(toleration))
    })
    if (text) out.push({ title: `Tolerate the taint ${fmtTaint(taint)}`, why: `TaintToleration rejected ${plural(nodes, 'node')} with this taint: a pod lands only on nodes whose NoSchedule and NoExecute taints it tolerates.`, target: 'manifest', text })
  }

  // NodeResourcesFit: request what the roomiest node rejected for resources alone has free.
  const containers = pod.spec?.containers ?? []
  if (full && containers.length === 1 && !(pod.spec?.initContainers ?? []).length) {
    const want = podRequests(pod)
    const requested = boundByNode(objects)
    let best: { node: string; cpu: number; memory: number } | undefined
    for (const n of onlyRejectedBy(record, 'NodeResourcesFit')) {
      const reason = record.filter[n].NodeResourcesFit
      // "Too many pods" is NodeResourcesFit's verdict for a full pod count (upstream
      // pkg/scheduler/framework/plugins/noderesources/fit.go): more cpu or memory would not help there.
      if (/Too many pods/.test(reason)) continue
      const nd = node(n)
      const alloc = (nd?.status?.allocatable ?? {}) as Record<string, string>
      const used = requested.get(n)
      const cpu = cpuMilli(alloc.cpu ?? '0') - (used?.cpu ?? 0)
      const memory = bytes(alloc.memory ?? '0') - (used?.memory ?? 0)
      // What fits already stays; what does not is lowered to what is free (memory to whole MiB), if anything is.
      const memFree = Math.floor(memory / MiB) * MiB
      if ((want.milliCPU > cpu && cpu <= 0) || (want.memory > memory && memFree <= 0)) continue
      const fit = { node: n, cpu: Math.min(want.milliCPU, cpu), memory: want.memory > memory ? memFree : want.memory }
      if (!best || fit.cpu + fit.memory / MiB > best.cpu + best.memory / MiB) best = fit
    }
    if (best) {
      const changes: string[] = []
      const b = best
      const text = editDocs(manifest, isPod(name, namespace), (doc, at) => {
        const req = [...at, 'spec', 'containers', 0, 'resources', 'requests']
        if (b.cpu < want.milliCPU) { doc.setIn([...req, 'cpu'], `${b.cpu}m`); changes.push(`${b.cpu}m cpu`) }
        if (b.memory < want.memory) { doc.setIn([...req, 'memory'], `${b.memory / MiB}Mi`); changes.push(`${b.memory / MiB}Mi memory`) }
      })
      if (text && changes.length) out.push({ title: `Request ${changes.join(' and ')} (what ${b.node} has free)`, why: `NodeResourcesFit rejected ${b.node} only for its requests: a node fits when what its pods already request plus this pod's requests stay within its allocatable.`, target: 'manifest', text })
    }
  }

  // NodeUnschedulable: a cordoned node, uncordoned in the cluster file (kubectl uncordon).
  for (const n of (full ? rejectedBy(record, 'NodeUnschedulable') : []).slice(0, 1)) {
    const text = editDocs(cluster, isNode(n), (doc, at) => { doc.deleteIn([...at, 'spec', 'unschedulable']) })
    if (text) out.push({ title: `Uncordon ${n} (kubectl uncordon ${n})`, why: `NodeUnschedulable rejected ${n}: it is cordoned (spec.unschedulable), so the scheduler places no new pod there.`, target: 'cluster', text })
  }

  // NodeAffinity with a nodeSelector: label a node that nothing else rejected, or drop the selector.
  const selector = pod.spec?.nodeSelector as Record<string, string> | undefined
  if (full && selector && Object.keys(selector).length) {
    const only = onlyRejectedBy(record, 'NodeAffinity')
    const target = only[0]
    const wanted = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',')
    if (target) {
      const text = editDocs(cluster, isNode(target), (doc, at) => { for (const [k, v] of Object.entries(selector)) doc.setIn([...at, 'metadata', 'labels', k], v) })
      if (text) out.push({ title: `Label ${target} with ${wanted} (kubectl label node ${target} ${wanted.replaceAll(',', ' ')})`, why: `NodeAffinity rejected ${plural(rejectedBy(record, 'NodeAffinity').length, 'node')}: the pod's nodeSelector needs these labels, and ${target} passed every other filter.`, target: 'cluster', text })
    }
    const text = editDocs(manifest, isPod(name, namespace), (doc, at) => { doc.deleteIn([...at, 'spec', 'nodeSelector']) })
    if (text) out.push({ title: `Remove the pod's nodeSelector (${wanted})`, why: 'NodeAffinity checks spec.nodeSelector: without it, any node that passes the other filters will do.', target: 'manifest', text })
  }
  return out
}
