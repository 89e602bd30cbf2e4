import type { KEvent, ObjectReference } from '../api/types.ts'
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
  private readonly seen = new Map<string, { name: string; namespace: string; count: number; first: string }>()

  constructor(ctx: EngineContext, client: ApiClient, source: EventSource) {
    this.ctx = ctx
    this.client = client
    this.source = source
  }

  /** event records that `type`/`reason`/`message` happened to the referenced object. */
  event(ref: ObjectReference, type: EventType, reason: string, message: string, action = ''): void {
    const { sim, trace } = this.ctx
    const namespace = ref.namespace ?? 'default'
    // A controller's events are about its Deployment or ReplicaSet: only a Pod's belong to a pod's story.
    const pod = ref.kind === 'Pod' ? `${namespace}/${ref.name ?? ''}` : undefined
    // Hot (one per event): a template, not an array join; `?? ''` writes a missing field as join did.
    const src = this.source
    const key = `${src.component}\u0000${src.host ?? ''}\u0000${ref.kind ?? ''}\u0000${namespace}` +
      `\u0000${ref.name ?? ''}\u0000${ref.uid ?? ''}\u0000${ref.fieldPath ?? ''}` +
      `\u0000${type}\u0000${reason}\u0000${message}`
    const prior = this.seen.get(key)
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
    const wallNs = BigInt(sim.wallMs()) * 1_000_000n + BigInt(Math.floor(sim.now()) % 1000) * 1000n + BigInt(this.ctx.nextId('event') % 1000)
    const name = `${ref.name}.${wallNs.toString(16)}`
    this.seen.set(key, { name, namespace, count: 1, first: now })
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

function laneOf(component: string): 'kubelet' | 'kube-scheduler' | 'kube-apiserver' | 'kube-controller-manager' {
  if (component === 'kubelet') return 'kubelet'
  if (component.endsWith('-controller')) return 'kube-controller-manager'
  if (component === 'default-scheduler') return 'kube-scheduler'
  return 'kube-apiserver'
}
