import type { Scenario } from './types.ts'

export default {
  id: 'pod-anti-affinity',
  title: 'Required pod anti-affinity: one cache per node',
  intro: 'Two cache replicas already run, on worker-1 and worker-2, and the third must not share a node with '
    + 'another cache pod. The InterPodAffinity filter leaves only worker-3.',
  watchFor: 'The scheduler\'s Filter step: InterPodAffinity rejects the two nodes that run a pod labelled '
    + 'app=cache, and the pod is bound to the remaining one.',
  stage: 4,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: cache-3
  labels:
    app: cache
spec:
  affinity:
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - labelSelector:
          matchLabels: {app: cache}
        topologyKey: kubernetes.io/hostname   # "not on the same node as another cache pod"
  containers:
  - name: redis
    image: redis:7.4
    resources:
      requests: {cpu: 250m, memory: 256Mi}
`,
  cluster: `apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Node, metadata: {name: worker-1}, status: {capacity: {cpu: "4", memory: 8Gi, pods: "110"}}}
- {apiVersion: v1, kind: Node, metadata: {name: worker-2}, status: {capacity: {cpu: "4", memory: 8Gi, pods: "110"}}}
- {apiVersion: v1, kind: Node, metadata: {name: worker-3}, status: {capacity: {cpu: "4", memory: 8Gi, pods: "110"}}}
# The two replicas already running.
- apiVersion: v1
  kind: Pod
  metadata: {name: cache-1, namespace: default, labels: {app: cache}}
  spec: {nodeName: worker-1, containers: [{name: redis, image: redis:7.4}]}
  status: {phase: Running}
- apiVersion: v1
  kind: Pod
  metadata: {name: cache-2, namespace: default, labels: {app: cache}}
  spec: {nodeName: worker-2, containers: [{name: redis, image: redis:7.4}]}
  status: {phase: Running}
`,
  moment: { type: 'scheduler:Filter', summary: 'InterPodAffinity rejected 2' },
  expect: { kubectlExitCode: 0, reason: 'Successfully assigned default/cache-3 to worker-3', phase: 'Running' },
} satisfies Scenario
