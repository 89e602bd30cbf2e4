/**
 * The admission plugin contract, mirroring k8s.io/apiserver/pkg/admission/interfaces.go:
 * a plugin `handles(operation)`; mutating plugins implement `admit`, validating ones `validate`;
 * the chain runs every admit in order, then every validate in order, and stops at the first error.
 */
import type { KObject, Status } from '../../api/types.ts'

/** UserInfo is the authenticated user (k8s.io/apiserver/pkg/authentication/user). */
export interface UserInfo {
  username: string
  uid?: string
  groups: string[]
  extra?: Record<string, string[]>
}

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT'

/** AdmissionAttributes is admission.Attributes: what is being done to which object by whom. */
export interface AdmissionAttributes {
  operation: Operation
  /** Plural resource, e.g. pods; subresource e.g. status, binding ('' for the main resource). */
  resource: string
  subresource: string
  group: string
  version: string
  kind: string
  namespace: string
  /** The object's name ('' while generateName has not produced one yet). */
  name: string
  object?: KObject
  oldObject?: KObject
  userInfo: UserInfo
  dryRun: boolean
}

/**
 * AdmissionStore is the read access plugins have, plus the clock. Upstream's plugins read informer caches; here they
 * read the store directly (create.ts), which a cache in sync with it would answer the same.
 */
export interface AdmissionStore {
  get(key: string): KObject | undefined
  /** list returns the objects under an etcd prefix, in key order. */
  list(prefix: string): KObject[]
  /** now returns the simulated wall clock as RFC 3339 (seconds). */
  now(): string
  /** randomSuffix returns n characters from the name generator's alphabet (seeded). */
  randomSuffix(n: number): string
}

/**
 * AdmissionResult is what one plugin did. `object` is the (possibly mutated) object to pass on;
 * `error` stops the chain (a Forbidden/NotFound/Invalid Status, exactly as upstream words it);
 * `writes` are objects the plugin itself persists (ResourceQuota updates quota status);
 * `note` says in plain words what the plugin did or why it let the request through.
 */
export interface AdmissionResult {
  object?: KObject
  error?: Status
  warnings?: string[]
  annotations?: Record<string, string>
  writes?: { key: string; value: KObject }[]
  /** Did the plugin change or check anything for this request (false: passed without looking)? */
  acted: boolean
  note: string
}

export interface AdmissionPlugin {
  /** The upstream plugin name, e.g. NamespaceLifecycle. */
  name: string
  /** handles reports whether the plugin takes part in this request at all. */
  handles(a: AdmissionAttributes): boolean
  admit?(a: AdmissionAttributes, store: AdmissionStore): AdmissionResult
  validate?(a: AdmissionAttributes, store: AdmissionStore): AdmissionResult
  /** docs is a kubernetes.io link explaining the plugin. */
  docs: string
}
