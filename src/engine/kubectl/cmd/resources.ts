/**
 * Resource arguments as kubectl resolves them: plural, singular, short names and kinds, case-insensitively
 * (apimachinery's DefaultRESTMapper lowercases; the shortcut expander in cli-runtime maps `po`, `deploy` …), with
 * an optional `.group` or `.version.group` suffix (schema.ParseResourceArg), and `TYPE/NAME` forms.
 * Mirrors: staging/src/k8s.io/cli-runtime/pkg/resource/builder.go (mappingFor: `the server doesn't have a resource
 * type %q`), the discovery short names of kube-apiserver v1.35 (`kubectl api-resources`).
 */

export type SimulatedResource = 'pods' | 'nodes' | 'deployments' | 'replicasets' | 'events'

export interface ResourceInfo {
  resource: string
  group: string
  kind: string
  singular: string
  shortNames: readonly string[]
  namespaced: boolean
}

/** The resources podbirth's apiserver serves to kubectl commands. */
export const SIMULATED: Readonly<Record<SimulatedResource, ResourceInfo>> = {
  pods: { resource: 'pods', group: '', kind: 'Pod', singular: 'pod', shortNames: ['po'], namespaced: true },
  nodes: { resource: 'nodes', group: '', kind: 'Node', singular: 'node', shortNames: ['no'], namespaced: false },
  deployments: {
    resource: 'deployments',
    group: 'apps',
    kind: 'Deployment',
    singular: 'deployment',
    shortNames: ['deploy'],
    namespaced: true,
  },
  replicasets: {
    resource: 'replicasets',
    group: 'apps',
    kind: 'ReplicaSet',
    singular: 'replicaset',
    shortNames: ['rs'],
    namespaced: true,
  },
  events: { resource: 'events', group: '', kind: 'Event', singular: 'event', shortNames: ['ev'], namespaced: true },
}

/**
 * Resources a real v1.35 cluster serves that podbirth does not simulate: naming one is not "the server doesn't
 * have a resource type" (that would be false), it is podbirth's own refusal.
 */
const REAL_NOT_SIMULATED: ReadonlyArray<readonly [string, string, readonly string[], string]> = [
  ['services', 'service', ['svc'], ''],
  ['configmaps', 'configmap', ['cm'], ''],
  ['secrets', 'secret', [], ''],
  ['namespaces', 'namespace', ['ns'], ''],
  ['serviceaccounts', 'serviceaccount', ['sa'], ''],
  ['endpoints', 'endpoints', ['ep'], ''],
  ['persistentvolumeclaims', 'persistentvolumeclaim', ['pvc'], ''],
  ['persistentvolumes', 'persistentvolume', ['pv'], ''],
  ['replicationcontrollers', 'replicationcontroller', ['rc'], ''],
  ['limitranges', 'limitrange', ['limits'], ''],
  ['resourcequotas', 'resourcequota', ['quota'], ''],
  ['daemonsets', 'daemonset', ['ds'], 'apps'],
  ['statefulsets', 'statefulset', ['sts'], 'apps'],
  ['controllerrevisions', 'controllerrevision', [], 'apps'],
  ['jobs', 'job', [], 'batch'],
  ['cronjobs', 'cronjob', ['cj'], 'batch'],
  ['horizontalpodautoscalers', 'horizontalpodautoscaler', ['hpa'], 'autoscaling'],
  ['ingresses', 'ingress', ['ing'], 'networking.k8s.io'],
  ['networkpolicies', 'networkpolicy', ['netpol'], 'networking.k8s.io'],
  ['poddisruptionbudgets', 'poddisruptionbudget', ['pdb'], 'policy'],
  ['roles', 'role', [], 'rbac.authorization.k8s.io'],
  ['rolebindings', 'rolebinding', [], 'rbac.authorization.k8s.io'],
  ['clusterroles', 'clusterrole', [], 'rbac.authorization.k8s.io'],
  ['clusterrolebindings', 'clusterrolebinding', [], 'rbac.authorization.k8s.io'],
  ['priorityclasses', 'priorityclass', ['pc'], 'scheduling.k8s.io'],
  ['storageclasses', 'storageclass', ['sc'], 'storage.k8s.io'],
  ['leases', 'lease', [], 'coordination.k8s.io'],
  ['customresourcedefinitions', 'customresourcedefinition', ['crd', 'crds'], 'apiextensions.k8s.io'],
  ['endpointslices', 'endpointslice', [], 'discovery.k8s.io'],
  ['csinodes', 'csinode', [], 'storage.k8s.io'],
  ['runtimeclasses', 'runtimeclass', [], 'node.k8s.io'],
]

export type ResourceLookup = { ok: SimulatedResource } | { notSimulated: string } | { unknown: string }

function matches(info: { resource: string; singular: string; shortNames: readonly string[] }, r: string): boolean {
  return info.resource === r || info.singular === r || info.shortNames.includes(r)
}

/** lookupResource resolves one resource argument (`po`, `Deployments`, `deployments.apps`, `rs.v1.apps`). */
export function lookupResource(arg: string): ResourceLookup {
  const lower = arg.toLowerCase()
  const dot = lower.indexOf('.')
  const name = dot >= 0 ? lower.slice(0, dot) : lower
  const suffix = dot >= 0 ? lower.slice(dot + 1) : undefined
  for (const key of Object.keys(SIMULATED) as SimulatedResource[]) {
    const info = SIMULATED[key]
    if (!matches(info, name)) continue
    if (suffix === undefined) return { ok: key }
    const groupOk = info.group === '' ? suffix === 'v1' : suffix === info.group || suffix === `v1.${info.group}`
    if (groupOk) return { ok: key }
  }
  for (const [resource, singular, shortNames] of REAL_NOT_SIMULATED) {
    if (matches({ resource, singular, shortNames }, name)) return { notSimulated: resource }
  }
  // builder.go mappingFor reports groupResource.Resource: the argument up to its first dot, as typed.
  return { unknown: dot >= 0 ? arg.slice(0, dot) : arg }
}

/** printerName is the name printer's `kind.group` prefix (`deployment.apps`, `pod`). */
export function printerKind(r: SimulatedResource): string {
  const info = SIMULATED[r]
  const kind = info.kind.toLowerCase()
  return info.group ? `${kind}.${info.group}` : kind
}

export interface ResourceRef {
  resource: SimulatedResource
  name: string
}

/** What the builder made of the resource arguments: TYPE[,TYPE] [NAME…] or TYPE/NAME…. */
export type ResourceArgs =
  | { types: SimulatedResource[]; names: string[] }
  | { refs: ResourceRef[] }
  | { error: string }
  | { notSimulated: string }

/** builder.go missingResourceError. */
export const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`

function resolve(arg: string): { ok: SimulatedResource } | { error: string } | { notSimulated: string } {
  const r = lookupResource(arg)
  if ('ok' in r) return r
  if ('notSimulated' in r) return { notSimulated: r.notSimulated }
  return { error: `the server doesn't have a resource type ${JSON.stringify(r.unknown)}` }
}

/**
 * resourceTypeOrNameArgs mirrors cli-runtime builder.go ResourceTypeOrNameArgs with the checks Do() makes
 * (hasCombinedTypeArgs, splitResourceTypeName, visitByName, mappingFor). allowEmptySelector is true for get and
 * describe (a type alone lists them all) and false for the verbs that need names.
 */
export function resourceTypeOrNameArgs(args: readonly string[], allowEmptySelector: boolean): ResourceArgs {
  if (args.length === 0) return { error: MISSING_RESOURCE }
  const slashes = args.filter((a) => a.includes('/')).length
  if (slashes > 0 && slashes !== args.length) {
    return {
      error:
        'there is no need to specify a resource type as a separate argument when passing arguments in ' +
        "resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource " +
        "resource/<resource_name>'",
    }
  }
  if (slashes > 0) {
    const refs: ResourceRef[] = []
    for (const a of args) {
      const seg = a.split('/')
      if (seg.length !== 2) return { error: 'arguments in resource/name form may not have more than one slash' }
      const [type = '', name = ''] = seg
      if (type === '' || name === '')
        return { error: 'arguments in resource/name form must have a single resource and name' }
      const r = resolve(type)
      if (!('ok' in r)) return r
      refs.push({ resource: r.ok, name })
    }
    return { refs }
  }
  const [first = '', ...names] = args
  const typeArgs = first.split(',').filter((t) => t !== '')
  if (names.length > 0 && typeArgs.length > 1) return { error: 'you must specify only one resource' }
  const types: SimulatedResource[] = []
  for (const t of typeArgs) {
    const r = resolve(t)
    if (!('ok' in r)) return r
    if (!types.includes(r.ok)) types.push(r.ok)
  }
  if (names.length === 0 && !allowEmptySelector)
    return { error: 'resource(s) were provided, but no name was specified' }
  return { types, names }
}

/** refsOf flattens either form into TYPE/NAME pairs. */
export function refsOf(r: { types: SimulatedResource[]; names: string[] } | { refs: ResourceRef[] }): ResourceRef[] {
  if ('refs' in r) return r.refs
  return r.types.flatMap((resource) => r.names.map((name) => ({ resource, name })))
}

/**
 * lookupCanIResource is auth/cani.go resourceFor: `*` as is; a resource discovery knows as its plural and group
 * (can-i asks RBAC, so resources podbirth does not simulate still resolve); otherwise the argument itself with
 * the warning kubectl prints (not for `users` and `groups`, cani.go's nonStandardResourceNames).
 */
export function lookupCanIResource(arg: string): { resource: string; group: string; warning?: string } {
  if (arg === '*') return { resource: '*', group: '' }
  const lower = arg.toLowerCase()
  const dot = lower.indexOf('.')
  const name = dot >= 0 ? lower.slice(0, dot) : lower
  const groupArg = dot >= 0 ? lower.slice(dot + 1) : ''
  const r = lookupResource(lower)
  if ('ok' in r) return { resource: SIMULATED[r.ok].resource, group: SIMULATED[r.ok].group }
  for (const [resource, singular, shortNames, group] of REAL_NOT_SIMULATED) {
    if (matches({ resource, singular, shortNames }, name) && (groupArg === '' || groupArg === group)) {
      return { resource, group }
    }
  }
  if (['users', 'groups'].includes(lower)) return { resource: arg, group: '' }
  const warning =
    groupArg === ''
      ? `the server doesn't have a resource type '${name}'\n`
      : `the server doesn't have a resource type '${name}' in group '${groupArg}'\n`
  return { resource: arg, group: '', warning }
}
