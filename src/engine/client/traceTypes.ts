import type { KObject, ObjectReference } from '../api/types.ts'
import type { Lane } from '../events.ts'
import type { HttpResponse, Verb } from './http.ts'

/** Trace event types of the shared client plumbing: HTTP requests and responses, watch notifications, Events. */
export const CLIENT_TRACE_TYPES = [
  'http:Request',
  'http:Response',
  'watch:Start',
  'watch:Notify',
  'event:Record',
] as const

export type ClientTraceType = (typeof CLIENT_TRACE_TYPES)[number]

/** ShownRequest is a request as shown to people: credentials masked, the client certificate summarised. */
export interface ShownRequest {
  verb: Verb
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  clientCertificate?: { subject: string; issuer: string }
  body?: KObject
}

/**
 * RequestPurpose says why a component sends a request, so the narration can tell requests with the same verb and
 * path apart (kubectl's lookup GET from a plain read, a kubelet status patch from a scheduler one).
 */
export type RequestPurpose =
  /** `kubectl apply` asks whether the object exists (a 404 means "create it"). */
  | 'apply-lookup'
  /** `kubectl apply` creates the object it did not find. */
  | 'apply-create'
  /** `kubectl apply` patches the object it found, which differs from the manifest. */
  | 'apply-patch'
  /** The scheduler's DefaultBinder posts the Binding of a pod to the chosen node. */
  | 'binding'
  /** The kubelet's status manager patches the pod's status subresource. */
  | 'pod-status'
  /** The scheduler records PodScheduled=False (and maybe a nominated node) on a pod it cannot place. */
  | 'unschedulable-status'
  /** The scheduler marks a preemption victim with the DisruptionTarget condition. */
  | 'disruption-target'
  /** The scheduler deletes a preemption victim gracefully. */
  | 'preemption-delete'
  /** The scheduler clears the nominatedNodeName of a lower-priority pod. */
  | 'clear-nomination'
  /** The kubelet deletes a pod it has finished terminating (grace period 0, UID precondition). */
  | 'pod-delete'
  /** An Event recorder creates a new Event. */
  | 'event-create'
  /** An Event recorder bumps the count of an Event it already created. */
  | 'event-patch'
  /** Anything else (a caller that did not say). */
  | 'other'

export interface HttpRequestDetails {
  request: ShownRequest
  purpose: RequestPurpose
}

/**
 * ShownResponse is a response as the trace keeps it. Its body (the stored object, a list, a Status) is absent from
 * the page's copy of a successful response: the worker leaves whole objects off the wire (worker/wire.ts).
 */
export interface ShownResponse {
  code: number
  body?: HttpResponse['body']
  warnings?: string[]
}

export interface HttpResponseDetails {
  request: ShownRequest
  response: ShownResponse
  purpose: RequestPurpose
}

export interface WatchStartDetails {
  request: ShownRequest
}

/**
 * Why a watcher receives a notification: the object was created, changed or deleted while matching; it started or
 * stopped matching the watch's selectors (a pod bound to this kubelet's node arrives as ADDED); or it was already
 * there when a watch from resourceVersion 0 began (the initial list).
 */
export type NotifyCause = 'created' | 'updated' | 'deleted' | 'entered-selector' | 'left-selector' | 'initial'

export interface WatchNotifyDetails {
  /** The watch's path and selectors, e.g. /api/v1/pods?fieldSelector=spec.nodeName=worker-1. */
  watch: string
  type: 'ADDED' | 'MODIFIED' | 'DELETED'
  revision: number
  resourceVersion?: string
  cause: NotifyCause
  kind: string
  name: string
  namespace?: string
  subscriber: Lane
}

export interface EventRecordDetails {
  type: 'Normal' | 'Warning'
  reason: string
  message: string
  action: string
  involvedObject: ObjectReference
  /** The reporting component (kubelet, default-scheduler). */
  component: string
  /** legacy: core/v1 Events through client-go record; events: events.k8s.io/v1 through client-go tools/events. */
  api: 'legacy' | 'events'
  /** How many times this event has now been seen (1: a new Event object; more: the existing one is patched). */
  count: number
}

/** The shape of each step type's details. */
export interface ClientTraceDetails {
  'http:Request': HttpRequestDetails
  'http:Response': HttpResponseDetails
  'watch:Start': WatchStartDetails
  'watch:Notify': WatchNotifyDetails
  'event:Record': EventRecordDetails
}
