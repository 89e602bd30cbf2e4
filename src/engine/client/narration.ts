/**
 * What the client plumbing's steps say: requests and responses on the wire, watches, Events. Told from the typed
 * details (client/traceTypes.ts): the request's purpose says why it is sent, so two PATCHes to the same path read
 * differently when a kubelet and a scheduler send them.
 */
import type { StepOf } from '../events.ts'
import type { NarrationTable } from '../narration/types.ts'
import { pathWithQuery } from './apiClient.ts'
import type { ClientTraceType, RequestPurpose, ShownRequest } from './traceTypes.ts'
import { STATUS_TEXT } from './http.ts'

const API_CONCEPTS = 'https://kubernetes.io/docs/reference/using-api/api-concepts/'
const WATCH_DOCS = `${API_CONCEPTS}#efficient-detection-of-changes`
const EVENT_DOCS = 'https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/event-v1/'

type Http = StepOf<'http:Request'> | StepOf<'http:Response'>

/** who names the sender of a step in plain words. */
function who(e: { from?: string; lane: string; node?: string }): string {
  const lane = e.from ?? e.lane
  if (lane === 'kubelet') return e.node ? `the kubelet on ${e.node}` : 'the kubelet'
  return lane
}

/** cap starts a sentence with a capital letter ("the kubelet on worker-1 ..." → "The kubelet on worker-1 ..."). */
const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1)

/** sender names who sent a request, for the response steps (which travel the other way). */
function sender(e: Http): string {
  return e.type === 'http:Response' ? who({ lane: e.to ?? e.lane, node: e.node }) : who(e)
}

/** at reads a nested field of a request body without trusting its shape. */
function at(value: unknown, ...path: string[]): unknown {
  let cur = value
  for (const k of path) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined
    cur = (cur as { [key: string]: unknown })[k]
  }
  return cur
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

/** objectOf is the object a request is about, from its path: "pod default/nginx". */
function objectOf(r: ShownRequest): string {
  const m = /\/namespaces\/([^/]+)\/([^/]+)(?:\/([^/]+))?/.exec(r.path)
  if (!m) return r.path
  const kind = m[2].replace(/s$/, '')
  return m[3] ? `${kind} ${m[1]}/${m[3]}` : `${kind}s in namespace ${m[1]}`
}

function bodyKind(r: ShownRequest): string {
  return text(r.body?.kind) ?? 'object'
}

function bodyName(r: ShownRequest): string {
  return text(r.body?.metadata?.name) ?? text(r.body?.metadata?.generateName) ?? ''
}

/** why tells, in plain words, what a request is for. */
function why(e: Http, purpose: RequestPurpose, r: ShownRequest): string {
  const by = cap(sender(e))
  switch (purpose) {
    case 'apply-lookup':
      return `kubectl asks whether ${objectOf(r)} already exists. Client-side apply always looks first: an answer of ` +
        '200 means "patch it", 404 means "create it".'
    case 'apply-create':
      return `kubectl sends the ${bodyKind(r)} "${bodyName(r)}" as JSON in a POST to the collection ${r.path}. ` +
        'fieldValidation=Strict asks the server to refuse fields the schema does not know instead of dropping them.'
    case 'apply-patch':
      return `The ${bodyKind(r)} "${bodyName(r)}" exists but differs from the manifest, so kubectl sends a merge ` +
        'patch with the new manifest and its last-applied annotation.'
    case 'binding':
      return `The scheduler asks the API server to place pod ${e.pod ?? objectOf(r)} on node ` +
        `${text(at(r.body, 'target', 'name')) ?? '?'} by posting a Binding to the pod's binding subresource (a ` +
        'sub-path that allows exactly this one change). The scheduler never writes spec.nodeName itself.'
    case 'pod-status': {
      const phase = text(at(r.body, 'status', 'phase'))
      return `${by} reports what it sees of pod ${e.pod ?? objectOf(r)}${phase ? ` (phase ${phase})` : ''} by ` +
        'patching the pod\'s status subresource, the part of the object that only describes observed state.'
    }
    case 'unschedulable-status':
      return `The scheduler could not place pod ${e.pod ?? objectOf(r)}, so it writes why into the pod's ` +
        'PodScheduled condition (through the status subresource); `kubectl describe pod` shows that reason.'
    case 'disruption-target':
      return `Before evicting pod ${e.pod ?? objectOf(r)} to make room for a higher-priority pod, the scheduler ` +
        'marks it with the DisruptionTarget condition, so whoever owns it can tell why it goes away.'
    case 'preemption-delete':
      return `The scheduler deletes pod ${e.pod ?? objectOf(r)}, a lower-priority victim of preemption, with its ` +
        'normal grace period: its kubelet stops the containers before the pod disappears.'
    case 'clear-nomination':
      return `The scheduler clears the nominated node of pod ${e.pod ?? objectOf(r)}: a pod of higher priority now ` +
        'claims the room it was waiting for.'
    case 'pod-delete':
      return `${by} has stopped every container of pod ${e.pod ?? objectOf(r)}, so it deletes the pod object for ` +
        'good (grace period 0, and only if the uid still matches).'
    case 'event-create':
      return `${by} creates an Event, an ordinary API object that records something that happened to ` +
        `${text(at(r.body, 'involvedObject', 'kind')) ?? 'an object'} ` +
        `${text(at(r.body, 'involvedObject', 'name')) ?? ''}` +
        ` (reason ${text(at(r.body, 'reason')) ?? '?'}).`
    case 'event-patch':
      return `${by} saw the same event again, so it patches the existing Event (${r.path.split('/').pop()}) to bump ` +
        'its count instead of creating another one.'
    case 'other':
      return `${by} sends ${r.verb} ${r.path} to the kube-apiserver.`
  }
}

/** how says which upstream code sends a request of this purpose. */
function how(purpose: RequestPurpose): string {
  switch (purpose) {
    case 'apply-lookup':
      return 'ApplyOptions.applyOneObject calls info.Get() (resource.Helper over a REST client); IsNotFound sends it ' +
        'to the create branch.'
    case 'apply-create':
      return 'applyOneObject, not found: util.CreateApplyAnnotation stores ' +
        'kubectl.kubernetes.io/last-applied-configuration, ' +
        'then resource.Helper.WithFieldManager("kubectl-client-side-apply").WithFieldValidation("Strict").Create.'
    case 'apply-patch':
      return 'applyOneObject, found: Patcher.Patch computes the patch against the last-applied annotation and sends ' +
        'it (Simplified here: a JSON merge patch of the whole manifest).'
    case 'binding':
      return 'The DefaultBinder Bind plugin calls Pods(ns).Bind with a v1.Binding whose target is the chosen Node ' +
        '(POST .../pods/{name}/binding).'
    case 'pod-status':
      return 'The status manager\'s syncPod calls statusutil.PatchPodStatus: a strategic merge patch of .status with ' +
        'the uid precondition, sent to the status subresource.'
    case 'unschedulable-status':
      return 'handleSchedulingFailure → updatePod: util.PatchPodStatus with PodScheduled=False (reason ' +
        'Unschedulable) and, after preemption, status.nominatedNodeName.'
    case 'disruption-target':
      return 'The preemption Executor\'s PreemptPod patches the victim\'s status with DisruptionTarget=True (reason ' +
        'PreemptionByScheduler) through util.PatchPodStatus before deleting it.'
    case 'preemption-delete':
      return 'The preemption Executor\'s PreemptPod deletes the victim through util.DeletePod with default ' +
        'DeleteOptions, then records a Preempted Event.'
    case 'clear-nomination':
      return 'prepareCandidate\'s clearNominatedNodeName patches status.nominatedNodeName to "" on lower-priority ' +
        'pods nominated to the same node.'
    case 'pod-delete':
      return 'The status manager\'s syncPod, once canBeDeleted holds, deletes the pod with GracePeriodSeconds 0 and ' +
        'a UID precondition.'
    case 'event-create':
      return 'The event sink (recordToSink) creates the Event: POST to the namespace\'s events collection.'
    case 'event-patch':
      return 'The EventCorrelator finds the same aggregation key, so the sink sends a patch that raises count ' +
        '(core/v1) or series.count (events.k8s.io) instead of a new Event.'
    case 'other':
      return 'client-go\'s rest.Request builds the URL from the path and query and sends it over the shared HTTP/2 ' +
        'connection.'
  }
}

function requestSource(e: Http, purpose: RequestPurpose): string {
  switch (purpose) {
    case 'apply-lookup':
    case 'apply-create':
    case 'apply-patch': return 'staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go'
    case 'binding': return 'pkg/scheduler/framework/plugins/defaultbinder/default_binder.go'
    case 'pod-status':
    case 'pod-delete': return 'pkg/kubelet/status/status_manager.go'
    case 'unschedulable-status': return 'pkg/scheduler/schedule_one.go'
    case 'disruption-target':
    case 'preemption-delete':
    case 'clear-nomination': return 'pkg/scheduler/framework/preemption/executor.go'
    case 'event-create':
    case 'event-patch':
      return sender(e) === 'kube-scheduler'
        ? 'staging/src/k8s.io/client-go/tools/events/event_broadcaster.go'
        : 'staging/src/k8s.io/client-go/tools/record/event.go'
    case 'other': return 'staging/src/k8s.io/client-go/rest/request.go'
  }
}

function requestDocs(purpose: RequestPurpose): string {
  switch (purpose) {
    case 'apply-lookup':
    case 'apply-create':
    case 'apply-patch': return 'https://kubernetes.io/docs/tasks/manage-kubernetes-objects/declarative-config/'
    case 'binding':
    case 'unschedulable-status': return 'https://kubernetes.io/docs/concepts/scheduling-eviction/kube-scheduler/'
    case 'disruption-target':
    case 'preemption-delete':
    case 'clear-nomination': return 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-priority-preemption/'
    case 'pod-status': return 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/'
    case 'pod-delete': return 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination'
    case 'event-create':
    case 'event-patch': return EVENT_DOCS
    case 'other': return API_CONCEPTS
  }
}

function credentialsOf(r: ShownRequest): string {
  if (r.clientCertificate) return `a client certificate (${r.clientCertificate.subject}) in the TLS handshake`
  if (r.headers.Authorization) return 'a bearer token in the Authorization header'
  return 'no credentials'
}

function statusMessage(e: StepOf<'http:Response'>): string {
  const { body } = e.details.response
  return body && 'message' in body && typeof body.message === 'string' ? body.message : ''
}

function responseSummary(e: StepOf<'http:Response'>): string {
  const { code } = e.details.response
  const head = `${code} ${STATUS_TEXT[code] ?? ''}`.trim()
  return code >= 400 ? `${head}: ${statusMessage(e)}` : head
}

function responseStory(e: StepOf<'http:Response'>): string {
  const { request: r, response: res, purpose } = e.details
  const to = sender(e)
  const phrase = `${res.code} ${STATUS_TEXT[res.code] ?? ''}`.trim()
  if (purpose === 'apply-lookup' && res.code === 404) {
    return `The API server answers ${phrase}: there is no ${objectOf(r)} yet. This is the normal first answer to ` +
      '`kubectl apply`, not a failure: kubectl asked whether the object exists, and "no" means it goes on to create it.'
  }
  if (res.code >= 400) {
    return `The API server refuses ${to}'s ${r.verb} ${r.path} with ${phrase}: "${statusMessage(e)}". The answer is ` +
      'a Status object that says why; nothing was changed.'
  }
  const warnings = res.warnings?.length ? ` It also carries ${res.warnings.length} warning(s), which kubectl ` +
    `prints.` : ''
  const rv = res.body && 'metadata' in res.body ? res.body.metadata?.resourceVersion : undefined
  const at = r.verb === 'GET' ? 'the object it returns is at' : 'the object is now at'
  return `The API server answers ${to}'s ${r.verb} with ` +
    `${phrase}${rv ? `; ${at} resourceVersion ${rv}` : ''}.${warnings}`
}

export const CLIENT_NARRATION: NarrationTable<ClientTraceType> = {
  'http:Request': {
    summary: (e) => `${e.details.request.verb} ${pathWithQuery(e.details.request)}`,
    story: (e) => `${why(e, e.details.purpose, e.details.request)}${e.from === 'kubectl'
      ? ' The request travels over HTTPS to the kube-apiserver, the single front door through which every component ' +
        'reads and writes cluster state.'
      : ''}`,
    expert: (e) => `${how(e.details.purpose)} User-Agent "${e.details.request.headers['User-Agent'] ?? ''}", ` +
      `credentials: ${credentialsOf(e.details.request)}.`,
    docs: (e) => requestDocs(e.details.purpose),
    source: (e) => requestSource(e, e.details.purpose),
  },
  'http:Response': {
    summary: responseSummary,
    story: responseStory,
    expert: (e) => {
      const { response: res, purpose } = e.details
      const lookup = purpose === 'apply-lookup' && res.code === 404
        ? ' kubectl\'s applyOneObject checks errors.IsNotFound(err) and takes the create branch.'
        : ''
      const body = res.code >= 400 && res.body && 'reason' in res.body
        ? `a metav1.Status (reason ${String(res.body.reason ?? '')}, code ${res.code})`
        : `the ${res.body && 'kind' in res.body ? String(res.body.kind ?? 'object') : 'object'} as JSON`
      return `The handler writes ${body} through responsewriters.WriteObjectNegotiated / ErrorNegotiated` +
        `${res.warnings?.length ? `, with ${res.warnings.length} Warning header(s) (299)` : ''}.${lookup}`
    },
    docs: (e) => (e.details.purpose === 'apply-lookup' ? requestDocs('apply-lookup') : API_CONCEPTS),
    source: 'staging/src/k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/writers.go',
  },
  'watch:Start': {
    summary: (e) => `WATCH ${pathWithQuery(e.details.request)}`,
    story: (e) => {
      const q = e.details.request.query
      const sel = q.fieldSelector ? ` whose fields match ${q.fieldSelector}` : ''
      return `${cap(who(e))} opens a watch on ${e.details.request.path}${sel}: a long-lived request through which ` +
        'the API server pushes every change as it happens, so nobody has to poll.'
    },
    expert: (e) => {
      const rv = e.details.request.query.resourceVersion
      return `An informer's Reflector runs ListAndWatch: it lists, then watches ${pathWithQuery(e.details.request)} ` +
        `and feeds each event into its local store (DeltaFIFO)${!rv || rv === '0'
          ? '; from resourceVersion 0 (or none) the watch starts with the current objects as ADDED events' : ''}.`
    },
    docs: WATCH_DOCS,
    source: 'staging/src/k8s.io/client-go/tools/cache/reflector.go',
  },
  'watch:Notify': {
    summary: (e) => {
      const d = e.details
      return `watch → ${d.subscriber}${e.node ? ` (${e.node})` : ''}: ${d.type} ${d.kind} ` +
        `${d.namespace ? `${d.namespace}/` : ''}${d.name} rv=${d.resourceVersion ?? d.revision}`
    },
    story: (e) => {
      const d = e.details
      const obj = `${d.kind} ${d.namespace ? `${d.namespace}/` : ''}${d.name}`
      const to = who({ lane: d.subscriber, node: e.node })
      switch (d.cause) {
        case 'entered-selector':
          return `An update made ${obj} match the watch ${to} holds on ${d.watch} (revision ${d.revision}), so the ` +
            `API server tells ${to} it was ADDED: from its point of view the object has just appeared.`
        case 'left-selector':
          return `After the change at revision ${d.revision}, ${obj} no longer matches ${to}'s watch on ${d.watch}, ` +
            `so ${to} is told it was DELETED, although the object still exists.`
        case 'initial':
          return `${obj} already existed when ${to} opened its watch on ${d.watch}, so it arrives as ADDED: this is ` +
            `how ${to} fills its local copy of the cluster.`
        default:
          return `${cap(to)} has a watch open on ${d.watch}. The change to ${obj} at etcd revision ${d.revision} ` +
            `matches it, so the API server pushes ${d.type === 'ADDED' ? 'an' : 'a'} ${d.type} notification carrying ` +
            'the whole object.'
      }
    },
    expert: (e) => {
      const d = e.details
      return 'The Cacher\'s dispatchEvent hands the event to every cacheWatcher on the prefix; convertToWatchEvent ' +
        'compares the selector against the old and new object (ADDED when it starts matching, DELETED when it stops) ' +
        `and sends ${d.type} at resourceVersion ${d.resourceVersion ?? d.revision} on ${d.watch}.`
    },
    docs: WATCH_DOCS,
    source: 'staging/src/k8s.io/apiserver/pkg/storage/cacher/cache_watcher.go',
  },
  'event:Record': {
    summary: (e) => `Event ${e.details.type} ${e.details.reason}: ${e.details.message}`,
    story: (e) => {
      const d = e.details
      const again = d.count > 1 ? ` It is the ${ordinal(d.count)} time, so the existing Event's count goes up.` : ''
      return `${cap(who(e))} records a ${d.type} Event with reason ${d.reason} on ${d.involvedObject.kind} ` +
        `${d.involvedObject.name}. Events are ordinary API objects kept for a while; \`kubectl describe\` lists them ` +
        `under "Events".${again}`
    },
    expert: (e) => {
      const d = e.details
      return d.api === 'legacy'
        ? `client-go record.EventRecorder (core/v1): ${d.component} calls Eventf(ref, "${d.type}", "${d.reason}", ` +
          `...); the EventCorrelator aggregates by source, object, type, reason and message (count ${d.count}).`
        : `client-go events.EventRecorder (events.k8s.io/v1): ${d.component} calls Eventf(regarding, related, ` +
          `"${d.type}", "${d.reason}", "${d.action}", ...); a repeat becomes an EventSeries (count ${d.count}).`
    },
    docs: EVENT_DOCS,
    source: (e) => (e.details.api === 'legacy'
      ? 'staging/src/k8s.io/client-go/tools/record/event.go'
      : 'staging/src/k8s.io/client-go/tools/events/event_recorder.go'),
  },
}

function ordinal(n: number): string {
  const suffixes: Record<number, string> = { 1: 'st', 2: 'nd', 3: 'rd' }
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : suffixes[n % 10] ?? 'th'
  return `${n}${s}`
}
