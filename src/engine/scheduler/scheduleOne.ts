/**
 * The scheduling algorithm: one pod against the cache, through one profile's framework. It is pure with respect to
 * the API (the KubeScheduler component does the API calls), so the CLI's explain and the benchmark drive it too.
 * Mirrors: pkg/scheduler/schedule_one.go (schedulePod, findNodesThatFitPod, evaluateNominatedNode,
 * findNodesThatPassFilters, numFeasibleNodesToFind, prioritizeNodes, selectHost) and the framework Handle.
 */
import type { LabelSelector } from '../api/types.ts'
import type { Rng } from '../sim/rng.ts'
import { SchedulerCache } from './cache.ts'
import { CycleState } from './framework/cycleState.ts'
import { ERR_NO_NODES_AVAILABLE, fitErrorMessage, newDiagnosis } from './framework/fitError.ts'
import type { Diagnosis } from './framework/fitError.ts'
import type { Handle, PostFilterResult, SchedulerActions } from './framework/interface.ts'
import { CycleRecorder, FULL_DETAIL_MAX_NODES, recordFilterRows, recordScores } from './framework/record.ts'
import type { CycleRecord, Detail } from './framework/record.ts'
import { Framework } from './framework/runtime.ts'
import type { Registry, ScoredPlugin } from './framework/runtime.ts'
import { Code, Status, isRejected, isSuccess, newStatus } from './framework/status.ts'
import type { MaybeStatus } from './framework/status.ts'
import type { NodeInfo, PodInfo } from './framework/types.ts'
import type { PodChangeLog } from './framework/podChangeLog.ts'
import type { SchedulerSettings } from './config.ts'
import { inTreeRegistry } from './plugins/registry.ts'

export const MIN_FEASIBLE_NODES_TO_FIND = 100
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5

/** numFeasibleNodesToFind: all nodes below 100; else the (adaptive) percentage, at least 100. */
export function numFeasibleNodesToFind(percentage: number, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes
  if (percentage === 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125)
    if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND
  }
  const n = Math.trunc((numAllNodes * percentage) / 100)
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n
}

export type ScheduleResult =
  | { kind: 'scheduled'; node: string; evaluatedNodes: number; feasibleNodes: number }
  | { kind: 'unschedulable'; numAllNodes: number; diagnosis: Diagnosis; message: string; postFilterResult: PostFilterResult | null }
  | { kind: 'error'; status: Status; message: string }

export interface SchedulerCoreOptions {
  settings: SchedulerSettings
  rng: Rng
  actions: SchedulerActions
  /** Namespace labels for namespaceSelector terms. */
  namespaceLabels?: (ns: string) => Record<string, string> | undefined
  /** helper.DefaultSelector: the selectors of the Services, ReplicationControllers, ReplicaSets, StatefulSets selecting the pod. */
  defaultSelector?: (pod: PodInfo) => LabelSelector | null
  /** 'auto' (default): full records up to FULL_DETAIL_MAX_NODES nodes, compact above; 'off' records nothing. */
  detail?: Detail | 'auto' | 'off'
  registry?: Registry
}

export class SchedulerCore implements Handle {
  readonly cache = new SchedulerCache()
  readonly frameworks = new Map<string, Framework>()
  readonly settings: SchedulerSettings
  readonly rng: Rng
  readonly actions: SchedulerActions
  detail: Detail | 'auto' | 'off'
  nextStartNodeIndex = 0
  private current: Framework | null = null
  private readonly nsLabels: (ns: string) => Record<string, string> | undefined
  private readonly defaultSelectorFn: (pod: PodInfo) => LabelSelector | null
  /** Nominated pods: node → pod key → PodInfo. */
  private readonly nominated = new Map<string, Map<string, PodInfo>>()
  private readonly nominatedNodeOf = new Map<string, string>()

  constructor(opts: SchedulerCoreOptions) {
    this.settings = opts.settings
    this.rng = opts.rng
    this.actions = opts.actions
    this.detail = opts.detail ?? 'auto'
    this.nsLabels = opts.namespaceLabels ?? (() => undefined)
    this.defaultSelectorFn = opts.defaultSelector ?? (() => null)
    const registry = opts.registry ?? inTreeRegistry()
    for (const p of opts.settings.profiles) this.frameworks.set(p.schedulerName, new Framework(p, registry, this))
  }

  // ---- Handle ----
  nodeInfos(): NodeInfo[] {
    return this.cache.nodeInfos()
  }
  nodeInfo(name: string): NodeInfo | undefined {
    return this.cache.nodeInfo(name)
  }
  nodesWithAffinityPods(): NodeInfo[] {
    return this.cache.nodesWithAffinityPods()
  }
  nodesWithRequiredAntiAffinityPods(): NodeInfo[] {
    return this.cache.nodesWithRequiredAntiAffinityPods()
  }
  podChanges(): PodChangeLog {
    return this.cache.podChanges
  }
  namespaceLabels(ns: string): Record<string, string> | undefined {
    return this.nsLabels(ns)
  }
  defaultSelector(pod: PodInfo): LabelSelector | null {
    return this.defaultSelectorFn(pod)
  }
  nominatedPodsForNode(nodeName: string): PodInfo[] {
    const m = this.nominated.get(nodeName)
    return m ? [...m.values()] : []
  }
  runPreFilterExtensionAddPod(state: CycleState, pod: PodInfo, added: PodInfo, node: NodeInfo): void {
    for (const p of this.fwk().preFilter) if (!state.skipFilterPlugins.has(p.name)) p.addPod?.(state, pod, added, node)
  }
  runPreFilterExtensionRemovePod(state: CycleState, pod: PodInfo, removed: PodInfo, node: NodeInfo): void {
    for (const p of this.fwk().preFilter) if (!state.skipFilterPlugins.has(p.name)) p.removePod?.(state, pod, removed, node)
  }
  /**
   * RunFilterPluginsWithNominatedPods: when pods of equal or higher priority are nominated to the node, the pod
   * must fit both with them added and without them.
   */
  runFilterPluginsWithNominatedPods(state: CycleState, pod: PodInfo, node: NodeInfo): MaybeStatus {
    const fwk = this.fwk()
    // Most cycles run with no pod nominated anywhere: no per-node lookup then.
    const m = this.nominatedNodeOf.size > 0 ? this.nominated.get(node.name) : undefined
    if (m && m.size > 0) {
      let stateCopy: CycleState | null = null
      let nodeCopy: NodeInfo | null = null
      for (const np of m.values()) {
        if (np.key === pod.key || np.priority < pod.priority) continue
        stateCopy ??= state.clone()
        nodeCopy ??= node.clone()
        nodeCopy.addPod(np)
        this.runPreFilterExtensionAddPod(stateCopy, pod, np, nodeCopy)
      }
      if (stateCopy && nodeCopy) {
        const s = fwk.runFilterPlugins(stateCopy, pod, nodeCopy)
        if (!isSuccess(s)) return s
      }
    }
    return fwk.runFilterPlugins(state, pod, node)
  }

  private fwk(): Framework {
    if (!this.current) throw new Error('no scheduling cycle in progress')
    return this.current
  }

  // ---- nominator ----
  addNominatedPod(pi: PodInfo, nodeName: string): void {
    this.deleteNominatedPod(pi.key)
    if (!nodeName) return
    let m = this.nominated.get(nodeName)
    if (!m) this.nominated.set(nodeName, (m = new Map()))
    m.set(pi.key, pi)
    this.nominatedNodeOf.set(pi.key, nodeName)
  }
  deleteNominatedPod(key: string): void {
    const n = this.nominatedNodeOf.get(key)
    if (n === undefined) return
    this.nominatedNodeOf.delete(key)
    this.nominated.get(n)?.delete(key)
  }
  nominatedNode(key: string): string | undefined {
    return this.nominatedNodeOf.get(key)
  }

  frameworkFor(pi: PodInfo): Framework | undefined {
    return this.frameworks.get(pi.pod.spec?.schedulerName ?? 'default-scheduler')
  }

  private detailFor(numNodes: number): Detail | null {
    if (this.detail === 'off') return null
    if (this.detail === 'auto') return numNodes <= FULL_DETAIL_MAX_NODES ? 'full' : 'compact'
    return this.detail
  }

  /**
   * scheduleOne runs the scheduling cycle up to the choice of a node (or the PostFilter after a failure). The
   * caller assumes, reserves, permits and binds. Returns the result and the cycle's record (null when off).
   */
  schedulePod(fwk: Framework, state: CycleState, pi: PodInfo): ScheduleResult {
    this.current = fwk
    try {
      return this.schedule(fwk, state, pi)
    } finally {
      this.current = null
    }
  }

  /** withFramework runs `fn` as inside a cycle of `fwk` (tests and explain call plugins directly this way). */
  withFramework<T>(fwk: Framework, fn: () => T): T {
    const prev = this.current
    this.current = fwk
    try {
      return fn()
    } finally {
      this.current = prev
    }
  }

  /** newCycleState creates the cycle's state with a recorder per the detail policy. */
  newCycleState(fwk: Framework, pi: PodInfo): CycleState {
    const state = new CycleState()
    const d = this.detailFor(this.cache.numNodes())
    if (d) state.recorder = new CycleRecorder(pi.key, fwk.profileName, d)
    return state
  }

  private schedule(fwk: Framework, state: CycleState, pi: PodInfo): ScheduleResult {
    const rec = state.recorder?.record ?? null
    const allNodes = this.cache.nodeInfos()
    if (rec) rec.numAllNodes = allNodes.length
    if (allNodes.length === 0) {
      if (rec) rec.message = ERR_NO_NODES_AVAILABLE
      // schedule_one.go schedulingCycle: ErrNoNodesAvailable is UnschedulableAndUnresolvable, a rejection.
      const status = newStatus(Code.UnschedulableAndUnresolvable, ERR_NO_NODES_AVAILABLE)
      return { kind: 'error', status, message: ERR_NO_NODES_AVAILABLE }
    }
    const { feasible, diagnosis, error } = this.findNodesThatFitPod(fwk, state, pi, allNodes)
    if (error) {
      if (rec) rec.message = error.message()
      return { kind: 'error', status: error, message: error.message() }
    }
    if (feasible.length === 0) {
      // PostFilter (preemption) runs on the failure; its message completes the FitError.
      let result: PostFilterResult | null = null
      if (fwk.postFilter.length > 0) {
        const pf = fwk.runPostFilterPlugins(state, pi, diagnosis.nodeToStatus)
        diagnosis.postFilterMsg = pf.status.code === Code.Success ? '' : pf.status.message()
        result = pf.result
      }
      const message = fitErrorMessage(allNodes.length, diagnosis)
      if (rec) rec.message = message
      return { kind: 'unschedulable', numAllNodes: allNodes.length, diagnosis, message, postFilterResult: result }
    }
    const evaluated = feasible.length + diagnosis.nodeToStatus.statuses.size
    if (feasible.length === 1) {
      if (rec) {
        rec.scoringNote = 'Only one node is feasible, so it is chosen without running PreScore and Score.'
        rec.selectedNode = feasible[0].name
      }
      return { kind: 'scheduled', node: feasible[0].name, evaluatedNodes: evaluated, feasibleNodes: 1 }
    }
    const pr = this.prioritizeNodes(fwk, state, pi, feasible)
    if ('error' in pr) {
      if (rec) rec.message = pr.error.message()
      return { kind: 'error', status: pr.error, message: pr.error.message() }
    }
    const { index, tied } = this.selectHost(pr.totals)
    const node = feasible[index].name
    if (rec) {
      rec.selectedNode = node
      rec.tiedNodes = tied
      recordScores(rec, feasible, pr.plugins, pr.totals, index)
    }
    return { kind: 'scheduled', node, evaluatedNodes: evaluated, feasibleNodes: feasible.length }
  }

  private findNodesThatFitPod(fwk: Framework, state: CycleState, pi: PodInfo, allNodes: NodeInfo[]): { feasible: NodeInfo[]; diagnosis: Diagnosis; error?: Status } {
    const diagnosis = newDiagnosis()
    const rec = state.recorder?.record ?? null
    const pre = fwk.runPreFilterPlugins(state, pi, allNodes)
    if (rec) rec.filterPlugins = fwk.filter.map((p) => p.name).filter((n) => !state.skipFilterPlugins.has(n))
    if (!isSuccess(pre.status)) {
      const s = pre.status as Status
      if (!isRejected(s)) return { feasible: [], diagnosis, error: s }
      // Every node gets the PreFilter's status, so preemption sees them all rejected the same way.
      diagnosis.nodeToStatus.absentStatus = s
      diagnosis.preFilterMsg = s.message()
      if (s.plugin) diagnosis.unschedulablePlugins.add(s.plugin)
      if (rec) this.recordFilter(rec, fwk, state, [], diagnosis, 0, 0, 0)
      return { feasible: [], diagnosis }
    }
    // A pod nominated by an earlier preemption tries its nominated node first.
    const nominatedName = pi.pod.status?.nominatedNodeName
    if (nominatedName) {
      const ni = this.cache.nodeInfo(nominatedName)
      if (ni) {
        if (rec) rec.nominatedNode = nominatedName
        const s = this.runFilterPluginsWithNominatedPods(state, pi, ni)
        if (isSuccess(s)) {
          if (rec) this.recordFilter(rec, fwk, state, [ni], diagnosis, 1, 1, 1)
          return { feasible: [ni], diagnosis }
        }
      }
    }
    let nodes = allNodes
    if (pre.nodeNames) {
      const names = pre.nodeNames
      nodes = allNodes.filter((n) => names.has(n.name))
      diagnosis.nodeToStatus.absentStatus = newStatus(Code.UnschedulableAndUnresolvable, `node(s) didn't satisfy plugin(s) [${[...pre.pluginsWithNodes].sort().join(' ')}]`)
    }
    const numAll = nodes.length
    const toFind = fwk.hasScorePlugins() ? numFeasibleNodesToFind(fwk.percentageOfNodesToScore ?? this.settings.percentageOfNodesToScore, numAll) : 1
    if (rec) {
      rec.numFeasibleNodesToFind = toFind
      rec.startIndex = numAll > 0 ? this.nextStartNodeIndex % numAll : 0
    }
    const feasible: NodeInfo[] = []
    let processed = 0
    const start = numAll > 0 ? this.nextStartNodeIndex % numAll : 0
    const evaluatedOrder: NodeInfo[] | null = rec && rec.detail === 'full' ? [] : null
    for (let i = 0; i < numAll && feasible.length < toFind; i++) {
      const node = nodes[(start + i) % numAll]
      processed++
      evaluatedOrder?.push(node)
      const s = this.runFilterPluginsWithNominatedPods(state, pi, node)
      if (s === null || s.code === Code.Success) {
        feasible.push(node)
      } else if (isRejected(s)) {
        diagnosis.nodeToStatus.statuses.set(node.name, s)
        if (s.plugin) diagnosis.unschedulablePlugins.add(s.plugin)
      } else {
        return { feasible: [], diagnosis, error: s }
      }
    }
    if (numAll > 0) this.nextStartNodeIndex = (start + processed) % numAll
    if (rec) this.recordFilter(rec, fwk, state, evaluatedOrder ?? [], diagnosis, processed, feasible.length, numAll)
    return { feasible, diagnosis }
  }

  private prioritizeNodes(fwk: Framework, state: CycleState, pi: PodInfo, nodes: NodeInfo[]): { totals: number[]; plugins: ScoredPlugin[] } | { error: Status } {
    if (!fwk.hasScorePlugins()) return { totals: nodes.map(() => 1), plugins: [] }
    const pre = fwk.runPreScorePlugins(state, pi, nodes)
    if (!isSuccess(pre)) return { error: pre as Status }
    const { totals, plugins, status } = fwk.runScorePlugins(state, pi, nodes)
    if (!isSuccess(status)) return { error: status as Status }
    return { totals, plugins }
  }

  /** selectHost: the highest total; ties are broken uniformly at random (reservoir sampling, seeded). */
  private selectHost(totals: number[]): { index: number; tied: number } {
    let selected = 0
    let max = totals[0]
    let cnt = 1
    for (let i = 1; i < totals.length; i++) {
      if (totals[i] > max) {
        max = totals[i]
        selected = i
        cnt = 1
      } else if (totals[i] === max) {
        cnt++
        if (this.rng.int(cnt) === 0) selected = i
      }
    }
    return { index: selected, tied: cnt }
  }

  // ---- recording ----
  private recordFilter(rec: CycleRecord, fwk: Framework, state: CycleState, evaluated: NodeInfo[], d: Diagnosis, processed: number, feasible: number, numNodes: number): void {
    rec.numEvaluated = processed
    rec.numFeasible = feasible
    const plugins = fwk.filter.map((p) => p.name).filter((n) => !state.skipFilterPlugins.has(n))
    for (const [, s] of d.nodeToStatus.statuses) {
      const p = s.plugin ?? ''
      const r = (rec.rejectedBy[p] ??= { nodes: 0, reasons: {} })
      r.nodes++
      for (const reason of s.reasons) r.reasons[reason] = (r.reasons[reason] ?? 0) + 1
    }
    const absent = d.nodeToStatus.absentStatus
    if (absent && numNodes < rec.numAllNodes) {
      const p = absent.plugin ?? 'PreFilter'
      const r = (rec.rejectedBy[p] ??= { nodes: 0, reasons: {} })
      const n = rec.numAllNodes - numNodes
      r.nodes += n
      for (const reason of absent.reasons) r.reasons[reason] = (r.reasons[reason] ?? 0) + n
    }
    if (rec.detail !== 'full') return
    rec.evaluated = evaluated.map((n) => n.name)
    recordFilterRows(rec, rec.evaluated, plugins, d.nodeToStatus.statuses)
  }
}
