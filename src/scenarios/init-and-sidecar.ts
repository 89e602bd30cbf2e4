import type { Scenario } from './types.ts'

export default {
  id: 'init-and-sidecar',
  title: 'Init containers and a native sidecar',
  intro: 'Before the app starts, an init container waits for its database and a second one runs the migrations, '
    + 'each to completion, one at a time. A third init container has restartPolicy: Always: it is a native sidecar '
    + 'that starts before the app and keeps running beside it.',
  watchFor: 'The containers chapter on the kubelet and CRI lanes: migrate starts only after wait-for-db has exited '
    + '0, the log-shipper sidecar starts next and is not waited for, then the app; watch the Initialized condition '
    + 'turn True.',
  stage: 5,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: shop
spec:
  initContainers:
  - name: wait-for-db     # runs to completion first
    image: busybox:1.36
    command: ["sh", "-c", "echo waiting for db; sleep 2"]
  - name: migrate         # then this one
    image: busybox:1.36
    command: ["sh", "-c", "echo migrating; sleep 1"]
  - name: log-shipper     # a native sidecar: started, not waited for, and kept running
    image: busybox:1.36
    command: ["sleep", "infinity"]
    restartPolicy: Always
  containers:
  - name: shop
    image: nginx:1.27
    ports:
    - containerPort: 80
`,
  untilMs: 30_000,
  moment: { type: 'cri:StartContainer', lane: 'CRI', summary: 'log-shipper' },
  expect: { kubectlExitCode: 0, reason: 'Started container log-shipper', phase: 'Running' },
} satisfies Scenario
