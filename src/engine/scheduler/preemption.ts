/**
 * What DefaultPreemption's chosen candidate costs through the API: each victim gets the DisruptionTarget condition
 * and is deleted (a Preempted event once it is), and pods of lower priority nominated to the same node lose their
 * nomination. Mirrors: pkg/scheduler/framework/preemption/preemption.go prepareCandidate.
 */
import type { KObject, Pod } from '../api/types.ts'
import type { ApiClient } from '../client/apiClient.ts'
import type { EventRecorder } from '../client/eventRecorder.ts'
import type { SchedulerStepInput } from './cycleSteps.ts'
import type { PodInfo } from './framework/types.ts'
import type { SchedulerCore } from './scheduleOne.ts'

export interface PreemptionDeps {
  emit(step: SchedulerStepInput): void
  client: ApiClient
  recorder: EventRecorder
  /** The virtual clock as RFC 3339 (the condition's lastTransitionTime). */
  now(): string
  core: SchedulerCore
}

/** An object reference to a pod, as Events take it. */
export function podRef(pod: Pod) {
  const m = pod.metadata
  return { apiVersion: 'v1', kind: 'Pod', namespace: m?.namespace, name: m?.name, uid: m?.uid, resourceVersion: m?.resourceVersion }
}

/** prepareCandidate evicts `victims` from `node` for `preemptor` (see the file comment). */
export function prepareCandidate(deps: PreemptionDeps, preemptor: PodInfo, node: string, victims: PodInfo[]): void {
  deps.emit({
    type: 'scheduler:Preempt', pod: preemptor.key, outcome: 'warning',
    details: { node, victims: victims.map((v) => ({ pod: v.key, priority: v.priority })), preemptorPriority: preemptor.priority },
  })
  for (const v of victims) {
    const [namespace, name] = v.key.split('/')
    // Mirrors: pkg/scheduler/framework/preemption/preemption.go prepareCandidate (condition, delete, Preempted event).
    const condition = { type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler', message: `${preemptor.pod.spec?.schedulerName ?? 'default-scheduler'}: preempting to accommodate a higher priority pod`, lastTransitionTime: deps.now() }
    deps.client.request({ verb: 'PATCH', path: `/api/v1/namespaces/${namespace}/pods/${name}/status`, headers: { 'Content-Type': 'application/strategic-merge-patch+json' }, body: { metadata: { uid: v.pod.metadata?.uid }, status: { conditions: [condition] } } as KObject }, () => {
      deps.client.request({ verb: 'DELETE', path: `/api/v1/namespaces/${namespace}/pods/${name}` }, (res) => {
        if (res.code >= 300 && res.code !== 404) return
        deps.recorder.event(podRef(v.pod), 'Normal', 'Preempted', `Preempted by pod ${preemptor.pod.metadata?.uid} on node ${node}`, 'Preempting')
      }, { pod: v.key, purpose: 'preemption-delete' })
    }, { pod: v.key, purpose: 'disruption-target' })
  }
  // Pods of lower priority nominated to the same node lose their nomination.
  for (const np of deps.core.nominatedPodsForNode(node)) {
    if (np.priority >= preemptor.priority || np.key === preemptor.key) continue
    deps.core.deleteNominatedPod(np.key)
    const [namespace, name] = np.key.split('/')
    deps.client.request({ verb: 'PATCH', path: `/api/v1/namespaces/${namespace}/pods/${name}/status`, headers: { 'Content-Type': 'application/strategic-merge-patch+json' }, body: { metadata: { uid: np.pod.metadata?.uid }, status: { nominatedNodeName: null } } as KObject }, () => {}, { pod: np.key, purpose: 'clear-nomination' })
  }
}
