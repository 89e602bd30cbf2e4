import { kubeadmNodesText } from '../protocol/clusters.ts'
import type { Scenario } from './types.ts'

export default {
  id: 'limitrange-defaults',
  title: 'LimitRange fills in what you left out',
  intro: 'The namespace has a LimitRange with default requests and limits, and the pod asks for nothing. The '
    + 'LimitRanger admission plugin writes the defaults into the pod before it is stored, and says so in an '
    + 'annotation.',
  watchFor: 'The mutating admission chapter: LimitRanger changes the pod. Compare the manifest with the pod as '
    + 'stored in etcd: resources and the kubernetes.io/limit-ranger annotation appeared.',
  stage: 3,
  manifest: `# No resources at all: the namespace's LimitRange decides them.
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: team-a
spec:
  containers:
  - name: web
    image: nginx:1.27
`,
  cluster: `# A cluster file is the whole cluster: the built-in cluster's three nodes are listed, then this story's objects.
` + kubeadmNodesText() + `---
apiVersion: v1
kind: Namespace
metadata:
  name: team-a
---
# Every container in team-a gets these unless it says otherwise.
apiVersion: v1
kind: LimitRange
metadata:
  name: container-defaults
  namespace: team-a
spec:
  limits:
  - type: Container
    defaultRequest: {cpu: 100m, memory: 128Mi}   # becomes resources.requests
    default: {cpu: 500m, memory: 256Mi}          # becomes resources.limits
    max: {cpu: "1", memory: 1Gi}
`,
  moment: { type: 'apiserver:Admit', summary: 'LimitRanger' },
  expect: {
    kubectlExitCode: 0,
    reason: 'LimitRanger plugin set: cpu, memory request for container web; cpu, memory limit for container web',
    phase: 'Running',
  },
} satisfies Scenario
