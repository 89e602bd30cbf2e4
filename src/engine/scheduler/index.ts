import type { KObject } from '../api/types.ts'
import type { ApiClient } from '../client/apiClient.ts'
import type { EngineContext } from '../context.ts'

/** TODO(scheduler helper): kube-scheduler with the v1.35 default profile. */
export class KubeScheduler {
  constructor(ctx: EngineContext, client: ApiClient, config?: KObject) {
    void ctx; void client; void config
  }
  /** start lists and watches nodes and pods, then schedules pods from its queue. */
  start(): void {}
}
