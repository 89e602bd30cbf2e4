import type { Scenario } from './types.ts'

export default {
  id: 'too-big',
  title: 'Too big for any node',
  intro: 'The pod requests 6 CPUs, and no node in the cluster has more than 4. The scheduler filters every node '
    + 'out, tries preemption in vain, and the pod stays Pending with a FailedScheduling event.',
  watchFor: 'The scheduler lane: the Filter step rejects all three nodes (one for its taint, two for Insufficient '
    + 'cpu), then the pod is parked among the unschedulable pods.',
  stage: 4,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: render
spec:
  containers:
  - name: render
    image: busybox:1.36
    command: ["sleep", "3600"]
    resources:
      requests:
        cpu: "6"       # each worker has 4 allocatable CPUs
        memory: 2Gi
`,
  untilMs: 30_000, // the next attempt is 5 minutes away (the unschedulable timeout); one is enough
  moment: { type: 'scheduler:Unschedulable' },
  expect: { kubectlExitCode: 0, outcome: 'unschedulable', reason: '2 Insufficient cpu' },
} satisfies Scenario
