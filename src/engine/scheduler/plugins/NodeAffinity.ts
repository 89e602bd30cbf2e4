/**
 * NodeAffinity: nodeSelector and required node affinity filter (together); preferred terms score by weight.
 * Mirrors: plugins/nodeaffinity/node_affinity.go (PreFilter node subsets from matchFields metadata.name, Skip
 * when the pod has neither nodeSelector nor required affinity; PreScore Skip without preferred terms).
 * Simplified: the profile's addedAffinity (NodeAffinityArgs) is not supported.
 */
import type { ClusterEvent, EnqueueExtensions, FilterPlugin, PreFilterPlugin, PreFilterResult, PreScorePlugin, ScorePlugin } from '../framework/interface.ts'
import type { CycleState } from '../framework/cycleState.ts'
import { Code, newStatus } from '../framework/status.ts'
import type { MaybeStatus } from '../framework/status.ts'
import type { NodeInfo, PodInfo } from '../framework/types.ts'
import { nodeSelectorTermMatches } from '../framework/types.ts'
import type { NodeSelectorTerm } from '../../api/types.ts'
import { normalize100, requiredNodeAffinityMatches } from './helper.ts'

export const NAME = 'NodeAffinity'
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector"
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict'
const KEY = 'PreScore' + NAME

export class NodeAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = NAME

  preFilter(_state: CycleState, pod: PodInfo): { result?: PreFilterResult | null; status: MaybeStatus } {
    const req = pod.pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution
    if (!req && !pod.pod.spec?.nodeSelector) return { status: newStatus(Code.Skip) }
    if (!req) return { status: null }
    // Affinity to specific nodes by name (matchFields metadata.name In [...]): terms are ORed, requirements ANDed.
    let nodeNames = null as Set<string> | null
    for (const t of req.nodeSelectorTerms ?? []) {
      let termNames = null as Set<string> | null
      for (const r of t.matchFields ?? []) {
        if (r.key === 'metadata.name' && r.operator === 'In') {
          const s = new Set(r.values ?? [])
          const prev: Set<string> | null = termNames
          termNames = prev === null ? s : new Set([...prev].filter((n: string) => s.has(n)))
        }
      }
      // A term without a metadata.name requirement makes every node eligible.
      if (termNames === null) return { status: null }
      nodeNames = new Set([...(nodeNames ?? []), ...termNames])
    }
    if (nodeNames !== null && nodeNames.size === 0) return { status: newStatus(Code.UnschedulableAndUnresolvable, ERR_REASON_CONFLICT) }
    if (nodeNames !== null) return { result: { nodeNames }, status: null }
    return { status: null }
  }

  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): MaybeStatus {
    return requiredNodeAffinityMatches(pod, node) ? null : newStatus(Code.UnschedulableAndUnresolvable, ERR_REASON_POD)
  }

  preScore(state: CycleState, pod: PodInfo): MaybeStatus {
    const pref = pod.pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution
    if (!pref) return newStatus(Code.Skip)
    // PreferredSchedulingTerms: terms of weight 0 are dropped.
    state.write(KEY, pref.filter((p) => p.weight !== 0).map((p) => ({ weight: p.weight, term: p.preference })))
    return null
  }

  score(state: CycleState, _pod: PodInfo, node: NodeInfo): number {
    const terms = state.read<{ weight: number; term: NodeSelectorTerm }[]>(KEY) ?? []
    let count = 0
    for (const t of terms) if (nodeSelectorTermMatches(t.term, node)) count += t.weight
    return count
  }

  normalizeScore(_state: CycleState, _pod: PodInfo, _nodes: NodeInfo[], scores: number[]): MaybeStatus {
    return normalize100(false, scores)
  }

  eventsToRegister(): ClusterEvent[] {
    return ['NodeAdd', 'NodeLabelChange', 'UnscheduledPodUpdate']
  }
}
