import type { Scenario } from './types.ts'

export default {
  id: 'deployment-rollout',
  title: 'A Deployment: the controllers make the pods',
  intro: 'Most people apply a Deployment, not a pod, and the API server stores it and nothing more. '
    + 'kube-controller-manager then creates a ReplicaSet named after a hash of the pod template, whose controller '
    + 'creates the three pods (its name plus five random characters), and from there each is born as any pod is.',
  watchFor: 'The kube-controller-manager lane: the deployment controller creating the ReplicaSet, then the '
    + 'replicaset controller creating the pods in batches of 1 and 2 (slow start), each a POST through the whole '
    + 'API server chain.',
  stage: 3,
  manifest: `# A Deployment: a pod template and how many copies to keep running.
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web          # must match the template's labels, or the API server refuses it
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        resources:
          requests:
            cpu: 100m
            memory: 128Mi
`,
  moment: { type: 'kcm:ReplicaSetSync', lane: 'kube-controller-manager', summary: 'creates 3' },
  expect: { kubectlExitCode: 0, reason: 'ScalingReplicaSet', phase: 'Running' },
} satisfies Scenario
