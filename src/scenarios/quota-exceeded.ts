import { kubeadmNodesText } from '../protocol/clusters.ts'
import type { Scenario } from './types.ts'

export default {
  id: 'quota-exceeded',
  title: 'Over quota: the namespace is full',
  intro: 'Namespace team-a may request at most 1 CPU in total, and a running pod already requests 800m. The new '
    + 'pod asks for 500m more, so the ResourceQuota admission plugin refuses it with 403 Forbidden and the sums.',
  watchFor: 'The validating admission chapter on the API server lane: ResourceQuota compares requested, used and '
    + 'limited, and says no; nothing is written to etcd.',
  stage: 3,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: worker
  namespace: team-a
spec:
  containers:
  - name: worker
    image: busybox:1.36
    command: ["sleep", "3600"]
    resources:
      requests:
        cpu: 500m
        memory: 64Mi
`,
  cluster: `# A cluster file is the whole cluster: the built-in cluster's three nodes are listed, then this story's objects.
` + kubeadmNodesText() + `---
apiVersion: v1
kind: Namespace
metadata:
  name: team-a
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: team-a
spec:
  hard:
    requests.cpu: "1"
    requests.memory: 2Gi
---
# Already running in team-a: it uses 800m of the 1 CPU.
apiVersion: v1
kind: Pod
metadata:
  name: batch
  namespace: team-a
spec:
  nodeName: worker-1
  containers:
  - name: batch
    image: busybox:1.36
    command: ["sleep", "3600"]
    resources:
      requests: {cpu: 800m, memory: 256Mi}
status:
  phase: Running
`,
  moment: { type: 'apiserver:Admit', outcome: 'error', summary: 'ResourceQuota' },
  expect: {
    kubectlExitCode: 1,
    outcome: 'quota',
    reason: 'exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=800m, limited: requests.cpu=1',
  },
} satisfies Scenario
