import type { Scenario } from './types.ts'

export default {
  id: 'kubelet-rejects',
  title: 'Skipping the scheduler: the kubelet says OutOfcpu',
  intro: 'The pod names its node itself with spec.nodeName, so the scheduler never sees it, and it asks for more '
    + 'CPU than the node has. The kubelet checks once more before running it, rejects it, and the pod is Failed '
    + 'for good.',
  watchFor: 'The scheduler lane stays empty; on the kubelet lane the admission step fails with OutOfcpu and the '
    + 'status update writes phase Failed.',
  stage: 5,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: pinned
spec:
  nodeName: worker-1   # bypasses kube-scheduler: the kubelet on worker-1 takes the pod as it is
  containers:
  - name: app
    image: nginx:1.27
    resources:
      requests:
        cpu: "6"       # worker-1 has 4 CPUs
`,
  moment: { type: 'kubelet:Admit', outcome: 'error' },
  expect: { kubectlExitCode: 0, outcome: 'kubelet-rejected', reason: 'OutOfcpu' },
} satisfies Scenario
