/**
 * Focus: which steps concern one pod, one node or one owner (a ReplicaSet and its pods). The lanes dim the others,
 * the log hides them and the find box finds exactly these. Pure, on typed step data (never on summaries).
 *
 * A step concerns a node when it ran on that node's kubelet, CRI or CNI, or is a kube-scheduler step about the node:
 * a Filter that rejected it, the Select that chose it, Reserve/Permit/PreBind/Bind/PostBind on it, a preemption on it.
 * A step concerns a pod when it is about that pod (its `pod` field), or is a preemption that evicts it.
 */
import type { Lane, TraceEvent } from '../../engine/events.ts'
import { assertNever } from '../../engine/events.ts'

export type Focus =
  | { kind: 'pod'; name: string }
  | { kind: 'node'; name: string }
  /** An owner (kind/name, e.g. ReplicaSet/web-7d4b9c8f5) and its pods, as namespace/name. */
  | { kind: 'owner'; name: string; pods: readonly string[] }

const NODE_LANES: readonly Lane[] = ['kubelet', 'CRI', 'CNI']

/** concernsNode: the step ran on the node, or the scheduler decided something about it. */
export function concernsNode(node: string, e: TraceEvent): boolean {
  if (e.node === node && NODE_LANES.includes(e.lane)) return true
  switch (e.type) {
    case 'scheduler:Filter': {
      const verdicts = e.details.filter?.[node]
      return verdicts !== undefined && Object.values(verdicts).some((v) => v !== 'passed')
    }
    case 'scheduler:Select': return e.details.selectedNode === node
    case 'scheduler:Reserve': case 'scheduler:Permit': case 'scheduler:PreBind': case 'scheduler:Bind':
    case 'scheduler:PostBind': case 'scheduler:Preempt':
      return e.details.node === node
    default: return false
  }
}

/** concernsPod: the step is about the pod, or evicts it. */
export function concernsPod(pod: string, e: TraceEvent): boolean {
  if (e.pod === pod) return true
  return e.type === 'scheduler:Preempt' && e.details.victims.some((v) => v.pod === pod)
}

export function concerns(f: Focus, e: TraceEvent): boolean {
  switch (f.kind) {
    case 'pod': return concernsPod(f.name, e)
    case 'node': return concernsNode(f.name, e)
    case 'owner': return f.pods.some((p) => concernsPod(p, e))
    default: return assertNever(f, 'focus')
  }
}

/** concernMask: 1 for each step that concerns the focus (computed once per trace and focus). */
export function concernMask(f: Focus, events: readonly TraceEvent[]): Uint8Array {
  const out = new Uint8Array(events.length)
  // An owner's pods as a set: a 10-replica rollout asks for every step.
  const pods = f.kind === 'owner' ? new Set(f.pods) : undefined
  for (let i = 0; i < events.length; i++) {
    const e = events[i]
    const hit = pods
      ? (e.pod !== undefined && pods.has(e.pod))
        || (e.type === 'scheduler:Preempt' && e.details.victims.some((v) => pods.has(v.pod)))
      : concerns(f, e)
    if (hit) out[i] = 1
  }
  return out
}

/** focusLabel: how the chip and the buttons name a focus. */
export function focusLabel(f: Focus): string {
  switch (f.kind) {
    case 'pod': return `pod ${f.name}`
    case 'node': return `node ${f.name}`
    case 'owner': return f.name
    default: return assertNever(f, 'focus')
  }
}

export const sameFocus = (a: Focus | undefined, b: Focus | undefined): boolean =>
  a?.kind === b?.kind && a?.name === b?.name

/** nodesOf: every node a step names (where kubelet steps ran, and the scheduler's verdicts), in first-seen order. */
export function nodesOf(events: readonly TraceEvent[]): string[] {
  const seen = new Set<string>()
  for (const e of events) {
    if (e.node) seen.add(e.node)
    if (e.type === 'scheduler:Filter') for (const n of Object.keys(e.details.filter ?? {})) seen.add(n)
    else if (e.type === 'scheduler:Bind') seen.add(e.details.node)
  }
  return [...seen]
}

/**
 * focusForQuery: the pod or node the find box's text names exactly (a pod by name or namespace/name, a node by
 * name; `pod:` or `node:` in front says which when both have the name), or undefined.
 */
export function focusForQuery(query: string, pods: readonly string[], nodes: readonly string[]): Focus | undefined {
  const q = query.trim()
  const m = /^(pod|node):\s*(.+)$/.exec(q)
  const want = m ? m[1] : undefined
  const name = m ? m[2].trim() : q
  if (!name) return undefined
  if (want !== 'node') {
    const pod = pods.find((p) => p === name || p.slice(p.indexOf('/') + 1) === name)
    if (pod) return { kind: 'pod', name: pod }
  }
  if (want !== 'pod' && nodes.includes(name)) return { kind: 'node', name }
  return undefined
}

/** nodeOfStep: the node a step is about (where it ran, or the node the scheduler chose, bound or preempted on). */
export function nodeOfStep(e: TraceEvent): string | undefined {
  if (e.node) return e.node
  switch (e.type) {
    case 'scheduler:Select': return e.details.selectedNode
    case 'scheduler:Reserve': case 'scheduler:Permit': case 'scheduler:PreBind': case 'scheduler:Bind':
    case 'scheduler:PostBind': case 'scheduler:Preempt':
      return e.details.node
    default: return undefined
  }
}

/**
 * followFocus: where the playhead goes when a focus starts, so the views (inspector, kubectl at the playhead) show
 * what is focused: it stays when its step concerns the focus, else the next step that does, else the last before.
 */
export function followFocus(mask: Uint8Array, selected: number): number {
  if (selected >= 0 && mask[selected]) return selected
  for (let i = Math.max(selected, 0); i < mask.length; i++) if (mask[i]) return i
  for (let i = Math.min(selected, mask.length - 1); i >= 0; i--) if (mask[i]) return i
  return selected
}
