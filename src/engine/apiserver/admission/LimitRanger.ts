/**
 * LimitRanger: fills missing container requests/limits from the namespace's LimitRange defaults (mutating) and
 * enforces min/max (validating).
 * Mirrors: plugin/pkg/admission/limitranger/admission.go (mergeContainerResources annotation text,
 * "maximum %s usage per %s is %s, but limit is %s", "minimum %s usage per %s is %s, but request is %s").
 * Simplified: Container-type limits only (Pod and PersistentVolumeClaim types and maxLimitRequestRatio are not enforced).
 */
import { canonical, parseQuantity } from '../../api/quantity.ts'
import type { Container, LimitRange, Pod } from '../../api/types.ts'
import { forbidden, isPodCreate } from './common.ts'
import type { AdmissionPlugin, AdmissionStore } from './types.ts'

type Item = NonNullable<NonNullable<LimitRange['spec']>['limits']>[number]

function containerItems(store: AdmissionStore, ns: string): { name: string; item: Item }[] {
  return store.list(`/registry/limitranges/${ns}/`).flatMap((lr) => ((lr as LimitRange).spec?.limits ?? []).filter((i) => i.type === 'Container').map((item) => ({ name: lr.metadata?.name ?? '', item })))
}

function defaulted(c: Container, items: { item: Item }[], kind: string): { c: Container; note: string } {
  const requests = { ...c.resources?.requests }
  const limits = { ...c.resources?.limits }
  const setReq: string[] = []
  const setLim: string[] = []
  for (const { item } of items) {
    for (const [r, v] of Object.entries(item.defaultRequest ?? {})) if (requests[r] === undefined && limits[r] === undefined) { requests[r] = v; setReq.push(r) }
    for (const [r, v] of Object.entries(item.default ?? {})) if (limits[r] === undefined) { limits[r] = v; setLim.push(r) }
    // A default limit with no request also sets the request (defaults copy limits into requests).
    for (const [r, v] of Object.entries(item.default ?? {})) if (requests[r] === undefined) { requests[r] = v; if (!setReq.includes(r)) setReq.push(r) }
  }
  const parts: string[] = []
  if (setReq.length) parts.push(`${setReq.join(', ')} request for ${kind} ${c.name}`)
  if (setLim.length) parts.push(`${setLim.join(', ')} limit for ${kind} ${c.name}`)
  const resources = { ...c.resources, ...(Object.keys(requests).length ? { requests } : {}), ...(Object.keys(limits).length ? { limits } : {}) }
  return { c: parts.length ? { ...c, resources } : c, note: parts.join('; ') }
}

export const LimitRanger: AdmissionPlugin = {
  name: 'LimitRanger',
  docs: 'https://kubernetes.io/docs/concepts/policy/limit-range/',
  handles: isPodCreate,
  admit(a, store) {
    const items = containerItems(store, a.namespace)
    if (!items.length) return { acted: false, note: `no LimitRange in namespace "${a.namespace}", nothing to default.` }
    const pod = a.object as Pod
    const notes: string[] = []
    const fix = (list: Container[] | undefined, kind: string) => list?.map((c) => { const r = defaulted(c, items, kind); if (r.note) notes.push(r.note); return r.c })
    const spec = { ...pod.spec, containers: fix(pod.spec?.containers, 'container') ?? [], ...(pod.spec?.initContainers ? { initContainers: fix(pod.spec.initContainers, 'init container') } : {}) }
    if (!notes.length) return { acted: true, note: `LimitRange ${items.map((i) => `"${i.name}"`).join(', ')} has defaults, but every container already sets them.` }
    const annotation = `LimitRanger plugin set: ${notes.join('; ')}`
    return { acted: true, object: { ...pod, spec } as never, annotations: { 'kubernetes.io/limit-ranger': annotation }, note: `LimitRange ${items.map((i) => `"${i.name}"`).join(', ')} fills in what the manifest left out and records it in the annotation kubernetes.io/limit-ranger: "${annotation}".` }
  },
  validate(a, store) {
    const items = containerItems(store, a.namespace)
    if (!items.length) return { acted: false, note: 'no LimitRange to enforce.' }
    const pod = a.object as Pod
    const errs: string[] = []
    for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
      for (const { item } of items) {
        for (const [r, max] of Object.entries(item.max ?? {})) {
          const lim = c.resources?.limits?.[r]
          const mq = parseQuantity(max)
          if (lim === undefined) errs.push(`maximum ${r} usage per Container is ${canonical(max)}.  No limit is specified`)
          else if (mq && (parseQuantity(lim)?.nano ?? 0n) > mq.nano) errs.push(`maximum ${r} usage per Container is ${canonical(max)}, but limit is ${canonical(lim)}`)
        }
        for (const [r, min] of Object.entries(item.min ?? {})) {
          const req = c.resources?.requests?.[r]
          const mq = parseQuantity(min)
          if (req === undefined) errs.push(`minimum ${r} usage per Container is ${canonical(min)}.  No request is specified`)
          else if (mq && (parseQuantity(req)?.nano ?? 0n) < mq.nano) errs.push(`minimum ${r} usage per Container is ${canonical(min)}, but request is ${canonical(req)}`)
        }
      }
    }
    if (!errs.length) return { acted: true, note: 'every container is within the LimitRange\'s min and max.' }
    const msg = errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`
    return { acted: true, note: 'a container is outside the LimitRange', error: forbidden(a, msg) }
  },
}
