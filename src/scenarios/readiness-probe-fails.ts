import type { Scenario } from './types.ts'

export default {
  id: 'readiness-probe-fails',
  title: 'Running, not Ready: a readiness probe that fails',
  intro: 'nginx serves on port 80, but the readiness probe asks http://<pod IP>:8080/ready, where nothing listens. '
    + 'The container runs and is never restarted, yet the kubelet keeps it not ready: the pod is Running with READY '
    + '0/1, and a Service would send it no traffic.',
  watchFor: 'On the kubelet lane the first probe runs as soon as the container starts and fails with "connection '
    + 'refused"; an Unhealthy event follows every 10 s, and the Ready condition stays False (ContainersNotReady).',
  stage: 5,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports:
    - containerPort: 80
    readinessProbe:
      httpGet:
        path: /ready
        port: 8080   # wrong port: nginx listens on 80
`,
  untilMs: 60_000,
  moment: { type: 'prober:Probe', outcome: 'warning', summary: 'Readiness probe of nginx' },
  expect: { kubectlExitCode: 0, outcome: 'not-ready', reason: 'Readiness probe failed', phase: 'Running' },
} satisfies Scenario
