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
import { CONTROLLER_TRACE_TYPES } from './controllers/traceTypes.ts'
import type { ControllerTraceDetails } from './controllers/traceTypes.ts'
import type { ClientTraceDetails } from './client/traceTypes.ts'
import type { KubectlTraceDetails } from './kubectl/traceTypes.ts'
import type { ApiserverTraceDetails } from './apiserver/traceTypes.ts'
import type { EtcdTraceDetails } from './etcd/traceTypes.ts'
import type { SchedulerTraceDetails } from './scheduler/traceTypes.ts'
import type { KubeletTraceDetails } from './kubelet/traceTypes.ts'

/** The swimlanes, top to bottom, named exactly as the components are. */
export const LANES = [
  'kubectl', 'kube-apiserver', 'etcd', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'CRI', 'CNI',
] as const
export type Lane = (typeof LANES)[number]

export const TRACE_TYPES = [
  ...CLIENT_TRACE_TYPES,
  ...KUBECTL_TRACE_TYPES,
  ...APISERVER_TRACE_TYPES,
  ...ETCD_TRACE_TYPES,
  ...SCHEDULER_TRACE_TYPES,
  ...KUBELET_TRACE_TYPES,
  ...CONTROLLER_TRACE_TYPES,
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
 * TraceDetailsMap gives each step type the shape of its `details`: every component declares its own in its
 * `traceTypes.ts`, so views read typed fields instead of casting. The check below fails to compile if a step type
 * has no entry or an entry names no step type.
 */
export interface TraceDetailsMap
  extends ClientTraceDetails, KubectlTraceDetails, ApiserverTraceDetails, EtcdTraceDetails, SchedulerTraceDetails,
    KubeletTraceDetails, ControllerTraceDetails {}
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const detailsCoverTypes: Exact<keyof TraceDetailsMap, TraceType> = true
void detailsCoverTypes

/** What every step has, whatever its type. */
export interface TraceEventBase {
  seq: number
  /** Virtual time in microseconds. */
  t: Micros
  /** When the arrow lands (a request, a response, a watch notification, a CRI or CNI call). */
  arrive?: Micros
  lane: Lane
  from?: Lane
  to?: Lane
  /** The node a kubelet/CRI/CNI step ran on. */
  node?: string
  /** The pod this step is about, as namespace/name. */
  pod?: string
  /** A request id that ties a request to its handling steps and its response. */
  requestId?: number
  outcome: Outcome
  /**
   * One line, present tense, for the lane, the log and the CLI: written by the step type's narration
   * (`narration/`) when the step is emitted.
   */
  summary: string
  change?: ObjectChange
}

/**
 * TraceEvent is one step: a discriminated union on `type`, so `details` has the shape its type declares.
 * `from`/`to` make it an arrow between lanes.
 */
export type TraceEvent = { [K in TraceType]: TraceEventBase & { type: K } & DetailsOf<K> }[TraceType]
/** A step type whose details may be absent (`undefined` in its shape) may leave them out. */
type DetailsOf<K extends TraceType> = undefined extends TraceDetailsMap[K] ? { details?: TraceDetailsMap[K] } : { details: TraceDetailsMap[K] }


/** StepOf is the step of one type. */
export type StepOf<K extends TraceType> = Extract<TraceEvent, { type: K }>

/**
 * TraceEventInput is what a component passes to Trace.emit: data only. The trace stamps seq and t and writes the
 * summary from the step type's narration.
 */
export type TraceEventInput = TraceEvent extends infer E
  ? E extends TraceEvent ? Omit<E, 'seq' | 't' | 'summary'> & { t?: Micros } : never
  : never

/** assertNever ends every switch over a union: unknown input is an error, never silently dropped. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`)
}
