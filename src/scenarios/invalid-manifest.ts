import type { Scenario } from './types.ts'

export default {
  id: 'invalid-manifest',
  title: 'Validation says 422: an invalid name',
  intro: 'The pod is named "Web_Frontend": capitals and an underscore are not allowed in a Kubernetes name. The '
    + 'manifest decodes fine, but validation refuses it with 422 Unprocessable Entity and the exact rule it broke.',
  watchFor: 'The API server lane passes authentication, authorization, decoding and mutating admission, then the '
    + 'validation step fails; nothing is written to etcd.',
  stage: 3,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: Web_Frontend   # names are lowercase RFC 1123 subdomains: web-frontend would do
spec:
  containers:
  - name: web
    image: nginx:1.27
`,
  moment: { type: 'apiserver:Validate', outcome: 'error' },
  expect: {
    kubectlExitCode: 1,
    outcome: 'invalid',
    reason: 'metadata.name: Invalid value: "Web_Frontend": a lowercase RFC 1123 subdomain must consist of',
  },
} satisfies Scenario
