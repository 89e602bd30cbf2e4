import type { Scenario } from './types.ts'

export default {
  id: 'topology-spread',
  title: 'Topology spreading: even out the zones',
  intro: 'Three web pods already run: two in zone-a, one in zone-b, none in zone-c. The new one may not make any '
    + 'zone more than one pod ahead of the emptiest, so only zone-c can take it.',
  watchFor: 'The scheduler\'s Filter step: PodTopologySpread rejects the zone-a and zone-b nodes (placing the pod '
    + 'there would make a skew of 3 or 2), and the pod lands in zone-c.',
  stage: 4,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: web-4
  labels:
    app: web
spec:
  topologySpreadConstraints:
  - maxSkew: 1                              # at most one more pod in a zone than in the emptiest zone
    topologyKey: topology.kubernetes.io/zone
    whenUnsatisfiable: DoNotSchedule        # a filter, not just a preference
    labelSelector:
      matchLabels: {app: web}
  containers:
  - name: web
    image: nginx:1.27
`,
  cluster: `# Three zones, two workers each, and three web pods already running.
apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Node, metadata: {name: node-a1, labels: {topology.kubernetes.io/zone: zone-a}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-a2, labels: {topology.kubernetes.io/zone: zone-a}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-b1, labels: {topology.kubernetes.io/zone: zone-b}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-b2, labels: {topology.kubernetes.io/zone: zone-b}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-c1, labels: {topology.kubernetes.io/zone: zone-c}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-c2, labels: {topology.kubernetes.io/zone: zone-c}}}
- apiVersion: v1
  kind: Pod
  metadata: {name: web-1, namespace: default, labels: {app: web}}
  spec: {nodeName: node-a1, containers: [{name: web, image: nginx:1.27}]}
  status: {phase: Running}
- apiVersion: v1
  kind: Pod
  metadata: {name: web-2, namespace: default, labels: {app: web}}
  spec: {nodeName: node-a2, containers: [{name: web, image: nginx:1.27}]}
  status: {phase: Running}
- apiVersion: v1
  kind: Pod
  metadata: {name: web-3, namespace: default, labels: {app: web}}
  spec: {nodeName: node-b1, containers: [{name: web, image: nginx:1.27}]}
  status: {phase: Running}
`,
  moment: { type: 'scheduler:Filter', summary: 'PodTopologySpread rejected 4' },
  expect: { kubectlExitCode: 0, reason: 'Successfully assigned default/web-4 to node-c', phase: 'Running' },
} satisfies Scenario
