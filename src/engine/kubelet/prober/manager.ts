/**
 * What the probe manager adds to a container's status from its workers' cached results.
 * Mirrors: pkg/kubelet/prober/prober_manager.go isContainerStarted and UpdatePodStatus (Started and Ready of each
 * container status; a container with a readiness probe that has no success yet triggers its worker at once).
 */
import type { WorkerResult } from './worker.ts'

/** What the manager knows of one container for one probe type. */
export interface ProbeSlot {
  /** A worker exists: the container has this probe. */
  worker: boolean
  /** The results manager's value for the container's current ID. */
  cached?: WorkerResult
}

/**
 * isContainerStarted: a running container is started once its startup probe succeeded, or at once when it has
 * none; a startup probe that has not answered yet keeps it not started.
 */
export function isContainerStarted(running: boolean, startup: ProbeSlot): boolean {
  if (!running) return false
  if (startup.cached !== undefined) return startup.cached === 'Success'
  return !startup.worker
}

/**
 * containerReady is UpdatePodStatus' Ready for a started container: a running container with a readiness success,
 * or with no readiness probe at all. `triggerReadiness` says the manager kicks the readiness worker to probe now
 * instead of waiting for its next period.
 */
export function containerReady(
  started: boolean,
  running: boolean,
  readiness: ProbeSlot,
): { ready: boolean; triggerReadiness: boolean } {
  if (!started || !running) return { ready: false, triggerReadiness: false }
  if (readiness.cached === 'Success') return { ready: true, triggerReadiness: false }
  return { ready: !readiness.worker, triggerReadiness: readiness.worker }
}
