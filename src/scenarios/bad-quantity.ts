import type { Scenario } from './types.ts'

export default {
  id: 'bad-quantity',
  title: '"512MB" is not a quantity',
  intro: 'Memory is written 512MB, as a person might, but Kubernetes quantities use suffixes like Mi or M, and "MB" '
    + 'is neither. The API server cannot even decode the pod, so it answers 400 Bad Request with the quantity rule.',
  watchFor: 'The decode step on the API server lane fails: the request never reaches admission or validation.',
  stage: 3,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  containers:
  - name: api
    image: nginx:1.27
    resources:
      requests:
        cpu: 250m
        memory: 512MB   # should be 512Mi (mebibytes) or 512M (megabytes)
`,
  moment: { type: 'apiserver:Decode', outcome: 'error' },
  expect: { kubectlExitCode: 1, outcome: 'bad-request', reason: 'quantities must match the regular expression' },
} satisfies Scenario
