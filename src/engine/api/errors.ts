/**
 * API error Status objects, shaped as apimachinery builds them.
 * Mirrors: kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go
 */
import type { Status } from './types.ts'

export type StatusReason =
  | 'Unauthorized' | 'Forbidden' | 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid'
  | 'BadRequest' | 'MethodNotAllowed' | 'InternalError' | 'Gone'

export interface StatusCause { reason?: string; message?: string; field?: string }

/** GroupResource as apimachinery prints it: "pods", "namespaces", "pods.metrics.k8s.io". */
export function groupResource(resource: string, group = ''): string {
  return group ? `${resource}.${group}` : resource
}

function status(code: number, reason: StatusReason, message: string, details?: Status['details']): Status {
  const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code }
  if (details) s.details = details
  return s
}

/** newNotFound: `%s %q not found` (404). */
export function newNotFound(resource: string, name: string, group = ''): Status {
  return status(404, 'NotFound', `${groupResource(resource, group)} "${name}" not found`, { name, group, kind: resource })
}

/** newAlreadyExists: `%s %q already exists` (409). */
export function newAlreadyExists(resource: string, name: string, group = ''): Status {
  return status(409, 'AlreadyExists', `${groupResource(resource, group)} "${name}" already exists`, { name, group, kind: resource })
}

/** newConflict: `Operation cannot be fulfilled on %s %q: %v` (409). */
export function newConflict(resource: string, name: string, err: string, group = ''): Status {
  return status(409, 'Conflict', `Operation cannot be fulfilled on ${groupResource(resource, group)} "${name}": ${err}`, { name, group, kind: resource })
}

/** newForbidden: `%s %q is forbidden: %v`, or `%s is forbidden: %v` without a name (403). */
export function newForbidden(resource: string, name: string, err: string, group = ''): Status {
  const gr = groupResource(resource, group)
  const message = resource === '' ? `forbidden: ${err}` : name === '' ? `${gr} is forbidden: ${err}` : `${gr} "${name}" is forbidden: ${err}`
  return status(403, 'Forbidden', message, { name, group, kind: resource })
}

/** newUnauthorized: the 401 the authentication filter returns when every authenticator failed. */
export function newUnauthorized(message = 'Unauthorized'): Status {
  return status(401, 'Unauthorized', message)
}

/** FieldError is one validation error (field.Error in apimachinery). */
export interface FieldError {
  type: 'FieldValueRequired' | 'FieldValueInvalid' | 'FieldValueNotSupported' | 'FieldValueForbidden' | 'FieldValueDuplicate' | 'FieldValueTooLong' | 'FieldValueTooMany'
  field: string
  /** The text after "<field>: ", e.g. `Required value` or `Invalid value: "My_Pod": a lowercase ...`. */
  message: string
}

/**
 * newInvalid: `%s %q is invalid: %v` (422) where %v is the aggregate of the field errors:
 * one error prints as itself, several as `[e1, e2]` (utilerrors.NewAggregate), duplicates once
 * (field.ErrorList.ToAggregate, staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go).
 */
export function newInvalid(kind: string, name: string, errs: FieldError[], group = ''): Status {
  // field.ErrorList.ToAggregate drops repeated messages (labels {a: "x y", b: "x y"} print once); causes keep all.
  const texts = [...new Set(errs.map((e) => `${e.field}: ${e.message}`))]
  const agg = texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`
  const qualifiedKind = group ? `${kind}.${group}` : kind
  return status(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${agg}`, {
    name, group, kind,
    causes: errs.map((e) => ({ reason: e.type, message: e.message, field: e.field })),
  })
}

/** newBadRequest: 400 with the message as given. */
export function newBadRequest(message: string): Status {
  return status(400, 'BadRequest', message)
}

/** newInternalError: `Internal error occurred: %v` (500). */
export function newInternalError(err: string): Status {
  return status(500, 'InternalError', `Internal error occurred: ${err}`)
}

/** isStatus tells a Status object from any other response body. */
export function isStatus(body: unknown): body is Status {
  return typeof body === 'object' && body !== null && (body as { kind?: string }).kind === 'Status'
}
