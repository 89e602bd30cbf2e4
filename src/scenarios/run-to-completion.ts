import type { Scenario } from './types.ts'

export default {
  id: 'run-to-completion',
  title: 'A pod that finishes: Succeeded',
  intro: 'Not every pod is a server: this one runs a report for three seconds and exits 0. With restartPolicy Never '
    + 'the kubelet does not start it again, and the pod ends in phase Succeeded.',
  watchFor: 'After the container starts, the kubelet\'s PLEG notices it has exited (Completed, exit code 0), and '
    + 'the last status update moves the pod to Succeeded; no back-off follows.',
  stage: 5,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: report
spec:
  restartPolicy: Never   # a one-off task: run once, whatever the result
  containers:
  - name: report
    image: busybox:1.36
    command: ["sh", "-c", "echo building the report; sleep 3; echo done"]
`,
  untilMs: 30_000,
  moment: { type: 'kubelet:StatusUpdate', summary: 'Succeeded' },
  expect: { kubectlExitCode: 0, reason: 'Started container report', phase: 'Succeeded' },
} satisfies Scenario
