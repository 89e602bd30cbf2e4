/**
 * The server-side Table of each kind `kubectl get` prints: column definitions (Priority 1 = shown only with -o wide)
 * and the cells of one row.
 * Mirrors: kubernetes/kubernetes pkg/printers/internalversion/printers.go AddHandlers (podColumnDefinitions,
 * replicaSetColumnDefinitions, nodeColumnDefinitions, eventColumnDefinitions, deploymentColumnDefinitions),
 * printPod, printReplicaSet, printNode (getNodeInternalIP, getNodeExternalIP, findNodeRoles), printEvent
 * (formatEventSource), printDeployment, layoutContainerCells.
 */
import type { Container, Deployment, KEvent, Node, Pod, ReplicaSet } from '../../../api/types.ts'
import { parseTime, translateTimestampSince } from '../describe/format.ts'
import { podColumns } from '../getPods.ts'
import { humanDuration } from '../humanDuration.ts'
import { formatLabelSelector, selectorString } from './selectors.ts'

/** A TableColumnDefinition as far as printing needs it: the header is strings.ToUpper(Name). */
export interface Column {
  name: string
  /** 0: always shown; 1: only with -o wide. */
  priority: 0 | 1
}

const col = (name: string, priority: 0 | 1 = 0): Column => ({ name, priority })

export const POD_COLUMNS: Column[] = [
  col('Name'),
  col('Ready'),
  col('Status'),
  col('Restarts'),
  col('Age'),
  col('IP', 1),
  col('Node', 1),
  col('Nominated Node', 1),
  col('Readiness Gates', 1),
]
export const DEPLOYMENT_COLUMNS: Column[] = [
  col('Name'),
  col('Ready'),
  col('Up-to-date'),
  col('Available'),
  col('Age'),
  col('Containers', 1),
  col('Images', 1),
  col('Selector', 1),
]
export const REPLICASET_COLUMNS: Column[] = [
  col('Name'),
  col('Desired'),
  col('Current'),
  col('Ready'),
  col('Age'),
  col('Containers', 1),
  col('Images', 1),
  col('Selector', 1),
]
export const NODE_COLUMNS: Column[] = [
  col('Name'),
  col('Status'),
  col('Roles'),
  col('Age'),
  col('Version'),
  col('Internal-IP', 1),
  col('External-IP', 1),
  col('OS-Image', 1),
  col('Kernel-Version', 1),
  col('Container-Runtime', 1),
]
/** Events have no leading Name column: NAME is the last wide column, so `-o name`-style kind prefixes never apply. */
export const EVENT_COLUMNS: Column[] = [
  col('Last Seen'),
  col('Type'),
  col('Reason'),
  col('Object'),
  col('Subobject', 1),
  col('Source', 1),
  col('Message'),
  col('First Seen', 1),
  col('Count', 1),
  col('Name', 1),
]

/** layoutContainerCells: container names and images, each joined by commas. */
export function layoutContainerCells(containers: Container[] | undefined): [string, string] {
  const cs = containers ?? []
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')]
}

export function podRow(p: Pod, nowMs: number): string[] {
  const { ready, total, status, restarts } = podColumns(p, nowMs)
  const gates = p.spec?.readinessGates ?? []
  const trueGates = gates.filter(
    (g) => p.status?.conditions?.find((c) => c.type === g.conditionType)?.status === 'True',
  )
  return [
    p.metadata?.name ?? '',
    `${ready}/${total}`,
    status,
    restarts,
    translateTimestampSince(p.metadata?.creationTimestamp, nowMs),
    p.status?.podIPs?.[0]?.ip || '<none>',
    p.spec?.nodeName || '<none>',
    p.status?.nominatedNodeName || '<none>',
    gates.length > 0 ? `${trueGates.length}/${gates.length}` : '<none>',
  ]
}

export function deploymentRow(d: Deployment, nowMs: number): string[] {
  const st = d.status ?? {}
  // The apiserver defaults spec.replicas to 1, so a stored Deployment always has it.
  const desired = d.spec?.replicas ?? 1
  const [names, images] = layoutContainerCells(d.spec?.template.spec?.containers)
  return [
    d.metadata?.name ?? '',
    `${st.readyReplicas ?? 0}/${desired}`,
    String(st.updatedReplicas ?? 0),
    String(st.availableReplicas ?? 0),
    translateTimestampSince(d.metadata?.creationTimestamp, nowMs),
    names,
    images,
    selectorString(d.spec?.selector) ?? '<invalid>',
  ]
}

export function replicaSetRow(rs: ReplicaSet, nowMs: number): string[] {
  const st = rs.status
  const [names, images] = layoutContainerCells(rs.spec?.template?.spec?.containers)
  return [
    rs.metadata?.name ?? '',
    String(rs.spec?.replicas ?? 1),
    String(st?.replicas ?? 0),
    String(st?.readyReplicas ?? 0),
    translateTimestampSince(rs.metadata?.creationTimestamp, nowMs),
    names,
    images,
    formatLabelSelector(rs.spec?.selector),
  ]
}

/** pkg/printers/internalversion labelNodeRolePrefix and nodeLabelRole. */
const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/'
const NODE_LABEL_ROLE = 'kubernetes.io/role'

/** findNodeRoles: the roles from node-role.kubernetes.io/<role> keys and kubernetes.io/role values, sorted, unique. */
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = k.slice(LABEL_NODE_ROLE_PREFIX.length)
      if (role.length > 0) roles.add(role)
    } else if (k === NODE_LABEL_ROLE && v !== '') roles.add(v)
  }
  return [...roles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

const nodeAddress = (node: Node, type: string) =>
  node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>'

export function nodeRow(node: Node, nowMs: number): string[] {
  // NodeAllConditions is just NodeReady: Ready, NotReady, or Unknown when the kubelet never posted it. The
  // conditions go through a map by type, so a repeated Ready condition counts as its last occurrence.
  const ready = [...(node.status?.conditions ?? [])].reverse().find((c) => c.type === 'Ready')
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown']
  if (node.spec?.unschedulable) status.push('SchedulingDisabled')
  const roles = findNodeRoles(node).join(',')
  const info = node.status?.nodeInfo
  return [
    node.metadata?.name ?? '',
    status.join(','),
    roles.length > 0 ? roles : '<none>',
    translateTimestampSince(node.metadata?.creationTimestamp, nowMs),
    info?.kubeletVersion ?? '',
    nodeAddress(node, 'InternalIP'),
    nodeAddress(node, 'ExternalIP'),
    info?.osImage || '<unknown>',
    info?.kernelVersion || '<unknown>',
    info?.containerRuntimeVersion || '<unknown>',
  ]
}

/** translateMicroTimestampSince: like translateTimestampSince, for eventTime and series.lastObservedTime. */
const microSince = (s: string | undefined, nowMs: number) => {
  const t = parseTime(s)
  return t === undefined ? '<unknown>' : humanDuration(nowMs - t)
}

/** formatEventSource: component (else reportingController), then ", host" (else reportingInstance) when set. */
function formatEventSource(e: KEvent): string {
  const component = e.source?.component || e.reportingComponent || ''
  const instance = e.source?.host || e.reportingInstance || ''
  return instance.length === 0 ? component : `${component}, ${instance}`
}

export function eventRow(e: KEvent, nowMs: number): string[] {
  const first =
    parseTime(e.firstTimestamp) === undefined
      ? microSince(e.eventTime, nowMs)
      : translateTimestampSince(e.firstTimestamp, nowMs)
  let last = parseTime(e.lastTimestamp) === undefined ? first : translateTimestampSince(e.lastTimestamp, nowMs)
  let count = e.count ?? 0
  if (e.series) {
    last = microSince(e.series.lastObservedTime, nowMs)
    count = e.series.count ?? 0
  } else if (count === 0) {
    // Singleton events of the events.k8s.io API carry no count.
    count = 1
  }
  const io = e.involvedObject
  const target = io.name ? `${(io.kind ?? '').toLowerCase()}/${io.name}` : (io.kind ?? '').toLowerCase()
  return [
    last,
    e.type ?? '',
    e.reason ?? '',
    target,
    io.fieldPath ?? '',
    formatEventSource(e),
    (e.message ?? '').trim(),
    first,
    String(count),
    e.metadata?.name ?? '',
  ]
}
