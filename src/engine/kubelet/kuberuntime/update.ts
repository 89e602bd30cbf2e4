/**
 * A pod update the kubelet acts on: the spec changed (metadata.generation moved). SyncPod's computePodActions
 * compares each running container's hash with its spec's; a changed one is killed ("Container nginx definition
 * changed, will be restarted") and started again with the new definition — a new image is pulled as its policy
 * says. The status then reports the generation it reflects (observedGeneration).
 * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions (containerChanged), kubelet.go
 * HandlePodUpdates → SyncPod.
 * Simplified: a changed container of a restartPolicy Never pod is not started again when its old instance exits 0.
 */
import type { Kubelet } from '../kubelet.ts'
import type { PodWorker } from '../podWorkers.ts'
import { computePodActions } from './computePodActions.ts'
import { killAndResync } from './container.ts'
import { specHash } from './restart.ts'

export function podUpdated(k: Kubelet, w: PodWorker): void {
  if (w.state !== 'syncing' || w.completed) return
  const running = [...w.procs.values()]
  const actions = computePodActions({
    pod: w.pod,
    sandboxes: w.sandboxId ? [{ id: w.sandboxId, attempt: 0, state: 'SANDBOX_READY', ip: w.ip ?? '' }] : [],
    containerStatuses: running.map((p) => ({ id: p.id, name: p.c.name, state: 'running', hash: specHash(p.c) })),
    hashOf: specHash,
  })
  const changed = [...actions.containersToKill].filter(([, kill]) => kill.message.includes('definition changed'))
  const grace = w.pod.spec?.terminationGracePeriodSeconds ?? 30
  for (const [id, kill] of changed) {
    const p = running.find((x) => x.id === id)
    // The container runs again from its new definition (a changed spec starts a fresh back-off).
    if (p) killAndResync(k, w, p, kill.container, kill.message, grace)
  }
  k.status.refresh(w, {
    kind: 'updated',
    generation: w.pod.metadata?.generation ?? 0,
    restarting: changed.map(([, kill]) => kill.name),
  })
}
