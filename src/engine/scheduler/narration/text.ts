/** Shared wording of the scheduler's narration: the concept pages, cluster events in plain words, small helpers. */
import type { QueueMoveEvent } from '../traceTypes.ts'

export const DOCS = {
  scheduler: 'https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/',
  framework: 'https://kubernetes.io/docs/concepts/scheduling-eviction/scheduling-framework/',
  queue: 'https://kubernetes.io/docs/concepts/scheduling-eviction/scheduling-framework/#scheduling-queue',
  filter: 'https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/#kube-scheduler-implementation',
  score: 'https://kubernetes.io/docs/concepts/scheduling-eviction/scheduling-framework/#scoring',
  preemption: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/',
  binding: 'https://kubernetes.io/docs/concepts/scheduling-eviction/scheduling-framework/#binding-cycle',
  gates: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-scheduling-readiness/',
  config: 'https://kubernetes.io/docs/reference/scheduling/config/',
  performance: 'https://kubernetes.io/docs/concepts/scheduling-eviction/scheduler-perf-tuning/',
} as const

/** The upstream files (kubernetes/kubernetes at v1.35) the steps mirror. */
export const SRC = {
  queue: 'pkg/scheduler/backend/queue/scheduling_queue.go',
  scheduleOne: 'pkg/scheduler/schedule_one.go',
  runtime: 'pkg/scheduler/framework/runtime/framework.go',
  gates: 'pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates.go',
  defaultPreemption: 'pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go',
  preemption: 'pkg/scheduler/framework/preemption/preemption.go',
  binder: 'pkg/scheduler/framework/plugins/defaultbinder/default_binder.go',
  validation: 'pkg/scheduler/apis/config/validation/validation.go',
} as const

/** What each cluster event means, in words (the subject of "…, which may help"). */
export const EVENT_WHY: Record<QueueMoveEvent, string> = {
  NodeAdd: 'a node was added',
  NodeDelete: 'a node was deleted',
  NodeLabelChange: "a node's labels changed",
  NodeTaintChange: "a node's taints changed",
  NodeAllocatableChange: "a node's allocatable resources changed",
  NodeConditionChange: "a node's conditions changed",
  NodeSpecUnschedulableChange: 'a node was cordoned or uncordoned',
  AssignedPodAdd: 'a pod was assigned to a node',
  AssignedPodUpdate: 'a pod on a node changed',
  AssignedPodDelete: 'a pod on a node was deleted',
  UnscheduledPodUpdate: 'the pod itself was updated',
  PvcAdd: 'a PersistentVolumeClaim was created',
  UnschedulableTimeout: 'it has waited 5 minutes among the unschedulable pods',
  ForceActivate: 'something asked for the pod to be tried again at once',
  BackoffComplete: 'its backoff time is over',
  PopFromBackoffQ: 'activeQ was empty, so a backing-off pod was taken early',
}

/** plural: "1 node", "3 nodes". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** list joins words as prose: "a", "a and b", "a, b and c". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

/** seconds prints a duration in seconds without trailing zeros ("1 s", "0.5 s"). */
export const seconds = (s: number): string => `${Number(s.toFixed(3))} s`

/** podOf names the step's pod (every scheduler step is about one). */
export const podOf = (e: { pod?: string }): string => e.pod ?? 'the pod'

/** The pod's name without its namespace. */
export const nameOf = (e: { pod?: string }): string => (e.pod ?? '').split('/').pop() || 'the pod'
