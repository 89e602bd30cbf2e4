/**
 * DefaultBinder: POST /api/v1/namespaces/{ns}/pods/{name}/binding with the target node.
 * Mirrors: plugins/defaultbinder/default_binder.go.
 */
import type { BindPlugin, Handle } from '../framework/interface.ts'
import type { CycleState } from '../framework/cycleState.ts'
import type { MaybeStatus } from '../framework/status.ts'
import type { PodInfo } from '../framework/types.ts'

export const NAME = 'DefaultBinder'

export class DefaultBinder implements BindPlugin {
  readonly name = NAME
  private readonly handle: Handle
  constructor(handle: Handle) {
    this.handle = handle
  }
  bind(_state: CycleState, pod: PodInfo, nodeName: string, done: (s: MaybeStatus) => void): 'pending' {
    this.handle.actions.bind(pod, nodeName, done)
    return 'pending'
  }
}
