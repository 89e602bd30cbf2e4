/**
 * NodeUnschedulable: a cordoned node (spec.unschedulable) takes only pods tolerating
 * node.kubernetes.io/unschedulable:NoSchedule. Mirrors: plugins/nodeunschedulable/node_unschedulable.go.
 */
import type { ClusterEvent, EnqueueExtensions, FilterPlugin } from '../framework/interface.ts'
import type { CycleState } from '../framework/cycleState.ts'
import { Code, newStatus } from '../framework/status.ts'
import type { MaybeStatus } from '../framework/status.ts'
import type { NodeInfo, PodInfo } from '../framework/types.ts'
import { tolerationsTolerate } from './helper.ts'

export const NAME = 'NodeUnschedulable'
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable'
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable'

export class NodeUnschedulable implements FilterPlugin, EnqueueExtensions {
  readonly name = NAME
  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): MaybeStatus {
    if (!node.node.spec?.unschedulable) return null
    if (tolerationsTolerate(pod.pod.spec?.tolerations, TAINT_NODE_UNSCHEDULABLE, 'NoSchedule')) return null
    return newStatus(Code.UnschedulableAndUnresolvable, ERR_REASON_UNSCHEDULABLE)
  }
  eventsToRegister(): ClusterEvent[] {
    return ['NodeAdd', 'NodeSpecUnschedulableChange', 'NodeTaintChange', 'UnscheduledPodUpdate']
  }
}
