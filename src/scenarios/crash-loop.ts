import type { Scenario } from './types.ts'

export default {
  id: 'crash-loop',
  title: 'CrashLoopBackOff: a process that keeps exiting',
  intro: 'The container\'s command looks for a config file that is not there and exits with code 1. With '
    + 'restartPolicy Always the kubelet starts it again, but waits longer each time (10 s, 20 s, 40 s): that '
    + 'growing wait is CrashLoopBackOff.',
  watchFor: 'On the kubelet lane each exit is noticed by the PLEG and followed by a "Restart with back-off" chapter '
    + 'whose wait bar doubles; the restart count in the pod\'s status climbs.',
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
  untilMs: 90_000,
  moment: { type: 'kubelet:Backoff' },
  expect: { kubectlExitCode: 0, outcome: 'crash-loop-backoff', reason: 'Back-off restarting failed container worker' },
} satisfies Scenario
