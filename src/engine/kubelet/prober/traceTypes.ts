/**
 * The step the kubelet's probe workers emit: one per probe that ran (a tick that only waits, for the initial
 * delay or for the startup probe, emits nothing).
 */
import type { ProberEvent } from './events.ts'
import type { HandlerKind, ProbeResult, ProbeType } from './probe.ts'
import type { ProbeChange, WorkerResult } from './worker.ts'

export const PROBER_TRACE_TYPES = ['prober:Probe'] as const
export type ProberTraceType = (typeof PROBER_TRACE_TYPES)[number]

export interface ProbeStep {
  probeType: ProbeType
  container: string
  handler: HandlerKind | 'none'
  /** What was probed: `GET http://10.244.1.5:8080/healthz`, `exec [cat /tmp/healthy]`, `tcp 10.244.1.5:3306`. */
  target: string
  /** The handler's answer (probe.Result). */
  result: ProbeResult
  /** The handler's output (what an Unhealthy event quotes); '' when there is none. */
  output: string
  /** The handler's error: the run is thrown away and the counts do not move. */
  error?: string
  /** How the worker counts the run (results.Result), and how many in a row it has now. */
  counted: WorkerResult
  consecutive: number
  /** The count that makes the worker report `counted` (failureThreshold or successThreshold). */
  threshold: number
  periodSeconds: number
  timeoutSeconds: number
  tookMs: number
  /** What the worker set in the results manager, when it reached the threshold. */
  set?: WorkerResult
  change: ProbeChange
  /** The Event the prober recorded for this run (Unhealthy, ProbeWarning), if any. */
  event?: ProberEvent
  /** For a failed liveness or startup probe: the Killing event's message and whether the container restarts. */
  kill?: { message: string; restart: boolean }
}

export interface ProberTraceTypes {
  'prober:Probe': ProbeStep
}
