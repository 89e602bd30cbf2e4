/**
 * What a user sees of the cluster right after a trace step: `kubectl get` of the session's objects, `kubectl
 * describe pod` of the pod the step is about, and the nodes with what is allocated on them (the scheduler's view).
 * The app's "Cluster at the playhead" panel and its nodes view show these; they are built from the objects the
 * timeline restores, with kubectl's own printers, so they read exactly as kubectl would print them then.
 */
import type { KEvent, KObject, Node, Pod } from '../api/types.ts'
import { bytes, cpuMilli } from '../api/quantity.ts'
import { getPodsWide } from '../kubectl/printers/getPods.ts'
import { describeEvents, eventsFor } from '../kubectl/printers/events.ts'
import { describePod } from '../kubectl/printers/describe/pod.ts'
import { toKubectlYaml } from '../kubectl/printers/yaml.ts'
import { parseKubectl } from '../kubectl/cmd/parse.ts'
import { readObjects } from '../kubectl/session/readObjects.ts'
import { boundByNode } from './bound.ts'

/** The panel at the playhead lists this many pods (a large apply would otherwise re-lay out hundreds of lines). */
export const SNAPSHOT_PODS = 40

/** A node at a step: what it can hold and what its pods request (the scheduler's view of allocation). */
export interface NodeView {
  name: string
  cpuAllocatable: number
  memoryAllocatable: number
  podsAllocatable: number
  cpuRequested: number
  memoryRequested: number
  pods: string[]
  unschedulable: boolean
  taints: string[]
  /** metadata.labels (the cluster map groups nodes by any of them). */
  labels?: Record<string, string>
  /** The topology.kubernetes.io/zone label, when the node has one. */
  zone?: string
}

/** Names of the objects at a step, for the console's completion. */
export interface ObjectNames {
  pods: string[]
  deployments: string[]
  replicasets: string[]
  nodes: string[]
  namespaces: string[]
}

/** The cluster right after a step, as kubectl prints it. */
export interface PlayheadView {
  index: number
  getPods: string
  /** The pods getPods lists (namespace/name). */
  podKeys: string[]
  /** `kubectl get deployments,replicasets -o wide` when the session made any (else absent). */
  getOwners?: string
  describeEvents: string
  describePod: string
  podName?: string
  podNode?: string
  /** `kubectl get pod -o yaml` of the pod described, as stored at that step. */
  podYaml?: string
  nodes: NodeView[]
  names: ObjectNames
}

const PODS = '/registry/pods/'
const NODES = '/registry/minions/'
const EVENTS = '/registry/events/'

const ofPrefix = <T>(objects: Map<string, KObject>, prefix: string): T[] => {
  const out: T[] = []
  for (const [k, o] of objects) if (k.startsWith(prefix)) out.push(o as unknown as T)
  return out
}

/** nodeViews: every node with the requests of the pods bound to it, by name. */
export function nodeViews(objects: Map<string, KObject>): NodeView[] {
  const bound = boundByNode(objects)
  return ofPrefix<Node>(objects, NODES).map((n) => {
    const name = n.metadata?.name ?? ''
    const b = bound.get(name)
    const alloc = (n.status?.allocatable ?? {}) as Record<string, string>
    return {
      name, cpuAllocatable: cpuMilli(alloc.cpu), memoryAllocatable: bytes(alloc.memory),
      podsAllocatable: bytes(alloc.pods ?? '110'), cpuRequested: b?.cpu ?? 0, memoryRequested: b?.memory ?? 0,
      pods: (b?.pods ?? []).map((p) => `${p.metadata?.namespace}/${p.metadata?.name}`).sort(),
      unschedulable: !!n.spec?.unschedulable,
      taints: (n.spec?.taints ?? []).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
      labels: { ...n.metadata?.labels }, zone: n.metadata?.labels?.['topology.kubernetes.io/zone'],
    }
  }).sort((a, b) => (a.name < b.name ? -1 : 1))
}

/** objectNames: the names the console completes, sorted and without repeats. */
export function objectNames(objects: Map<string, KObject>): ObjectNames {
  const of = (prefix: string) => {
    const names = ofPrefix<KObject>(objects, prefix).map((o) => o.metadata?.name ?? '')
    return [...new Set(names)].filter(Boolean).sort()
  }
  return {
    pods: of(PODS), deployments: of('/registry/deployments/'), replicasets: of('/registry/replicasets/'),
    nodes: of(NODES), namespaces: of('/registry/namespaces/'),
  }
}

/** The owners' table: what `kubectl get deployments,replicasets -o wide` prints for the session's objects. */
function ownersTable(objects: KObject[], nowMs: number): string | undefined {
  if (objects.length === 0) return undefined
  // -A only when some live outside `default`: kubectl then adds a NAMESPACE column.
  const all = objects.some((o) => (o.metadata?.namespace ?? 'default') !== 'default') ? ['-A'] : []
  const parsed = parseKubectl(['get', 'deployments,replicasets', '-o', 'wide', ...all])
  if ('error' in parsed || parsed.command.verb !== 'get') return undefined
  const r = readObjects(parsed.command, objects, { nowMs, namespace: 'default' })
  return r.exitCode === 0 ? r.stdout.replace(/\n$/, '') : undefined
}

export interface SnapshotInput {
  index: number
  objects: Map<string, KObject>
  /** The simulated wall clock (epoch ms) of the step. */
  nowMs: number
  /** The pod the step is about (namespace/name), if any. */
  about?: string
  /** true for objects made during the session (the cluster file's own are not listed). */
  isSessionObject: (o: KObject) => boolean
}

/**
 * playheadView: the session's pods and owners, and the pod described — the one the step is about (the first of the
 * session's pods for steps about no pod).
 */
export function playheadView(input: SnapshotInput): PlayheadView {
  const { objects, nowMs, index } = input
  const pods = ofPrefix<Pod>(objects, PODS).filter((p) => input.isSessionObject(p as unknown as KObject))
  const events = ofPrefix<KEvent>(objects, EVENTS)
  const about = input.about
  const first = (about && pods.find((p) => `${p.metadata?.namespace}/${p.metadata?.name}` === about)) || pods[0]
  const podEvents = first
    ? eventsFor(events, 'Pod', first.metadata?.namespace ?? '', first.metadata?.name ?? '', first.metadata?.uid)
    : events
  const more = pods.length > SNAPSHOT_PODS ? `\n… and ${pods.length - SNAPSHOT_PODS} more pods` : ''
  const session: KObject[] = []
  for (const [k, o] of objects) {
    if ((k.startsWith('/registry/deployments/') || k.startsWith('/registry/replicasets/')) && input.isSessionObject(o)) {
      session.push(o)
    }
  }
  const getOwners = ownersTable(session, nowMs)
  return {
    index,
    getPods: pods.length
      ? getPodsWide(pods.slice(0, SNAPSHOT_PODS), nowMs) + more
      : 'No resources found in default namespace.',
    podKeys: pods.slice(0, SNAPSHOT_PODS).map((p) => `${p.metadata?.namespace ?? 'default'}/${p.metadata?.name ?? ''}`),
    ...(getOwners !== undefined ? { getOwners } : {}),
    // The whole describe, Events included; the separate Events text is for snapshots about no pod.
    describeEvents: first ? '' : describeEvents(podEvents, nowMs),
    describePod: first ? describePod(first, podEvents, nowMs).replace(/\n$/, '') : '',
    podName: first?.metadata?.name,
    podNode: first?.spec?.nodeName,
    podYaml: first ? toKubectlYaml(first as unknown as KObject) : undefined,
    nodes: nodeViews(objects),
    names: objectNames(objects),
  }
}
