/**
 * A pod's update path (PATCH or PUT of the pod itself, not a subresource): the patched object is decoded with its
 * defaults, mutating admission's update rules run, then BeforeUpdate/PrepareForUpdate (status kept, generation
 * bumped on a spec change), ValidatePodUpdate, and etcd. A change that changes nothing is not written.
 * Mirrors: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go, registry/generic/registry/store.go
 * (Update), pkg/registry/core/pod/strategy.go and plugin/pkg/admission/defaulttolerationseconds (Create and Update).
 */
import { newInvalid } from '../api/errors.ts'
import type { KObject, Pod } from '../api/types.ts'
import { withDefaultTolerations } from './admission/DefaultTolerationSeconds.ts'
import type { KubeApiServer, RequestContext } from './index.ts'
import { preparePodForUpdate, toV1Pod, validatePodUpdate } from './podStrategy.ts'
import { sortedJson } from '../api/sortedJson.ts'
import type { ResourceDef } from './resources.ts'

/** updated: the request applied to `old`, decoded, admitted, prepared (store.go Update's tryUpdate). */
function updated(api: KubeApiServer, old: Pod, merge: (cur: KObject) => KObject): Pod {
  const decoded = api.hooks.applyDefaults(merge(old as KObject)) as Pod
  // DefaultTolerationSeconds admits updates too: tolerations the request dropped come back.
  const tolerations = withDefaultTolerations(decoded.spec?.tolerations ?? []).tolerations
  const admitted: Pod = decoded.spec ? { ...decoded, spec: { ...decoded.spec, tolerations } } : decoded
  return toV1Pod(preparePodForUpdate(admitted, old))
}

/**
 * handlePodUpdate stores the pod with the request applied (`merge` applies it to a stored version) if the API's
 * update rules allow it; a write that loses the race with another writer is recomputed (GuaranteedUpdate).
 */
export function handlePodUpdate(api: KubeApiServer, rc: RequestContext, def: ResourceDef, key: string,
  old: { value: KObject; modRevision: number }, merge: (cur: KObject) => KObject): void {
  const oldPod = old.value as Pod
  const prepared = updated(api, oldPod, merge)
  const errs = validatePodUpdate(prepared, oldPod)
  const name = oldPod.metadata?.name ?? ''
  const recompute = () => {
    const cur = api.etcd.get(key)
    if (!cur) return undefined
    const next = updated(api, cur.value as Pod, merge)
    if (validatePodUpdate(next, cur.value as Pod).length) return undefined
    return { value: next as KObject, prevRev: cur.modRevision }
  }
  api.step(rc, {
    type: 'apiserver:Validate', outcome: errs.length ? 'error' : 'ok',
    details: { kind: def.kind, errors: errs, uid: oldPod.metadata?.uid ?? '', name, generated: false },
  }, () => {
    if (errs.length) return api.reply(rc, { code: 422, body: newInvalid(def.kind, name, errs, def.group) })
    // GuaranteedUpdate writes nothing when the object did not change: same resourceVersion, no event.
    if (sortedJson(prepared) === sortedJson(oldPod)) return api.reply(rc, { code: 200, body: old.value })
    const purpose = { kind: 'patch' as const, objectKind: def.kind }
    api.write(rc, def, key, old.modRevision, prepared as KObject, 200, purpose, true, undefined, recompute)
  }, true)
}
