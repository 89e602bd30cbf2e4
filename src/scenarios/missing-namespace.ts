import type { Scenario } from './types.ts'

export default {
  id: 'missing-namespace',
  title: 'A namespace that does not exist',
  intro: 'The manifest puts the pod in namespace "staging", which nobody created. The NamespaceLifecycle admission '
    + 'plugin refuses the create with 404 Not Found, before validation and long before etcd.',
  watchFor: 'The mutating admission chapter on the API server lane: NamespaceLifecycle is the first plugin, and it '
    + 'says no.',
  stage: 3,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: nginx
  namespace: staging   # never created: kubectl create namespace staging would fix it
spec:
  containers:
  - name: nginx
    image: nginx:1.27
`,
  moment: { type: 'apiserver:Admit', outcome: 'error', summary: 'NamespaceLifecycle' },
  expect: { kubectlExitCode: 1, outcome: 'namespace-not-found', reason: 'namespaces "staging" not found' },
} satisfies Scenario
