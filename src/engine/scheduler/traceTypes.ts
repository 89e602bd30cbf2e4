import type { ClusterEvent } from './framework/interface.ts'
import type { CycleRecord, Detail, PluginOutcome } from './framework/record.ts'

/** Trace event types of the simulated kube-scheduler (queue and framework extension points). */
export const SCHEDULER_TRACE_TYPES = [
  'scheduler:Enqueue',
  'scheduler:QueueMove',
  'scheduler:Pop',
  'scheduler:PreFilter',
  'scheduler:Filter',
  'scheduler:PostFilter',
  'scheduler:PreScore',
  'scheduler:Score',
  'scheduler:Select',
  'scheduler:Reserve',
  'scheduler:Permit',
  'scheduler:PreBind',
  'scheduler:Bind',
  'scheduler:PostBind',
  'scheduler:Unschedulable',
  'scheduler:Preempt',
] as const

export type SchedulerTraceType = (typeof SCHEDULER_TRACE_TYPES)[number]

/** The scheduling queue's three places a pending pod can wait in (upstream names). */
export type SchedulerQueueName = 'activeQ' | 'backoffQ' | 'unschedulablePods'
/** Why a pod moved between queues: a cluster event, or the queue's own timers. */
export type QueueMoveEvent = ClusterEvent | 'BackoffComplete' | 'PopFromBackoffQ'

/** A rejecting plugin and the cluster events it registered (EventsToRegister): the queueing hints of a retry. */
export interface QueueingHint {
  plugin: string
  events: ClusterEvent[]
}

/** Enqueue: the informer saw a new unscheduled pod; discriminated on the queue it went to. */
export type EnqueueDetails =
  | {
      queue: 'activeQ'
      priority: number
      /** spec.schedulerName: the profile that will schedule the pod. */
      schedulerName: string
    }
  | {
      /** A PreEnqueue plugin (SchedulingGates) holds the pod out of activeQ. */
      queue: 'unschedulablePods'
      plugin: string
      /** The status code name the plugin returned (UnschedulableAndUnresolvable). */
      status: string
      message: string
      priority: number
    }

export interface QueueMoveDetails {
  from: SchedulerQueueName
  to: SchedulerQueueName
  event: QueueMoveEvent
  /** Scheduling attempts the pod has had so far. */
  attempts: number
  /** The pod's backoff for its attempts (initial × 2^(attempts−1), capped), in seconds. */
  backoffSeconds: number
  /** The plugins that rejected the pod last time and registered this event (empty: any event moves it). */
  hintedBy: string[]
}

export interface PopDetails {
  attempts: number
  /** Queue lengths right after the pop. */
  queue: { activeQ: number; backoffQ: number; unschedulablePods: number }
  /** activeQ was empty, so the pod whose backoff ends first was taken (SchedulerPopFromBackoffQ). */
  fromBackoff: boolean
  priority: number
  schedulerName: string
}

export interface PreFilterDetails {
  preFilter: (PluginOutcome & { nodeNames?: string[] })[]
  numAllNodes: number
}

export interface FilterDetails {
  /** node → plugin → "passed" | reason (full detail only). */
  filter?: Record<string, Record<string, string>>
  rejectedBy: Record<string, { nodes: number; reasons: Record<string, number> }>
  filterPlugins: string[]
  numFeasibleNodesToFind: number
  detail: Detail
  numAllNodes: number
  numEvaluated: number
  numFeasible: number
  /** Where this cycle's round-robin walk over the nodes started. */
  startIndex: number
  /** The pod's status.nominatedNodeName, tried first (null when none or not found). */
  nominatedNode: string | null
}

export interface PostFilterDetails {
  postFilter: (PluginOutcome & { nominatedNodeName?: string })[]
  numAllNodes: number
}

export interface PreScoreDetails {
  preScore: PluginOutcome[]
}

export interface ScoreDetails {
  scorePlugins: { plugin: string; weight: number }[]
  score: Record<string, Record<string, number>>
  normalizedScore: Record<string, Record<string, number>>
  finalScore: Record<string, Record<string, number>>
  totalScore: Record<string, number>
  detail: Detail
  numFeasible: number
}

export interface SelectDetails {
  selectedNode: string
  /** The cycle's whole record (null when recording is off). */
  cycle: CycleRecord | null
  /** The selected node's total score (absent when scoring did not run or was not recorded). */
  totalScore?: number
  /** The best-scored other node, for the margin. */
  runnerUp?: { node: string; score: number }
  /** How many nodes shared the best total (0 when not recorded). */
  tiedNodes: number
  /** Why scoring was skipped (one feasible node), or null. */
  scoringNote: string | null
  /** The simulation's seed: kube-scheduler's random generator is derived from it. */
  seed: number
}

/** Reserve, Permit, PreBind: one extension point's plugins on the chosen node. */
export interface ExtensionPointDetails {
  node: string
  /** The plugins configured at this extension point, in order. */
  plugins: string[]
  /** Success, or the code name of the first non-success status. */
  status: string
  /** The failing plugin and its message, when one failed. */
  failedPlugin?: string
  message?: string
}

export type BindDetails =
  { result: 'bound'; plugin: string; node: string } | { result: 'rejected'; node: string; message: string }

export interface PostBindDetails {
  node: string
  plugins: string[]
}

/** Unschedulable: a start-up failure, or a failed attempt (FailedScheduling); discriminated on `phase`. */
export type UnschedulableDetails =
  | { phase: 'startup'; error: string }
  | {
      /** Which cycle failed: scheduling (through Permit) or binding (PreBind, Bind). */
      phase: 'scheduling' | 'binding'
      reason: 'Unschedulable' | 'SchedulerError'
      /** The FailedScheduling text (also the PodScheduled condition's message). */
      message: string
      queue: SchedulerQueueName | 'none (the pod is gone or bound)'
      unschedulablePlugins: string[]
      /** The cluster events each rejecting plugin waits for. */
      hints: QueueingHint[]
      attempts: number
      /** The backoff the pod now waits out before a retry (seconds). */
      backoffSeconds: number
      nominatedNodeName?: string
      cycle?: CycleRecord
    }

export interface PreemptDetails {
  node: string
  victims: { pod: string; priority: number }[]
  preemptorPriority: number
}

/** The shape of each step type's details. */
export interface SchedulerTraceDetails {
  'scheduler:Enqueue': EnqueueDetails
  'scheduler:QueueMove': QueueMoveDetails
  'scheduler:Pop': PopDetails
  'scheduler:PreFilter': PreFilterDetails
  'scheduler:Filter': FilterDetails
  'scheduler:PostFilter': PostFilterDetails
  'scheduler:PreScore': PreScoreDetails
  'scheduler:Score': ScoreDetails
  'scheduler:Select': SelectDetails
  'scheduler:Reserve': ExtensionPointDetails
  'scheduler:Permit': ExtensionPointDetails
  'scheduler:PreBind': ExtensionPointDetails
  'scheduler:Bind': BindDetails
  'scheduler:PostBind': PostBindDetails
  'scheduler:Unschedulable': UnschedulableDetails
  'scheduler:Preempt': PreemptDetails
}
