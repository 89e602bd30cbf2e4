/**
 * RequestInfo: what a request is about, parsed from its path and verb.
 * Mirrors: kubernetes/kubernetes staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go
 */
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
  const parts = req.path.split('/').filter(Boolean)
  const info: RequestInfo = { isResourceRequest: false, path: req.path, verb: req.verb.toLowerCase(), apiGroup: '', apiVersion: '', namespace: '', resource: '', subresource: '', name: '' }
  let rest: string[]
  if (parts[0] === 'api' && parts.length >= 2) {
    info.apiVersion = parts[1]
    rest = parts.slice(2)
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    info.apiGroup = parts[1]
    info.apiVersion = parts[2]
    rest = parts.slice(3)
  } else return info
  if (rest.length === 0) return info
  info.isResourceRequest = true
  if (rest[0] === 'namespaces' && rest.length >= 3) {
    info.namespace = rest[1]
    rest = rest.slice(2)
  } else if (rest[0] === 'namespaces' && rest.length === 2) {
    info.namespace = rest[1]
  }
  info.resource = rest[0]
  info.name = rest[1] ?? ''
  info.subresource = rest[2] ?? ''
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
