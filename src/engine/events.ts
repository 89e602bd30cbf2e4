/**
 * The one event vocabulary of the engine. Every step of a pod's birth is one TraceEvent; the browser,
 * the CLI and the tests are all views of the ordered list of them (the trace).
 *
 * Each component folder owns the list of its event types in `traceTypes.ts`; this file unions them.
 */
import type { KObject } from './api/types.ts'
import type { Micros } from './sim/kernel.ts'
import { KUBECTL_TRACE_TYPES } from './kubectl/traceTypes.ts'
import { APISERVER_TRACE_TYPES } from './apiserver/traceTypes.ts'
import { ETCD_TRACE_TYPES } from './etcd/traceTypes.ts'
import { SCHEDULER_TRACE_TYPES } from './scheduler/traceTypes.ts'
import { KUBELET_TRACE_TYPES } from './kubelet/traceTypes.ts'
import { CLIENT_TRACE_TYPES } from './client/traceTypes.ts'

/** The swimlanes, top to bottom, named exactly as the components are. */
export const LANES = ['kubectl', 'kube-apiserver', 'etcd', 'kube-scheduler', 'kubelet', 'CRI', 'CNI'] as const
export type Lane = (typeof LANES)[number]

export const TRACE_TYPES = [
  ...CLIENT_TRACE_TYPES,
  ...KUBECTL_TRACE_TYPES,
  ...APISERVER_TRACE_TYPES,
  ...ETCD_TRACE_TYPES,
  ...SCHEDULER_TRACE_TYPES,
  ...KUBELET_TRACE_TYPES,
] as const
/** TraceType names the step: `<component>:<upstream name>`, e.g. `apiserver:Authenticate`, `cri:RunPodSandbox`. */
export type TraceType = (typeof TRACE_TYPES)[number]

/** How a step ended, for colouring: ok (did its job), error (refused or failed), warning, info (observation). */
export type Outcome = 'ok' | 'error' | 'warning' | 'info'

/**
 * ObjectChange is what an etcd write did to one stored object. `before` and `after` are the whole objects
 * (shared, never mutated after they are written), so any object can be shown as it was at any event.
 */
export interface ObjectChange {
  /** The etcd key, e.g. /registry/pods/default/nginx. */
  key: string
  type: 'ADDED' | 'MODIFIED' | 'DELETED'
  /** The etcd revision of the write (it becomes metadata.resourceVersion). */
  revision: number
  kind: string
  namespace?: string
  name: string
  before?: KObject
  after?: KObject
}

/**
 * TraceEvent is one step. `from`/`to` make it an arrow between lanes (a request, a response, a watch
 * notification, a CRI or CNI call); `arrive` is when the arrow lands. `details` is plain JSON.
 * Conventional detail keys: `request` and `response` (HttpRequest/HttpResponse, credentials redacted),
 * `plugin` (admission or scheduler plugin name), `key`/`revision` (etcd), `cri` / `cni` (call and result).
 */
export interface TraceEvent {
  seq: number
  /** Virtual time in microseconds. */
  t: Micros
  arrive?: Micros
  lane: Lane
  type: TraceType
  from?: Lane
  to?: Lane
  /** The node a kubelet/CRI/CNI step ran on. */
  node?: string
  /** The pod this step is about, as namespace/name. */
  pod?: string
  /** A request id that ties a request to its handling steps and its response. */
  requestId?: number
  outcome: Outcome
  /** One line, present tense, for the lane and the CLI. */
  summary: string
  /** Plain words: what happened and why. */
  explain: string
  /** A kubernetes.io documentation link for the concept. */
  docs?: string
  details?: Record<string, unknown>
  change?: ObjectChange
}

/** TraceEventInput is what a component passes to Trace.emit: the trace stamps seq and t. */
export type TraceEventInput = Omit<TraceEvent, 'seq' | 't'> & { t?: Micros }

/** assertNever ends every switch over a union: unknown input is an error, never silently dropped. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`)
}
