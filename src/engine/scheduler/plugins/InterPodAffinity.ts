/**
 * InterPodAffinity: pod affinity and anti-affinity, required (Filter) and preferred (Score), and the required
 * anti-affinity of pods already running. Mirrors: plugins/interpodaffinity/{filtering,scoring,plugin}.go.
 * Filter order and codes: affinity (UnschedulableAndUnresolvable, with the "first pod of a self-affine group"
 * exception), anti-affinity (Unschedulable), existing pods' anti-affinity (Unschedulable).
 * Score: Σ over existing pods of matching preferred terms' weights (± for anti), plus existing pods' required
 * affinity terms at hardPodAffinityWeight (1), per topology domain; normalized min–max (all 0 when equal).
 */
import type { ClusterEvent, EnqueueExtensions, FilterPlugin, Handle, PreFilterPlugin, PreFilterResult, PreScorePlugin, ScorePlugin } from '../framework/interface.ts'
import type { CycleState } from '../framework/cycleState.ts'
import { Code, MAX_NODE_SCORE, newStatus } from '../framework/status.ts'
import type { MaybeStatus } from '../framework/status.ts'
import type { AffinityTerm, NodeInfo, PodInfo, WeightedAffinityTerm } from '../framework/types.ts'
import { termMatches } from '../framework/types.ts'
import { AffinityCounter, copyCounts, count } from './interPodAffinityCounts.ts'
import type { Counts } from './interPodAffinityCounts.ts'

export const NAME = 'InterPodAffinity'
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules"
export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules"
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules"

export interface InterPodAffinityArgs {
  hardPodAffinityWeight?: number
  ignorePreferredTermsOfExistingPods?: boolean
}

/** hasLabels: the node has at least one label (Object.keys(...).length > 0 without the array). */
function hasLabels(labels: Record<string, string>): boolean {
  for (const k in labels) if (Object.prototype.hasOwnProperty.call(labels, k)) return true
  return false
}

class PreFilterState {
  existingAntiAffinityCounts: Counts = new Map()
  affinityCounts: Counts = new Map()
  antiAffinityCounts: Counts = new Map()
  nsLabels: Record<string, string> | undefined
  /** The counts are the AffinityCounter's remembered ones: copy them before preemption's AddPod/RemovePod. */
  shared = false
  own(): void {
    if (!this.shared) return
    this.existingAntiAffinityCounts = copyCounts(this.existingAntiAffinityCounts)
    this.affinityCounts = copyCounts(this.affinityCounts)
    this.antiAffinityCounts = copyCounts(this.antiAffinityCounts)
    this.shared = false
  }
  clone(): PreFilterState {
    const c = new PreFilterState()
    c.existingAntiAffinityCounts = copyCounts(this.existingAntiAffinityCounts)
    c.affinityCounts = copyCounts(this.affinityCounts)
    c.antiAffinityCounts = copyCounts(this.antiAffinityCounts)
    c.nsLabels = this.nsLabels
    return c
  }
}

/** Topology key → value → summed weight (PreScore). */
type TopologyScore = Map<string, Map<string, number>>

const PRE_FILTER_KEY = 'PreFilter' + NAME
const PRE_SCORE_KEY = 'PreScore' + NAME

export class InterPodAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = NAME
  private readonly handle: Handle
  private readonly counter: AffinityCounter
  readonly hardPodAffinityWeight: number
  readonly ignorePreferredTermsOfExistingPods: boolean

  constructor(args: InterPodAffinityArgs | undefined, handle: Handle) {
    this.handle = handle
    this.counter = new AffinityCounter(handle)
    this.hardPodAffinityWeight = args?.hardPodAffinityWeight ?? 1
    this.ignorePreferredTermsOfExistingPods = args?.ignorePreferredTermsOfExistingPods ?? false
  }

  private nsLabelsOf(p: PodInfo) {
    return this.handle.namespaceLabels(p.pod.metadata?.namespace ?? 'default')
  }

  /** Adds (sign +1) or removes (−1) what `existing` on `node` contributes to the counts for `pod`. */
  private updateWithPod(s: PreFilterState, pod: PodInfo, existing: PodInfo, node: NodeInfo, sign: number): void {
    s.own()
    this.counter.countExisting(s.existingAntiAffinityCounts, pod, existing, node.labels, sign)
    this.counter.countIncoming(s.affinityCounts, s.antiAffinityCounts, pod, existing, node.labels, sign)
  }

  preFilter(state: CycleState, pod: PodInfo, nodes: NodeInfo[]): { result?: PreFilterResult | null; status: MaybeStatus } {
    // The cheap case first (most pods): no required terms of its own and no pod with required anti-affinity
    // anywhere, so every count would be empty and the answer is Skip, as upstream's final check gives.
    const own = pod.requiredAffinityTerms.length > 0 || pod.requiredAntiAffinityTerms.length > 0
    if (!own && this.handle.nodesWithRequiredAntiAffinityPods().length === 0) return { status: newStatus(Code.Skip) }
    const s = new PreFilterState()
    s.nsLabels = this.nsLabelsOf(pod)
    // Existing pods' required anti-affinity, only over nodes that have such pods.
    const existing = this.counter.existingCounts(pod, nodes)
    s.existingAntiAffinityCounts = existing.counts
    s.shared = existing.shared
    if (pod.requiredAffinityTerms.length > 0 || pod.requiredAntiAffinityTerms.length > 0) {
      const incoming = this.counter.incomingCounts(pod, nodes)
      s.affinityCounts = incoming.affinity
      s.antiAffinityCounts = incoming.anti
      s.shared ||= incoming.shared
    }
    if (s.existingAntiAffinityCounts.size === 0 && pod.requiredAffinityTerms.length === 0 && pod.requiredAntiAffinityTerms.length === 0) {
      return { status: newStatus(Code.Skip) }
    }
    state.write(PRE_FILTER_KEY, s)
    return { status: null }
  }

  addPod(state: CycleState, pod: PodInfo, added: PodInfo, node: NodeInfo): void {
    const s = state.read<PreFilterState>(PRE_FILTER_KEY)
    if (s) this.updateWithPod(s, pod, added, node, 1)
  }
  removePod(state: CycleState, pod: PodInfo, removed: PodInfo, node: NodeInfo): void {
    const s = state.read<PreFilterState>(PRE_FILTER_KEY)
    if (s) this.updateWithPod(s, pod, removed, node, -1)
  }

  filter(state: CycleState, pod: PodInfo, node: NodeInfo): MaybeStatus {
    const s = state.read<PreFilterState>(PRE_FILTER_KEY)
    if (!s) return null
    if (!satisfyPodAffinity(s, pod, node)) return newStatus(Code.UnschedulableAndUnresolvable, ERR_REASON_AFFINITY)
    if (!satisfyPodAntiAffinity(s, pod, node)) return newStatus(Code.Unschedulable, ERR_REASON_ANTI_AFFINITY)
    if (!satisfyExistingPodsAntiAffinity(s, node)) return newStatus(Code.Unschedulable, ERR_REASON_EXISTING_ANTI_AFFINITY)
    return null
  }

  preScore(state: CycleState, pod: PodInfo, nodes: NodeInfo[]): MaybeStatus {
    if (nodes.length === 0) return newStatus(Code.Skip)
    const hasConstraints = pod.preferredAffinityTerms.length > 0 || pod.preferredAntiAffinityTerms.length > 0
    if (this.ignorePreferredTermsOfExistingPods && !hasConstraints) return newStatus(Code.Skip)
    const topologyScore = new Map<string, Map<string, number>>()
    const candidates = hasConstraints ? this.handle.nodeInfos() : this.handle.nodesWithAffinityPods()
    for (const node of candidates) {
      if (!hasLabels(node.labels)) continue
      const pods = hasConstraints ? node.pods : node.podsWithAffinity
      for (const ex of pods) {
        // Without preferred terms of its own, the pod is scored only by the existing pods' terms: skip those without.
        if (!hasConstraints && !this.scoresOthers(ex)) continue
        this.addTerms(topologyScore, pod.preferredAffinityTerms, 1, ex, node)
        this.addTerms(topologyScore, pod.preferredAntiAffinityTerms, -1, ex, node)
        if (this.hardPodAffinityWeight > 0) {
          const w = this.hardPodAffinityWeight
          for (const t of ex.requiredAffinityTerms) this.addTerm(topologyScore, t, w, pod, node)
        }
        if (!this.ignorePreferredTermsOfExistingPods) {
          this.addTerms(topologyScore, ex.preferredAffinityTerms, 1, pod, node)
          this.addTerms(topologyScore, ex.preferredAntiAffinityTerms, -1, pod, node)
        }
      }
    }
    let any = false
    for (const m of topologyScore.values()) if (m.size > 0) any = true
    if (!any) return newStatus(Code.Skip)
    state.write(PRE_SCORE_KEY, topologyScore)
    return null
  }

  /** scoresOthers: the existing pod has terms that score an incoming pod (required affinity, preferred terms). */
  private scoresOthers(ex: PodInfo): boolean {
    if (this.hardPodAffinityWeight > 0 && ex.requiredAffinityTerms.length > 0) return true
    if (this.ignorePreferredTermsOfExistingPods) return false
    return ex.preferredAffinityTerms.length > 0 || ex.preferredAntiAffinityTerms.length > 0
  }

  /** addTerm adds `weight` to the node's domain of the term's topology key when `target` matches the term. */
  private addTerm(ts: TopologyScore, term: AffinityTerm, weight: number, target: PodInfo, node: NodeInfo): void {
    if (!this.counter.matches(term, target.pod)) return
    const v = node.labels[term.topologyKey]
    if (v === undefined) return
    let m = ts.get(term.topologyKey)
    if (!m) ts.set(term.topologyKey, (m = new Map()))
    m.set(v, (m.get(v) ?? 0) + weight)
  }

  private addTerms(ts: TopologyScore, terms: WeightedAffinityTerm[], mult: number, target: PodInfo, node: NodeInfo) {
    for (let i = 0; i < terms.length; i++) this.addTerm(ts, terms[i], terms[i].weight * mult, target, node)
  }

  score(state: CycleState, _pod: PodInfo, node: NodeInfo): number {
    const ts = state.read<Map<string, Map<string, number>>>(PRE_SCORE_KEY)
    if (!ts) return 0
    let score = 0
    for (const [k, values] of ts) {
      const v = node.labels[k]
      if (v !== undefined) score += values.get(v) ?? 0
    }
    return score
  }

  normalizeScore(state: CycleState, _pod: PodInfo, _nodes: NodeInfo[], scores: number[]): MaybeStatus {
    const ts = state.read<Map<string, Map<string, number>>>(PRE_SCORE_KEY)
    if (!ts || ts.size === 0) return null
    let max = -Infinity
    let min = Infinity
    for (const s of scores) {
      if (s > max) max = s
      if (s < min) min = s
    }
    const diff = max - min
    for (let i = 0; i < scores.length; i++) {
      scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i] - min) / diff)) : 0
    }
    return null
  }

  eventsToRegister(): ClusterEvent[] {
    return ['AssignedPodAdd', 'AssignedPodUpdate', 'AssignedPodDelete', 'NodeAdd', 'NodeLabelChange', 'UnscheduledPodUpdate']
  }
}

function satisfyPodAffinity(s: PreFilterState, pod: PodInfo, node: NodeInfo): boolean {
  let podsExist = true
  for (const t of pod.requiredAffinityTerms) {
    const v = node.labels[t.topologyKey]
    // All topology labels must exist on the node.
    if (v === undefined) return false
    if (count(s.affinityCounts, t.topologyKey, v) <= 0) podsExist = false
  }
  if (!podsExist) {
    // The first pod of a group with affinity to itself: allowed if no pod matches yet and it matches its own terms.
    return s.affinityCounts.size === 0 && pod.requiredAffinityTerms.every((t) => termMatches(t, pod.pod, s.nsLabels))
  }
  return true
}

function satisfyPodAntiAffinity(s: PreFilterState, pod: PodInfo, node: NodeInfo): boolean {
  if (s.antiAffinityCounts.size === 0) return true
  for (const t of pod.requiredAntiAffinityTerms) {
    const v = node.labels[t.topologyKey]
    if (v !== undefined && count(s.antiAffinityCounts, t.topologyKey, v) > 0) return false
  }
  return true
}

/** Any of the node's (key, value) labels counted: looked up per counted key (a few), not per node label. */
function satisfyExistingPodsAntiAffinity(s: PreFilterState, node: NodeInfo): boolean {
  if (s.existingAntiAffinityCounts.size === 0) return true
  for (const [k, values] of s.existingAntiAffinityCounts) {
    const v = node.labels[k]
    if (v === undefined || !Object.prototype.hasOwnProperty.call(node.labels, k)) continue
    if ((values.get(v) ?? 0) > 0) return false
  }
  return true
}
