/**
 * What every kubeadm-built cluster has, and podbirth's built-in default cluster.
 * RBAC rules: a subset of kubernetes/kubernetes plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go.
 * Simplified: only the bootstrap roles a pod's birth touches; aggregation of admin/edit/view is pre-expanded.
 */
import type { KObject } from '../api/types.ts'
import { btoa } from '../api/base64.ts'

const ns = (name: string): KObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } })
const sa = (namespace: string): KObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } })
const rootCA = (namespace: string): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt', namespace, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } }, data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\n(simulated cluster CA)\n-----END CERTIFICATE-----\n' } })

const rule = (apiGroups: string[], resources: string[], verbs: string[]) => ({ apiGroups, resources, verbs })
const READ = ['get', 'list', 'watch']
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update']
const clusterRole = (name: string, rules: unknown[], labels: Record<string, string> = {}): KObject => ({
  apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole',
  metadata: { name, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults', ...labels }, annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } },
  rules,
})
const clusterRoleBinding = (name: string, role: string, subjects: { kind: string; name: string; namespace?: string }[]): KObject => ({
  apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding',
  metadata: { name, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' }, annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
  subjects: subjects.map((s) => (s.kind === 'ServiceAccount' ? s : { apiGroup: 'rbac.authorization.k8s.io', ...s })),
})
const podResources = ['pods', 'pods/attach', 'pods/eviction', 'pods/exec', 'pods/portforward', 'pods/proxy', 'pods/log', 'pods/status']
const coreResources = ['configmaps', 'endpoints', 'persistentvolumeclaims', 'replicationcontrollers', 'secrets', 'serviceaccounts', 'services', 'events', 'limitranges', 'resourcequotas', 'namespaces']

/** namespaceObject: a Namespace as the apiserver stores it once created (Active, with its name label). */
export const namespaceObject = ns

/** namespaceDefaults: what the controllers add to every namespace (default ServiceAccount, kube-root-ca.crt). */
export function namespaceDefaults(namespace: string): KObject[] {
  return [sa(namespace), rootCA(namespace)]
}

/** bootstrapObjects returns what exists in every cluster before anything is applied. */
export function bootstrapObjects(): KObject[] {
  const namespaces = ['default', 'kube-node-lease', 'kube-public', 'kube-system']
  return [
    ...namespaces.map(ns),
    ...namespaces.map(sa),
    ...namespaces.map(rootCA),
    { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'system-cluster-critical' }, value: 2000000000, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.', preemptionPolicy: 'PreemptLowerPriority' },
    { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'system-node-critical' }, value: 2000001000, description: 'Used for system critical pods that must not be moved from their current node.', preemptionPolicy: 'PreemptLowerPriority' },
    clusterRole('cluster-admin', [rule(['*'], ['*'], ['*']), { nonResourceURLs: ['*'], verbs: ['*'] }]),
    clusterRole('admin', [rule([''], [...podResources, ...coreResources], [...READ, ...WRITE]), rule(['apps'], ['deployments', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'daemonsets'], [...READ, ...WRITE]), rule(['rbac.authorization.k8s.io'], ['roles', 'rolebindings'], [...READ, ...WRITE])], { 'kubernetes.io/bootstrapping': 'rbac-defaults' }),
    clusterRole('edit', [rule([''], [...podResources, ...coreResources.filter((r) => r !== 'namespaces')], [...READ, ...WRITE]), rule(['apps'], ['deployments', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'daemonsets'], [...READ, ...WRITE])], { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }),
    clusterRole('view', [rule([''], ['pods', 'pods/log', 'pods/status', 'configmaps', 'endpoints', 'persistentvolumeclaims', 'replicationcontrollers', 'serviceaccounts', 'services', 'events', 'limitranges', 'resourcequotas', 'namespaces', 'bindings'], READ), rule(['apps'], ['deployments', 'replicasets', 'statefulsets', 'daemonsets'], READ)], { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }),
    clusterRole('system:basic-user', [rule(['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'], ['create']), rule(['authentication.k8s.io'], ['selfsubjectreviews'], ['create'])]),
    clusterRole('system:discovery', [{ nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'], verbs: ['get'] }]),
    clusterRole('system:public-info-viewer', [{ nonResourceURLs: ['/healthz', '/livez', '/readyz', '/version', '/version/'], verbs: ['get'] }]),
    clusterRole('system:kube-scheduler', [
      rule(['', 'events.k8s.io'], ['events'], ['create', 'patch', 'update']),
      rule(['coordination.k8s.io'], ['leases'], ['create', 'get', 'update']),
      rule([''], ['nodes'], READ),
      rule([''], ['namespaces'], READ),
      rule([''], ['pods'], ['delete', 'get', 'list', 'watch']),
      rule([''], ['bindings', 'pods/binding'], ['create']),
      rule([''], ['pods/status'], ['patch', 'update']),
      rule([''], ['replicationcontrollers', 'services'], READ),
      rule(['apps', 'extensions'], ['replicasets'], READ),
      rule(['apps'], ['statefulsets'], READ),
      rule(['policy'], ['poddisruptionbudgets'], READ),
      rule([''], ['persistentvolumeclaims', 'persistentvolumes'], READ),
      rule(['authentication.k8s.io'], ['tokenreviews'], ['create']),
      rule(['authorization.k8s.io'], ['subjectaccessreviews'], ['create']),
      rule(['storage.k8s.io'], ['csinodes', 'storageclasses', 'csidrivers', 'csistoragecapacities'], READ),
    ]),
    clusterRole('system:node', [rule([''], ['pods'], ['get', 'list', 'watch', 'create', 'delete']), rule([''], ['pods/status'], ['patch', 'update']), rule([''], ['nodes', 'nodes/status'], ['get', 'list', 'watch', 'create', 'patch', 'update']), rule(['', 'events.k8s.io'], ['events'], ['create', 'patch', 'update'])]),
    clusterRoleBinding('cluster-admin', 'cluster-admin', [{ kind: 'Group', name: 'system:masters' }]),
    clusterRoleBinding('kubeadm:cluster-admins', 'cluster-admin', [{ kind: 'Group', name: 'kubeadm:cluster-admins' }]),
    clusterRoleBinding('system:basic-user', 'system:basic-user', [{ kind: 'Group', name: 'system:authenticated' }]),
    clusterRoleBinding('system:discovery', 'system:discovery', [{ kind: 'Group', name: 'system:authenticated' }]),
    clusterRoleBinding('system:public-info-viewer', 'system:public-info-viewer', [{ kind: 'Group', name: 'system:authenticated' }, { kind: 'Group', name: 'system:unauthenticated' }]),
    clusterRoleBinding('system:kube-scheduler', 'system:kube-scheduler', [{ kind: 'User', name: 'system:kube-scheduler' }]),
  ]
}


const image = (names: string[], sizeBytes: number) => ({ names, sizeBytes })

/** makeNode builds a node the way a kubeadm-joined kubelet registers it. */
export function makeNode(name: string, index: number, opts: { controlPlane?: boolean; cpu?: string; memory?: string } = {}): KObject {
  const labels: Record<string, string> = { 'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' }
  if (opts.controlPlane) { labels['node-role.kubernetes.io/control-plane'] = ''; labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '' }
  const cpu = opts.cpu ?? '4'
  const memory = opts.memory ?? '8Gi'
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, labels, annotations: { 'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock', 'node.alpha.kubernetes.io/ttl': '0' } },
    spec: { podCIDR: `10.244.${index}.0/24`, podCIDRs: [`10.244.${index}.0/24`], ...(opts.controlPlane ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}) },
    status: {
      capacity: { cpu, memory, pods: '110', 'ephemeral-storage': '61255492Ki', 'hugepages-2Mi': '0' },
      allocatable: { cpu, memory, pods: '110', 'ephemeral-storage': '56453061334', 'hugepages-2Mi': '0' },
      addresses: [{ type: 'InternalIP', address: `192.168.49.${index + 2}` }, { type: 'Hostname', address: name }],
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
      nodeInfo: { architecture: 'amd64', containerRuntimeVersion: 'containerd://2.1.4', kernelVersion: '6.8.0-1015', kubeProxyVersion: '', kubeletVersion: 'v1.35.0', operatingSystem: 'linux', osImage: 'Debian GNU/Linux 12 (bookworm)', bootID: '', machineID: '', systemUUID: '' },
      images: [
        image(['registry.k8s.io/pause:3.10.1'], 320368),
        ...(opts.controlPlane
          ? [image(['registry.k8s.io/etcd:3.6.5-0'], 58938593), image(['registry.k8s.io/kube-apiserver:v1.35.0'], 27600000)]
          : [image(['docker.io/library/nginx:1.27'], 192385289), image(['docker.io/library/busybox:1.36'], 4504102)]),
      ],
    },
  }
}

/** defaultNodes: one tainted control-plane node and two workers. */
export function defaultNodes(): KObject[] {
  return [makeNode('control-plane', 0, { controlPlane: true }), makeNode('worker-1', 1), makeNode('worker-2', 2)]
}

/** A base64 "PEM" the simulator reads: podbirth cannot verify signatures, so the subject is written in clear. */
export function simulatedCert(subject: string, issuer = 'kubernetes'): string {
  const text = `-----BEGIN CERTIFICATE-----\npodbirth-simulated subject=${subject} issuer=CN=${issuer}\n-----END CERTIFICATE-----\n`
  return btoa(text)
}

/** defaultKubeconfig: kubeadm's admin.conf, plus `alice`, a token user with no RBAC rights (for teaching 403). */
export function defaultKubeconfig(): KObject {
  return {
    apiVersion: 'v1', kind: 'Config', preferences: {},
    clusters: [{ name: 'kubernetes', cluster: { server: 'https://192.168.49.2:6443', 'certificate-authority-data': btoa('(simulated cluster CA)') } }],
    contexts: [
      { name: 'kubernetes-admin@kubernetes', context: { cluster: 'kubernetes', user: 'kubernetes-admin' } },
      { name: 'alice@kubernetes', context: { cluster: 'kubernetes', user: 'alice', namespace: 'default' } },
    ],
    'current-context': 'kubernetes-admin@kubernetes',
    users: [
      { name: 'kubernetes-admin', user: { 'client-certificate-data': simulatedCert('CN=kubernetes-admin,O=kubeadm:cluster-admins'), 'client-key-data': btoa('(simulated key)') } },
      { name: 'alice', user: { token: 'alice-token-7f3a9c' } },
    ],
  }
}

/** defaultStaticTokens: the apiserver's --token-auth-file for the default kubeconfig's token users. */
export function defaultStaticTokens(): { token: string; user: string; uid: string; groups: string[] }[] {
  return [{ token: 'alice-token-7f3a9c', user: 'alice', uid: '1001', groups: ['developers'] }]
}

