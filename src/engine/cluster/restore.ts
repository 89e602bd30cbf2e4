/**
 * Reading objects a real cluster printed (`kubectl get nodes,pods -A -o yaml`) as a restore would store them: the
 * cluster is brought back as it was, so what the old apiserver set is kept — uid, creationTimestamp, generation,
 * ownerReferences (an owner absent from the file is fine: the garbage collector acts only when it sees an owner
 * deleted), the whole status (a pod's phase, podIP/podIPs, hostIP; a node's conditions, capacity, images) and
 * spec.nodeName — and the kubelets adopt the running pods with their IPs. Dropped, because they belong to the old
 * store and not to the object:
 * - metadata.resourceVersion: the etcd revision of the old store; the storage layer never writes it into the value
 *   (staging/src/k8s.io/apiserver/pkg/storage/api_object_versioner.go PrepareObjectForStorage clears it and
 *   selfLink before every write), and the new etcd stamps its own.
 * - metadata.selfLink: cleared by the same function, and no longer set by the apiserver (RemoveSelfLink, v1.24).
 * - metadata.managedFields. Simplified: podbirth's apiserver tracks no field managers (server-side apply), so the
 *   old managers' field sets would go stale at the first write; they are left out rather than kept wrong.
 * Mirrors: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go (ObjectMeta: which fields are system-set).
 */
import type { KObject } from '../api/types.ts'
import { namespaceDefaults, namespaceObject } from './defaults.ts'

/** The metadata fields of the old store that a restored object does not keep (see above). */
export const DROPPED_METADATA = ['resourceVersion', 'selfLink', 'managedFields'] as const

/** restoreObject returns the object without the old store's fields; an object without them is returned as is. */
export function restoreObject(o: KObject): KObject {
  const meta = o.metadata
  if (!meta || !DROPPED_METADATA.some((k) => k in meta)) return o
  const kept = { ...meta }
  for (const k of DROPPED_METADATA) delete kept[k]
  return { ...o, metadata: kept }
}

/**
 * impliedNamespaces: the namespaces the objects live in that neither the file nor `known` (the built-in ones)
 * lists, each with what its controllers add (the default ServiceAccount, kube-root-ca.crt). `kubectl get
 * nodes,pods -A` prints no Namespace objects, but the cluster had every namespace its pods are in.
 */
export function impliedNamespaces(objects: readonly KObject[], known: ReadonlySet<string>): KObject[] {
  const listed = new Set(known)
  for (const o of objects) if (o.kind === 'Namespace' && o.metadata?.name) listed.add(o.metadata.name)
  const out: KObject[] = []
  for (const o of objects) {
    const name = o.metadata?.namespace
    if (!name || listed.has(name)) continue
    listed.add(name)
    out.push(namespaceObject(name), ...namespaceDefaults(name))
  }
  return out
}
