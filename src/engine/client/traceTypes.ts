import type { Untyped } from '../events.ts'

/** Trace event types of the shared client plumbing: HTTP requests and responses, watch notifications, Events. */
export const CLIENT_TRACE_TYPES = [
  'http:Request',
  'http:Response',
  'watch:Start',
  'watch:Notify',
  'event:Record',
] as const

export type ClientTraceType = (typeof CLIENT_TRACE_TYPES)[number]

/** The shape of each step type's details (Untyped until given one). */
export interface ClientTraceDetails {
  'http:Request': Untyped
  'http:Response': Untyped
  'watch:Start': Untyped
  'watch:Notify': Untyped
  'event:Record': Untyped
}
