import { describe, expect, it } from 'vitest'
import type { KObject } from '../api/types.ts'
import { loadCluster } from './index.ts'
import { impliedNamespaces, restoreObject } from './restore.ts'

/** A pod as `kubectl get pods -o yaml` prints it from a live cluster (trimmed to the fields under test). */
const LIVE_POD = `apiVersion: v1
kind: List
metadata:
  resourceVersion: ""
items:
- apiVersion: v1
  kind: Pod
  metadata:
    creationTimestamp: "2026-09-14T08:22:31Z"
    generateName: web-7d9f8c6b5d-
    generation: 1
    labels: {app: web, pod-template-hash: 7d9f8c6b5d}
    managedFields:
    - apiVersion: v1
      fieldsType: FieldsV1
      fieldsV1: {"f:status": {"f:podIP": {}}}
      manager: kubelet
      operation: Update
      subresource: status
      time: "2026-09-14T08:22:40Z"
    name: web-7d9f8c6b5d-x2kqz
    namespace: shop
    ownerReferences:
    - apiVersion: apps/v1
      blockOwnerDeletion: true
      controller: true
      kind: ReplicaSet
      name: web-7d9f8c6b5d
      uid: 0f5b2c1e-1111-4222-a333-444455556666
    resourceVersion: "48213"
    selfLink: /api/v1/namespaces/shop/pods/web-7d9f8c6b5d-x2kqz
    uid: 9a8b7c6d-0000-4111-a222-333344445555
  spec:
    containers:
    - {name: web, image: "nginx:1.27", resources: {requests: {cpu: 250m}}}
    nodeName: worker-1
  status:
    hostIP: 10.0.1.21
    phase: Running
    podIP: 10.244.1.7
    podIPs: [{ip: 10.244.1.7}]
- apiVersion: v1
  kind: Node
  metadata:
    name: worker-1
    resourceVersion: "48001"
    managedFields: [{manager: kubelet, operation: Update, apiVersion: v1}]
  spec: {podCIDR: 10.244.1.0/24}
  status:
    capacity: {cpu: "8", memory: 32Gi, pods: "110"}
`

const podOf = (objects: KObject[]) => objects.find((o) => o.kind === 'Pod') as KObject & {
  status?: { podIP?: string; podIPs?: { ip: string }[]; phase?: string }; spec?: { nodeName?: string }
}

describe('restoreObject', () => {
  it('drops resourceVersion, selfLink and managedFields and keeps every other field', () => {
    const o: KObject = {
      apiVersion: 'v1', kind: 'Pod',
      metadata: {
        name: 'p', uid: 'u', resourceVersion: '7', selfLink: '/x', managedFields: [{ manager: 'kubelet' }],
        creationTimestamp: '2026-01-01T00:00:00Z',
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'r', uid: 'ru' }],
      },
    }
    expect(restoreObject(o).metadata).toEqual({
      name: 'p', uid: 'u', creationTimestamp: '2026-01-01T00:00:00Z',
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'r', uid: 'ru' }],
    })
    expect(o.metadata?.resourceVersion).toBe('7')
  })

  it('returns an object without server fields unchanged', () => {
    const o: KObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' } }
    expect(restoreObject(o)).toBe(o)
  })
})

describe('impliedNamespaces', () => {
  it('adds each namespace the objects use that is neither listed nor built in, once, with its defaults', () => {
    const objs: KObject[] = [
      { kind: 'Pod', metadata: { name: 'a', namespace: 'shop' } },
      { kind: 'Pod', metadata: { name: 'b', namespace: 'shop' } },
      { kind: 'Pod', metadata: { name: 'c', namespace: 'kube-system' } },
      { kind: 'Pod', metadata: { name: 'd', namespace: 'ops' } },
      { kind: 'Namespace', metadata: { name: 'ops' } },
    ]
    const added = impliedNamespaces(objs, new Set(['default', 'kube-system']))
    expect(added.map((o) => `${o.kind}/${o.metadata?.namespace ?? ''}/${o.metadata?.name}`)).toEqual([
      'Namespace//shop', 'ServiceAccount/shop/default', 'ConfigMap/shop/kube-root-ca.crt',
    ])
  })
})

describe('loadCluster with what a live cluster printed', () => {
  const spec = loadCluster(LIVE_POD, 'cluster.yaml')
  if ('error' in spec) throw new Error(spec.error)

  it('keeps the pod\'s uid, owner reference, node, phase and IPs; drops managedFields and resourceVersion', () => {
    const p = podOf(spec.objects)
    expect(p.metadata?.uid).toBe('9a8b7c6d-0000-4111-a222-333344445555')
    expect(p.metadata?.creationTimestamp).toBe('2026-09-14T08:22:31Z')
    expect(p.metadata?.ownerReferences).toEqual([{ apiVersion: 'apps/v1', blockOwnerDeletion: true, controller: true,
      kind: 'ReplicaSet', name: 'web-7d9f8c6b5d', uid: '0f5b2c1e-1111-4222-a333-444455556666' }])
    expect(p.spec?.nodeName).toBe('worker-1')
    expect(p.status).toMatchObject({ phase: 'Running', podIP: '10.244.1.7', podIPs: [{ ip: '10.244.1.7' }] })
    expect(p.metadata && 'managedFields' in p.metadata).toBe(false)
    expect(p.metadata && 'resourceVersion' in p.metadata).toBe(false)
    expect(p.metadata && 'selfLink' in p.metadata).toBe(false)
    const node = spec.objects.find((o) => o.kind === 'Node')
    expect(node?.metadata && 'managedFields' in node.metadata).toBe(false)
  })

  it('adds the namespace the pods are in (kubectl get nodes,pods prints no Namespace)', () => {
    expect(spec.objects.filter((o) => o.kind === 'Namespace').map((o) => o.metadata?.name)).toContain('shop')
    expect(spec.objects.some((o) => o.kind === 'ServiceAccount' && o.metadata?.namespace === 'shop')).toBe(true)
  })

  it('loads a bare `kubectl get nodes -o yaml`', () => {
    const nodes = LIVE_POD.split('- apiVersion: v1\n  kind: Node')[1]
    const head = 'apiVersion: v1\nkind: List\nmetadata: {resourceVersion: ""}\nitems:\n- apiVersion: v1\n  kind: Node'
    const r = loadCluster(`${head}${nodes}`, 'nodes.yaml')
    if ('error' in r) throw new Error(r.error)
    expect(r.objects.filter((o) => o.kind === 'Node').map((o) => o.metadata?.name)).toEqual(['worker-1'])
  })
})
