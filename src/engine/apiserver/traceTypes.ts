import type { Untyped } from '../events.ts'

/** Trace event types of the simulated kube-apiserver (handler chain, admission, registry). */
export const APISERVER_TRACE_TYPES = [
  'apiserver:RequestInfo',
  'apiserver:Authenticate',
  'apiserver:Authorize',
  'apiserver:Decode',
  'apiserver:Default',
  'apiserver:Admit',
  'apiserver:Validate',
  'apiserver:Persist',
  'apiserver:Respond',
] as const

export type ApiserverTraceType = (typeof APISERVER_TRACE_TYPES)[number]

/** The shape of each step type's details (Untyped until given one). */
export interface ApiserverTraceDetails {
  'apiserver:RequestInfo': Untyped
  'apiserver:Authenticate': Untyped
  'apiserver:Authorize': Untyped
  'apiserver:Decode': Untyped
  'apiserver:Default': Untyped
  'apiserver:Admit': Untyped
  'apiserver:Validate': Untyped
  'apiserver:Persist': Untyped
  'apiserver:Respond': Untyped
}
