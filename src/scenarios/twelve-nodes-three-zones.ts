import type { Scenario } from './types.ts'

/**
 * The scheduling debugger's example (issue #15): twelve nodes in three zones and a pod with node affinity, zone
 * spreading and pod anti-affinity, so each kind of rejection shows in the decision view's grid.
 */
export default {
  id: 'twelve-nodes-three-zones',
  title: 'Twelve nodes, three zones: the scheduling decision',
  intro: 'api-4 wants an ssd node, at most one api pod more in a zone than in the emptiest zone, and never a node '
    + 'that runs a cache pod. Two api pods run in zone-a and zone-b, a cache pod on node-c1: of twelve nodes, three '
    + 'are left.',
  watchFor: 'The scheduler\'s Filter step: NodeAffinity rejects the hdd nodes, PodTopologySpread the rest of zone-a and '
    + 'zone-b (a skew of 2), InterPodAffinity node-c1 (cache-1 runs there); open the Scheduling decision view.',
  stage: 4,
  manifest: `apiVersion: v1
kind: Pod
metadata:
  name: api-4
  labels:
    app: api
spec:
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - {key: disktype, operator: In, values: [ssd]}
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - topologyKey: kubernetes.io/hostname   # never on a node that runs a cache pod
        labelSelector:
          matchLabels: {app: cache}
  topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: topology.kubernetes.io/zone
    whenUnsatisfiable: DoNotSchedule
    labelSelector:
      matchLabels: {app: api}
  containers:
  - name: api
    image: nginx:1.27
`,
  cluster: `# Twelve nodes in three zones (four each); node-a1 and node-a2 have hdd disks. Two api pods run (zone-a,
# zone-b) and a cache pod runs on node-c1.
apiVersion: v1
kind: List
items:
- {apiVersion: v1, kind: Node, metadata: {name: node-a1, labels: {topology.kubernetes.io/zone: zone-a, disktype: hdd}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-a2, labels: {topology.kubernetes.io/zone: zone-a, disktype: hdd}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-a3, labels: {topology.kubernetes.io/zone: zone-a, disktype: ssd}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-a4, labels: {topology.kubernetes.io/zone: zone-a, disktype: ssd}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-b1, labels: {topology.kubernetes.io/zone: zone-b, disktype: ssd}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-b2, labels: {topology.kubernetes.io/zone: zone-b, disktype: ssd}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-b3, labels: {topology.kubernetes.io/zone: zone-b, disktype: ssd}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-b4, labels: {topology.kubernetes.io/zone: zone-b, disktype: ssd}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-c1, labels: {topology.kubernetes.io/zone: zone-c, disktype: ssd}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-c2, labels: {topology.kubernetes.io/zone: zone-c, disktype: ssd}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-c3, labels: {topology.kubernetes.io/zone: zone-c, disktype: ssd}}}
- {apiVersion: v1, kind: Node, metadata: {name: node-c4, labels: {topology.kubernetes.io/zone: zone-c, disktype: ssd}}}
- apiVersion: v1
  kind: Pod
  metadata: {name: api-1, namespace: default, labels: {app: api}}
  spec: {nodeName: node-a3, containers: [{name: api, image: nginx:1.27}]}
  status: {phase: Running}
- apiVersion: v1
  kind: Pod
  metadata: {name: api-2, namespace: default, labels: {app: api}}
  spec: {nodeName: node-b1, containers: [{name: api, image: nginx:1.27}]}
  status: {phase: Running}
- apiVersion: v1
  kind: Pod
  metadata: {name: cache-1, namespace: default, labels: {app: cache}}
  spec: {nodeName: node-c1, containers: [{name: cache, image: nginx:1.27}]}
  status: {phase: Running}
`,
  moment: { type: 'scheduler:Filter', summary: 'PodTopologySpread rejected' },
  expect: { kubectlExitCode: 0, reason: 'Successfully assigned default/api-4 to node-c', phase: 'Running' },
} satisfies Scenario
