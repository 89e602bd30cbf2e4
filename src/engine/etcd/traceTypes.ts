/** Trace event types of the simulated etcd. */
export const ETCD_TRACE_TYPES = ['etcd:Txn', 'etcd:Range'] as const
