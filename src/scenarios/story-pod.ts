import { kubeadmNodesText } from '../protocol/clusters.ts'
import type { Scenario } from './types.ts'

export default {
  id: 'story-pod',
  title: 'The article\'s pod: node-web-app',
  intro: 'The pod from the article this app grows from: a small Node.js web app listening on port 8000, labelled '
    + 'env: story-telling. Its image is not on any node, so the kubelet pulls it before the app can start.',
  watchFor: 'The scheduler\'s choice between the two workers, then the image chapter on the chosen node: '
    + 'ImageStatus says it is missing, PullImage fetches it, and the container starts.',
  stage: 5,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: node-web-app
  labels:
    env: story-telling
spec:
  containers:
  - name: node-web-app
    image: sonasingh46/node-web-app:latest
    ports:
    - containerPort: 8000
`,
  cluster: `# The built-in cluster's three nodes, then the article's image added to the simulated registry.
` + kubeadmNodesText() + `---
apiVersion: podbirth.dev/v1alpha1
kind: SimulatorConfig
registry:
- repository: docker.io/sonasingh46/node-web-app
  tags: {latest: 90Mi}          # about 2 s to pull at the default 40 MiB/s
  ports: [8000]                 # what the app listens on
  binaries: [sh, node, npm, cat, echo, sleep, "true", "false"]
  defaultProcess: {run: forever} # a web server: it runs until stopped
`,
  moment: { type: 'cri:PullImage', lane: 'CRI', outcome: 'ok' },
  expect: {
    kubectlExitCode: 0,
    reason: 'Successfully pulled image "sonasingh46/node-web-app:latest"',
    phase: 'Running',
  },
} satisfies Scenario
