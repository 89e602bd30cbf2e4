/**
 * Decoding with strict field validation, as the apiserver's JSON serializer does for every create and patch with
 * `fieldValidation=Strict`: every field must exist in the kind's v1 schema, and a value of the wrong JSON type
 * fails decoding whatever fieldValidation says. The field tree (fields.json, one tree for every kind podbirth
 * accepts, shared types once) is generated from the maintained `kubernetes-models` package by
 * src/cli/tools/generateSchemas.ts; decode.ts walks it.
 * Mirrors: staging/src/k8s.io/apimachinery/pkg/runtime/serializer/json/json.go (unmarshal: a decoding error
 * wins, strict errors follow as runtime.NewStrictDecodingError, "strict decoding error: " and the errors joined
 * by ", ") and staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go (transformDecodeError:
 * "%s in version %q cannot be handled as a %s: %v" with gvk.Kind, gvk.Version — the version without the group —
 * and the kind decoded into).
 */
import type { KObject } from '../types.ts'
import { QUANTITY_FORMAT_WRONG, QUANTITY_NUMERIC, QUANTITY_SUFFIX } from '../quantity.ts'
import { decode } from './decode.ts'
import type { Decoded, GoTree } from './decode.ts'
import tree from './fields.json' with { type: 'json' }

export type { Decoded, GoTree, Located, PathElem } from './decode.ts'

export const API_TREE: GoTree = tree

/** The group/version each kind podbirth accepts is served in; the kind names its root struct in API_TREE. */
export const API_KINDS: Readonly<Record<string, string>> = {
  Pod: 'v1', Node: 'v1', Namespace: 'v1', ServiceAccount: 'v1', ResourceQuota: 'v1', LimitRange: 'v1',
  Service: 'v1', ConfigMap: 'v1', Secret: 'v1', ReplicationController: 'v1', Event: 'v1',
  Role: 'rbac.authorization.k8s.io/v1', RoleBinding: 'rbac.authorization.k8s.io/v1',
  ClusterRole: 'rbac.authorization.k8s.io/v1', ClusterRoleBinding: 'rbac.authorization.k8s.io/v1',
  PriorityClass: 'scheduling.k8s.io/v1',
  ReplicaSet: 'apps/v1', StatefulSet: 'apps/v1', Deployment: 'apps/v1',
}

/** decodeObject decodes an API object of a known kind and version; undefined for any other. */
export function decodeObject(obj: KObject): Decoded | undefined {
  const kind = obj.kind
  if (typeof kind !== 'string' || !Object.hasOwn(API_KINDS, kind) || API_KINDS[kind] !== obj.apiVersion) {
    return undefined
  }
  return decode(API_TREE, kind, obj)
}

/**
 * strictDecode returns the decoding errors of an object (empty for a kind podbirth does not decode and for a clean
 * object): a decoding error alone (it fails decoding whatever fieldValidation says), or the unknown fields.
 */
export function strictDecode(obj: KObject): string[] {
  const d = decodeObject(obj)
  if (!d) return []
  return d.error ? [d.error.message] : d.unknown.map((u) => u.message)
}

const QUANTITY_ERRORS = new Set([QUANTITY_FORMAT_WRONG, QUANTITY_NUMERIC, QUANTITY_SUFFIX])

/**
 * isTypeError tells a decoding failure (a value of the wrong JSON type, a quantity that does not parse: rejected
 * even without strict validation) from unknown fields.
 */
export function isTypeError(errors: string[]): boolean {
  return errors.length === 1 && (errors[0].startsWith('json: ') || QUANTITY_ERRORS.has(errors[0]))
}

/** versionOf is a GroupVersion's version ("apps/v1" → "v1"), as gvk.Version prints. */
const versionOf = (apiVersion: string | undefined) => (apiVersion ?? '').slice((apiVersion ?? '').lastIndexOf('/') + 1)

/** strictDecodeMessage is the 400 Bad Request text. */
export function strictDecodeMessage(obj: KObject, errors: string[]): string {
  const why = isTypeError(errors) ? errors[0] : `strict decoding error: ${errors.join(', ')}`
  return `${obj.kind} in version "${versionOf(obj.apiVersion)}" cannot be handled as a ${obj.kind}: ${why}`
}
