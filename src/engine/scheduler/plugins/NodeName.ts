/**
 * NodeName: a pod that names a node (spec.nodeName) fits only that node. Mirrors: plugins/nodename/node_name.go.
 * (Pods created with spec.nodeName never reach the scheduler; the filter matters for preemption and explain.)
 */
import type { ClusterEvent, EnqueueExtensions, FilterPlugin } from '../framework/interface.ts'
import type { CycleState } from '../framework/cycleState.ts'
import { Code, newStatus } from '../framework/status.ts'
import type { MaybeStatus } from '../framework/status.ts'
import type { NodeInfo, PodInfo } from '../framework/types.ts'

export const NAME = 'NodeName'
export const ERR_REASON = "node(s) didn't match the requested node name"

export class NodeName implements FilterPlugin, EnqueueExtensions {
  readonly name = NAME
  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): MaybeStatus {
    const want = pod.pod.spec?.nodeName
    if (!want || want === node.name) return null
    return newStatus(Code.UnschedulableAndUnresolvable, ERR_REASON)
  }
  eventsToRegister(): ClusterEvent[] {
    return ['NodeAdd']
  }
}
