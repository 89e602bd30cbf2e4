import type { Scenario } from './types.ts'

export default {
  id: 'preemption',
  title: 'Preemption: a higher priority makes room',
  intro: 'The only node is nearly full with a low-priority batch pod, and a pod of PriorityClass "critical" does '
    + 'not fit. The scheduler finds that evicting the batch pod would make room, nominates the node, deletes the '
    + 'victim gracefully and binds the important pod once it is gone.',
  watchFor: 'The scheduler lane: Filter finds no room, PostFilter\'s preemption picks the batch pod as its victim and '
    + 'nominates node-1, then FailedScheduling is recorded. On the kubelet lane the batch pod is stopped (its sleep '
    + 'ignores SIGTERM, so it takes the 5 s grace period), and only then is the new pod bound.',
  stage: 4,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: payments
spec:
  priorityClassName: critical   # resolved to spec.priority 100000 by the Priority admission plugin
  containers:
  - name: payments
    image: nginx:1.27
    resources:
      requests: {cpu: "1", memory: 512Mi}
`,
  cluster: `apiVersion: v1
kind: Node
metadata:
  name: node-1
status:
  capacity: {cpu: "2", memory: 4Gi, pods: "110"}
---
apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata:
  name: critical
value: 100000
description: Customer-facing services; may preempt batch work.
---
# Low priority (0, no class) and 1.5 of the node's 2 CPUs: only 500m are left.
apiVersion: v1
kind: Pod
metadata:
  name: batch
  namespace: default
spec:
  nodeName: node-1
  terminationGracePeriodSeconds: 5
  containers:
  - name: batch
    image: busybox:1.36
    command: ["sleep", "3600"]
    resources:
      requests: {cpu: 1500m, memory: 1Gi}
status:
  phase: Running
`,
  moment: { type: 'scheduler:Preempt' },
  expect: { kubectlExitCode: 0, outcome: 'unschedulable', reason: 'Preempted', phase: 'Running' },
} satisfies Scenario
