/**
 * `kubectl describe node`.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/describe/describe.go NodeDescriber.Describe (pods on the node that are
 * neither Succeeded nor Failed, in every namespace), describeNode, describeNodeLease, printNodeTaintsMultiline and
 * findNodeRoles (kubectl v0.35); staging/src/k8s.io/api/core/v1/taint.go Taint.ToString.
 */
import type { Lease } from 'kubernetes-types/coordination/v1'
import { canonical } from '../../../api/quantity.ts'
import type { KEvent, Node, Pod, Taint } from '../../../api/types.ts'
import { findNodeRoles } from '../get/tables.ts'
import { describeEventsTo } from './events.ts'
import { rfc1123z } from './format.ts'
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts'
import { describeNodeResource } from './nodeResources.ts'
import { LEVEL_0, LEVEL_1, PrefixWriter } from './tabwriter.ts'

/** Taint.ToString: `key=value:effect`, dropping an empty value; with no effect, `key=value:` (or just `key`). */
export function taintToString(t: Taint): string {
  if (!t.effect) return t.value ? `${t.key}=${t.value}:` : t.key
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`
}

function printNodeTaintsMultiline(w: PrefixWriter, title: string, taints: Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`)
  if (!taints || taints.length === 0) {
    w.writeLine('<none>')
    return
  }
  // sort.Slice by "effect,key"; equal keys keep their order for the short lists nodes carry.
  const key = (t: Taint) => `${t.effect},${t.key}`
  const sorted = [...taints].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    w.write(LEVEL_0, `${taintToString(t)}\n`)
  })
}

function describeNodeLease(node: Node, lease: Lease | undefined, w: PrefixWriter): void {
  if (!lease) {
    // The describer's Get of kube-node-lease/<node> failed with NotFound.
    w.write(
      LEVEL_0,
      `Lease:\tFailed to get lease: leases.coordination.k8s.io "${node.metadata?.name ?? ''}" not found\n`,
    )
    return
  }
  w.write(LEVEL_0, 'Lease:\n')
  const spec = lease.spec
  w.write(LEVEL_1, `HolderIdentity:\t${spec?.holderIdentity ?? '<unset>'}\n`)
  w.write(LEVEL_1, `AcquireTime:\t${spec?.acquireTime ? rfc1123z(spec.acquireTime) : '<unset>'}\n`)
  w.write(LEVEL_1, `RenewTime:\t${spec?.renewTime ? rfc1123z(spec.renewTime) : '<unset>'}\n`)
}

/** nodeNonTerminatedPods: what the describer's field selector lists, in the apiserver's namespace/name order. */
export function nodeNonTerminatedPods(node: Node, pods: Pod[]): Pod[] {
  const key = (p: Pod) => `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`
  return pods
    .filter((p) => p.spec?.nodeName === node.metadata?.name)
    .filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
}

/**
 * describeNode renders the node at wall-clock instant nowMs (epoch ms). pods may be every pod in the cluster (those
 * on the node that have not terminated are kept); lease is the node's kube-node-lease Lease, if any; events undefined
 * means --show-events=false. Ends with a newline.
 */
export function describeNode(
  node: Node,
  pods: Pod[],
  events: KEvent[] | undefined,
  nowMs: number,
  lease?: Lease,
): string {
  const w = new PrefixWriter()
  const meta = node.metadata ?? {}
  const spec = node.spec ?? {}
  const status = node.status ?? {}
  w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
  const roles = findNodeRoles(node)
  w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`)
  printLabelsMultiline(w, 'Labels', meta.labels)
  printAnnotationsMultiline(w, 'Annotations', meta.annotations)
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`)
  printNodeTaintsMultiline(w, 'Taints', spec.taints)
  w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`)
  describeNodeLease(node, lease, w)
  const conditions = status.conditions ?? []
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n')
    w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n')
    for (const c of conditions) {
      w.write(
        LEVEL_1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t` +
          `${c.reason ?? ''} \t${c.message ?? ''}\n`,
      )
    }
  }
  w.write(LEVEL_0, 'Addresses:\n')
  for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`)
  const printResourceList = (list: Record<string, string>) => {
    for (const name of Object.keys(list).sort()) w.write(LEVEL_0, `  ${name}:\t${canonical(list[name])}\n`)
  }
  if (Object.keys(status.capacity ?? {}).length > 0) {
    w.write(LEVEL_0, 'Capacity:\n')
    printResourceList(status.capacity ?? {})
  }
  if (Object.keys(status.allocatable ?? {}).length > 0) {
    w.write(LEVEL_0, 'Allocatable:\n')
    printResourceList(status.allocatable ?? {})
  }
  const info = status.nodeInfo
  w.write(LEVEL_0, 'System Info:\n')
  w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`)
  w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`)
  w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`)
  w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`)
  w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`)
  w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`)
  w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`)
  w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`)
  w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`)
  w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`)
  if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`)
  if ((spec.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${(spec.podCIDRs ?? []).join(',')}\n`)
  if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`)
  describeNodeResource(nodeNonTerminatedPods(node, pods), node, w, nowMs)
  if (events) describeEventsTo(events, w, nowMs)
  return w.toString()
}
