import type { Scenario } from './types.ts'

export default {
  id: 'rbac-forbidden',
  title: 'RBAC says no: a 403',
  intro: 'alice has a valid token, so the API server knows who she is, but no Role or ClusterRole grants her '
    + 'anything on pods. kubectl apply first asks for the pod, and that very GET is refused with 403 Forbidden.',
  watchFor: 'On the API server lane, authentication succeeds (user "alice") and the next step, authorization, '
    + 'fails; nothing is written to etcd.',
  stage: 3,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.27
`,
  user: 'alice', // the built-in kubeconfig's token user with no RBAC rights
  moment: { type: 'apiserver:Authorize', outcome: 'error' },
  expect: {
    kubectlExitCode: 1,
    outcome: 'forbidden',
    reason: 'User "alice" cannot get resource "pods" in API group "" in the namespace "default"',
  },
} satisfies Scenario
