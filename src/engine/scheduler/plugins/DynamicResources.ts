/**
 * DynamicResources (DRA). podbirth does not simulate ResourceClaims: a pod without claims is skipped at PreFilter.
 * Its PostFilter runs before DefaultPreemption's and, for a pod without claims, is Unschedulable with the reason
 * "no new claims to deallocate"; RunPostFilterPlugins joins the rejecting plugins' reasons with ", ", so every
 * v1.35 FailedScheduling message after a failed preemption reads "... no new claims to deallocate, preemption: ...".
 * Mirrors: pkg/scheduler/framework/plugins/dynamicresources/dynamicresources.go (PostFilter, `state.claims.empty()`)
 * and pkg/scheduler/framework/runtime/framework.go (RunPostFilterPlugins).
 */
import type { NodeToStatus, PostFilterPlugin, PostFilterResult, PreFilterPlugin, PreFilterResult, FilterPlugin } from '../framework/interface.ts'
import { Code, newStatus } from '../framework/status.ts'
import type { MaybeStatus } from '../framework/status.ts'
import type { PodInfo } from '../framework/types.ts'

export const NAME = 'DynamicResources'

/** The PostFilter reason for a pod without claims (dynamicresources.go PostFilter). */
export const NO_NEW_CLAIMS = 'no new claims to deallocate'

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
    return { result: null, status: newStatus(Code.Unschedulable, NO_NEW_CLAIMS) }
  }
}
