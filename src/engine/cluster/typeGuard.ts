/**
 * clusterTypeError: the decode step of a cluster file's object (after goNulls), refusing a value of the wrong JSON
 * type where the engine's readers expect an object, list or string, with encoding/json's words for it.
 * Mirrors: encoding/json (UnmarshalTypeError: "json: cannot unmarshal %s into Go struct field %s.%s of type %s").
 * Simplified: only the fields the engine reads before validating (metadata, a kubeconfig's lists, a
 * KubeSchedulerConfiguration's profiles); the API kinds' other fields are checked by the apiserver's decoder.
 */
import type { KObject } from '../api/types.ts'
import { check, jsonType } from '../api/goNulls.ts'
import { schedulerConfigTypeError } from '../scheduler/configGuard.ts'

export function clusterTypeError(o: KObject): string | undefined {
  const doc = o as Record<string, unknown>
  const top = check(doc, 'kind', 'string', 'TypeMeta', 'string')
    ?? check(doc, 'apiVersion', 'string', 'TypeMeta', 'string')
  if (top) return top
  if (doc.kind === 'Config') {
    for (const [f, named] of [['clusters', 'NamedCluster'], ['contexts', 'NamedContext'], ['users', 'NamedAuthInfo']]) {
      const bad = check(doc, f, 'array', 'Config', `[]v1.${named}`)
      if (bad) return bad
      for (const e of (doc[f] as unknown[] | undefined) ?? []) {
        if (e === null) continue
        const err = jsonType(e) === 'object'
          ? check(e as Record<string, unknown>, 'name', 'string', named, 'string', `${f}.name`)
          : `json: cannot unmarshal ${jsonType(e)} into Go struct field Config.${f} of type v1.${named}`
        if (err) return err
      }
    }
    return undefined
  }
  if (doc.kind === 'KubeSchedulerConfiguration') return schedulerConfigTypeError(doc)
  const meta = check(doc, 'metadata', 'object', 'Object', 'v1.ObjectMeta')
  if (meta) return meta
  const m = (doc.metadata ?? {}) as Record<string, unknown>
  return check(m, 'name', 'string', 'ObjectMeta', 'string', 'metadata.name')
    ?? check(m, 'namespace', 'string', 'ObjectMeta', 'string', 'metadata.namespace')
}
