/**
 * The decode step of a cluster file: each document (and each item of a `kind: List`) is decoded into its Go type
 * before anything reads it — the API kinds against their generated schema, a kubeconfig as clientcmd's v1.Config,
 * a KubeSchedulerConfiguration as its v1 types — and a value of the wrong JSON type is refused with encoding/json's
 * words for it, and where it is in the file.
 * Mirrors: staging/src/k8s.io/apimachinery/pkg/runtime/serializer/json/meta.go (SimpleMetaFactory.Interpret: the
 * apiVersion and kind are read first, "couldn't get version/kind; json parse error: %v", into an anonymous struct),
 * staging/src/k8s.io/apimachinery/pkg/apis/meta/v1 (List.items: []runtime.RawExtension) and encoding/json.
 * Simplified: unknown fields are not refused here (a cluster file is read as the components read their stored
 * objects, not with fieldValidation=Strict); a kind podbirth does not know is left to the loader, which refuses it.
 */
import type { KObject } from '../api/types.ts'
import { decode, jsonType } from '../api/schema/decode.ts'
import type { Located, PathElem } from '../api/schema/decode.ts'
import { decodeObject } from '../api/schema/index.ts'
import { KUBECONFIG_TREE } from '../api/schema/configTrees.ts'
import { atPosition, positionOf } from '../api/schema/position.ts'
import { schedulerConfigDecodeError } from '../scheduler/configGuard.ts'

/** A decoding error of a cluster file's document: the kind that failed (`<no kind>` when unknown) and where. */
export interface ClusterDecodeError extends Located { kind: string }

const TYPE_META_GO = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; '
  + 'Kind string "json:\\"kind,omitempty\\"" }'
const INTERPRET = "couldn't get version/kind; json parse error: json: cannot unmarshal "

const isObject = (v: unknown): v is Record<string, unknown> => jsonType(v) === 'object' && v !== null

/** typeMetaError is Interpret's error: the value is not an object, or apiVersion/kind are not strings. */
function typeMetaError(v: unknown, path: PathElem[]): ClusterDecodeError | undefined {
  if (!isObject(v)) {
    return { kind: '<no kind>', path, message: `${INTERPRET}${jsonType(v)} into Go value of type ${TYPE_META_GO}` }
  }
  for (const [k, f] of Object.entries(v)) {
    if ((k === 'apiVersion' || k === 'kind') && f !== null && typeof f !== 'string') {
      const message = `${INTERPRET}${jsonType(f)} into Go struct field .${k} of type string`
      return { kind: '<no kind>', path: [...path, k], message }
    }
  }
  return undefined
}

const isList = (o: Record<string, unknown>) =>
  o.kind === 'List' || (typeof o.kind === 'string' && o.kind.endsWith('List') && Array.isArray(o.items))

/** clusterDocumentError: the first decoding error of one document of a cluster file, read before goNulls. */
export function clusterDocumentError(value: unknown, path: PathElem[] = []): ClusterDecodeError | undefined {
  const meta = typeMetaError(value, path)
  if (meta) return meta
  const o = value as Record<string, unknown>
  const kind = typeof o.kind === 'string' ? o.kind : '<no kind>'
  const at = (e: Located | undefined) => (e ? { kind, message: e.message, path: [...path, ...e.path] } : undefined)
  if (isList(o)) {
    if (o.items === null || o.items === undefined) return undefined
    if (!Array.isArray(o.items)) {
      const message = `json: cannot unmarshal ${jsonType(o.items)} into Go struct field List.items `
        + 'of type []runtime.RawExtension'
      return { kind, path: [...path, 'items'], message }
    }
    for (const [i, item] of o.items.entries()) {
      // A RawExtension takes any JSON; a null item decodes to nothing, and the loader then finds no kind in it.
      const err = item === null ? undefined : clusterDocumentError(item, [...path, 'items', i])
      if (err) return err
    }
    return undefined
  }
  if (kind === 'Config') return at(decode(KUBECONFIG_TREE, 'Config', o).error)
  if (kind === 'KubeSchedulerConfiguration') return at(schedulerConfigDecodeError(o))
  return at(decodeObject(o as KObject)?.error)
}

/**
 * clusterDecodeMessage words a cluster file's decoding error after the file name: "<Kind> at line L, column C:
 * <message>" (the line and column of the offending value in document `docIndex` of `text`).
 */
export function clusterDecodeMessage(err: ClusterDecodeError, text: string, docIndex: number): string {
  return `${err.kind}${atPosition(positionOf(text, docIndex, err.path))}: ${err.message}`
}

/**
 * kubeconfigLoadError: what kubectl says of a kubeconfig whose values have the wrong JSON type — clientcmd.Load
 * decodes it into v1.Config (not strictly: unknown fields are ignored) and the loading rules wrap the error.
 * Mirrors: staging/src/k8s.io/client-go/tools/clientcmd/loader.go (ClientConfigLoadingRules.Load: "error loading
 * config file \"%s\": %v").
 */
export function kubeconfigLoadError(filename: string, doc: Record<string, unknown>): string | undefined {
  const err = decode(KUBECONFIG_TREE, 'Config', doc).error
  return err && `error loading config file "${filename}": ${err.message}`
}

/** clusterTypeError: the decoding error of one object (a List already flattened), without a position. */
export function clusterTypeError(o: KObject): string | undefined {
  const err = clusterDocumentError(o)
  return err?.message
}
