/**
 * Plugin statuses. Mirrors: staging/src/k8s.io/kube-scheduler/framework/interface.go (Code, Status).
 * A `null` status is Success, as a nil *Status is in Go; plugins return null on the hot path.
 */

/** The status codes, in upstream order (their numeric values match upstream's iota). */
export const Code = {
  Success: 0,
  Error: 1,
  Unschedulable: 2,
  UnschedulableAndUnresolvable: 3,
  Wait: 4,
  Skip: 5,
  Pending: 6,
} as const
export type Code = (typeof Code)[keyof typeof Code]

export const CODE_NAMES = ['Success', 'Error', 'Unschedulable', 'UnschedulableAndUnresolvable', 'Wait', 'Skip', 'Pending'] as const

export class Status {
  readonly code: Code
  readonly reasons: readonly string[]
  /** The plugin that returned this status, set by the framework runtime. */
  plugin?: string

  constructor(code: Code, ...reasons: string[]) {
    this.code = code
    this.reasons = reasons
  }

  /** message joins the reasons with ", " (Status.Message). */
  message(): string {
    return this.reasons.join(', ')
  }

  withPlugin(name: string): this {
    this.plugin = name
    return this
  }

  get codeName(): string {
    return CODE_NAMES[this.code]
  }
}

export type MaybeStatus = Status | null

export const isSuccess = (s: MaybeStatus): boolean => s === null || s.code === Code.Success
export const isSkip = (s: MaybeStatus): boolean => s !== null && s.code === Code.Skip
/** isRejected: Unschedulable, UnschedulableAndUnresolvable or Pending (Status.IsRejected). */
export const isRejected = (s: MaybeStatus): boolean =>
  s !== null && (s.code === Code.Unschedulable || s.code === Code.UnschedulableAndUnresolvable || s.code === Code.Pending)

export const newStatus = (code: Code, ...reasons: string[]): Status => new Status(code, ...reasons)
export const asError = (message: string): Status => new Status(Code.Error, message)

/** MaxNodeScore and MinNodeScore bound every normalized score (framework/interface.go). */
export const MAX_NODE_SCORE = 100
export const MIN_NODE_SCORE = 0
