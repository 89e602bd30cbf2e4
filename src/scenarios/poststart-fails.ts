import type { Scenario } from './types.ts'

export default {
  id: 'poststart-fails',
  title: 'A postStart hook that fails',
  intro: 'The container starts, and its postStart hook calls http://localhost:8080/warmup, but nginx listens on '
    + 'port 80. The hook fails, the kubelet kills the container it just started, and the restart policy sends it '
    + 'round again.',
  watchFor: 'The kubelet lane right after StartContainer: the PostStartHook step fails with "connection refused", '
    + 'a FailedPostStartHook event follows, then the container is killed and restarted with back-off.',
  stage: 5,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
    lifecycle:
      postStart:
        httpGet:
          path: /warmup
          port: 8080   # wrong port: nothing listens on 8080 in this container
`,
  untilMs: 60_000,
  moment: { type: 'kubelet:PostStartHook', outcome: 'error' },
  expect: { kubectlExitCode: 0, outcome: 'hook-failed', reason: 'FailedPostStartHook' },
} satisfies Scenario
