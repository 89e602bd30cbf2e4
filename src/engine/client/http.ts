import type { KObject, Status } from '../api/types.ts'
import type { Lane } from '../events.ts'

export type Verb = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** ClientCertificate is what the TLS handshake presents: subject CN is the user, O the groups. */
export interface ClientCertificate {
  commonName: string
  organizations: string[]
  /** The signing CA's name; the apiserver trusts only its client CA ("kubernetes"). */
  issuer: string
}

/**
 * HttpRequest is a request as it crosses the wire to the kube-apiserver. Credentials travel as they do
 * for real: a client certificate in the TLS handshake, or an `Authorization: Bearer` header.
 */
export interface HttpRequest {
  id: number
  verb: Verb
  path: string
  query: Record<string, string>
  headers: Record<string, string>
  tls?: { clientCertificate?: ClientCertificate }
  body?: KObject
}

/** HttpResponse carries the stored object, a list, or a metav1.Status for errors. */
export interface HttpResponse {
  code: number
  body: KObject | Status
  /** Warning headers (RFC 7234 299), e.g. PodSecurity `would violate PodSecurity "restricted:latest": ...`; kubectl prints each as `Warning: <text>`. */
  warnings?: string[]
}

/** WatchEvent is one line of a watch stream (apimachinery pkg/watch: ADDED, MODIFIED, DELETED, BOOKMARK, ERROR). */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR'
  object: KObject
}

/** WatchSink receives a watch stream; `subscriber` names the lane the notifications travel to. */
export interface WatchSink {
  subscriber: Lane
  node?: string
  onEvent(event: WatchEvent): void
  onError(res: HttpResponse): void
  /**
   * traced says whether a notification is drawn as a watch:Notify step. Every notification is delivered; a
   * subscriber that watches everything (kube-controller-manager's informers) draws only those it acts on, so a
   * plain pod's story is not crossed by arrows to a component that ignores it.
   */
  traced?(event: WatchEvent): boolean
}

/** ApiServerEndpoint is the kube-apiserver as the network sees it. */
export interface ApiServerEndpoint {
  /** serve handles one request and calls respond exactly once. */
  serve(req: HttpRequest, respond: (res: HttpResponse) => void, caller: { lane: Lane; node?: string }): void
  /** serveWatch starts a watch (GET with ?watch=true); events go to the sink in revision order. */
  serveWatch(req: HttpRequest, sink: WatchSink): void
}

/** STATUS_TEXT gives the reason phrase for the codes the apiserver returns. */
export const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 202: 'Accepted', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 410: 'Gone', 415: 'Unsupported Media Type',
  422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable',
}

/**
 * redactHeaders hides credentials for display, as kubectl -v=8 does. Headers with nothing to hide are returned as
 * they are (shown, never changed: a request's headers are final once it is built), which saves a copy per request
 * of every client that authenticates with a certificate.
 */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const keys = Object.keys(headers)
  // Hot (every request): only a 13-letter name can be Authorization, so the others skip the lower-casing.
  const secret = (k: string) => k.length === 13 && k.toLowerCase() === 'authorization'
  if (!keys.some(secret)) return headers
  const out: Record<string, string> = {}
  for (const k of keys) out[k] = secret(k) ? headers[k].replace(/^(Bearer|Basic)\s+.*$/i, '$1 <masked>') : headers[k]
  return out
}
