import { loadCluster } from '../../src/engine/cluster/index.ts'
import type { ClusterSpec } from '../../src/engine/cluster/types.ts'
import { createSimulation, type Simulation } from '../../src/engine/index.ts'
import { ApiClient } from '../../src/engine/client/apiClient.ts'
import { EXAMPLE_POD } from '../../src/protocol/examples.ts'

/** cluster loads a cluster file text (or the built-in default) and fails the test on a load error. */
export function cluster(text?: string): ClusterSpec {
  const c = loadCluster(text, text === undefined ? 'default' : 'cluster.yaml')
  if ('error' in c) throw new Error(`cluster did not load: ${c.error}`)
  return c
}

/** applyAndRun applies manifests as `kubectl apply -f` and runs virtual time to quiescence (or untilMs). */
export function applyAndRun(opts: { manifests: string | string[]; clusterText?: string; seed?: number; user?: string; namespace?: string; untilMs?: number }): Simulation {
  const sim = createSimulation({ cluster: cluster(opts.clusterText), seed: opts.seed ?? 1 })
  const list = Array.isArray(opts.manifests) ? opts.manifests : [opts.manifests]
  sim.apply({ files: list.map((text, i) => ({ name: list.length === 1 ? 'pod.yaml' : `pod-${i}.yaml`, text })), user: opts.user, namespace: opts.namespace })
  sim.run(opts.untilMs ?? 10 * 60 * 1000)
  return sim
}

/** NGINX is the README's example pod. */
export const NGINX = EXAMPLE_POD

/** adminClient: a kubectl-like client with the admin's certificate, for tests that act on the cluster mid-story. */
export function adminClient(sim: Simulation): ApiClient {
  return new ApiClient(sim.ctx, sim.apiserver, {
    lane: 'kubectl', userAgent: 'kubectl/v1.35.0 (linux/amd64) kubernetes/test',
    credentials: { clientCertificate: { commonName: 'kubernetes-admin', organizations: ['kubeadm:cluster-admins'], issuer: 'kubernetes' } },
  })
}

/** pod: a minimal pod manifest (extra metadata lines, and the containers' YAML, may be given). */
export const pod = (name: string, extra = '', container = '  - name: app\n    image: nginx:1.27\n') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
${extra}spec:
  containers:
${container}`

/** SMALL_NODE: one 1-CPU node, the cluster of the kubelet admission and resource cases. */
export const SMALL_NODE = `apiVersion: v1
kind: Node
metadata: {name: small}
spec: {podCIDR: 10.244.7.0/24}
status:
  capacity: {cpu: "1", memory: 2Gi, pods: "110"}
  allocatable: {cpu: "1", memory: 2Gi, pods: "110"}
`

/** QUOTA_CLUSTER: SMALL_NODE with a ResourceQuota (1 pod, 1 CPU) already used by one running pod. */
export const QUOTA_CLUSTER = `apiVersion: v1
kind: ResourceQuota
metadata: {name: q, namespace: default}
spec: {hard: {pods: "1", requests.cpu: "1"}}
---
apiVersion: v1
kind: Pod
metadata: {name: existing, namespace: default}
spec:
  nodeName: small
  containers: [{name: a, image: nginx:1.27, resources: {requests: {cpu: 100m}}}]
status: {phase: Running}
---
${SMALL_NODE}`
