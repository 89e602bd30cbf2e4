import type { Scenario } from './types.ts'

export default {
  id: 'yaml-syntax-error',
  title: 'Not even YAML: kubectl stops at line 4',
  intro: 'A colon too many in the pod\'s name makes the file invalid YAML, and kubectl refuses it before it sends '
    + 'anything. Nothing reaches the cluster: the error, with its line, is all there is.',
  watchFor: 'Only the kubectl lane moves: it reads the file, fails to decode it, and prints the parser\'s error; the '
    + 'API server, etcd and every other lane stay empty.',
  stage: 1,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: web: frontend   # a second colon on one line: YAML reads "name" as a mapping it cannot nest here
spec:
  containers:
  - name: web
    image: nginx:1.27
`,
  moment: { type: 'kubectl:Decode', lane: 'kubectl', outcome: 'error' },
  expect: { kubectlExitCode: 1, outcome: 'kubectl-yaml', reason: 'mapping values are not allowed in this context' },
} satisfies Scenario
