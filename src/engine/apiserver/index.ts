/**
 * The kube-apiserver: the handler chain (request info → authentication → authorization → the REST handler),
 * REST storage over etcd for the resources in resources.ts, the pod subresources `binding` and `status`, graceful
 * pod deletion, list and watch. Create requests run decode → defaulting → mutating admission → BeforeCreate
 * (generateName, uid, creationTimestamp, validation) → validating admission → etcd (create.ts).
 */
import { copyOf } from '../api/copy.ts'
import { newConflict, newForbidden, newInvalid, newNotFound, newUnauthorized } from '../api/errors.ts'
import type { KObject, Pod, Status } from '../api/types.ts'
import type { ApiServerEndpoint, HttpRequest, HttpResponse, WatchSink } from '../client/http.ts'
import type { EngineContext } from '../context.ts'
import { latency } from '../context.ts'
import type { Lane, Outcome, TraceDetailsMap, TraceEventInput } from '../events.ts'
import type { Etcd } from '../etcd/etcd.ts'
import type { UserInfo } from './admission/types.ts'
import { Authenticator } from './authn.ts'
import { allowedDetails, authnDetails, authzDetails } from './authDetails.ts'
import { bodyTooLarge } from './bodyLimit.ts'
import { DecisionCache, forbiddenMessage, RBAC_BUCKETS } from './authz.ts'
import type { AuthorizationMode, AuthzResult, AuthzStore } from './authz.ts'
import { handleCreate } from './create.ts'
import type { ApiHooks } from './hooks.ts'
import { wiredHooks } from './wiring.ts'
import { mergePatch } from './patch.ts'
import { notFoundPath, parseRequestInfo, pathOf, podOf } from './requestInfo.ts'
import type { RequestInfo } from './requestInfo.ts'
import { keyFor, resourceByKind, resourceByName } from './resources.ts'
import type { ResourceDef } from './resources.ts'
import { matchesFields, matchesLabelString, parseFieldSelector } from './selectors.ts'
import type { Watcher } from './watchCache.ts'
import { indexKey, WatchCache } from './watchCache.ts'
import { handlePodUpdate } from './podUpdate.ts'
import { toV1Pod } from './podStrategy.ts'
import { strategyFor } from './strategies.ts'
import { handleEviction, handleScale, handleSelfSubjectAccessReview, impersonate } from './subresources.ts'
import type { ApiserverTraceType } from './traceTypes.ts'
import type { WritePurpose } from '../etcd/traceTypes.ts'

/** A static token as in --token-auth-file (token,user,uid,"group1,group2"). */
export interface StaticToken {
  token: string
  user: string
  uid: string
  groups: string[]
}

export interface ApiServerOptions {
  /** --authorization-mode, in order (kubeadm: Node,RBAC). */
  authorizationModes: AuthorizationMode[]
  /** The client CA's name: client certificates issued by another CA fail x509 authentication. */
  clientCA: string
  staticTokens: StaticToken[]
  enableAdmissionPlugins?: string[]
  disableAdmissionPlugins?: string[]
  hooks?: ApiHooks
}

/** ChainStep is one step of the handler chain as passed to `step`, which adds the lane and the request. */
export type ChainStep = {
  [K in ApiserverTraceType]: { type: K; outcome: Outcome; details: TraceDetailsMap[K] }
}[ApiserverTraceType]

/** RequestContext is one request in flight through the chain. */
export interface RequestContext {
  req: HttpRequest
  info: RequestInfo
  user: UserInfo
  caller: { lane: Lane; node?: string }
  pod?: string
  /** Warnings gathered from admission, sent back as Warning headers. */
  warnings?: string[]
  respond(res: HttpResponse): void
}

export class KubeApiServer implements ApiServerEndpoint {
  readonly ctx: EngineContext
  readonly etcd: Etcd
  readonly opts: ApiServerOptions
  readonly hooks: ApiHooks
  private readonly watchCache: WatchCache
  private readonly rng
  private readonly decisions = new DecisionCache()
  private readonly authn: Authenticator
  /** The authorizers' view of etcd. */
  private readonly authzStore: AuthzStore = {
    list: (p) => this.etcd.range(p).map((kv) => kv.value), get: (k) => this.etcd.get(k)?.value,
  }

  constructor(ctx: EngineContext, etcd: Etcd, opts: ApiServerOptions) {
    this.ctx = ctx
    this.etcd = etcd
    this.opts = opts
    this.hooks = opts.hooks ?? wiredHooks
    this.rng = ctx.sim.rng.fork('kube-apiserver')
    this.watchCache = new WatchCache(ctx)
    this.authn = new Authenticator({
      clientCA: opts.clientCA, staticTokens: opts.staticTokens,
      getServiceAccount: (ns, name) => this.etcd.get(`/registry/serviceaccounts/${ns}/${name}`)?.value,
    })
    etcd.watch('/registry/', (e) => this.watchCache.onEtcdEvent(e))
  }

  /** uid hands out a metadata.uid from the apiserver's seeded stream. */
  uid(): string {
    return this.rng.uuid()
  }

  /** randomSuffix: names.SimpleNameGenerator's alphabet (staging/src/k8s.io/apiserver/pkg/storage/names/generate.go). */
  randomSuffix(n: number): string {
    return this.rng.string(n, 'bcdfghjklmnpqrstvwxz2456789')
  }

  /** bootstrap stores the cluster's initial objects at time 0: defaulted, with uids, no admission, no trace. */
  bootstrap(objects: KObject[]): void {
    const now = this.ctx.sim.rfc3339()
    const stored: { key: string; value: KObject }[] = []
    for (const o of objects) {
      const def = resourceByKind(o.apiVersion, o.kind)
      if (!def) continue
      const namespace = def.namespaced ? (o.metadata?.namespace ?? 'default') : undefined
      let value: KObject = { ...o, metadata: { ...o.metadata, ...(namespace ? { namespace } : {}), uid: o.metadata?.uid ?? this.uid(), creationTimestamp: o.metadata?.creationTimestamp ?? now } }
      if (def.kind === 'Pod') value = toV1Pod(this.hooks.applyDefaults(value) as Pod) as KObject
      // A Deployment or ReplicaSet from a cluster file is stored as the API server would have stored it: defaulted.
      else if (strategyFor(def.kind)) value = { ...this.hooks.applyDefaults(value), metadata: { ...value.metadata, generation: value.metadata?.generation ?? 1 } }
      stored.push({ key: keyFor(def, namespace ?? '', o.metadata?.name ?? ''), value })
    }
    if (this.hooks.computeQuotaUsage) {
      const all = stored.map((s) => s.value)
      for (const s of stored) if (s.value.kind === 'ResourceQuota') s.value = this.hooks.computeQuotaUsage(s.value, all)
    }
    this.etcd.seed(stored)
  }

  /** decide runs the authorizers (memoised until an RBAC object changes: DecisionCache). */
  decide(user: UserInfo, info: RequestInfo): AuthzResult {
    let rbacRevision = 0
    for (const b of RBAC_BUCKETS) rbacRevision = Math.max(rbacRevision, this.etcd.bucketRevision(b))
    return this.decisions.authorize(this.opts.authorizationModes, user, info, this.authzStore, rbacRevision)
  }

  /** step emits one chain step in the kube-apiserver lane and continues after the step latency. */
  step(rc: RequestContext, input: ChainStep, next: () => void, detailOnly = false): void {
    // Components' own writes (events, status) skip the per-stage steps a learner follows for kubectl's request.
    if (!(detailOnly && rc.caller.lane !== 'kubectl' && input.outcome !== 'error')) {
      // Hot (a third of all steps): one literal with every key, in the order a spread of the input gave them, so
      // every chain step shares one hidden class and keeps its fields in the object (adding four keys to the
      // caller's literal meant four transitioning stores and a property array per step).
      this.ctx.trace.emit({
        type: input.type, outcome: input.outcome, details: input.details,
        lane: 'kube-apiserver', requestId: rc.req.id, pod: rc.pod, node: rc.caller.node,
      } as TraceEventInput)
    }
    this.ctx.sim.after(latency(this.ctx, 'apiserverStep'), next)
  }

  serve(req: HttpRequest, respond: (res: HttpResponse) => void, caller: { lane: Lane; node?: string }): void {
    const info = parseRequestInfo(req)
    const rc: RequestContext = { req, info, user: { username: '', groups: [] }, caller, respond, pod: podOf(info, req) }
    const verbose = caller.lane === 'kubectl'
    const afterInfo = () => this.authenticate(rc, () => this.authorize(rc, () => this.dispatch(rc)))
    if (!verbose) return afterInfo()
    this.step(rc, {
      type: 'apiserver:RequestInfo', outcome: 'info',
      details: { requestInfo: info },
    }, afterInfo)
  }

  private authenticate(rc: RequestContext, next: () => void): void {
    const r = this.authn.authenticate(rc.req)
    const ok = !r.error
    const details = authnDetails(r)
    this.step(rc, { type: 'apiserver:Authenticate', outcome: ok ? 'ok' : 'error', details }, () => {
      if (!ok || !r.user) return this.reply(rc, { code: 401, body: newUnauthorized() })
      rc.user = r.user
      const as = impersonate(this, rc)
      if (as && 'error' in as) return this.reply(rc, { code: 403, body: as.error as Status })
      if (as) rc.user = as.user
      next()
    })
  }

  private authorize(rc: RequestContext, next: () => void): void {
    const r = this.decide(rc.user, rc.info)
    const allowed = r.decision === 'Allow'
    const message = allowed ? '' : forbiddenMessage(rc.user, rc.info) + (r.decision === 'Deny' && r.reason ? `: ${r.reason}` : '')
    const details = allowed
      ? allowedDetails(r, this.opts.authorizationModes, rc.user.username, rc.info)
      : authzDetails(r, message, this.opts.authorizationModes, rc.user.username, rc.info)
    this.step(rc, { type: 'apiserver:Authorize', outcome: allowed ? 'ok' : 'error', details }, () => {
      if (!allowed) return this.reply(rc, { code: 403, body: newForbidden(rc.info.subresource ? `${rc.info.resource}/${rc.info.subresource}` : rc.info.resource, rc.info.name, message, rc.info.apiGroup) })
      next()
    })
  }

  private dispatch(rc: RequestContext): void {
    const { info } = rc
    if (info.apiGroup === 'authorization.k8s.io' && info.resource === 'selfsubjectaccessreviews' && info.verb === 'create') {
      return handleSelfSubjectAccessReview(this, rc)
    }
    const def = resourceByName(info.apiGroup, info.resource)
    if (!info.isResourceRequest || !def) return this.reply(rc, { code: 404, body: notFoundPath(info.path) })
    const tooLarge = bodyTooLarge(rc)
    if (tooLarge) return this.reply(rc, { code: 413, body: tooLarge })
    if (info.subresource === 'scale' && (def.kind === 'Deployment' || def.kind === 'ReplicaSet')) return handleScale(this, rc, def)
    switch (info.verb) {
      case 'get': return this.get(rc, def)
      case 'list': return this.list(rc, def)
      case 'create':
        if (info.subresource === 'binding' && def.kind === 'Pod') return this.bind(rc, def)
        if (info.subresource === 'eviction' && def.kind === 'Pod') return handleEviction(this, rc, def)
        return handleCreate(this, rc, def)
      case 'patch':
      case 'update': return this.patch(rc, def)
      case 'delete': return this.delete(rc, def)
      default: return this.reply(rc, { code: 405, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `the server does not allow this method on the requested resource`, reason: 'MethodNotAllowed', code: 405 } })
    }
  }

  /** reply answers the request (a successful create's Respond step is emitted by create.ts's persist). */
  reply(rc: RequestContext, res: HttpResponse): void {
    rc.respond(res)
  }

  private get(rc: RequestContext, def: ResourceDef): void {
    const kv = this.etcd.get(keyFor(def, rc.info.namespace, rc.info.name))
    this.reply(rc, kv ? { code: 200, body: kv.value } : { code: 404, body: newNotFound(def.resource, rc.info.name, def.group) })
  }

  private list(rc: RequestContext, def: ResourceDef): void {
    const prefix = def.namespaced && rc.info.namespace ? `${def.prefix}${rc.info.namespace}/` : def.prefix
    const fields = parseFieldSelector(rc.req.query.fieldSelector)
    const items = this.etcd.range(prefix).map((kv) => kv.value).filter((o) => matchesFields(o, fields) && matchesLabelString(o, rc.req.query.labelSelector))
    this.reply(rc, { code: 200, body: { apiVersion: def.group ? `${def.group}/${def.version}` : def.version, kind: `${def.kind}List`, metadata: { resourceVersion: String(this.etcd.store.revision()) }, items } })
  }

  /** write persists one object with optimistic concurrency and answers with the stored object. */
  write(rc: RequestContext, def: ResourceDef, key: string, prevRev: number, value: KObject, code: number, purpose: WritePurpose, reply = true, done?: (stored: KObject) => void, recompute?: () => { value: KObject; prevRev: number } | undefined, attempt = 0): void {
    this.etcd.txn([{ key, modRevision: prevRev }], [{ type: 'put', key, value }], (r) => {
      const again = !r.succeeded && recompute && attempt < 5 ? recompute() : undefined
      // GuaranteedUpdate (staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go) re-reads and retries a lost compare.
      if (again) return this.write(rc, def, key, again.prevRev, again.value, code, purpose, reply, done, recompute, attempt + 1)
      if (!r.succeeded) {
        const status = prevRev === 0 ? { code: 409, body: { ...newConflict(def.resource, value.metadata?.name ?? '', 'the object has been modified; please apply your changes to the latest version and try again', def.group), reason: 'AlreadyExists' } as Status } : { code: 409, body: newConflict(def.resource, value.metadata?.name ?? '', 'the object has been modified; please apply your changes to the latest version and try again', def.group) }
        return this.reply(rc, status as HttpResponse)
      }
      const stored = this.etcd.get(key)?.value as KObject
      done?.(stored)
      if (reply) this.reply(rc, { code, body: stored })
    }, { pod: rc.pod, requestId: rc.req.id, purpose })
  }

  private bind(rc: RequestContext, def: ResourceDef): void {
    const key = keyFor(def, rc.info.namespace, rc.info.name)
    const kv = this.etcd.get(key)
    if (!kv) return this.reply(rc, { code: 404, body: newNotFound('pods', rc.info.name) })
    const pod = kv.value as { spec?: { nodeName?: string }; status?: { conditions?: unknown[] } } & KObject
    const target = (rc.req.body?.target as { name?: string } | undefined)?.name ?? ''
    // Mirrors: pkg/registry/core/pod/storage/storage.go setPodNodeAndMetadata.
    if (pod.spec?.nodeName) return this.reply(rc, { code: 409, body: newConflict('pods/binding', rc.info.name, `pod ${rc.info.name} is already assigned to node "${pod.spec.nodeName}"`) })
    const now = this.ctx.sim.rfc3339()
    const conditions = [...((pod.status?.conditions as { type: string }[] | undefined) ?? []).filter((c) => c.type !== 'PodScheduled'), { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now }]
    const status: Record<string, unknown> = copyOf(pod.status) // not a spread: conditions may be new (see copyOf)
    status.conditions = conditions
    // ClearingNominatedNodeNameAfterBinding (beta, on by default in v1.35): a bound pod's nomination is over.
    const nominated = (status as { nominatedNodeName?: string }).nominatedNodeName
    delete status.nominatedNodeName
    const spec = copyOf(pod.spec) // not a spread: nodeName is a new key (see copyOf)
    spec.nodeName = target
    // Hot (every binding): a copy and assignments, not `{ ...pod, spec, status }` (see withKey).
    const value = copyOf(pod)
    value.spec = spec
    value.status = status
    const purpose: WritePurpose = { kind: 'binding', node: target, ...(nominated ? { clearedNomination: nominated } : {}) }
    this.write(rc, def, key, kv.modRevision, value, 201, purpose, false, () =>
      this.reply(rc, { code: 201, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } }))
  }

  private patch(rc: RequestContext, def: ResourceDef): void {
    const key = keyFor(def, rc.info.namespace, rc.info.name)
    const kv = this.etcd.get(key)
    if (!kv) return this.reply(rc, { code: 404, body: newNotFound(def.resource, rc.info.name, def.group) })
    const body = rc.req.body ?? {}
    let value: KObject
    if (rc.info.verb === 'update') value = { ...body, metadata: { ...body.metadata, uid: kv.value.metadata?.uid, creationTimestamp: kv.value.metadata?.creationTimestamp } }
    else {
      const strategic = (rc.req.headers['Content-Type'] ?? '').includes('strategic')
      const patch = rc.info.subresource === 'status' ? { status: (body as { status?: unknown }).status } : body
      value = mergePatch(kv.value, patch, strategic) as KObject
    }
    const uidPre = (body.metadata as { uid?: string } | undefined)?.uid
    if (uidPre && uidPre !== kv.value.metadata?.uid) return this.reply(rc, { code: 409, body: newConflict(def.resource, rc.info.name, `Precondition failed: UID in precondition: ${uidPre}, UID in object meta: ${kv.value.metadata?.uid}`, def.group) })
    if (def.kind === 'Pod' && !rc.info.subresource) {
      const strategicPod = (rc.req.headers['Content-Type'] ?? '').includes('strategic')
      const remerge = (cur: KObject) => (rc.info.verb === 'patch' ? mergePatch(cur, body, strategicPod) as KObject : value)
      return handlePodUpdate(this, rc, def, key, kv, remerge)
    }
    const strategic = (rc.req.headers['Content-Type'] ?? '').includes('strategic')
    const strategy = strategyFor(def.kind)
    if (strategy) {
      const status = rc.info.subresource === 'status'
      const next = status ? strategy.prepareStatusUpdate(value, kv.value) : strategy.prepareForUpdate(value, kv.value)
      const errs = status ? strategy.validateStatusUpdate(next, kv.value) : strategy.validateUpdate(next, kv.value)
      if (errs.length) return this.reply(rc, { code: 422, body: newInvalid(def.kind, rc.info.name, errs, def.group) })
      value = next
    }
    const finish = (v: KObject, prev: KObject) => {
      if (!strategy) return v
      return rc.info.subresource === 'status' ? strategy.prepareStatusUpdate(v, prev) : strategy.prepareForUpdate(v, prev)
    }
    const recompute = rc.info.verb === 'patch' ? () => {
      const cur = this.etcd.get(key)
      if (!cur) return undefined
      const patch = rc.info.subresource === 'status' ? { status: (body as { status?: unknown }).status } : body
      return { value: finish(mergePatch(cur.value, patch, strategic) as KObject, cur.value), prevRev: cur.modRevision }
    } : undefined
    const purpose: WritePurpose = rc.info.subresource === 'status' ? { kind: 'status', by: rc.caller.lane } : { kind: 'patch', objectKind: def.kind }
    this.write(rc, def, key, kv.modRevision, value, 200, purpose, true, undefined, recompute)
  }

  private delete(rc: RequestContext, def: ResourceDef): void {
    const opts = (rc.req.body ?? {}) as { gracePeriodSeconds?: number; preconditions?: { uid?: string } }
    const key = keyFor(def, rc.info.namespace, rc.info.name)
    const kv = this.etcd.get(key)
    if (kv && opts.preconditions?.uid && opts.preconditions.uid !== kv.value.metadata?.uid) return this.reply(rc, { code: 409, body: newConflict(def.resource, rc.info.name, `Precondition failed: UID in precondition: ${opts.preconditions.uid}, UID in object meta: ${kv.value.metadata?.uid}`, def.group) })
    this.deleteObject(rc, def, opts.gracePeriodSeconds)
  }

  /**
   * deleteObject deletes the request's object: a pod bound to a node gracefully (deletionTimestamp; its kubelet
   * finishes the job), anything else at once. `answer` replaces the default reply (the object).
   */
  deleteObject(rc: RequestContext, def: ResourceDef, gracePeriodSeconds: number | undefined, answer?: () => void): void {
    const key = keyFor(def, rc.info.namespace, rc.info.name)
    const kv = this.etcd.get(key)
    if (!kv) return this.reply(rc, { code: 404, body: newNotFound(def.resource, rc.info.name, def.group) })
    const pod = kv.value as KObject & { spec?: { nodeName?: string; terminationGracePeriodSeconds?: number } }
    const grace = gracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30
    if (def.kind === 'Pod' && pod.spec?.nodeName && grace > 0 && !pod.metadata?.deletionTimestamp) {
      const when = this.ctx.sim.rfc3339(this.ctx.sim.now() + grace * 1_000_000)
      const value = { ...pod, metadata: { ...pod.metadata, deletionTimestamp: when, deletionGracePeriodSeconds: grace } }
      return this.write(rc, def, key, kv.modRevision, value, 200, { kind: 'graceful-delete', node: pod.spec.nodeName, graceSeconds: grace }, !answer, answer ? () => answer() : undefined)
    }
    this.etcd.txn([{ key, modRevision: kv.modRevision }], [{ type: 'delete', key }], () =>
      (answer ? answer() : this.reply(rc, { code: 200, body: kv.value })), { pod: rc.pod, requestId: rc.req.id, purpose: { kind: 'delete', objectKind: def.kind } })
  }

  serveWatch(req: HttpRequest, sink: WatchSink): void {
    const info = parseRequestInfo(req)
    const def = resourceByName(info.apiGroup, info.resource)
    if (!def) return sink.onError({ code: 404, body: notFoundPath(req.path) })
    const authn = this.authn.authenticate(req)
    if (!authn.user) return sink.onError({ code: 401, body: newUnauthorized() })
    const authz = this.decide(authn.user, info)
    if (authz.decision !== 'Allow') return sink.onError({ code: 403, body: newForbidden(info.resource, '', forbiddenMessage(authn.user, info), info.apiGroup) })
    const prefix = def.namespaced && info.namespace ? `${def.prefix}${info.namespace}/` : def.prefix
    const w = { id: this.ctx.nextId('watch'), prefix, kind: def.kind, fields: parseFieldSelector(req.query.fieldSelector), labels: req.query.labelSelector, sink, path: pathOf(req) }
    const rv = req.query.resourceVersion
    if (!rv || rv === '0') {
      for (const kv of this.initialList(w, !def.namespaced || !!info.namespace)) {
        if (this.watchCache.matches(w, kv.value)) this.watchCache.deliver(w, { type: 'ADDED', object: kv.value }, kv.modRevision, 'initial')
      }
    }
    this.watchCache.add(w)
  }

  /**
   * initialList is what a new watch starts from. A metadata.name selector under a prefix that ends at the name
   * (cluster-scoped, or one namespace) is one key, read directly: every kubelet watches its own Node, and scanning
   * all nodes for each of them made cluster start quadratic in the node count. Same items, same order.
   */
  private initialList(w: Watcher, nameIsKey: boolean): { value: KObject; modRevision: number }[] {
    const key = indexKey(w)
    if (nameIsKey && key?.field === 'metadata.name') {
      const kv = this.etcd.get(`${w.prefix}${key.value}`)
      return kv ? [kv] : []
    }
    return this.etcd.range(w.prefix)
  }
}
