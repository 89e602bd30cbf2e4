import type { ApiClient } from '../client/apiClient.ts'
import type { EngineContext } from '../context.ts'

/** TODO(kubelet helper): one kubelet with its CRI runtime and CNI plugin. */
export class Kubelet {
  readonly nodeName: string
  constructor(ctx: EngineContext, client: ApiClient, nodeName: string) {
    void ctx; void client
    this.nodeName = nodeName
  }
  /** start watches the pods bound to this node and syncs them. */
  start(): void {}
}
