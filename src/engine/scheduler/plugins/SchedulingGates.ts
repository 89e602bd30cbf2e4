/**
 * SchedulingGates: a pod with spec.schedulingGates stays out of activeQ until the gates are removed.
 * Mirrors: pkg/scheduler/framework/plugins/schedulinggates/scheduling_gates.go.
 */
import type { ClusterEvent, EnqueueExtensions, PreEnqueuePlugin } from '../framework/interface.ts'
import { Code, newStatus } from '../framework/status.ts'
import type { MaybeStatus } from '../framework/status.ts'
import type { PodInfo } from '../framework/types.ts'

export const NAME = 'SchedulingGates'

export class SchedulingGates implements PreEnqueuePlugin, EnqueueExtensions {
  readonly name = NAME
  preEnqueue(pod: PodInfo): MaybeStatus {
    const gates = pod.pod.spec?.schedulingGates ?? []
    if (gates.length === 0) return null
    return newStatus(Code.UnschedulableAndUnresolvable, `waiting for scheduling gates: [${gates.map((g) => g.name).join(' ')}]`)
  }
  eventsToRegister(): ClusterEvent[] {
    return ['UnscheduledPodUpdate']
  }
}
