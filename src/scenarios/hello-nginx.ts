import type { Scenario } from './types.ts'

export default {
  id: 'hello-nginx',
  title: 'Hello, nginx: a pod is written to etcd',
  intro: 'The README\'s nginx pod, applied to the built-in cluster: it is accepted, stored, scheduled and started in '
    + 'about a second. Nothing goes wrong, so every stage shows its normal path, and the write to etcd is the moment '
    + 'the pod starts to exist.',
  watchFor: 'The etcd lane: the PUT to /registry/pods/default/nginx and the revision that becomes the pod\'s '
    + 'resourceVersion, then the watch notification that wakes the scheduler.',
  stage: 3,
  manifest: `# The smallest useful pod: one container, a port, and resource requests the scheduler can count.
apiVersion: v1
kind: Pod
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.27   # already on both workers, so there is no pull
    ports:
    - containerPort: 80
    resources:
      requests:
        cpu: 100m
        memory: 128Mi
`,
  moment: { type: 'etcd:Txn', lane: 'etcd', summary: 'PUT /registry/pods/default/nginx' },
  expect: { kubectlExitCode: 0, reason: 'Started', phase: 'Running' },
} satisfies Scenario
