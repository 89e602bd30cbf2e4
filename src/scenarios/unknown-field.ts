import type { Scenario } from './types.ts'

export default {
  id: 'unknown-field',
  title: 'A typo in a field name: strict decoding',
  intro: 'The manifest says "imagePullPolicyy" instead of imagePullPolicy. kubectl asks for strict field '
    + 'validation, so the API server\'s decoder refuses the unknown field with 400 Bad Request instead of silently '
    + 'dropping it.',
  watchFor: 'The API server lane\'s decode step: it fails and names the field by its path, '
    + 'spec.containers[0].imagePullPolicyy.',
  stage: 3,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    imagePullPolicyy: IfNotPresent   # one "y" too many
`,
  moment: { type: 'apiserver:Decode', outcome: 'error' },
  expect: {
    kubectlExitCode: 1,
    outcome: 'bad-request',
    reason: 'strict decoding error: unknown field "spec.containers[0].imagePullPolicyy"',
  },
} satisfies Scenario
