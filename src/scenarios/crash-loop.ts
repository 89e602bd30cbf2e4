import type { Scenario } from './types.ts'

export default {
  id: 'crash-loop',
  title: 'CrashLoopBackOff: a process that keeps exiting',
  intro: 'The container\'s command looks for a config file that is not there and exits with code 1. With '
    + 'restartPolicy Always the kubelet starts it again, at once the first time and then only after a back-off that '
    + 'doubles with each crash (10s, 20s, 40s, 1m20s … at most 5m0s): that growing wait is CrashLoopBackOff.',
  watchFor: 'On the kubelet lane the first exit is followed by an immediate restart; from the second on, the kubelet '
    + 'records BackOff and looks again every 10–15 s until the back-off has passed, so the wait bars grow and the '
    + 'restart count in the pod\'s status climbs.',
  stage: 5,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: worker
spec:
  restartPolicy: Always   # the default; OnFailure would loop the same way, Never would not
  containers:
  - name: worker
    image: busybox:1.36
    command: ["sh", "-c", "echo reading /etc/worker/config.yaml; exit 1"]
`,
  untilMs: 120_000,
  moment: { type: 'kubelet:Backoff', summary: 'CrashLoopBackOff' },
  expect: { kubectlExitCode: 0, outcome: 'crash-loop-backoff', reason: 'Back-off restarting failed container worker' },
} satisfies Scenario
