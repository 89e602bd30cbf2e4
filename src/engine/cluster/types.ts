import type { KObject } from '../api/types.ts'
import type { ApiServerOptions } from '../apiserver/index.ts'
import type { SimulatorConfig } from '../config.ts'

/**
 * ClusterSpec is a whole cluster as loaded from a cluster file (or the built-in default): the objects
 * etcd holds at time 0, the kubeconfig kubectl reads, the simulator settings, the apiserver's
 * authentication/authorization settings and an optional KubeSchedulerConfiguration.
 */
export interface ClusterSpec {
  /** Every object stored at start: the file's objects plus what every cluster has (namespaces, RBAC, ...). */
  objects: KObject[]
  /** The kubeconfig (`kind: Config`) as a plain object, exactly as written. */
  kubeconfig: KObject
  simulator: SimulatorConfig
  apiserver: ApiServerOptions
  schedulerConfig?: KObject
}
