/**
 * The create path, in upstream order: decode (strict field validation) → defaulting → mutating admission →
 * BeforeCreate (generateName, uid, creationTimestamp, validation) → validating admission → etcd.
 * Mirrors: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/create.go and
 * staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go (Create), rest/create.go (BeforeCreate).
 */
import { newBadRequest, newInvalid } from '../api/errors.ts'
import type { KObject, Pod, Status } from '../api/types.ts'
import { copyOf, withKey } from '../api/copy.ts'
import { getPodQOS } from '../api/qos.ts'
import { isTypeError } from '../api/schema/index.ts'
import { goNulls } from '../api/goNulls.ts'
import { podKey } from '../api/podKey.ts'
import type { AdmissionAttributes, AdmissionPlugin, AdmissionResult, AdmissionStore } from './admission/types.ts'
import type { KubeApiServer, RequestContext } from './index.ts'
import { keyFor } from './resources.ts'
import type { ResourceDef } from './resources.ts'
import { latency } from '../context.ts'
import { toV1Pod } from './podStrategy.ts'
import { strategyFor } from './strategies.ts'

type Phase = 'mutating' | 'validating'

/** handleCreate runs one create request to its response. */
export function handleCreate(api: KubeApiServer, rc: RequestContext, def: ResourceDef): void {
  const body = rc.req.body
  if (!body || typeof body !== 'object') return api.reply(rc, { code: 400, body: newBadRequest('the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf') })
  const bodyNs = body.metadata?.namespace
  if (def.namespaced && bodyNs && bodyNs !== rc.info.namespace) {
    // Mirrors: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go (namespace mismatch).
    return api.reply(rc, { code: 400, body: newBadRequest('the namespace of the provided object does not match the namespace sent on the request') })
  }
  const decoded = api.hooks.strictDecode(body)
  const typeError = isTypeError(decoded)
  const strictErrors = rc.req.query.fieldValidation === 'Ignore' && !typeError ? [] : decoded
  api.step(rc, {
    type: 'apiserver:Decode', outcome: strictErrors.length ? 'error' : 'ok',
    details: { kind: def.kind, apiVersion: body.apiVersion, fieldValidation: rc.req.query.fieldValidation ?? 'Warn', errors: strictErrors, typeError },
  }, () => {
    if (strictErrors.length && (typeError || rc.req.query.fieldValidation === 'Strict')) return api.reply(rc, { code: 400, body: newBadRequest(api.hooks.strictDecodeMessage(body, strictErrors)) })
    // Decoded into Go types: a null reads as Go's zero value from here on (see goNulls).
    const typed = goNulls(body)
    const defaulted = api.hooks.applyDefaults(typed)
    let withNs = defaulted
    if (def.namespaced) {
      const metadata = copyOf(defaulted.metadata) // not a spread: the namespace is often a new key (see copyOf)
      metadata.namespace = rc.info.namespace
      withNs = withKey(defaulted, 'metadata', metadata) // hot (every create): see withKey
    }
    api.step(rc, {
      type: 'apiserver:Default', outcome: 'ok',
      details: { kind: def.kind, before: body, after: withNs },
    }, () => runAdmission(api, rc, def, withNs, 'mutating', (mutated) => beforeCreate(api, rc, def, mutated)), true)
  }, true)
}

function attributes(rc: RequestContext, def: ResourceDef, obj: KObject): AdmissionAttributes {
  return { operation: 'CREATE', resource: def.resource, subresource: '', group: def.group, version: def.version, kind: def.kind, namespace: rc.info.namespace, name: obj.metadata?.name ?? '', object: obj, userInfo: rc.user, dryRun: rc.req.query.dryRun === 'All' }
}

/** One apiserver's admission chain: its plugins of each phase (its options never change) and their store. */
interface Chain { mutating: AdmissionPlugin[]; validating: AdmissionPlugin[]; store: AdmissionStore }

/** Hot (two phases per create): each apiserver's chain is worked out once. */
const chains = new WeakMap<KubeApiServer, Chain>()

function chainOf(api: KubeApiServer): Chain {
  let chain = chains.get(api)
  if (chain) return chain
  const all = api.hooks.admissionPlugins(api.opts.enableAdmissionPlugins, api.opts.disableAdmissionPlugins)
  const store: AdmissionStore = {
    get: (k) => api.etcd.get(k)?.value, list: (p) => api.etcd.range(p).map((kv) => kv.value),
    now: () => api.ctx.sim.rfc3339(), randomSuffix: (n) => api.randomSuffix(n),
  }
  chain = { mutating: all.filter((p) => p.admit), validating: all.filter((p) => p.validate), store }
  chains.set(api, chain)
  return chain
}

/** runAdmission runs every admit (mutating) or validate (validating) in plugin order; the first error stops it. */
function runAdmission(api: KubeApiServer, rc: RequestContext, def: ResourceDef, obj: KObject, phase: Phase, done: (obj: KObject) => void): void {
  const chain = chainOf(api)
  const plugins = chain[phase]
  const store = chain.store
  // The attributes are rebuilt only when a plugin changed the object (plugins only read them).
  let a = attributes(rc, def, obj)
  const next = (i: number, cur: KObject): void => {
    if (i >= plugins.length) return done(cur)
    const p = plugins[i]
    if (a.object !== cur) a = attributes(rc, def, cur)
    if (!p.handles(a)) return next(i + 1, cur)
    const r = (phase === 'mutating' ? (p.admit as NonNullable<AdmissionPlugin['admit']>)(a, store) : (p.validate as NonNullable<AdmissionPlugin['validate']>)(a, store))
    if (!r.acted && rc.caller.lane !== 'kubectl') return continueAfter(r)
    admissionStep(api, rc, p, phase, cur, r, () => continueAfter(r))
    function continueAfter(res: AdmissionResult): void {
      if (res.error) return api.reply(rc, { code: res.error.code ?? 403, body: res.error as Status, warnings: rc.warnings })
      if (res.warnings?.length) rc.warnings = [...(rc.warnings ?? []), ...res.warnings]
      const updated = res.object ?? cur
      const annotated = res.annotations ? { ...updated, metadata: { ...updated.metadata, annotations: { ...updated.metadata?.annotations, ...res.annotations } } } : updated
      if (res.writes?.length) {
        let left = res.writes.length
        for (const w of res.writes) {
          const prev = api.etcd.get(w.key)?.modRevision ?? 0
          const purpose = { kind: 'quota-usage' as const, plugin: p.name, quota: w.value.metadata?.name ?? w.key }
          api.etcd.txn([{ key: w.key, modRevision: prev }], [{ type: 'put', key: w.key, value: w.value }], () => { if (--left === 0) next(i + 1, annotated) }, { pod: rc.pod, requestId: rc.req.id, purpose })
        }
        return
      }
      next(i + 1, annotated)
    }
  }
  next(0, obj)
}

function admissionStep(api: KubeApiServer, rc: RequestContext, p: AdmissionPlugin, phase: Phase, before: KObject, r: AdmissionResult, next: () => void): void {
  api.ctx.trace.emit({
    type: 'apiserver:Admit', lane: 'kube-apiserver', requestId: rc.req.id, pod: rc.pod, node: rc.caller.node,
    outcome: r.error ? 'error' : r.warnings?.length ? 'warning' : r.acted ? 'ok' : 'info',
    // Hot (every admission step): two literals rather than a spread of the writes, in the same key order.
    details: r.writes?.length
      ? {
          plugin: p.name, phase, acted: r.acted, note: r.note, error: r.error, warnings: r.warnings,
          annotations: r.annotations, writes: r.writes.map((w) => w.key), docs: p.docs, before, after: r.object,
        }
      : {
          plugin: p.name, phase, acted: r.acted, note: r.note, error: r.error, warnings: r.warnings,
          annotations: r.annotations, docs: p.docs, before, after: r.object,
        },
  })
  api.ctx.sim.after(latency(api.ctx, 'admissionPlugin'), next)
}

function beforeCreate(api: KubeApiServer, rc: RequestContext, def: ResourceDef, obj: KObject): void {
  const meta = copyOf(obj.metadata) // not a spread: keys are added (see copyOf)
  if (!meta.name && meta.generateName) meta.name = `${meta.generateName.slice(0, 58)}${api.randomSuffix(5)}`
  meta.uid = api.uid()
  meta.creationTimestamp = api.ctx.sim.rfc3339()
  delete meta.resourceVersion
  // PrepareForCreate (pkg/registry/core/pod/strategy.go): generation 1, status reset to Pending with the QoS class.
  if (def.kind === 'Pod') meta.generation = 1
  const strategy = strategyFor(def.kind)
  let prepared: KObject
  if (strategy) prepared = strategy.prepareForCreate({ ...obj, metadata: meta })
  else {
    // Not a spread: a pod's status is usually a new key (see copyOf); in place if the body had one, else last.
    prepared = copyOf(obj)
    prepared.metadata = meta
    if (def.kind === 'Pod') prepared.status = preparedPodStatus(api, obj as Pod)
  }
  if (strategy) {
    const warnings = strategy.warningsOnCreate(prepared)
    if (warnings.length) rc.warnings = [...(rc.warnings ?? []), ...warnings]
  }
  const errs = meta.name || meta.generateName ? api.hooks.validateCreate(prepared) : [{ type: 'FieldValueRequired' as const, field: 'metadata.name', message: 'Required value: name or generateName is required' }]
  // A generateName is only a name now: from here on the steps are about the pod it names.
  if (rc.pod === undefined && def.kind === 'Pod') rc.pod = podKey(rc.info.namespace, meta.name)
  api.step(rc, {
    type: 'apiserver:Validate', outcome: errs.length ? 'error' : 'ok',
    details: { kind: def.kind, errors: errs, uid: meta.uid, name: meta.name, generated: !!obj.metadata?.generateName && !obj.metadata?.name },
  }, () => {
    if (errs.length) return api.reply(rc, { code: 422, body: newInvalid(def.kind, meta.name ?? '', errs, def.group) })
    runAdmission(api, rc, def, prepared, 'validating', (final) => persist(api, rc, def, final))
  }, true)
}

function persist(api: KubeApiServer, rc: RequestContext, def: ResourceDef, internal: KObject): void {
  // Stored and returned as v1: the pod's spec carries the deprecated serviceAccount alias (conversion.go).
  const obj = def.kind === 'Pod' ? (toV1Pod(internal as Pod) as KObject) : internal
  const key = keyFor(def, rc.info.namespace, obj.metadata?.name ?? '')
  api.write(rc, def, key, 0, obj, 201, { kind: 'create', objectKind: def.kind }, false, (stored) => {
    api.step(rc, {
      type: 'apiserver:Respond', outcome: 'ok',
      details: { code: 201, kind: def.kind, name: obj.metadata?.name, resourceVersion: stored.metadata?.resourceVersion, uid: stored.metadata?.uid },
    }, () => api.reply(rc, { code: 201, body: stored, warnings: rc.warnings }), true)
  })
}

/**
 * preparedPodStatus is the status PrepareForCreate gives a new pod: Pending with its QoS class and, when it has
 * scheduling gates, PodScheduled=False with reason SchedulingGated (applySchedulingGatedCondition, strategy.go):
 * the apiserver writes it, not the scheduler, whose SchedulingGates PreEnqueue plugin only keeps the pod out of
 * activeQ. kubectl get pods prints that reason as the pod's STATUS.
 */
function preparedPodStatus(api: KubeApiServer, pod: Pod): NonNullable<Pod['status']> {
  const status: NonNullable<Pod['status']> = { phase: 'Pending', qosClass: getPodQOS(pod) }
  if (!pod.spec?.schedulingGates?.length) return status
  status.conditions = [{
    // The API writes lastProbeTime: null (a zero metav1.Time); the generated type has no null.
    type: 'PodScheduled', status: 'False',
    lastProbeTime: null as unknown as undefined, lastTransitionTime: api.ctx.sim.rfc3339(),
    reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates',
  }]
  return status
}
