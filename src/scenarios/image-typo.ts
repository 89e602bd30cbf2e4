import type { Scenario } from './types.ts'

export default {
  id: 'image-typo',
  title: 'A typo in the image: ErrImagePull, then ImagePullBackOff',
  intro: 'The image is written "ngnix" instead of "nginx", and no such repository exists. The pull fails '
    + '(ErrImagePull), and the kubelet retries after a back-off that doubles each time (ImagePullBackOff) while the '
    + 'pod stays Pending.',
  watchFor: 'The CRI lane\'s PullImage fails with the registry\'s answer; then the kubelet lane\'s back-off bars grow '
    + '10 s, 20 s, 40 s between attempts, each a new "The image" chapter.',
  stage: 5,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: ngnix:1.27   # the letters g and n swapped
`,
  untilMs: 90_000, // long enough for three attempts and their back-offs
  moment: { type: 'cri:PullImage', lane: 'CRI', outcome: 'error' },
  expect: { kubectlExitCode: 0, outcome: 'image-pull-backoff', reason: 'Back-off pulling image "ngnix:1.27"' },
} satisfies Scenario
