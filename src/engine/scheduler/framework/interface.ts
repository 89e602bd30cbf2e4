/**
 * The plugin interfaces, one per extension point. Mirrors: staging/src/k8s.io/kube-scheduler/framework/interface.go.
 * A plugin implements any subset; the runtime calls them in the profile's order.
 */
import type { LabelSelector } from '../../api/types.ts'
import type { Rng } from '../../sim/rng.ts'
import type { CycleState } from './cycleState.ts'
import type { PodChangeLog } from './podChangeLog.ts'
import type { MaybeStatus, Status } from './status.ts'
import type { NodeInfo, PodInfo } from './types.ts'

export interface Plugin {
  readonly name: string
}

/** QueuedPodInfo is a pod in the scheduling queue. */
export interface QueuedPodInfo {
  podInfo: PodInfo
  /** When the pod was added to the queue (virtual µs): PrioritySort's tie-breaker. */
  timestamp: number
  /** Scheduling attempts so far. */
  attempts: number
  initialAttemptTimestamp: number | null
  /** Plugins that rejected the pod in its last attempt: only their cluster events move it back. */
  unschedulablePlugins: Set<string>
  /** The PreEnqueue plugin that keeps the pod out of activeQ (SchedulingGates), if any. */
  gatedBy: string | null
}

export interface PreFilterResult {
  /** The only nodes worth filtering; null means all nodes. */
  nodeNames: Set<string> | null
}

/** NodeToStatus maps evaluated nodes to their failing status; absentStatus applies to nodes not in the map. */
export interface NodeToStatus {
  statuses: Map<string, Status>
  absentStatus: Status | null
}

export interface PostFilterResult {
  nominatedNodeName: string
  /** The pods DefaultPreemption deletes to make room. */
  victims?: PodInfo[]
}

/** ClusterEvent labels (framework/events.go): what can make an unschedulable pod schedulable. */
export type ClusterEvent =
  | 'NodeAdd' | 'NodeDelete' | 'NodeLabelChange' | 'NodeTaintChange' | 'NodeAllocatableChange' | 'NodeConditionChange'
  | 'NodeSpecUnschedulableChange' | 'AssignedPodAdd' | 'AssignedPodUpdate' | 'AssignedPodDelete'
  | 'UnscheduledPodUpdate' | 'PvcAdd' | 'UnschedulableTimeout' | 'ForceActivate'

export interface PreEnqueuePlugin extends Plugin {
  preEnqueue(pod: PodInfo): MaybeStatus
}
export interface QueueSortPlugin extends Plugin {
  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean
}
export interface PreFilterPlugin extends Plugin {
  preFilter(state: CycleState, pod: PodInfo, nodes: NodeInfo[]): { result?: PreFilterResult | null; status: MaybeStatus }
  /** PreFilterExtensions: keep the PreFilter state right when preemption adds or removes pods on a node. */
  addPod?(state: CycleState, pod: PodInfo, added: PodInfo, node: NodeInfo): void
  removePod?(state: CycleState, pod: PodInfo, removed: PodInfo, node: NodeInfo): void
}
export interface FilterPlugin extends Plugin {
  filter(state: CycleState, pod: PodInfo, node: NodeInfo): MaybeStatus
}
export interface PostFilterPlugin extends Plugin {
  postFilter(state: CycleState, pod: PodInfo, m: NodeToStatus): { result: PostFilterResult | null; status: MaybeStatus }
}
export interface PreScorePlugin extends Plugin {
  preScore(state: CycleState, pod: PodInfo, nodes: NodeInfo[]): MaybeStatus
}
export interface ScorePlugin extends Plugin {
  score(state: CycleState, pod: PodInfo, node: NodeInfo): number
  /** ScoreExtensions.NormalizeScore, rewriting `scores` (aligned with `nodes`) in place. */
  normalizeScore?(state: CycleState, pod: PodInfo, nodes: NodeInfo[], scores: number[]): MaybeStatus
}
export interface ReservePlugin extends Plugin {
  reserve(state: CycleState, pod: PodInfo, nodeName: string): MaybeStatus
  unreserve(state: CycleState, pod: PodInfo, nodeName: string): void
}
export interface PermitPlugin extends Plugin {
  permit(state: CycleState, pod: PodInfo, nodeName: string): { status: MaybeStatus; timeoutMs: number }
}
export interface PreBindPlugin extends Plugin {
  preBind(state: CycleState, pod: PodInfo, nodeName: string): MaybeStatus
}
export interface BindPlugin extends Plugin {
  /** bind starts binding; `done` receives the result. Returning Skip hands the pod to the next bind plugin. */
  bind(state: CycleState, pod: PodInfo, nodeName: string, done: (s: MaybeStatus) => void): MaybeStatus | 'pending'
}
export interface PostBindPlugin extends Plugin {
  postBind(state: CycleState, pod: PodInfo, nodeName: string): void
}
export interface EnqueueExtensions {
  eventsToRegister(): ClusterEvent[]
}

/** Handle is what plugins may use of the scheduler (framework.Handle). */
export interface Handle {
  /** All nodes in the snapshot, in the cache's zone-interleaved order. */
  nodeInfos(): NodeInfo[]
  nodeInfo(name: string): NodeInfo | undefined
  nodesWithAffinityPods(): NodeInfo[]
  nodesWithRequiredAntiAffinityPods(): NodeInfo[]
  /** The cache's log of pods put on and taken off nodes (absent: plugins recount every cycle). */
  podChanges?(): PodChangeLog
  namespaceLabels(namespace: string): Record<string, string> | undefined
  /** Selector for the system default spreading: the pod's Services, ReplicaSets, ... (helper.DefaultSelector). */
  defaultSelector(pod: PodInfo): LabelSelector | null
  rng: Rng
  /** Filters with nominated pods of equal or higher priority counted on the node (RunFilterPluginsWithNominatedPods). */
  runFilterPluginsWithNominatedPods(state: CycleState, pod: PodInfo, node: NodeInfo): MaybeStatus
  runPreFilterExtensionAddPod(state: CycleState, pod: PodInfo, added: PodInfo, node: NodeInfo): void
  runPreFilterExtensionRemovePod(state: CycleState, pod: PodInfo, removed: PodInfo, node: NodeInfo): void
  /** Pods nominated to a node (status.nominatedNodeName), for preemption. */
  nominatedPodsForNode(nodeName: string): PodInfo[]
  /** The API actions of preemption and binding, carried out by the scheduler component. */
  actions: SchedulerActions
}

export interface SchedulerActions {
  bind(pod: PodInfo, nodeName: string, done: (s: MaybeStatus) => void): void
  /** prepareCandidate: mark the victims DisruptionTarget and delete them; clear lower-priority nominations. */
  preempt(preemptor: PodInfo, nodeName: string, victims: PodInfo[]): void
}
