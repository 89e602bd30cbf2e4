/**
 * PodTopologySpread: spread matching pods evenly across topology domains (zones, hosts, ...).
 * Filter (DoNotSchedule constraints): skew = pods matching in the node's domain + (1 if the pod matches itself)
 * − the global minimum (0 when fewer domains than minDomains) must not exceed maxSkew.
 * Score (ScheduleAnyway constraints, or the system defaults hostname/3 and zone/5 when the pod has no constraints
 * and a Service/ReplicaSet/StatefulSet/ReplicationController selects it): Σ count·log(domains+2) + maxSkew−1,
 * rounded, then normalized so fewer matching pods score higher.
 * Mirrors: plugins/podtopologyspread/{common,filtering,scoring,plugin}.go (defaults: minDomains 1,
 * nodeAffinityPolicy Honor, nodeTaintsPolicy Ignore; terminating pods and other namespaces are not counted).
 */
import type { LabelSelector } from '../../api/types.ts'
import { matchesLabelSelector } from '../../api/labels.ts'
import { untolerated } from '../../api/taints.ts'
import type { ClusterEvent, EnqueueExtensions, FilterPlugin, Handle, PreFilterPlugin, PreFilterResult, PreScorePlugin, ScorePlugin } from '../framework/interface.ts'
import type { CycleState } from '../framework/cycleState.ts'
import { Code, MAX_NODE_SCORE, newStatus } from '../framework/status.ts'
import type { MaybeStatus } from '../framework/status.ts'
import type { NodeInfo, PodInfo } from '../framework/types.ts'
import { requiredNodeAffinityMatches } from './helper.ts'

export const NAME = 'PodTopologySpread'
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints"
export const ERR_REASON_NODE_LABEL_NOT_MATCH = ERR_REASON_CONSTRAINTS_NOT_MATCH + ' (missing required label)'
export const LABEL_HOSTNAME = 'kubernetes.io/hostname'
export const LABEL_ZONE = 'topology.kubernetes.io/zone'

export interface Constraint {
  maxSkew: number
  topologyKey: string
  /** null (no labelSelector) matches nothing, like labels.Nothing(). */
  selector: LabelSelector | null
  minDomains: number
  nodeAffinityPolicy: 'Honor' | 'Ignore'
  nodeTaintsPolicy: 'Honor' | 'Ignore'
}

interface RawConstraint {
  maxSkew: number
  topologyKey: string
  whenUnsatisfiable: string
  labelSelector?: LabelSelector
  minDomains?: number
  nodeAffinityPolicy?: string
  nodeTaintsPolicy?: string
  matchLabelKeys?: string[]
}

export const SYSTEM_DEFAULT_CONSTRAINTS: RawConstraint[] = [
  { topologyKey: LABEL_HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: LABEL_ZONE, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
]

export interface PodTopologySpreadArgs {
  defaultingType?: 'System' | 'List'
  defaultConstraints?: RawConstraint[]
}

/** filterTopologySpreadConstraints: the constraints with the given action, matchLabelKeys merged into the selector. */
function filterConstraints(raw: RawConstraint[], podLabels: Record<string, string>, action: string): Constraint[] {
  const out: Constraint[] = []
  for (const c of raw) {
    if (c.whenUnsatisfiable !== action) continue
    // A nil labelSelector converts to labels.Nothing(); mergeLabelSetWithSelector leaves Nothing() as is.
    let selector: LabelSelector | null = c.labelSelector ?? null
    const keys = (c.matchLabelKeys ?? []).filter((k) => k in podLabels)
    if (selector && keys.length > 0) {
      selector = { ...selector, matchExpressions: [...(selector.matchExpressions ?? []), ...keys.map((k) => ({ key: k, operator: 'In', values: [podLabels[k]] }))] }
    }
    out.push({
      maxSkew: c.maxSkew, topologyKey: c.topologyKey, selector, minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy === 'Ignore' ? 'Ignore' : 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy === 'Honor' ? 'Honor' : 'Ignore',
    })
  }
  return out
}

const DO_NOT_SCHEDULE = ['NoSchedule', 'NoExecute']

const nodeHasAllKeys = (labels: Record<string, string>, cs: Constraint[]): boolean => cs.every((c) => c.topologyKey in labels)

function matchNodeInclusionPolicies(c: Constraint, pod: PodInfo, node: NodeInfo): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !requiredNodeAffinityMatches(pod, node)) return false
  if (c.nodeTaintsPolicy === 'Honor' && untolerated(node.node.spec?.taints, pod.pod.spec?.tolerations, DO_NOT_SCHEDULE).length > 0) return false
  return true
}

/** countPodsMatchSelector: pods in the namespace, not terminating, whose labels match. */
function countPodsMatchSelector(pods: PodInfo[], selector: LabelSelector | null, ns: string): number {
  let n = 0
  for (const p of pods) {
    if (p.pod.metadata?.deletionTimestamp || (p.pod.metadata?.namespace ?? 'default') !== ns) continue
    if (matchesLabelSelector(selector, p.pod.metadata?.labels)) n++
  }
  return n
}

class PreFilterState {
  constraints: Constraint[] = []
  /** Per constraint: topology value → matching pods. */
  tpValueToMatchNum: Map<string, number>[] = []
  /** Per constraint: the global minimum (0 with fewer domains than minDomains), kept current by update(). */
  minMatchNum: number[] = []
  clone(): PreFilterState {
    const c = new PreFilterState()
    c.constraints = this.constraints
    c.tpValueToMatchNum = this.tpValueToMatchNum.map((m) => new Map(m))
    c.minMatchNum = [...this.minMatchNum]
    return c
  }
  /** update recomputes the minima once per change of the counts, not once per Filter call. */
  update(): void {
    this.minMatchNum = this.tpValueToMatchNum.map((m, i) => {
      if (m.size < this.constraints[i].minDomains) return 0
      let min = Infinity
      for (const v of m.values()) if (v < min) min = v
      return min === Infinity ? 0 : min
    })
  }
}

interface PreScoreState {
  constraints: Constraint[]
  ignoredNodes: Set<string>
  /** Per constraint: topology value → matching pods (non-hostname keys). */
  pairCounts: Map<string, number>[]
  weights: number[]
}

const PRE_FILTER_KEY = 'PreFilter' + NAME
const PRE_SCORE_KEY = 'PreScore' + NAME

export class PodTopologySpread implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = NAME
  private readonly handle: Handle
  private readonly defaultConstraints: RawConstraint[]
  private readonly systemDefaulted: boolean

  constructor(args: PodTopologySpreadArgs | undefined, handle: Handle) {
    this.handle = handle
    const type = args?.defaultingType ?? 'System'
    this.systemDefaulted = type === 'System'
    this.defaultConstraints = type === 'System' ? SYSTEM_DEFAULT_CONSTRAINTS : (args?.defaultConstraints ?? [])
  }

  /** getConstraints: the pod's own constraints with `action`, or the defaults (only with a default selector). */
  constraintsFor(pod: PodInfo, action: string): Constraint[] {
    const labels = (pod.pod.metadata?.labels ?? {}) as Record<string, string>
    const own = pod.pod.spec?.topologySpreadConstraints as RawConstraint[] | undefined
    if (own && own.length > 0) return filterConstraints(own, labels, action)
    const cs = filterConstraints(this.defaultConstraints, labels, action)
    if (cs.length === 0) return []
    const selector = this.handle.defaultSelector(pod)
    // An empty selector (no Service, ReplicationController, ReplicaSet or StatefulSet selects the pod): no defaults.
    if (!selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0)) return []
    return cs.map((c) => ({ ...c, selector }))
  }

  preFilter(state: CycleState, pod: PodInfo, nodes: NodeInfo[]): { result?: PreFilterResult | null; status: MaybeStatus } {
    const s = new PreFilterState()
    s.constraints = this.constraintsFor(pod, 'DoNotSchedule')
    if (s.constraints.length === 0) return { status: newStatus(Code.Skip) }
    s.tpValueToMatchNum = s.constraints.map(() => new Map())
    const ns = pod.pod.metadata?.namespace ?? 'default'
    for (const node of nodes) {
      if (!nodeHasAllKeys(node.labels, s.constraints)) continue
      s.constraints.forEach((c, i) => {
        if (!matchNodeInclusionPolicies(c, pod, node)) return
        const v = node.labels[c.topologyKey]
        const m = s.tpValueToMatchNum[i]
        m.set(v, (m.get(v) ?? 0) + countPodsMatchSelector(node.pods, c.selector, ns))
      })
    }
    s.update()
    state.write(PRE_FILTER_KEY, s)
    return { status: null }
  }

  private updateWithPod(state: CycleState, pod: PodInfo, other: PodInfo, node: NodeInfo, delta: number): void {
    const s = state.read<PreFilterState>(PRE_FILTER_KEY)
    if (!s || (other.pod.metadata?.namespace ?? 'default') !== (pod.pod.metadata?.namespace ?? 'default')) return
    if (!nodeHasAllKeys(node.labels, s.constraints)) return
    s.constraints.forEach((c, i) => {
      if (!matchNodeInclusionPolicies(c, pod, node)) return
      if (!matchesLabelSelector(c.selector, other.pod.metadata?.labels)) return
      const v = node.labels[c.topologyKey]
      s.tpValueToMatchNum[i].set(v, (s.tpValueToMatchNum[i].get(v) ?? 0) + delta)
    })
    s.update()
  }
  addPod(state: CycleState, pod: PodInfo, added: PodInfo, node: NodeInfo): void {
    this.updateWithPod(state, pod, added, node, 1)
  }
  removePod(state: CycleState, pod: PodInfo, removed: PodInfo, node: NodeInfo): void {
    this.updateWithPod(state, pod, removed, node, -1)
  }

  filter(state: CycleState, pod: PodInfo, node: NodeInfo): MaybeStatus {
    const s = state.read<PreFilterState>(PRE_FILTER_KEY)
    if (!s || s.constraints.length === 0) return null
    const podLabels = pod.pod.metadata?.labels
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]
      const v = node.labels[c.topologyKey]
      if (v === undefined) return newStatus(Code.UnschedulableAndUnresolvable, ERR_REASON_NODE_LABEL_NOT_MATCH)
      const self = matchesLabelSelector(c.selector, podLabels) ? 1 : 0
      const matchNum = s.tpValueToMatchNum[i].get(v) ?? 0
      const skew = matchNum + self - s.minMatchNum[i]
      if (skew > c.maxSkew) return newStatus(Code.Unschedulable, ERR_REASON_CONSTRAINTS_NOT_MATCH)
    }
    return null
  }

  preScore(state: CycleState, pod: PodInfo, filtered: NodeInfo[]): MaybeStatus {
    // Upstream checks the snapshot's node list (allNodes), not the filtered nodes.
    if (this.handle.nodeInfos().length === 0) return newStatus(Code.Skip)
    const constraints = this.constraintsFor(pod, 'ScheduleAnyway')
    if (constraints.length === 0) return newStatus(Code.Skip)
    const own = pod.pod.spec?.topologySpreadConstraints ?? []
    const requireAllTopologies = own.length > 0 || !this.systemDefaulted
    const ignoredNodes = new Set<string>()
    const pairCounts = constraints.map(() => new Map<string, number>())
    for (const node of filtered) {
      if (requireAllTopologies && !nodeHasAllKeys(node.labels, constraints)) {
        ignoredNodes.add(node.name)
        continue
      }
      constraints.forEach((c, i) => {
        if (c.topologyKey === LABEL_HOSTNAME) return
        // A missing label reads as "" (Go's zero value): with system defaulting, nodes without a zone form one
        // more domain "" for the weight, though Score never credits it (the label is absent there).
        const v = node.labels[c.topologyKey] ?? ''
        if (!pairCounts[i].has(v)) pairCounts[i].set(v, 0)
      })
    }
    // topologyNormalizingWeight(size) = log(size + 2), size = the number of domains among the filtered nodes.
    const weights = constraints.map((c, i) => Math.log((c.topologyKey === LABEL_HOSTNAME ? filtered.length - ignoredNodes.size : pairCounts[i].size) + 2))
    const ns = pod.pod.metadata?.namespace ?? 'default'
    for (const node of this.handle.nodeInfos()) {
      if (requireAllTopologies && !nodeHasAllKeys(node.labels, constraints)) continue
      constraints.forEach((c, i) => {
        if (c.topologyKey === LABEL_HOSTNAME) return
        if (!matchNodeInclusionPolicies(c, pod, node)) return
        const v = node.labels[c.topologyKey] ?? ''
        if (!pairCounts[i].has(v)) return
        pairCounts[i].set(v, (pairCounts[i].get(v) as number) + countPodsMatchSelector(node.pods, c.selector, ns))
      })
    }
    const st: PreScoreState = { constraints, ignoredNodes, pairCounts, weights }
    state.write(PRE_SCORE_KEY, st)
    return null
  }

  score(state: CycleState, pod: PodInfo, node: NodeInfo): number {
    const s = state.read<PreScoreState>(PRE_SCORE_KEY) as PreScoreState
    if (s.ignoredNodes.has(node.name)) return 0
    const ns = pod.pod.metadata?.namespace ?? 'default'
    let score = 0
    s.constraints.forEach((c, i) => {
      const v = node.labels[c.topologyKey]
      if (v === undefined) return
      const cnt = c.topologyKey === LABEL_HOSTNAME ? countPodsMatchSelector(node.pods, c.selector, ns) : (s.pairCounts[i].get(v) ?? 0)
      // scoreForCount: cnt × weight + maxSkew − 1.
      score += cnt * s.weights[i] + (c.maxSkew - 1)
    })
    return Math.round(score)
  }

  normalizeScore(state: CycleState, _pod: PodInfo, nodes: NodeInfo[], scores: number[]): MaybeStatus {
    const s = state.read<PreScoreState>(PRE_SCORE_KEY)
    if (!s) return null
    let min = Number.MAX_SAFE_INTEGER
    let max = 0
    for (let i = 0; i < nodes.length; i++) {
      if (s.ignoredNodes.has(nodes[i].name)) { scores[i] = -1; continue }
      if (scores[i] < min) min = scores[i]
      if (scores[i] > max) max = scores[i]
    }
    for (let i = 0; i < nodes.length; i++) {
      if (scores[i] === -1) { scores[i] = 0; continue }
      if (max === 0) { scores[i] = MAX_NODE_SCORE; continue }
      scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i])) / max)
    }
    return null
  }

  eventsToRegister(): ClusterEvent[] {
    return ['AssignedPodAdd', 'AssignedPodUpdate', 'AssignedPodDelete', 'NodeAdd', 'NodeDelete', 'NodeLabelChange', 'NodeTaintChange', 'UnscheduledPodUpdate']
  }
}
