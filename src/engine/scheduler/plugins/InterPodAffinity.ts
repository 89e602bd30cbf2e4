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

export const NAME = 'InterPodAffinity'
export const ERR_REASON_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules"
export const ERR_REASON_AFFINITY = "node(s) didn't match pod affinity rules"
export const ERR_REASON_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules"

export interface InterPodAffinityArgs {
  hardPodAffinityWeight?: number
  ignorePreferredTermsOfExistingPods?: boolean
}

/** topologyToMatchedTermCount: "key\u0000value" → count. */
type Counts = Map<string, number>
const pair = (k: string, v: string) => k + '\u0000' + v
const inc = (m: Counts, k: string, d: number) => {
  const n = (m.get(k) ?? 0) + d
  if (n === 0) m.delete(k)
  else m.set(k, n)
}

class PreFilterState {
  existingAntiAffinityCounts: Counts = new Map()
  affinityCounts: Counts = new Map()
  antiAffinityCounts: Counts = new Map()
  nsLabels: Record<string, string> | undefined
  clone(): PreFilterState {
    const c = new PreFilterState()
    c.existingAntiAffinityCounts = new Map(this.existingAntiAffinityCounts)
    c.affinityCounts = new Map(this.affinityCounts)
    c.antiAffinityCounts = new Map(this.antiAffinityCounts)
    c.nsLabels = this.nsLabels
    return c
  }
}

const PRE_FILTER_KEY = 'PreFilter' + NAME
const PRE_SCORE_KEY = 'PreScore' + NAME

export class InterPodAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = NAME
  private readonly handle: Handle
  readonly hardPodAffinityWeight: number
  readonly ignorePreferredTermsOfExistingPods: boolean

  constructor(args: InterPodAffinityArgs | undefined, handle: Handle) {
    this.handle = handle
    this.hardPodAffinityWeight = args?.hardPodAffinityWeight ?? 1
    this.ignorePreferredTermsOfExistingPods = args?.ignorePreferredTermsOfExistingPods ?? false
  }

  private nsLabelsOf(p: PodInfo) {
    return this.handle.namespaceLabels(p.pod.metadata?.namespace ?? 'default')
  }

  /** Adds (sign +1) or removes (−1) what `existing` on `node` contributes to the counts for `pod`. */
  private updateWithPod(s: PreFilterState, pod: PodInfo, existing: PodInfo, node: NodeInfo, sign: number): void {
    const labels = node.labels
    // Existing pod's required anti-affinity terms that match the incoming pod.
    for (const t of existing.requiredAntiAffinityTerms) {
      const v = labels[t.topologyKey]
      if (v !== undefined && termMatches(t, pod.pod, s.nsLabels)) inc(s.existingAntiAffinityCounts, pair(t.topologyKey, v), sign)
    }
    const exNs = this.nsLabelsOf(existing)
    // Incoming pod's required affinity: counted only if the existing pod matches all terms.
    if (pod.requiredAffinityTerms.length > 0 && pod.requiredAffinityTerms.every((t) => termMatches(t, existing.pod, exNs))) {
      for (const t of pod.requiredAffinityTerms) {
        const v = labels[t.topologyKey]
        if (v !== undefined) inc(s.affinityCounts, pair(t.topologyKey, v), sign)
      }
    }
    for (const t of pod.requiredAntiAffinityTerms) {
      const v = labels[t.topologyKey]
      if (v !== undefined && termMatches(t, existing.pod, exNs)) inc(s.antiAffinityCounts, pair(t.topologyKey, v), sign)
    }
  }

  preFilter(state: CycleState, pod: PodInfo, nodes: NodeInfo[]): { result?: PreFilterResult | null; status: MaybeStatus } {
    const s = new PreFilterState()
    s.nsLabels = this.nsLabelsOf(pod)
    // Existing pods' required anti-affinity, only over nodes that have such pods.
    for (const node of this.handle.nodesWithRequiredAntiAffinityPods()) {
      for (const ex of node.podsWithRequiredAntiAffinity) {
        for (const t of ex.requiredAntiAffinityTerms) {
          const v = node.labels[t.topologyKey]
          if (v !== undefined && termMatches(t, pod.pod, s.nsLabels)) inc(s.existingAntiAffinityCounts, pair(t.topologyKey, v), 1)
        }
      }
    }
    if (pod.requiredAffinityTerms.length > 0 || pod.requiredAntiAffinityTerms.length > 0) {
      for (const node of nodes) {
        for (const ex of node.pods) {
          const exNs = this.nsLabelsOf(ex)
          if (pod.requiredAffinityTerms.length > 0 && pod.requiredAffinityTerms.every((t) => termMatches(t, ex.pod, exNs))) {
            for (const t of pod.requiredAffinityTerms) {
              const v = node.labels[t.topologyKey]
              if (v !== undefined) inc(s.affinityCounts, pair(t.topologyKey, v), 1)
            }
          }
          for (const t of pod.requiredAntiAffinityTerms) {
            const v = node.labels[t.topologyKey]
            if (v !== undefined && termMatches(t, ex.pod, exNs)) inc(s.antiAffinityCounts, pair(t.topologyKey, v), 1)
          }
        }
      }
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
    const nsLabels = this.nsLabelsOf(pod)
    const topologyScore = new Map<string, Map<string, number>>()
    const add = (term: AffinityTerm, weight: number, target: PodInfo, targetNs: Record<string, string> | undefined, node: NodeInfo) => {
      if (!termMatches(term, target.pod, targetNs)) return
      const v = node.labels[term.topologyKey]
      if (v === undefined) return
      let m = topologyScore.get(term.topologyKey)
      if (!m) topologyScore.set(term.topologyKey, (m = new Map()))
      m.set(v, (m.get(v) ?? 0) + weight)
    }
    const processTerms = (terms: WeightedAffinityTerm[], target: PodInfo, targetNs: Record<string, string> | undefined, node: NodeInfo, mult: number) => {
      for (const t of terms) add(t, t.weight * mult, target, targetNs, node)
    }
    const candidates = hasConstraints ? this.handle.nodeInfos() : this.handle.nodesWithAffinityPods()
    for (const node of candidates) {
      if (Object.keys(node.labels).length === 0) continue
      const pods = hasConstraints ? node.pods : node.podsWithAffinity
      for (const ex of pods) {
        const exNs = this.nsLabelsOf(ex)
        processTerms(pod.preferredAffinityTerms, ex, exNs, node, 1)
        processTerms(pod.preferredAntiAffinityTerms, ex, exNs, node, -1)
        if (this.hardPodAffinityWeight > 0) for (const t of ex.requiredAffinityTerms) add(t, this.hardPodAffinityWeight, pod, nsLabels, node)
        if (!this.ignorePreferredTermsOfExistingPods) {
          processTerms(ex.preferredAffinityTerms, pod, nsLabels, node, 1)
          processTerms(ex.preferredAntiAffinityTerms, pod, nsLabels, node, -1)
        }
      }
    }
    let any = false
    for (const m of topologyScore.values()) if (m.size > 0) any = true
    if (!any) return newStatus(Code.Skip)
    state.write(PRE_SCORE_KEY, topologyScore)
    return null
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
    if ((s.affinityCounts.get(pair(t.topologyKey, v)) ?? 0) <= 0) podsExist = false
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
    if (v !== undefined && (s.antiAffinityCounts.get(pair(t.topologyKey, v)) ?? 0) > 0) return false
  }
  return true
}

function satisfyExistingPodsAntiAffinity(s: PreFilterState, node: NodeInfo): boolean {
  if (s.existingAntiAffinityCounts.size === 0) return true
  for (const k in node.labels) {
    if ((s.existingAntiAffinityCounts.get(pair(k, node.labels[k])) ?? 0) > 0) return false
  }
  return true
}
