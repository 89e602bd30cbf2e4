/**
 * DynamicResources (DRA). podbirth does not simulate ResourceClaims: a pod without claims is skipped at PreFilter
 * and its PostFilter returns Unschedulable with no message (v1.33+ adds nothing to the FailedScheduling text).
 * Mirrors: plugins/dynamicresources/dynamicresources.go.
 */
import type { NodeToStatus, PostFilterPlugin, PostFilterResult, PreFilterPlugin, PreFilterResult, FilterPlugin } from '../framework/interface.ts'
import { Code, newStatus } from '../framework/status.ts'
import type { MaybeStatus } from '../framework/status.ts'
import type { PodInfo } from '../framework/types.ts'

export const NAME = 'DynamicResources'

export class DynamicResources implements PreFilterPlugin, FilterPlugin, PostFilterPlugin {
  readonly name = NAME
  preFilter(_state: unknown, pod: PodInfo): { result?: PreFilterResult | null; status: MaybeStatus } {
    const claims = (pod.pod.spec as { resourceClaims?: { name: string; resourceClaimName?: string }[] } | undefined)?.resourceClaims ?? []
    if (claims.length === 0) return { status: newStatus(Code.Skip) }
    const c = claims[0]
    return { status: newStatus(Code.UnschedulableAndUnresolvable, `resourceclaim "${c.resourceClaimName ?? `${pod.pod.metadata?.name}-${c.name}`}" not found`) }
  }
  filter(): MaybeStatus {
    return null
  }
  postFilter(_state: unknown, _pod: PodInfo, _m: NodeToStatus): { result: PostFilterResult | null; status: MaybeStatus } {
    return { result: null, status: newStatus(Code.Unschedulable) }
  }
}
