import type { KObject } from '../api/types.ts'
import type { EngineContext } from '../context.ts'
import { latency } from '../context.ts'
import type { Lane } from '../events.ts'
import type { ApiServerEndpoint, ClientCertificate, HttpRequest, HttpResponse, Verb, WatchEvent } from './http.ts'
import { redactHeaders } from './http.ts'
import type { RequestPurpose, ShownRequest } from './traceTypes.ts'

/** Credentials a client presents: a client certificate, a bearer token, or nothing. */
export interface Credentials {
  clientCertificate?: ClientCertificate
  token?: string
}

export interface ClientOptions {
  lane: Lane
  /** The node this client runs on (kubelet), for the trace. */
  node?: string
  userAgent: string
  credentials: Credentials
}

/** RequestSpec is what a caller asks for; the client adds id, headers and credentials. */
export interface RequestSpec {
  verb: Verb
  path: string
  query?: Record<string, string>
  body?: KObject
  headers?: Record<string, string>
}

/** RequestNote lets the caller say what the request is for, in the trace. */
export interface RequestNote {
  pod?: string
  /** Why the request is sent; without it the purpose is worked out from the verb, path and caller (inferPurpose). */
  purpose?: RequestPurpose
}

/**
 * ApiClient is a component's connection to the kube-apiserver (client-go's role). Every request and
 * response is an arrow in the trace; every watch notification is delivered after the network hop.
 */
export class ApiClient {
  private readonly ctx: EngineContext
  private readonly endpoint: ApiServerEndpoint
  readonly opts: ClientOptions
  /** Who sends, as the apiserver is told (one object per client: the apiserver only reads it). */
  private caller: { lane: Lane; node?: string } | undefined

  constructor(ctx: EngineContext, endpoint: ApiServerEndpoint, opts: ClientOptions) {
    this.ctx = ctx
    this.endpoint = endpoint
    this.opts = opts
  }

  /** build turns a RequestSpec into the HttpRequest that goes on the wire. */
  build(spec: RequestSpec): HttpRequest {
    // Hot (every request): a request without headers of its caller's has one of this client's two header sets, shared
    // (the trace keeps every request; nothing writes to a request's headers or query once it is built).
    const headers = spec.headers
      ? this.headers(!!spec.body, spec.headers)
      : spec.body ? (this.withBody ??= this.headers(true)) : (this.withoutBody ??= this.headers(false))
    const req: HttpRequest = {
      id: this.ctx.nextId('request'), verb: spec.verb, path: spec.path, query: spec.query ?? NO_QUERY, headers,
    }
    const cert = this.opts.credentials.clientCertificate
    if (cert) req.tls = this.tls?.clientCertificate === cert ? this.tls : (this.tls = { clientCertificate: cert })
    if (spec.body) req.body = spec.body
    return req
  }

  /** The headers of a request with a body and of one without (build), made once. */
  private withBody: Record<string, string> | undefined
  private withoutBody: Record<string, string> | undefined
  /** The TLS handshake's part of this client's requests, shared as the headers are. */
  private tls: HttpRequest['tls']

  /**
   * headers: the request's headers, as spreads would give them (a caller's header that is already set keeps its
   * place), by assignments.
   */
  private headers(body: boolean, extra?: Record<string, string>): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': this.opts.userAgent }
    if (body) headers['Content-Type'] = 'application/json'
    if (extra) for (const k of Object.keys(extra)) headers[k] = extra[k]
    if (this.opts.credentials.token) headers.Authorization = `Bearer ${this.opts.credentials.token}`
    return headers
  }

  /** request sends one request and calls cb with the response after the round trip. */
  request(spec: RequestSpec, cb: (res: HttpResponse) => void, note: RequestNote = {}): HttpRequest {
    return this.send(this.build(spec), cb, note)
  }

  /** send puts an already built request on the wire (kubectl builds its own, for its trace step). */
  send(req: HttpRequest, cb: (res: HttpResponse) => void, note: RequestNote = {}): HttpRequest {
    const { sim, trace } = this.ctx
    const hop = latency(this.ctx, 'network')
    const caller = this.caller ??= { lane: this.opts.lane, node: this.opts.node }
    const request = displayRequest(req)
    const purpose = note.purpose ?? inferPurpose(req, this.opts.lane)
    trace.emit({
      type: 'http:Request', lane: this.opts.lane, from: this.opts.lane, to: 'kube-apiserver', arrive: sim.now() + hop,
      node: this.opts.node, pod: note.pod, requestId: req.id, outcome: 'info',
      details: { request, purpose },
    })
    sim.after(hop, () =>
      this.endpoint.serve(req, (res) => {
        // apply's lookup expects a 404 on every first apply: it is the answer "create it", not a failure.
        const expected404 = purpose === 'apply-lookup' && res.code === 404
        trace.emit({
          type: 'http:Response', lane: 'kube-apiserver', from: 'kube-apiserver', to: this.opts.lane,
          arrive: sim.now() + hop, node: this.opts.node, pod: note.pod, requestId: req.id,
          outcome: res.code < 400 ? 'ok' : expected404 ? 'info' : 'error',
          details: { request, response: res, purpose },
        })
        sim.after(hop, () => cb(res))
      }, caller),
    )
    return req
  }

  /**
   * watch opens a watch (GET ...?watch=true&resourceVersion=RV) and calls onEvent for each
   * notification after the network hop. Errors (401/403) go to onError.
   */
  watch(
    path: string, query: Record<string, string>, onEvent: (e: WatchEvent) => void,
    onError: (res: HttpResponse) => void = () => {}, traced?: (e: WatchEvent) => boolean,
  ): void {
    const { sim, trace } = this.ctx
    const hop = latency(this.ctx, 'network')
    const req = this.build({ verb: 'GET', path, query: { ...query, watch: 'true' } })
    trace.emit({
      type: 'watch:Start', lane: this.opts.lane, from: this.opts.lane, to: 'kube-apiserver', arrive: sim.now() + hop,
      node: this.opts.node, requestId: req.id, outcome: 'info',
      details: { request: displayRequest(req) },
    })
    sim.after(hop, () =>
      this.endpoint.serveWatch(req, {
        subscriber: this.opts.lane,
        node: this.opts.node,
        onEvent: (e) => sim.after(hop, () => onEvent(e)),
        onError: (res) => sim.after(hop, () => onError(res)),
        ...(traced ? { traced } : {}),
      }),
    )
  }
}

/** The query of a request without one: shared, as nothing writes to a request's query. */
const NO_QUERY: Record<string, string> = {}

/** pathWithQuery renders path?query in a stable key order. */
export function pathWithQuery(req: Pick<HttpRequest, 'path' | 'query'>): string {
  const keys = Object.keys(req.query)
  if (keys.length === 0) return req.path
  return `${req.path}?${keys.map((k) => `${k}=${encodeURIComponent(req.query[k])}`).join('&')}`
}

/** displayRequest is the request as shown to people: credentials masked, certificate summarised. */
export function displayRequest(req: HttpRequest): ShownRequest {
  const out: ShownRequest = { verb: req.verb, path: req.path, query: req.query, headers: redactHeaders(req.headers) }
  if (req.tls?.clientCertificate) out.clientCertificate = shownCertificate(req.tls.clientCertificate)
  if (req.body) out.body = req.body
  return out
}

/** Hot (every request of a component): a certificate's summary is written once; it is shared, like its certificate. */
const shownCertificates = new WeakMap<ClientCertificate, NonNullable<ShownRequest['clientCertificate']>>()

function shownCertificate(c: ClientCertificate): NonNullable<ShownRequest['clientCertificate']> {
  let shown = shownCertificates.get(c)
  if (!shown) {
    shown = { subject: `CN=${c.commonName}${c.organizations.map((o) => `,O=${o}`).join('')}`, issuer: `CN=${c.issuer}` }
    shownCertificates.set(c, shown)
  }
  return shown
}

/**
 * inferPurpose reads a request's purpose from its verb, path and caller, for callers that do not name one. Requests
 * that only the caller can tell apart (the scheduler's three kinds of status patch) need the caller's `purpose`.
 */
export function inferPurpose(req: Pick<HttpRequest, 'verb' | 'path'>, lane: Lane): RequestPurpose {
  const { verb, path } = req
  if (/\/events(\/|$)/.test(path)) return verb === 'POST' ? 'event-create' : verb === 'PATCH' ? 'event-patch' : 'other'
  if (verb === 'POST' && path.endsWith('/binding')) return 'binding'
  if (verb === 'PATCH' && path.endsWith('/status')) return lane === 'kubelet' ? 'pod-status' : lane === 'kube-scheduler' ? 'unschedulable-status' : 'other'
  if (verb === 'DELETE' && /\/pods\/[^/]+$/.test(path)) return lane === 'kubelet' ? 'pod-delete' : lane === 'kube-scheduler' ? 'preemption-delete' : 'other'
  return 'other'
}
