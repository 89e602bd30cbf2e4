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
