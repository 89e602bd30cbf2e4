import type { KEvent, ObjectReference } from '../api/types.ts'
import { podKey } from '../api/podKey.ts'
import type { EngineContext } from '../context.ts'
import type { ApiClient } from './apiClient.ts'

/** EventSource names who reports: kubelet (legacy core/v1 recorder) or default-scheduler (events.k8s.io). */
export interface EventSource {
  /** source.component / reportingController: `kubelet`, `default-scheduler`. */
  component: string
  /** The node, for the kubelet (source.host). */
  host?: string
  reportingInstance: string
  /** legacy = client-go record.EventRecorder (kubelet); events = events.k8s.io/v1 recorder (scheduler). */
  api: 'legacy' | 'events'
}

export type EventType = 'Normal' | 'Warning'

/**
 * EventRecorder creates Kubernetes Event objects through the kube-apiserver, the way client-go's
 * recorders do: POST /api/v1/namespaces/{ns}/events for a new event, PATCH to bump `count` (legacy)
 * or `series` (events.k8s.io) when the same event repeats.
 * Mirrors: k8s.io/client-go/tools/record/event.go (name `%v.%x` of object name and UnixNano) and
 * k8s.io/client-go/tools/record/events_cache.go (aggregation key: source, object, type, reason, message).
 */
export class EventRecorder {
  private readonly ctx: EngineContext
  private readonly client: ApiClient
  private readonly source: EventSource
  /** The events sent so far, by their involved object's uid (or name): see `prior`. */
  private readonly seen = new Map<string, Seen[]>()

  constructor(ctx: EngineContext, client: ApiClient, source: EventSource) {
    this.ctx = ctx
    this.client = client
    this.source = source
  }

  /**
   * prior finds the event with the same aggregation key sent before. Hot (one per event): a key string of every
   * field (~250 characters, mostly the message) cost a fresh hash per event; the involved object's uid is a stored
   * string whose hash is kept, and the few events about one object are compared field by field.
   */
  private prior(
    ref: ObjectReference, namespace: string, type: EventType, reason: string, message: string,
  ): Seen | undefined {
    const list = this.seen.get(ref.uid || ref.name || '')
    if (!list) return undefined
    const kind = ref.kind ?? ''
    const involved = ref.name ?? ''
    const uid = ref.uid ?? ''
    const fieldPath = ref.fieldPath ?? ''
    for (const s of list) {
      if (s.reason === reason && s.message === message && s.type === type && s.kind === kind &&
        s.namespace === namespace && s.involved === involved && s.uid === uid && s.fieldPath === fieldPath) return s
    }
    return undefined
  }

  /** event records that `type`/`reason`/`message` happened to the referenced object. */
  event(ref: ObjectReference, type: EventType, reason: string, message: string, action = ''): void {
    const { sim, trace } = this.ctx
    const namespace = ref.namespace ?? 'default'
    // A controller's events are about its Deployment or ReplicaSet: only a Pod's belong to a pod's story.
    const pod = ref.kind === 'Pod' ? podKey(namespace, ref.name ?? '') : undefined
    const src = this.source
    const prior = this.prior(ref, namespace, type, reason, message)
    trace.emit({
      type: 'event:Record', lane: laneOf(this.source.component), node: this.source.host, pod,
      outcome: type === 'Warning' ? 'warning' : 'info',
      details: {
        type, reason, message, action, involvedObject: ref, component: this.source.component, api: this.source.api,
        count: (prior?.count ?? 0) + 1,
      },
    })
    const now = sim.rfc3339()
    if (prior) {
      prior.count++
      const patch = this.source.api === 'legacy'
        ? { count: prior.count, lastTimestamp: now }
        : { series: { count: prior.count, lastObservedTime: sim.rfc3339Micro() } }
      this.client.request({
        verb: 'PATCH', path: `/api/v1/namespaces/${prior.namespace}/events/${prior.name}`,
        headers: { 'Content-Type': 'application/strategic-merge-patch+json' }, body: patch,
      }, () => {}, { pod, purpose: 'event-patch' })
      return
    }
    // Two events in the same virtual microsecond still get distinct names, as distinct UnixNano values would.
    const name = `${ref.name}.${unixNanoHex(sim.wallMs(), (Math.floor(sim.now()) % 1000) * 1000 + (this.ctx.nextId('event') % 1000))}`
    const bucket = ref.uid || ref.name || ''
    const list = this.seen.get(bucket)
    const seen: Seen = {
      kind: ref.kind ?? '', namespace, involved: ref.name ?? '', uid: ref.uid ?? '', fieldPath: ref.fieldPath ?? '',
      type, reason, message, name, count: 1, first: now,
    }
    if (list) list.push(seen)
    else this.seen.set(bucket, [seen])
    const legacy = src.api === 'legacy'
    const source: KEvent['source'] = {}
    if (legacy) {
      source.component = src.component
      if (src.host) source.host = src.host
    }
    const ev: KEvent = {
      apiVersion: 'v1', kind: 'Event', metadata: { name, namespace }, involvedObject: ref, reason, message, type,
      source, reportingComponent: src.component, reportingInstance: src.reportingInstance,
    }
    // The keys after reportingInstance in the order the object literal had them (the Event's JSON is traced).
    if (legacy) {
      ev.firstTimestamp = now
      ev.lastTimestamp = now
      ev.count = 1
    } else {
      ev.eventTime = sim.rfc3339Micro()
      ev.action = action
    }
    this.client.request({ verb: 'POST', path: `/api/v1/namespaces/${namespace}/events`, body: ev as never }, () => {}, {
      pod, purpose: 'event-create',
    })
  }
}

/**
 * Seen: an event sent before, with its aggregation key's fields (events_cache.go getEventKey: source, involved
 * object, type, reason, message; the source is the recorder's own) and the Event object's name and count.
 */
interface Seen {
  kind: string
  namespace: string
  /** The involved object's name. */
  involved: string
  uid: string
  fieldPath: string
  type: EventType
  reason: string
  message: string
  /** The Event object's name. */
  name: string
  count: number
  first: string
}

function laneOf(component: string): 'kubelet' | 'kube-scheduler' | 'kube-apiserver' | 'kube-controller-manager' {
  if (component === 'kubelet') return 'kubelet'
  if (component.endsWith('-controller')) return 'kube-controller-manager'
  if (component === 'default-scheduler') return 'kube-scheduler'
  return 'kube-apiserver'
}

/**
 * unixNanoHex is wallMs × 10⁶ + ns (ns < 10⁶) in hex, the Event name's suffix, in exact float arithmetic (the
 * product passes 2⁵³, a BigInt per event cost more): wallMs split at 2²⁴, each part's product stays below 2⁵³.
 */
export function unixNanoHex(wallMs: number, ns: number): string {
  const SPLIT = 2 ** 24
  const high = Math.floor(wallMs / SPLIT) * 1_000_000
  const low = (wallMs % SPLIT) * 1_000_000 + ns
  const hi = high + Math.floor(low / SPLIT)
  const lo = (low % SPLIT).toString(16).padStart(6, '0')
  return hi > 0 ? `${hi.toString(16)}${lo}` : (low % SPLIT).toString(16)
}
