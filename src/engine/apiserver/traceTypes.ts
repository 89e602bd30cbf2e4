import type { FieldError } from '../api/errors.ts'
import type { KObject, Status } from '../api/types.ts'
import type { UserInfo } from './admission/types.ts'
import type { AuthorizationMode, Decision } from './authz.ts'
import type { RequestInfo } from './requestInfo.ts'

/** Trace event types of the simulated kube-apiserver (handler chain, admission, registry). */
export const APISERVER_TRACE_TYPES = [
  'apiserver:RequestInfo',
  'apiserver:Authenticate',
  'apiserver:Authorize',
  'apiserver:Decode',
  'apiserver:Default',
  'apiserver:Admit',
  'apiserver:Validate',
  'apiserver:Respond',
] as const

export type ApiserverTraceType = (typeof APISERVER_TRACE_TYPES)[number]

export interface RequestInfoDetails {
  requestInfo: RequestInfo
}

export interface AuthenticateDetails {
  /** The authenticator that accepted the request (x509, token-file, service-account, anonymous) or refused it. */
  authenticator: string
  user?: UserInfo
  /** What each authenticator said, in order (authn.ts). */
  steps: string[]
  /** Set when presented credentials were rejected: the answer is 401. */
  error?: string
}

export interface AuthorizeDetails {
  decision: Decision
  /** What each authorizer said, in order (authz.ts). */
  steps: string[]
  /** The deciding authorizer's reason ('' when every authorizer had no opinion). */
  reason: string
  /** The 403 text, when refused. */
  message?: string
  modes: AuthorizationMode[]
  user: string
  verb: string
  resource: string
  subresource: string
  namespace: string
}

export interface DecodeDetails {
  kind: string
  apiVersion?: string
  /** The fieldValidation query parameter (Warn when absent). */
  fieldValidation: string
  errors: string[]
  /** A value of the wrong JSON type: the body cannot be decoded at all, whatever fieldValidation says. */
  typeError: boolean
}

export interface DefaultDetails {
  kind: string
  before: KObject
  after: KObject
}

export interface AdmitDetails {
  plugin: string
  phase: 'mutating' | 'validating'
  /** Did the plugin change or check anything (false: it passed without looking)? */
  acted: boolean
  /** The plugin's own account of what it did (admission/*.ts). */
  note: string
  error?: Status
  warnings?: string[]
  annotations?: Record<string, string>
  /** The etcd keys the plugin itself writes (ResourceQuota's usage). */
  writes?: string[]
  /** A kubernetes.io page about the plugin. */
  docs: string
  /**
   * The object as the plugin got it (and left it, when it changed it). Absent from the page's copy of the step: the
   * worker leaves whole objects off the wire (worker/wire.ts) and the page asks for the whole step it shows.
   */
  before?: KObject
  after?: KObject
}

export interface ValidateDetails {
  kind: string
  errors: FieldError[]
  uid?: string
  name?: string
  /** The name came from metadata.generateName. */
  generated: boolean
}

export interface RespondDetails {
  code: 201
  kind: string
  name?: string
  resourceVersion?: string
  uid?: string
}

/** The shape of each step type's details. */
export interface ApiserverTraceDetails {
  'apiserver:RequestInfo': RequestInfoDetails
  'apiserver:Authenticate': AuthenticateDetails
  'apiserver:Authorize': AuthorizeDetails
  'apiserver:Decode': DecodeDetails
  'apiserver:Default': DefaultDetails
  'apiserver:Admit': AdmitDetails
  'apiserver:Validate': ValidateDetails
  'apiserver:Respond': RespondDetails
}
