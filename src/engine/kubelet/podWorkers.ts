/**
 * The pod workers: one per pod bound to this node, holding what the kubelet knows of the pod while it syncs it.
 * Mirrors: pkg/kubelet/pod_workers.go (a serial worker per pod: an operation in flight finishes before termination
 * starts, podSyncStatus's syncing → terminating → terminated).
 */
import type { Container, Pod } from '../api/types.ts'
import type { Micros } from '../sim/kernel.ts'
import type { Outcome } from './cri/process.ts'

/** pod_workers.go: SyncPod, then TerminatingPod, then TerminatedPod. */
export type PodWorkerState = 'syncing' | 'terminating' | 'terminated'

export interface PodWorker {
  pod: Pod
  key: string
  status: NonNullable<Pod['status']>
  /** The status last sent to the apiserver (the base of the next status patch). */
  reported?: NonNullable<Pod['status']>
  ip?: string
  backoffS: number
  sandboxId?: string
  /** What to do when the running init container exits 0. */
  initNext?: () => void
  /** The reason of each container's last failed start (kubelet.reasonCache): CrashLoopBackOff while backing off. */
  reasonCache: Map<string, { reason: string; message: string }>
  /** Running containers by name: id, start time and what the process will do. */
  procs: Map<string, Proc>
  /** Every container id created in this pod (for the container GC). */
  ids: string[]
  /** CRI calls and hooks in flight; termination waits for them (the pod worker serializes syncs). */
  inflight: number
  onIdle?: () => void
  /**
   * The pod worker's sync state (podSyncStatus): syncing runs SyncPod; terminating (a deletionTimestamp was seen)
   * runs SyncTerminatingPod; terminated once the terminal status is reported and only the final DELETE is left.
   */
  state: PodWorkerState
  /** Set once every regular container has exited for good: the sidecars are stopped and nothing restarts. */
  completed?: boolean
  /** Sidecars the init sequence waits on: what to do once each has started (the next init container). */
  sidecarNext: Map<string, () => void>
  /** The pod's status subresource path, built on its first status patch (one per status update otherwise). */
  statusPath?: string
}

/** Termination ordering of one sidecar: the containers it must outlive. */
export interface Ordering {
  deps: string[]
  clear: () => boolean
  onChange: (f: () => void) => void
}

export interface Proc {
  c: Container
  id: string
  startedAt: Micros
  outcome: Outcome
}

/** pkg/kubelet/kuberuntime/kuberuntime_container.go: always give containers a minimal shutdown window. */
export const MINIMUM_GRACE_PERIOD_S = 2

export function newPodWorker(key: string, pod: Pod): PodWorker {
  return {
    pod,
    key,
    status: { ...pod.status },
    state: 'syncing',
    backoffS: 0,
    reasonCache: new Map(),
    procs: new Map(),
    ids: [],
    inflight: 0,
    sidecarNext: new Map(),
  }
}

/** idle runs the termination that waited for the pod worker's in-flight operations. */
export function idle(w: PodWorker): void {
  if (w.inflight > 0 || !w.onIdle) return
  const f = w.onIdle
  w.onIdle = undefined
  f()
}

/** gracePeriodOf mirrors killContainer: deletionGracePeriodSeconds, else terminationGracePeriodSeconds, else 2. */
export function gracePeriodOf(pod: Pod): number {
  return pod.metadata?.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? MINIMUM_GRACE_PERIOD_S
}
