/**
 * The scheduler's informers beside pods and nodes: namespaces (their labels, for namespaceSelector terms) and the
 * objects whose selectors the system default spreading counts (Services, ReplicationControllers, ReplicaSets,
 * StatefulSets); and which cluster events a node update is. Mirrors: pkg/scheduler/eventhandlers.go,
 * pkg/scheduler/framework/plugins/helper/spread.go DefaultSelector, pkg/scheduler/framework/events.go
 * (nodeSchedulingPropertiesChange).
 */
import type { KObject, LabelSelector, Namespace, Node } from '../api/types.ts'
import type { ApiClient } from '../client/apiClient.ts'
import type { ClusterEvent } from './framework/interface.ts'
import type { PodInfo } from './framework/types.ts'

const SELECTING: readonly (readonly [string, string])[] = [
  ['Service', '/api/v1/services'], ['ReplicationController', '/api/v1/replicationcontrollers'],
  ['ReplicaSet', '/apis/apps/v1/replicasets'], ['StatefulSet', '/apis/apps/v1/statefulsets'],
]

export class SelectorInformers {
  private readonly namespaces = new Map<string, Record<string, string>>()
  /** Services, ReplicationControllers, ReplicaSets and StatefulSets by kind, then namespace/name. */
  private readonly selectors = new Map<string, Map<string, KObject>>()

  start(client: ApiClient): void {
    client.watch('/api/v1/namespaces', {}, (e) => {
      const ns = e.object as Namespace
      if (e.type === 'DELETED') this.namespaces.delete(ns.metadata?.name ?? '')
      else this.namespaces.set(ns.metadata?.name ?? '', (ns.metadata?.labels ?? {}) as Record<string, string>)
    })
    for (const [kind, path] of SELECTING) {
      const m = new Map<string, KObject>()
      this.selectors.set(kind, m)
      client.watch(path, {}, (e) => {
        const o = e.object as KObject
        const k = `${o.metadata?.namespace}/${o.metadata?.name}`
        if (e.type === 'DELETED') m.delete(k)
        else m.set(k, o)
      })
    }
  }

  namespaceLabels(ns: string): Record<string, string> | undefined {
    return this.namespaces.get(ns)
  }

  /**
   * helper.DefaultSelector: the union of the selectors of the Services selecting the pod, plus the selector of its
   * controlling ReplicationController, ReplicaSet or StatefulSet (what the system default spreading counts).
   */
  defaultSelector(pi: PodInfo): LabelSelector | null {
    const ns = pi.pod.metadata?.namespace ?? 'default'
    const labels = (pi.pod.metadata?.labels ?? {}) as Record<string, string>
    const matchLabels: Record<string, string> = {}
    for (const svc of this.selectors.get('Service')?.values() ?? []) {
      if (svc.metadata?.namespace !== ns) continue
      const sel = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector
      if (!sel || Object.keys(sel).length === 0) continue
      if (Object.entries(sel).every(([k, v]) => labels[k] === v)) Object.assign(matchLabels, sel)
    }
    const selector: LabelSelector = { matchLabels }
    const owner = (pi.pod.metadata?.ownerReferences ?? []).find((o) => o.controller)
    if (owner) {
      const obj = this.selectors.get(owner.kind)?.get(`${ns}/${owner.name}`)
      const spec = obj?.spec as { selector?: LabelSelector | Record<string, string> } | undefined
      if (owner.kind === 'ReplicationController' && spec?.selector) Object.assign(matchLabels, spec.selector as Record<string, string>)
      else if (spec?.selector) {
        const s = spec.selector as LabelSelector
        Object.assign(matchLabels, s.matchLabels ?? {})
        selector.matchExpressions = [...(s.matchExpressions ?? [])]
      }
    }
    return selector
  }
}

/** nodeUpdateEvents: the cluster events an update of a node is (what changed in its scheduling properties). */
export function nodeUpdateEvents(old: Node, node: Node): ClusterEvent[] {
  const changed = (a: unknown, b: unknown) => JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)
  const conditions = (n: Node) => n.status?.conditions?.map((c) => [c.type, c.status])
  const events: ClusterEvent[] = []
  if (changed(old.metadata?.labels, node.metadata?.labels)) events.push('NodeLabelChange')
  if (changed(old.spec?.taints, node.spec?.taints)) events.push('NodeTaintChange')
  if (changed(old.status?.allocatable, node.status?.allocatable)) events.push('NodeAllocatableChange')
  if (!!old.spec?.unschedulable !== !!node.spec?.unschedulable) events.push('NodeSpecUnschedulableChange')
  if (changed(conditions(old), conditions(node))) events.push('NodeConditionChange')
  return events
}
