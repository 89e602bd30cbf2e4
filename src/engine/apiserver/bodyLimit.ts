/**
 * The request body limit (--max-request-body-bytes), as limitedReadBody enforces it.
 * Mirrors: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go (limitedReadBody,
 * NewRequestEntityTooLargeError).
 */
import type { Status } from '../api/types.ts'
import type { RequestContext } from './index.ts'

/** The request body limit (--max-request-body-bytes' default, 3 MiB). */
export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024

/**
 * bodyTooLarge: the 413 for a body over the limit. Simplified: only kubectl's bodies are measured (the components'
 * are small), as their JSON length.
 */
export function bodyTooLarge(rc: RequestContext): Status | undefined {
  if (rc.caller.lane !== 'kubectl' || !rc.req.body) return undefined
  // Hot (every kubectl write): a cheap upper bound of the JSON length settles almost every body without
  // serialising it; only a body that may be over the limit is measured exactly.
  if (jsonLengthBound(rc.req.body, MAX_REQUEST_BODY_BYTES) <= MAX_REQUEST_BODY_BYTES) return undefined
  if (JSON.stringify(rc.req.body).length <= MAX_REQUEST_BODY_BYTES) return undefined
  const message = `Request entity too large: limit is ${MAX_REQUEST_BODY_BYTES}`
  return {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'RequestEntityTooLarge',
    code: 413,
  }
}

/**
 * jsonLengthBound is at least JSON.stringify(value).length for plain JSON data (a body decoded from YAML or JSON):
 * a string counts 6 characters a character (the longest escape, \uXXXX), a number 25 (the longest double). It
 * stops counting once past `limit`.
 */
export function jsonLengthBound(value: unknown, limit: number): number {
  switch (typeof value) {
    case 'string': return 2 + 6 * value.length
    case 'number': return 25
    case 'boolean': return 5
    case 'object': break
    // undefined and functions are left out of objects and written as null in arrays.
    default: return 4
  }
  if (value === null) return 4
  let n = 2
  if (Array.isArray(value)) {
    for (const item of value) {
      n += 1 + jsonLengthBound(item, limit)
      if (n > limit) return n
    }
    return n
  }
  const obj = value as Record<string, unknown>
  for (const k in obj) {
    n += 2 + 6 * k.length + 2 + jsonLengthBound(obj[k], limit)
    if (n > limit) return n
  }
  return n
}
