/**
 * Who kube-controller-manager's controllers are. kubeadm runs it with --use-service-account-credentials=true, so
 * each controller talks to the API server with the token of its own service account in kube-system, bound to its
 * bootstrap ClusterRole system:controller:<name>.
 * Mirrors: plugin/pkg/auth/authorizer/rbac/bootstrappolicy/controller_policy.go (the rules, trimmed to the
 * resources podbirth serves), cmd/kube-controller-manager/app/controllermanager.go (ClientBuilder).
 * Simplified: the token is an unsigned JWT whose subject the API server reads (authn.ts does not check signatures).
 */
import { btoa } from '../api/base64.ts'
import type { KObject } from '../api/types.ts'

export const CONTROLLER_NAMES = ['deployment-controller', 'replicaset-controller', 'generic-garbage-collector'] as const
export type ControllerName = (typeof CONTROLLER_NAMES)[number]

const base64url = (s: string) => btoa(s).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')

/** serviceAccountToken is the bearer token the controller's client presents. */
export function serviceAccountToken(name: ControllerName): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', kid: 'podbirth' }))
  const payload = base64url(JSON.stringify({
    iss: 'https://kubernetes.default.svc.cluster.local', sub: `system:serviceaccount:kube-system:${name}`,
    'kubernetes.io': { namespace: 'kube-system', serviceaccount: { name } },
  }))
  return `${header}.${payload}.c2ltdWxhdGVk`
}

const rule = (apiGroups: string[], resources: string[], verbs: string[]) => ({ apiGroups, resources, verbs })
const EVENTS = rule(['', 'events.k8s.io'], ['events'], ['create', 'patch', 'update'])

const RULES: Record<ControllerName, ReturnType<typeof rule>[]> = {
  'deployment-controller': [
    rule(['apps', 'extensions'], ['deployments'], ['get', 'list', 'update', 'watch']),
    rule(['apps', 'extensions'], ['deployments/status'], ['update']),
    rule(['apps', 'extensions'], ['deployments/finalizers'], ['update']),
    rule(['apps', 'extensions'], ['replicasets'], ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']),
    // The deployment controller reads pods (for Recreate) and, as podbirth's shared informer does, watches them.
    rule([''], ['pods'], ['get', 'list', 'update', 'watch']),
    EVENTS,
  ],
  'replicaset-controller': [
    rule(['apps', 'extensions'], ['replicasets'], ['get', 'list', 'update', 'watch']),
    rule(['apps', 'extensions'], ['replicasets/status'], ['update']),
    rule(['apps', 'extensions'], ['replicasets/finalizers'], ['update']),
    rule([''], ['pods'], ['create', 'delete', 'list', 'patch', 'watch']),
    EVENTS,
  ],
  'generic-garbage-collector': [rule(['*'], ['*'], ['delete', 'get', 'list', 'patch', 'update', 'watch'])],
}

/**
 * The shared informers run as kube-controller-manager itself (its client certificate, CN
 * system:kube-controller-manager), bound to the bootstrap ClusterRole of that name (trimmed to what it reads).
 */
export const KCM_USER = 'system:kube-controller-manager'

const meta = (name: string) => ({
  name, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
  annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
})

/** controllerBootstrap: each controller's ServiceAccount, ClusterRole and ClusterRoleBinding, and the kcm's own. */
export function controllerBootstrap(): KObject[] {
  const own: KObject[] = [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta(KCM_USER),
      rules: [EVENTS, rule(['*'], ['*'], ['list', 'watch']), rule([''], ['serviceaccounts'], ['get', 'create']),
        rule([''], ['serviceaccounts/token'], ['create']), rule([''], ['secrets'], ['get', 'create', 'delete'])],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: meta(KCM_USER),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: KCM_USER },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: KCM_USER }],
    },
  ]
  return [...own, ...CONTROLLER_NAMES.flatMap((name): KObject[] => [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: 'kube-system' } },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: meta(`system:controller:${name}`), rules: RULES[name] },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: meta(`system:controller:${name}`),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `system:controller:${name}` },
      subjects: [{ kind: 'ServiceAccount', name, namespace: 'kube-system' }],
    },
  ])]
}
