import type { Scenario } from './types.ts'

export default {
  id: 'unauthorized-token',
  title: 'A token nobody issued: 401',
  intro: 'The kubeconfig\'s current user presents a bearer token that the API server does not know: mallory\'s token '
    + 'was rotated and the kubeconfig still holds the old one. Authentication '
    + 'fails before authorization is even asked, so the answer is 401 Unauthorized, not 403.',
  watchFor: 'The first step on the API server lane after the request arrives: authentication fails, and kubectl '
    + 'prints "You must be logged in to the server".',
  stage: 3,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.27
`,
  cluster: `# A kubeconfig whose only user holds an old token: the API server's token file lists mallory with a new one.
# No Node: the request never gets as far as the scheduler.
apiVersion: v1
kind: Config
clusters:
- name: kubernetes
  cluster: {server: "https://192.168.49.2:6443"}
contexts:
- name: mallory@kubernetes
  context: {cluster: kubernetes, user: mallory}
current-context: mallory@kubernetes
users:
- name: mallory
  user: {token: not-a-real-token}
---
apiVersion: podbirth.dev/v1alpha1
kind: SimulatorConfig
apiserver:
  staticTokens:    # the API server's --token-auth-file: token, user name, uid, groups
  - {token: 5c0d9e-rotated-3e9b, user: mallory, uid: "1002", groups: []}
`,
  moment: { type: 'apiserver:Authenticate', outcome: 'error' },
  expect: { kubectlExitCode: 1, outcome: 'unauthorized', reason: 'You must be logged in to the server (Unauthorized)' },
} satisfies Scenario
