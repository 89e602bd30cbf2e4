/**
 * The subresources and virtual resources kubectl's session commands use beyond plain storage:
 * - `scale` of Deployments and ReplicaSets (an autoscaling/v1 Scale view of spec.replicas),
 * - `eviction` of pods (policy/v1 Eviction: a graceful delete, as drain sends it),
 * - SelfSubjectAccessReview (`kubectl auth can-i`), answered by the same authorizers as every request,
 * - impersonation (`--as`), which is itself authorized (verb impersonate on users).
 * Mirrors: pkg/registry/apps/deployment/storage/storage.go (ScaleREST), pkg/registry/core/pod/storage/eviction.go,
 * pkg/registry/authorization/selfsubjectaccessreview/rest.go,
 * staging/src/k8s.io/apiserver/pkg/endpoints/filters/impersonation.go.
 * Simplified: evictions ignore PodDisruptionBudgets (podbirth has none).
 */
import { newForbidden, newInvalid, newNotFound } from '../api/errors.ts'
import type { KObject } from '../api/types.ts'
import type { UserInfo } from './admission/types.ts'
import { forbiddenMessage } from './authz.ts'
import type { KubeApiServer, RequestContext } from './index.ts'
import { mergePatch } from './patch.ts'
import type { RequestInfo } from './requestInfo.ts'
import { keyFor } from './resources.ts'
import type { ResourceDef } from './resources.ts'
import { strategyFor } from './strategies.ts'

/** scaleOf is the autoscaling/v1 Scale view of a Deployment or ReplicaSet. */
function scaleOf(obj: KObject): KObject {
  const m = obj.metadata ?? {}
  const spec = obj.spec as { replicas?: number; selector?: { matchLabels?: Record<string, string> } } | undefined
  const status = obj.status as { replicas?: number } | undefined
  const selector = Object.entries(spec?.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',')
  return {
    kind: 'Scale', apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: spec?.replicas ?? 0 }, status: { replicas: status?.replicas ?? 0, selector },
  }
}

/** handleScale serves GET, PATCH and PUT of {deployments,replicasets}/NAME/scale. */
export function handleScale(api: KubeApiServer, rc: RequestContext, def: ResourceDef): void {
  const key = keyFor(def, rc.info.namespace, rc.info.name)
  const kv = api.etcd.get(key)
  if (!kv) return api.reply(rc, { code: 404, body: newNotFound(def.resource, rc.info.name, def.group) })
  if (rc.info.verb === 'get') return api.reply(rc, { code: 200, body: scaleOf(kv.value) })
  const view = scaleOf(kv.value)
  const next = rc.info.verb === 'update' ? (rc.req.body ?? view) : mergePatch(view, rc.req.body ?? {}, false) as KObject
  const replicas = (next.spec as { replicas?: number } | undefined)?.replicas ?? 0
  const strategy = strategyFor(def.kind)
  const spec = { ...(kv.value.spec as object), replicas }
  let value: KObject = { ...kv.value, spec }
  if (strategy) {
    value = strategy.prepareForUpdate(value, kv.value)
    const errs = strategy.validateUpdate(value, kv.value)
    if (errs.length) return api.reply(rc, { code: 422, body: newInvalid(def.kind, rc.info.name, errs, def.group) })
  }
  api.write(rc, def, key, kv.modRevision, value, 200, { kind: 'patch', objectKind: def.kind }, false,
    (stored) => api.reply(rc, { code: 200, body: scaleOf(stored) }))
}

/** handleEviction serves POST pods/NAME/eviction: the pod is deleted gracefully, as a DELETE would. */
export function handleEviction(api: KubeApiServer, rc: RequestContext, def: ResourceDef): void {
  const opts = (rc.req.body as { deleteOptions?: { gracePeriodSeconds?: number } } | undefined)?.deleteOptions
  api.deleteObject(rc, def, opts?.gracePeriodSeconds, () =>
    api.reply(rc, { code: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } }))
}

interface ReviewSpec {
  resourceAttributes?: { namespace?: string; verb?: string; group?: string; resource?: string; subresource?: string; name?: string }
  nonResourceAttributes?: { path?: string; verb?: string }
}

/** handleSelfSubjectAccessReview answers "may I?" for the requesting (or impersonated) user. */
export function handleSelfSubjectAccessReview(api: KubeApiServer, rc: RequestContext): void {
  const spec = ((rc.req.body as { spec?: ReviewSpec } | undefined)?.spec) ?? {}
  const ra = spec.resourceAttributes
  const info: RequestInfo = ra
    ? {
      isResourceRequest: true, path: '', verb: ra.verb ?? '', apiGroup: ra.group ?? '', apiVersion: '',
      namespace: ra.namespace ?? '', resource: ra.resource ?? '', subresource: ra.subresource ?? '', name: ra.name ?? '',
    }
    : {
      isResourceRequest: false, path: spec.nonResourceAttributes?.path ?? '', verb: spec.nonResourceAttributes?.verb ?? '',
      apiGroup: '', apiVersion: '', namespace: '', resource: '', subresource: '', name: '',
    }
  const r = api.decide(rc.user, info)
  const allowed = r.decision === 'Allow'
  const status = { allowed, ...(allowed ? { reason: r.reason } : r.decision === 'Deny' ? { denied: true, reason: r.reason } : {}) }
  api.reply(rc, {
    code: 201,
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', metadata: {}, spec, status } as KObject,
  })
}

/**
 * impersonate: with an Impersonate-User header the request acts as that user, if the real user may impersonate
 * it; the impersonated user is in group system:authenticated. Returns the user, or the 403 message.
 */
export function impersonate(api: KubeApiServer, rc: RequestContext): { user: UserInfo } | { error: KObject } | undefined {
  const as = rc.req.headers['Impersonate-User']
  if (!as) return undefined
  const info: RequestInfo = {
    isResourceRequest: true, path: '', verb: 'impersonate', apiGroup: '', apiVersion: '', namespace: '',
    resource: 'users', subresource: '', name: as,
  }
  const r = api.decide(rc.user, info)
  if (r.decision !== 'Allow') return { error: newForbidden('users', as, forbiddenMessage(rc.user, info)) as unknown as KObject }
  return { user: { username: as, groups: ['system:authenticated'] } }
}
