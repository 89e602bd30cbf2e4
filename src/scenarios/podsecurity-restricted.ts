import { kubeadmNodesText } from '../protocol/clusters.ts'
import type { Scenario } from './types.ts'

export default {
  id: 'podsecurity-restricted',
  title: 'PodSecurity "restricted" says no',
  intro: 'Namespace secure enforces the restricted Pod Security Standard, and a plain nginx pod meets none of its '
    + 'rules. The PodSecurity admission plugin refuses it with 403 and lists every setting the pod would need.',
  watchFor: 'The validating admission chapter: PodSecurity fails after the mutating plugins have run; its message '
    + 'names allowPrivilegeEscalation, capabilities, runAsNonRoot and seccompProfile.',
  stage: 3,
  manifest: `# Fine in most namespaces; not in one labelled pod-security.kubernetes.io/enforce: restricted.
apiVersion: v1
kind: Pod
metadata:
  name: nginx
  namespace: secure
spec:
  containers:
  - name: nginx
    image: nginx:1.27
`,
  cluster: `# A cluster file is the whole cluster: the built-in cluster's three nodes are listed, then this story's objects.
` + kubeadmNodesText() + `---
apiVersion: v1
kind: Namespace
metadata:
  name: secure
  labels:
    pod-security.kubernetes.io/enforce: restricted
    pod-security.kubernetes.io/enforce-version: latest
`,
  moment: { type: 'apiserver:Admit', outcome: 'error', summary: 'PodSecurity' },
  expect: { kubectlExitCode: 1, outcome: 'pod-security', reason: 'violates PodSecurity "restricted:latest"' },
} satisfies Scenario
