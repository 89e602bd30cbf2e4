import type { Scenario } from './types.ts'

export default {
  id: 'unknown-user',
  title: 'Who is bob? An unknown kubeconfig user',
  intro: 'kubectl is asked to act as bob, but the kubeconfig has no user of that name, so it has no credentials to '
    + 'present and stops on its own. The cluster never hears of the request: a client-side error, not a 401.',
  watchFor: 'The kubectl lane: the kubeconfig step fails and kubectl prints its error; no request leaves for the API '
    + 'server.',
  stage: 2,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.27
`,
  user: 'bob', // the built-in kubeconfig has kubernetes-admin and alice only
  moment: { type: 'kubectl:Kubeconfig', lane: 'kubectl', outcome: 'error' },
  expect: { kubectlExitCode: 1, outcome: 'unknown-user', reason: 'auth info "bob" does not exist' },
} satisfies Scenario
