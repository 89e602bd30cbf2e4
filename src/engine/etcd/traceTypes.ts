import type { Untyped } from '../events.ts'

/** Trace event types of the simulated etcd. */
export const ETCD_TRACE_TYPES = ['etcd:Txn', 'etcd:Range'] as const

export type EtcdTraceType = (typeof ETCD_TRACE_TYPES)[number]

/** The shape of each step type's details (Untyped until given one). */
export interface EtcdTraceDetails {
  'etcd:Txn': Untyped
  'etcd:Range': Untyped
}
