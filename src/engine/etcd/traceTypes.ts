import type { Lane } from '../events.ts'
import type { Compare } from './store.ts'

/** Trace event types of the simulated etcd. */
export const ETCD_TRACE_TYPES = ['etcd:Txn'] as const

export type EtcdTraceType = (typeof ETCD_TRACE_TYPES)[number]

/** WritePurpose says why the kube-apiserver writes to etcd, for the narration of the transaction. */
export type WritePurpose =
  /** A create that passed every check, stored create-if-absent (compare mod_revision = 0). */
  | { kind: 'create'; objectKind: string }
  /** The pods/binding subresource: spec.nodeName and PodScheduled=True in one write. */
  | { kind: 'binding'; node: string; clearedNomination?: string }
  /** The status subresource: only .status changes, on behalf of `by`. */
  | { kind: 'status'; by: Lane }
  /** A patch or update merged into the stored object. */
  | { kind: 'patch'; objectKind: string }
  /** Graceful deletion of a bound pod: only deletionTimestamp is set. */
  | { kind: 'graceful-delete'; node: string; graceSeconds: number }
  /** The object is removed for good. */
  | { kind: 'delete'; objectKind: string }
  /** An admission plugin (ResourceQuota) records new usage in a quota's status before the object is stored. */
  | { kind: 'quota-usage'; plugin: string; quota: string }

export interface TxnOpShown {
  type: 'put' | 'delete'
  key: string
}

/** The three moments of one transaction: the request, each committed change, a failed compare. */
export type EtcdTxnDetails =
  | { phase: 'request'; compares: Compare[]; ops: TxnOpShown[]; purpose: WritePurpose }
  | {
    phase: 'commit'; op: 'PUT' | 'DELETE'; key: string; revision: number; createRevision: number; version: number
    purpose: WritePurpose
  }
  | { phase: 'conflict'; compares: Compare[]; revision: number; purpose: WritePurpose }

/** The shape of each step type's details. */
export interface EtcdTraceDetails {
  'etcd:Txn': EtcdTxnDetails
}
