/**
 * The details of the Authenticate and Authorize steps, shared between the requests they are the same for.
 *
 * Why: every request has both steps and the trace keeps every step (20,000 details objects for 1,000 pods), yet
 * the authenticator and the decision cache hand each client the same result object again and again (authn.ts
 * Authenticator, authz.ts DecisionCache). The details are data only and nobody writes to them, so one object serves
 * every step whose details would be equal: the JSON, the inspector and the narration read the same values.
 */
import type { AuthnResult } from './authn.ts'
import type { AuthorizationMode, AuthzResult } from './authz.ts'
import type { RequestInfo } from './requestInfo.ts'
import type { AuthenticateDetails, AuthorizeDetails } from './traceTypes.ts'

const authenticated = new WeakMap<AuthnResult, AuthenticateDetails>()

/** authnDetails: the Authenticate step's details of a result (the optional error last, as a spread placed it). */
export function authnDetails(r: AuthnResult): AuthenticateDetails {
  let d = authenticated.get(r)
  if (d) return d
  d = { authenticator: r.authenticator, user: r.user, steps: r.steps }
  if (r.error) d.error = r.error
  authenticated.set(r, d)
  return d
}

const allowed = new WeakMap<AuthzResult, AuthorizeDetails>()

/**
 * allowedDetails: an allowed request's Authorize details, the object made for the same decision before when every
 * value is the same (a decision is cached per user and attributes, so it nearly always is), else a new one.
 */
export function allowedDetails(
  r: AuthzResult, modes: AuthorizationMode[], user: string, info: RequestInfo,
): AuthorizeDetails {
  const d = allowed.get(r)
  if (
    d && d.modes === modes && d.user === user && d.verb === info.verb && d.resource === info.resource &&
    d.subresource === info.subresource && d.namespace === info.namespace
  ) return d
  const made = authzDetails(r, undefined, modes, user, info)
  allowed.set(r, made)
  return made
}

/** authzDetails: the Authorize step's details, the denial's message (when there is one) after the reason. */
export function authzDetails(
  r: AuthzResult, message: string | undefined, modes: AuthorizationMode[], user: string, info: RequestInfo,
): AuthorizeDetails {
  const { decision, steps, reason } = r
  const { verb, resource, subresource, namespace } = info
  // Two literals rather than a spread of the message, in the same key order.
  return message === undefined
    ? { decision, steps, reason, modes, user, verb, resource, subresource, namespace }
    : { decision, steps, reason, message, modes, user, verb, resource, subresource, namespace }
}
