/**
 * The volume plugins. podbirth does not simulate PersistentVolumes, CSI drivers or volume topology, so:
 * VolumeRestrictions, NodeVolumeLimits and VolumeZone return Skip at PreFilter (the trace says why), and
 * VolumeBinding returns Skip for pods without PersistentVolumeClaims and, for a pod that references a claim,
 * UnschedulableAndUnresolvable `persistentvolumeclaim "NAME" not found` — what kube-scheduler says when the claim
 * does not exist (plugins/volumebinding/volume_binding.go podHasPVCs), which is always the case here.
 */
import type { ClusterEvent, EnqueueExtensions, FilterPlugin, PreFilterPlugin, PreFilterResult } from '../framework/interface.ts'
import { Code, newStatus } from '../framework/status.ts'
import type { MaybeStatus } from '../framework/status.ts'
import type { PodInfo } from '../framework/types.ts'

export const NOT_SIMULATED = 'volumes are not simulated by podbirth'

class PassThrough implements PreFilterPlugin, FilterPlugin {
  readonly name: string
  constructor(name: string) {
    this.name = name
  }
  preFilter(): { result?: PreFilterResult | null; status: MaybeStatus } {
    return { status: newStatus(Code.Skip, NOT_SIMULATED) }
  }
  filter(): MaybeStatus {
    return null
  }
}

export const volumeRestrictions = () => new PassThrough('VolumeRestrictions')
export const nodeVolumeLimits = () => new PassThrough('NodeVolumeLimits')
export const volumeZone = () => new PassThrough('VolumeZone')

export class VolumeBinding implements PreFilterPlugin, FilterPlugin, EnqueueExtensions {
  readonly name = 'VolumeBinding'
  preFilter(_state: unknown, pod: PodInfo): { result?: PreFilterResult | null; status: MaybeStatus } {
    for (const v of pod.pod.spec?.volumes ?? []) {
      const claim = v.persistentVolumeClaim?.claimName ?? (v.ephemeral ? `${pod.pod.metadata?.name}-${v.name}` : undefined)
      if (claim !== undefined) return { status: newStatus(Code.UnschedulableAndUnresolvable, `persistentvolumeclaim "${claim}" not found`) }
    }
    return { status: newStatus(Code.Skip) }
  }
  filter(): MaybeStatus {
    return null
  }
  eventsToRegister(): ClusterEvent[] {
    return ['PvcAdd', 'NodeAdd']
  }
}
