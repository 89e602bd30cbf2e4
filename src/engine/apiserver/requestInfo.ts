/**
 * RequestInfo: what a request is about, parsed from its path and verb.
 * Mirrors: kubernetes/kubernetes staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go
 */
import { newBadRequest } from '../api/errors.ts'
import type { Status } from '../api/types.ts'
import { podKey } from '../api/podKey.ts'
import type { HttpRequest } from '../client/http.ts'

export interface RequestInfo {
  isResourceRequest: boolean
  path: string
  /** get, list, watch, create, update, patch, delete, deletecollection (or the HTTP verb, lower-cased, for non-resource requests). */
  verb: string
  apiGroup: string
  apiVersion: string
  namespace: string
  resource: string
  subresource: string
  name: string
}

/** parseRequestInfo splits /api/v1/namespaces/{ns}/{resource}/{name}/{subresource} and /apis/{group}/{version}/... */
export function parseRequestInfo(req: HttpRequest): RequestInfo {
  const parts = segments(req.path)
  const info: RequestInfo = { isResourceRequest: false, path: req.path, verb: req.verb.toLowerCase(), apiGroup: '', apiVersion: '', namespace: '', resource: '', subresource: '', name: '' }
  // Hot (every request): `i` walks the parts instead of slicing the rest at each level.
  let i: number
  if (parts[0] === 'api' && parts.length >= 2) {
    info.apiVersion = parts[1]
    i = 2
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    info.apiGroup = parts[1]
    info.apiVersion = parts[2]
    i = 3
  } else return info
  const left = parts.length - i
  if (left === 0) return info
  info.isResourceRequest = true
  if (parts[i] === 'namespaces' && left >= 3) {
    info.namespace = parts[i + 1]
    i += 2
  } else if (parts[i] === 'namespaces' && left === 2) {
    info.namespace = parts[i + 1]
  }
  info.resource = parts[i]
  info.name = parts[i + 1] ?? ''
  info.subresource = parts[i + 2] ?? ''
  const watch = req.query.watch === 'true' || req.query.watch === '1'
  switch (req.verb) {
    case 'POST': info.verb = 'create'; break
    case 'PUT': info.verb = 'update'; break
    case 'PATCH': info.verb = 'patch'; break
    case 'DELETE': info.verb = info.name ? 'delete' : 'deletecollection'; break
    case 'GET': info.verb = watch ? 'watch' : info.name ? 'get' : 'list'; break
  }
  return info
}

/**
 * segments: the path's non-empty segments, as split('/') with the empty ones dropped. Hot (every request): one scan,
 * without the array of every segment that split builds first.
 */
export function segments(path: string): string[] {
  const parts: string[] = []
  let start = 0
  for (;;) {
    const end = path.indexOf('/', start)
    if (end < 0) {
      if (start < path.length) parts.push(path.slice(start))
      return parts
    }
    if (end > start) parts.push(path.slice(start, end))
    start = end + 1
  }
}

/** podOf: the pod a request is about (its own, or an Event's involved pod), for the trace. */
export function podOf(info: RequestInfo, req: HttpRequest): string | undefined {
  if (info.resource === 'pods') {
    // A generateName is not yet a name: the create names its pod once BeforeCreate has made one (create.ts).
    const name = info.name || req.body?.metadata?.name || ''
    return name ? podKey(info.namespace || 'default', name) : undefined
  }
  if (info.resource === 'events') {
    const io = req.body?.involvedObject as { kind?: string; namespace?: string; name?: string } | undefined
    return io?.kind === 'Pod' ? podKey(io.namespace, io.name) : undefined
  }
  return undefined
}

/** pathOf: a watch's path and query without `watch`, as the trace names the watch. */
export function pathOf(req: HttpRequest): string {
  const q = Object.entries(req.query).filter(([k]) => k !== 'watch').map(([k, v]) => `${k}=${v}`).join('&')
  return q ? `${req.path}?${q}` : req.path
}

/** notFoundPath: the 404 for a path no resource serves. */
export function notFoundPath(path: string): Status {
  return { ...newBadRequest('the server could not find the requested resource'), code: 404, reason: 'NotFound', details: { causes: [{ reason: 'UnexpectedServerResponse', message: `404 page not found: ${path}` }] } }
}
