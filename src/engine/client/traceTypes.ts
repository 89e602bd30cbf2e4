/** Trace event types of the shared client plumbing: HTTP requests and responses, watch notifications, Events. */
export const CLIENT_TRACE_TYPES = [
  'http:Request',
  'http:Response',
  'watch:Start',
  'watch:Notify',
  'event:Record',
] as const
