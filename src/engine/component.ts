/**
 * The component contract: what the engine needs to build a control-plane or node component. Adding one is adding
 * its folder and one entry in COMPONENTS (index.ts): who it is (the identity its client presents), what it needs
 * in the cluster before it starts (its service account and RBAC), and how to build and start it.
 */
import type { KObject } from './api/types.ts'
import type { KubeApiServer } from './apiserver/index.ts'
import type { ClientOptions } from './client/apiClient.ts'
import { ApiClient } from './client/apiClient.ts'
import type { ClusterSpec } from './cluster/types.ts'
import type { EngineContext } from './context.ts'

/** A running component: start opens its lists and watches (the engine runs it muted, before the story). */
export interface Component {
  start(): void
  /** Called once start-up has settled, unmuted (the scheduler reports a broken configuration here). */
  afterStart?(): void
}

/** What a component is built from. */
export interface ComponentEnv {
  ctx: EngineContext
  apiserver: KubeApiServer
  cluster: ClusterSpec
  options: { schedulerDetail?: 'full' | 'compact' | 'auto' | 'off' }
  /** client connects to the apiserver as the given identity. */
  client(opts: ClientOptions): ApiClient
}

export interface ComponentSpec<C extends Component = Component> {
  name: string
  /** Objects the component needs before it starts (service accounts, bootstrap RBAC), seeded with the cluster's. */
  bootstrap?(): KObject[]
  create(env: ComponentEnv): C[]
}

/** componentEnv builds the environment every component is created in. */
export function componentEnv(ctx: EngineContext, apiserver: KubeApiServer, cluster: ClusterSpec,
  options: ComponentEnv['options'] = {}): ComponentEnv {
  return { ctx, apiserver, cluster, options, client: (opts) => new ApiClient(ctx, apiserver, opts) }
}
