import type { Scenario } from './types.ts'

export default {
  id: 'liveness-restarts',
  title: 'A liveness probe that kills: restarts, then CrashLoopBackOff',
  intro: 'The liveness probe asks http://<pod IP>:8080/healthz every 5 s, but nginx serves port 80, so after three '
    + 'failures in a row the kubelet kills the container and starts it again. The new container fails the same probe, '
    + 'and from the second kill on the restarts wait out a back-off that doubles each time: CrashLoopBackOff.',
  watchFor: 'On the kubelet lane three failed Liveness probes end in "→ restart", a Killing event ("failed liveness '
    + 'probe, will be restarted") and an immediate restart; after the next kill, BackOff and a growing wait.',
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
    livenessProbe:
      httpGet:
        path: /healthz
        port: 8080   # wrong port: nginx listens on 80 (and serves no /healthz)
      periodSeconds: 5
`,
  untilMs: 120_000,
  moment: { type: 'prober:Probe', outcome: 'error', summary: 'Liveness probe of nginx' },
  expect: {
    kubectlExitCode: 0, outcome: 'crash-loop-backoff', reason: 'Container nginx failed liveness probe, will be restarted',
  },
} satisfies Scenario
