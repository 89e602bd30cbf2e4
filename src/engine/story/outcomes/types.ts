/** The vocabulary of outcomes: what kinds of failure there are, what an outcome says, and when it holds. */

export const OUTCOME_KINDS = [
  // kubectl refused before sending anything
  'kubectl-yaml', 'kubectl-validation', 'unknown-kind', 'unknown-user',
  // the API server refused kubectl's request
  'unauthorized', 'forbidden',
  'namespace-not-found', 'namespace-terminating', 'quota', 'limit-range', 'pod-security', 'admission',
  'bad-request', 'invalid', 'api-error',
  // kubectl failed for a reason the trace does not show
  'kubectl-error',
  // the scheduler
  'unschedulable',
  // the kubelet
  'kubelet-rejected', 'err-image-pull', 'image-pull-backoff', 'err-image-never-pull', 'crash-loop-backoff',
  'hook-failed', 'pod-failed', 'not-ready',
] as const
export type OutcomeKind = (typeof OUTCOME_KINDS)[number]

export interface Outcome {
  kind: OutcomeKind
  /** The pod it is about (namespace/name), when there is one. */
  pod?: string
  /** The deciding step's trace index, or -1 when kubectl refused and the trace has no step for it. */
  step: number
  /**
   * The first index from which it holds: usually = step; -1 for kubectl's own refusals (nothing happened before them,
   * so they hold throughout the story).
   */
  at: number
  /**
   * The step that ended it (the pod was bound, a pull succeeded, the next attempt failed anew): it holds up to,
   * not including, this index. Absent while it still holds at the end of the trace.
   */
  until?: number
  /** The failure's name as Kubernetes says it: "Forbidden (403)", "ErrImagePull", "CrashLoopBackOff" … */
  title: string
  /** The exact upstream text, as the trace or kubectl has it. */
  message: string
  /** Plain words: who, what, why. */
  cause: string
  /** What would fix it, with the names from this trace. */
  fix: string
}

/** holdsAt: does the outcome hold at trace index i? */
export function holdsAt(o: Outcome, i: number): boolean {
  return i >= o.at && (o.until === undefined || i < o.until)
}

/** outcomesAt: the outcomes holding at trace index i, in the order they began. */
export function outcomesAt(outcomes: readonly Outcome[], i: number): Outcome[] {
  return outcomes.filter((o) => holdsAt(o, i))
}

export interface KubectlAnswer { stdout: string; stderr: string; exitCode: number }
