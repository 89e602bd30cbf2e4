/**
 * NodePorts: the pod's host ports (containers and sidecars, hostPort > 0) must be free on the node.
 * Mirrors: plugins/nodeports/node_ports.go and pkg/scheduler/util GetHostPorts; conflicts as HostPortInfo.CheckConflict.
 */
import type { ClusterEvent, EnqueueExtensions, FilterPlugin, PreFilterPlugin, PreFilterResult } from '../framework/interface.ts'
import type { CycleState } from '../framework/cycleState.ts'
import { Code, newStatus } from '../framework/status.ts'
import type { MaybeStatus } from '../framework/status.ts'
import type { NodeInfo, PodInfo } from '../framework/types.ts'

export const NAME = 'NodePorts'
export const ERR_REASON = "node(s) didn't have free ports for the requested pod ports"

export class NodePorts implements PreFilterPlugin, FilterPlugin, EnqueueExtensions {
  readonly name = NAME
  preFilter(_state: CycleState, pod: PodInfo): { result?: PreFilterResult | null; status: MaybeStatus } {
    if (pod.hostPorts.length === 0) return { status: newStatus(Code.Skip) }
    return { status: null }
  }
  filter(_state: CycleState, pod: PodInfo, node: NodeInfo): MaybeStatus {
    for (const hp of pod.hostPorts) if (node.portConflict(hp)) return newStatus(Code.Unschedulable, ERR_REASON)
    return null
  }
  eventsToRegister(): ClusterEvent[] {
    return ['AssignedPodDelete', 'NodeAdd']
  }
}
