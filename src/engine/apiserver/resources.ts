/**
 * The resources the simulated apiserver serves, with their etcd key prefixes (the names upstream storage uses:
 * nodes live under /registry/minions).
 */
export interface ResourceDef {
  resource: string
  group: string
  version: string
  kind: string
  namespaced: boolean
  prefix: string
}

const defs: ResourceDef[] = [
  { resource: 'pods', group: '', version: 'v1', kind: 'Pod', namespaced: true, prefix: '/registry/pods/' },
  { resource: 'nodes', group: '', version: 'v1', kind: 'Node', namespaced: false, prefix: '/registry/minions/' },
  { resource: 'namespaces', group: '', version: 'v1', kind: 'Namespace', namespaced: false, prefix: '/registry/namespaces/' },
  { resource: 'serviceaccounts', group: '', version: 'v1', kind: 'ServiceAccount', namespaced: true, prefix: '/registry/serviceaccounts/' },
  { resource: 'resourcequotas', group: '', version: 'v1', kind: 'ResourceQuota', namespaced: true, prefix: '/registry/resourcequotas/' },
  { resource: 'limitranges', group: '', version: 'v1', kind: 'LimitRange', namespaced: true, prefix: '/registry/limitranges/' },
  { resource: 'events', group: '', version: 'v1', kind: 'Event', namespaced: true, prefix: '/registry/events/' },
  { resource: 'configmaps', group: '', version: 'v1', kind: 'ConfigMap', namespaced: true, prefix: '/registry/configmaps/' },
  { resource: 'secrets', group: '', version: 'v1', kind: 'Secret', namespaced: true, prefix: '/registry/secrets/' },
  { resource: 'services', group: '', version: 'v1', kind: 'Service', namespaced: true, prefix: '/registry/services/specs/' },
  { resource: 'replicationcontrollers', group: '', version: 'v1', kind: 'ReplicationController', namespaced: true, prefix: '/registry/controllers/' },
  { resource: 'deployments', group: 'apps', version: 'v1', kind: 'Deployment', namespaced: true, prefix: '/registry/deployments/' },
  { resource: 'replicasets', group: 'apps', version: 'v1', kind: 'ReplicaSet', namespaced: true, prefix: '/registry/replicasets/' },
  { resource: 'statefulsets', group: 'apps', version: 'v1', kind: 'StatefulSet', namespaced: true, prefix: '/registry/statefulsets/' },
  { resource: 'priorityclasses', group: 'scheduling.k8s.io', version: 'v1', kind: 'PriorityClass', namespaced: false, prefix: '/registry/priorityclasses/' },
  { resource: 'roles', group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'Role', namespaced: true, prefix: '/registry/roles/' },
  { resource: 'rolebindings', group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'RoleBinding', namespaced: true, prefix: '/registry/rolebindings/' },
  { resource: 'clusterroles', group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRole', namespaced: false, prefix: '/registry/clusterroles/' },
  { resource: 'clusterrolebindings', group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRoleBinding', namespaced: false, prefix: '/registry/clusterrolebindings/' },
]

/** resourceByName finds a resource by group and plural name. */
export function resourceByName(group: string, resource: string): ResourceDef | undefined {
  return defs.find((d) => d.group === group && d.resource === resource)
}

/** resourceByKind finds a resource by apiVersion and kind (as a manifest names it). */
export function resourceByKind(apiVersion: unknown, kind: unknown): ResourceDef | undefined {
  // A manifest's apiVersion may be any YAML value; only a string names a group and version.
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion]
  return defs.find((d) => d.kind === kind && d.group === group && d.version === version)
}

/** keyFor returns the etcd key of an object of this resource. */
export function keyFor(def: ResourceDef, namespace: string, name: string): string {
  return def.namespaced ? `${def.prefix}${namespace}/${name}` : `${def.prefix}${name}`
}

/** RESOURCES lists every served resource. */
export const RESOURCES: readonly ResourceDef[] = defs
