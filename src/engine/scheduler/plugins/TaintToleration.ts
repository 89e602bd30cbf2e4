/**
 * TaintToleration. Filter: a NoSchedule/NoExecute taint the pod does not tolerate rejects the node.
 * Score: the number of PreferNoSchedule taints the pod does not tolerate, reversed (fewer is better).
 * Mirrors: plugins/tainttoleration/taint_toleration.go (v1.35 reason text without the taint).
 */
import type { Taint, Toleration } from '../../api/types.ts'
import { untolerated } from '../../api/taints.ts'
import type { ClusterEvent, EnqueueExtensions, FilterPlugin, PreScorePlugin, ScorePlugin } from '../framework/interface.ts'
import type { CycleState } from '../framework/cycleState.ts'
import { Code, newStatus } from '../framework/status.ts'
import type { MaybeStatus } from '../framework/status.ts'
import type { NodeInfo, PodInfo } from '../framework/types.ts'
import { normalize100 } from './helper.ts'

export const NAME = 'TaintToleration'
export const ERR_REASON_NOT_MATCH = 'node(s) had untolerated taint(s)'
const KEY = 'PreScore' + NAME

export class TaintToleration implements FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = NAME
  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): MaybeStatus {
    const taints = node.node.spec?.taints
    if (!taints || taints.length === 0) return null
    // FindMatchingUntoleratedTaint with DoNotScheduleTaintsFilterFunc.
    if (untolerated(taints, pod.pod.spec?.tolerations, ['NoSchedule', 'NoExecute']).length > 0) return newStatus(Code.UnschedulableAndUnresolvable, ERR_REASON_NOT_MATCH)
    return null
  }
  /** PreScore keeps the tolerations with an empty or PreferNoSchedule effect. */
  preScore(state: CycleState, pod: PodInfo): MaybeStatus {
    state.write(KEY, (pod.pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule'))
    return null
  }
  score(state: CycleState, _pod: PodInfo, node: NodeInfo): number {
    const taints = node.node.spec?.taints
    if (!taints || taints.length === 0) return 0
    return countIntolerableTaintsPreferNoSchedule(taints, state.read<Toleration[]>(KEY) ?? [])
  }
  normalizeScore(_state: CycleState, _pod: PodInfo, _nodes: NodeInfo[], scores: number[]): MaybeStatus {
    return normalize100(true, scores)
  }
  eventsToRegister(): ClusterEvent[] {
    return ['NodeAdd', 'NodeTaintChange', 'UnscheduledPodUpdate']
  }
}

export function countIntolerableTaintsPreferNoSchedule(taints: Taint[], tols: Toleration[]): number {
  return untolerated(taints, tols, ['PreferNoSchedule']).length
}
