import { kubeadmNodesText } from '../protocol/clusters.ts'
import type { Scenario } from './types.ts'

export default {
  id: 'full-story',
  title: 'The full story: pull, hook, Ready',
  intro: 'A pod whose image is on no node yet, with a postStart hook that writes the start page: the kubelet pulls '
    + 'the image, creates and starts the container, runs the hook, and only then reports the pod Ready. It is every '
    + 'step a pod can take on a healthy cluster, from kubectl to the pod IP.',
  watchFor: 'The CRI lane\'s long wait bar while about 197 MiB arrive at 40 MiB/s, then the postStart hook on the '
    + 'kubelet lane, and the last status update with Ready=True.',
  stage: 5,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx:1.29   # the workers only have nginx:1.27, so this tag is pulled from the registry
    ports:
    - containerPort: 80
    resources:
      requests:
        cpu: 250m
        memory: 256Mi
    lifecycle:
      # Runs right after the container starts; the kubelet waits for it before the container counts as running.
      postStart:
        exec:
          command: ["/bin/sh", "-c", "echo born in podbirth > /usr/share/nginx/html/index.html"]
`,
  cluster: `# The built-in cluster's three nodes, then the pull speed made explicit.
` + kubeadmNodesText() + `---
apiVersion: podbirth.dev/v1alpha1
kind: SimulatorConfig
pullBandwidth: 40Mi   # bytes per second: nginx:1.29 (197 MiB) takes about 5 s
`,
  moment: { type: 'kubelet:PostStartHook', outcome: 'ok' },
  expect: { kubectlExitCode: 0, reason: 'Successfully pulled image "nginx:1.29"', phase: 'Running' },
} satisfies Scenario
