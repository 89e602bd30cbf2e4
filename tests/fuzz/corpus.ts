/**
 * The valid documents the fuzz suite mutates: every scenario's manifest and cluster file, the test fixtures, and one
 * small document of each kind podbirth accepts that neither holds (workloads, RBAC, ServiceAccount).
 */
import { readFileSync, readdirSync } from 'node:fs'
import { SCENARIOS } from '../../src/scenarios/index.ts'

/** How the CLI takes a document: `apply -f`, `apply --cluster` or `explain --config`. */
export type Role = 'manifest' | 'cluster' | 'config'

export interface Seed {
  name: string
  role: Role
  text: string
}

const meta = (name: string) => `metadata: {name: ${name}, labels: {app: web}}`
const podTemplate = `  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.27
        resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}`

/** One document of each kind the scenarios and fixtures do not cover, as a learner would write it. */
const KINDS: Record<string, string> = {
  Deployment: `apiVersion: apps/v1
kind: Deployment
${meta('web')}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
${podTemplate}`,
  ReplicaSet: `apiVersion: apps/v1
kind: ReplicaSet
${meta('web')}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
${podTemplate}`,
  StatefulSet: `apiVersion: apps/v1
kind: StatefulSet
${meta('db')}
spec:
  serviceName: db
  replicas: 1
  selector: {matchLabels: {app: web}}
${podTemplate}`,
  ReplicationController: `apiVersion: v1
kind: ReplicationController
${meta('rc')}
spec:
  replicas: 1
  selector: {app: web}
${podTemplate}`,
  ServiceAccount: `apiVersion: v1
kind: ServiceAccount
metadata: {name: builder, namespace: default}`,
  Role: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: pod-reader, namespace: default}
rules:
- apiGroups: [""]
  resources: [pods]
  verbs: [get, list, create]`,
  RoleBinding: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: read-pods, namespace: default}
subjects:
- {kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}
roleRef: {kind: Role, name: pod-reader, apiGroup: rbac.authorization.k8s.io}`,
  ClusterRole: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: node-viewer}
rules:
- {apiGroups: [""], resources: [nodes], verbs: [get, list]}`,
  ClusterRoleBinding: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: view-nodes}
subjects:
- {kind: Group, name: devs, apiGroup: rbac.authorization.k8s.io}
roleRef: {kind: ClusterRole, name: node-viewer, apiGroup: rbac.authorization.k8s.io}`,
  Service: `apiVersion: v1
kind: Service
${meta('web')}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080, protocol: TCP}]`,
  PriorityClass: `apiVersion: scheduling.k8s.io/v1
kind: PriorityClass
metadata: {name: high}
value: 1000000
globalDefault: false
preemptionPolicy: PreemptLowerPriority`,
  ResourceQuota: `apiVersion: v1
kind: ResourceQuota
metadata: {name: q, namespace: default}
spec:
  hard: {cpu: "2", memory: 1Gi, pods: "4"}`,
  LimitRange: `apiVersion: v1
kind: LimitRange
metadata: {name: lr, namespace: default}
spec:
  limits:
  - type: Container
    default: {cpu: 500m, memory: 256Mi}
    defaultRequest: {cpu: 100m, memory: 64Mi}
    max: {cpu: "2"}`,
  Namespace: `apiVersion: v1
kind: Namespace
metadata: {name: team-a, labels: {pod-security.kubernetes.io/enforce: baseline}}`,
  List: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: a}
  spec: {containers: [{name: c, image: nginx:1.27}]}
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: b}
  data: {k: v}`,
}

/** A cluster file with a node, a kubeconfig, a scheduler configuration and a SimulatorConfig together. */
const FULL_CLUSTER = `apiVersion: v1
kind: Node
metadata: {name: worker-a, labels: {topology.kubernetes.io/zone: a}}
spec: {podCIDR: 10.244.1.0/24}
status:
  capacity: {cpu: "2", memory: 4Gi, pods: "110"}
  allocatable: {cpu: "2", memory: 4Gi, pods: "110"}
  images: [{names: [docker.io/library/nginx:1.27], sizeBytes: 192385289}]
---
apiVersion: v1
kind: Config
clusters: [{name: kubernetes, cluster: {server: "https://192.168.49.2:6443"}}]
contexts: [{name: admin@kubernetes, context: {cluster: kubernetes, user: admin, namespace: default}}]
current-context: admin@kubernetes
users: [{name: admin, user: {client-certificate-data: Zm9v, client-key-data: YmFy}}]
---
apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- schedulerName: default-scheduler
  plugins: {score: {disabled: [{name: ImageLocality}]}}
  pluginConfig:
  - name: NodeResourcesFit
    args: {scoringStrategy: {type: LeastAllocated, resources: [{name: cpu, weight: 1}]}}
---
apiVersion: podbirth.dev/v1alpha1
kind: SimulatorConfig
pullBandwidth: 40Mi
registry:
- repository: docker.io/library/nginx
  tags: {"1.29": 197Mi}
`

const fixtures = new URL('../fixtures/', import.meta.url)
const read = (f: string) => readFileSync(new URL(f, fixtures), 'utf8')
const fixtureNames = readdirSync(fixtures).filter((f) => f.endsWith('.yaml'))
const isCluster = (text: string) => /^kind: (Node|Config|SimulatorConfig)$/m.test(text)
const isConfig = (text: string) => /^kind: KubeSchedulerConfiguration$/m.test(text) && !isCluster(text)

export const SEEDS: readonly Seed[] = [
  ...SCENARIOS.map((s): Seed => ({ name: `scenario ${s.id} manifest`, role: 'manifest', text: s.manifest })),
  ...SCENARIOS.filter((s) => s.cluster).map((s): Seed => ({ name: `scenario ${s.id} cluster`, role: 'cluster',
    text: s.cluster ?? '' })),
  ...fixtureNames.map((f): Seed => {
    const text = read(f)
    return { name: `fixture ${f}`, role: isConfig(text) ? 'config' : isCluster(text) ? 'cluster' : 'manifest', text }
  }),
  ...Object.entries(KINDS).map(([kind, text]): Seed => ({ name: `kind ${kind}`, role: 'manifest', text })),
  ...Object.entries(KINDS).filter(([k]) => k !== 'List')
    .map(([kind, text]): Seed => ({ name: `kind ${kind} in a cluster file`, role: 'cluster', text })),
  { name: 'full cluster file', role: 'cluster', text: FULL_CLUSTER },
]

export const seedsFor = (role: Role): Seed[] => SEEDS.filter((s) => s.role === role)
