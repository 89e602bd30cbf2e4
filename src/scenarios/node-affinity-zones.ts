import type { Scenario } from './types.ts'

export default {
  id: 'node-affinity-zones',
  title: 'Node affinity across zones',
  intro: 'The pod must run in zone-b or zone-c and would rather be in zone-c. The required rule filters out the '
    + 'zone-a nodes; the preferred one adds to the score of the zone-c nodes, so one of them wins.',
  watchFor: 'The scheduler\'s Filter step (NodeAffinity rejects the two zone-a nodes), then the Score step, where '
    + 'NodeAffinity\'s weighted score lifts the zone-c nodes above the zone-b ones.',
  stage: 4,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:   # a filter: nodes outside these zones are out
        nodeSelectorTerms:
        - matchExpressions:
          - {key: topology.kubernetes.io/zone, operator: In, values: [zone-b, zone-c]}
      preferredDuringSchedulingIgnoredDuringExecution:  # a score: zone-c nodes get extra points
      - weight: 80
        preference:
          matchExpressions:
          - {key: topology.kubernetes.io/zone, operator: In, values: [zone-c]}
  containers:
  - name: api
    image: nginx:1.27
    resources:
      requests: {cpu: 200m, memory: 128Mi}
`,
  cluster: `# Six workers, two per zone.
apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Node, metadata: {name: node-a1, labels: {topology.kubernetes.io/zone: zone-a}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-a2, labels: {topology.kubernetes.io/zone: zone-a}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-b1, labels: {topology.kubernetes.io/zone: zone-b}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-b2, labels: {topology.kubernetes.io/zone: zone-b}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-c1, labels: {topology.kubernetes.io/zone: zone-c}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-c2, labels: {topology.kubernetes.io/zone: zone-c}}}
`,
  moment: { type: 'scheduler:Filter', summary: 'NodeAffinity rejected 2' },
  expect: { kubectlExitCode: 0, reason: 'Successfully assigned default/api to node-c', phase: 'Running' },
} satisfies Scenario
