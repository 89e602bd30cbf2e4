/**
 * The runtime service as the kubelet calls it over CRI: each call is a request step on the kubelet lane and, once
 * the runtime answers, a response step on the CRI lane. Calls in flight hold the pod worker's termination back.
 * Mirrors: staging/src/k8s.io/cri-api/pkg/apis/runtime/v1/api.proto (RuntimeService, ImageService).
 */
import type { TraceDetailsMap } from '../../events.ts'
import { ms } from '../../sim/kernel.ts'
import type { Kubelet } from '../kubelet.ts'
import { idle } from '../podWorkers.ts'
import type { PodWorker } from '../podWorkers.ts'
import type { KubeletTraceType } from '../traceTypes.ts'

/** The CRI calls of the pod's sync, made through RuntimeService.cri (a request, then its response). */
export type SyncCri =
  'cri:PodSandboxStatus' | 'cri:ImageStatus' | 'cri:PullImage' | 'cri:CreateContainer' | 'cri:StartContainer'
export type PhaseOf<K extends KubeletTraceType, P extends string> = Extract<TraceDetailsMap[K], { phase: P }>

export class RuntimeService {
  private readonly k: Kubelet

  constructor(k: Kubelet) {
    this.k = k
  }

  /** cri emits a CRI call (kubelet → CRI) and, after `took`, its response (CRI → kubelet). */
  cri<K extends SyncCri>(
    w: PodWorker,
    type: K,
    request: PhaseOf<K, 'request'>,
    took: number,
    respond: () => { outcome?: 'ok' | 'error'; details: PhaseOf<K, 'response'> },
    cont: () => void,
    abandoned?: () => void,
  ): void {
    const { sim } = this.k.ctx
    w.inflight++
    this.k.send<K>(type, 'kubelet', 'CRI', w.key, 'info', request)
    sim.after(took, () => {
      const r = respond()
      this.k.send<K>(type, 'CRI', 'kubelet', w.key, r.outcome ?? 'ok', r.details)
      sim.after(ms(0.2), () => {
        w.inflight--
        // SyncPod's context is cancelled once the pod is terminating: the call returned, but nothing follows it.
        if (w.state !== 'syncing') {
          abandoned?.()
          return idle(w)
        }
        cont()
      })
    })
  }
}

/** rpc is a CRI method's full gRPC name, as the request step shows it. */
export function rpc(name: string): string {
  return `runtime.v1.${name.includes('Image') ? 'ImageService' : 'RuntimeService'}/${name}`
}
