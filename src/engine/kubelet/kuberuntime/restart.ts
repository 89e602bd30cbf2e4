/**
 * What the pod worker does after a container exited and its restart policy says it runs again: restart it at once
 * when the kubelet's crash-loop back-off allows (always the case after the first crash), otherwise record BackOff,
 * show CrashLoopBackOff and try again on the worker's requeue.
 * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_manager.go (SyncPod → doBackOff: ErrCrashLoopBackOff),
 * pkg/kubelet/pod_workers.go (completeWork: a failed sync is requeued after backOffPeriod with jitter 0.5),
 * pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses (a container waiting for its restart shows the reason
 * cached from the last failed start, its terminated state moving to lastState).
 */
import type { Container, ContainerStatus } from '../../api/types.ts'
import { hash32 } from '../../sim/rng.ts'
import { sec } from '../../sim/kernel.ts'
import type { Micros } from '../../sim/kernel.ts'
import { containerRef } from '../container/ref.ts'
import { goDuration } from '../goDuration.ts'
import type { Kubelet } from '../kubelet.ts'
import type { PodWorker } from '../podWorkers.ts'
import { doBackOff, formatPod, getStableKey } from './backoff.ts'
import { createAndStart } from './container.ts'
import { reportRunning, sidecarStarted } from './manager.ts'

/** pkg/kubelet/kubelet.go backOffPeriod: how long the pod worker waits before it retries a sync that failed. */
const WORKER_BACKOFF_S = 10
/** pkg/kubelet/pod_workers.go workerBackOffPeriodJitterFactor. */
const WORKER_BACKOFF_JITTER = 0.5

export interface Exit {
  /** The container's terminated state, as the status shows it. */
  terminated: NonNullable<NonNullable<ContainerStatus['state']>['terminated']>
  /** When it exited, in virtual time (doBackOff's eventTime is the container's FinishedAt). */
  finishedAt: Micros
  restartCount: number
  init: boolean
  sidecar: boolean
  restartPolicy: string
}

/** specHash stands for the container's hash in the back-off key (a changed spec starts a fresh back-off). */
export function specHash(c: Container): string {
  return hash32(JSON.stringify(c)).toString(16)
}

/** syncRestart is one sync of the pod worker for an exited container that must run again. */
export function syncRestart(k: Kubelet, w: PodWorker, c: Container, x: Exit): void {
  if (w.state !== 'syncing' || w.completed) return
  const now = k.ctx.sim.now()
  const d = doBackOff(k.crashLoopBackOff, w.pod, c, specHash(c), x.finishedAt, now)
  const podDesc = formatPod(w.pod)
  if (d.inBackOff) {
    const backoff = k.crashLoopBackOff.get(getStableKey(w.pod, c, specHash(c)))
    k.recorder.event(containerRef(w.pod, c), d.event.type, d.event.reason, d.event.message)
    w.reasonCache.set(c.name, { reason: d.reason, message: d.message })
    const retryS = WORKER_BACKOFF_S * (1 + k.rng.float() * WORKER_BACKOFF_JITTER)
    k.emit({
      type: 'kubelet:Backoff',
      lane: 'kubelet',
      pod: w.key,
      outcome: 'warning',
      details: {
        kind: 'crashLoop',
        container: c.name,
        restartPolicy: x.restartPolicy,
        podDesc,
        backoff: goDuration(backoff / 1000),
        backoffSeconds: backoff / 1e6,
        leftSeconds: Math.ceil((x.finishedAt + backoff - now) / 1e6),
        retrySeconds: Math.round(retryS * 10) / 10,
        message: d.message,
        restartCount: x.restartCount,
      },
    })
    k.ctx.sim.after(sec(retryS), () => {
      if (w.state !== 'syncing' || w.completed) return
      showWaiting(k, w, c, x)
      syncRestart(k, w, c, x)
    })
    return
  }
  // The start this sync makes clears the cached failure (a successful start removes the reason).
  showWaiting(k, w, c, x)
  w.reasonCache.delete(c.name)
  const next = k.crashLoopBackOff.get(getStableKey(w.pod, c, specHash(c)))
  k.emit({
    type: 'kubelet:Backoff',
    lane: 'kubelet',
    pod: w.key,
    outcome: 'info',
    details: {
      kind: 'restart',
      container: c.name,
      restartPolicy: x.restartPolicy,
      restartCount: x.restartCount + 1,
      nextBackoff: goDuration(next / 1000),
    },
  })
  k.status.setState(w, c, { restartCount: x.restartCount + 1 })
  k.images.ensureImage(w, c, () =>
    createAndStart(k, w, w.sandboxId ?? '', c, () =>
      x.sidecar ? sidecarStarted(k, w, c) : x.init ? undefined : reportRunning(k, w),
    ),
  )
}

/**
 * showWaiting is the status this sync generates for the container before it acts: Waiting with the reason of the
 * last failed start (CrashLoopBackOff) once there is one, the terminated state moved to lastState.
 */
function showWaiting(k: Kubelet, w: PodWorker, c: Container, x: Exit): void {
  const cached = w.reasonCache.get(c.name)
  if (!cached) return
  const cur = [...(w.status.containerStatuses ?? []), ...(w.status.initContainerStatuses ?? [])]
  const s = cur.find((v) => v.name === c.name)
  const shown = s?.state?.waiting
  if (shown?.reason === cached.reason && shown.message === cached.message) return
  k.status.setState(w, c, {
    lastState: { terminated: x.terminated },
    state: {
      waiting: { reason: cached.reason, message: cached.message },
      terminated: null,
      running: null,
    } as unknown as ContainerStatus['state'],
  })
  k.status.refresh(w, { kind: 'crashLoop', container: c.name, message: cached.message })
}
