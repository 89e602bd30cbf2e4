/**
 * The container garbage collector: once a pod is gone from the API, its stopped containers and sandbox are removed
 * on the collector's next run (every minute).
 * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_gc.go (evictContainers, evictSandboxes), kubelet.go ContainerGCPeriod.
 */
import { ms, sec } from '../../sim/kernel.ts'
import { rpc } from '../cri/runtimeService.ts'
import type { Kubelet } from '../kubelet.ts'
import type { PodWorker } from '../podWorkers.ts'

/** pkg/kubelet/kubelet.go ContainerGCPeriod. */
const CONTAINER_GC_PERIOD_S = 60
const REMOVE_MS = 15

/**
 * forget drops the pod worker once the pod is gone from the API, and leaves the stopped containers and the sandbox
 * to the container garbage collector (every minute): RemoveContainer for each, then RemovePodSandbox.
 * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_gc.go (evictContainers, evictSandboxes for deleted pods).
 */
export function forget(k: Kubelet, w: PodWorker): void {
  const sandboxId = w.sandboxId
  if (w.state === 'syncing' || (!sandboxId && !w.ids.length)) return
  const { sim } = k.ctx
  const period = sec(CONTAINER_GC_PERIOD_S)
  const next = (Math.floor(sim.now() / period) + 1) * period
  sim.at(next, () => {
    k.emit({
      type: 'kubelet:ContainerGC',
      lane: 'kubelet',
      pod: w.key,
      outcome: 'info',
      details: { containerIds: [...w.ids], sandboxId },
    })
    let t = 0
    for (const id of w.ids) {
      t += ms(REMOVE_MS)
      sim.after(t, () =>
        k.send('cri:RemoveContainer', 'kubelet', 'CRI', w.key, 'info', {
          phase: 'request',
          cri: { method: rpc('RemoveContainer'), request: { containerId: id } },
        }),
      )
    }
    if (sandboxId)
      sim.after(t + ms(REMOVE_MS), () =>
        k.send('cri:RemovePodSandbox', 'kubelet', 'CRI', w.key, 'info', {
          phase: 'request',
          cri: { method: rpc('RemovePodSandbox'), request: { podSandboxId: sandboxId } },
        }),
      )
  })
}
