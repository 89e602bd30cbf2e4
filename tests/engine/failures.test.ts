import { describe, expect, it } from 'vitest'
import { NGINX, QUOTA_CLUSTER, SMALL_NODE as NODES, applyAndRun, pod } from './helpers.ts'

describe('kubectl and the apiserver refuse bad requests with the upstream messages', () => {
  it('invalid name: 422 rendered as kubectl does', () => {
    const r = applyAndRun({ manifests: pod('My_Pod') }).kubectlResults[0]
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toBe(`The Pod "My_Pod" is invalid: metadata.name: Invalid value: "My_Pod": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n`)
  })

  it('missing image: spec.containers[0].image: Required value', () => {
    const r = applyAndRun({ manifests: pod('noimage', '', '  - name: app\n') }).kubectlResults[0]
    expect(r.stderr).toBe('The Pod "noimage" is invalid: spec.containers[0].image: Required value\n')
  })

  it('RBAC forbidden: alice may not even read pods, so apply fails at its GET', () => {
    const r = applyAndRun({ manifests: NGINX, user: 'alice' }).kubectlResults[0]
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toBe('Error from server (Forbidden): error when retrieving current configuration of:\nResource: "/v1, Resource=pods", GroupVersionKind: "/v1, Kind=Pod"\nName: "nginx", Namespace: "default"\nfrom server for: "pod.yaml": pods "nginx" is forbidden: User "alice" cannot get resource "pods" in API group "" in the namespace "default"\n')
  })

  it('RBAC forbidden on create: a user who may read but not create', () => {
    const cluster = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: alice-view, namespace: default}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: [{kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}]
---
${NODES}`
    const r = applyAndRun({ manifests: NGINX, user: 'alice', clusterText: cluster }).kubectlResults[0]
    expect(r.stderr).toBe('Error from server (Forbidden): error when creating "pod.yaml": pods is forbidden: User "alice" cannot create resource "pods" in API group "" in the namespace "default"\n')
  })

  it('unknown user: error: auth info "bob" does not exist', () => {
    const sim = applyAndRun({ manifests: NGINX, user: 'bob' })
    expect(sim.kubectlResults[0]).toEqual({ stdout: '', stderr: 'error: auth info "bob" does not exist\n', exitCode: 1 })
    expect(sim.trace.some((e) => e.lane === 'kube-apiserver')).toBe(false)
  })

  it('unauthenticated: a token the apiserver does not know gives 401', () => {
    const cluster = `apiVersion: v1
kind: Config
current-context: mallory
contexts: [{name: mallory, context: {cluster: kubernetes, user: mallory}}]
users: [{name: mallory, user: {token: not-a-real-token}}]
---
# The kubeconfig's users are the cluster's users unless the token file names them: mallory's token was rotated.
apiVersion: podbirth.dev/v1alpha1
kind: SimulatorConfig
apiserver: {staticTokens: [{token: rotated-token, user: mallory, uid: "1002", groups: []}]}
---
${NODES}`
    const r = applyAndRun({ manifests: NGINX, clusterText: cluster }).kubectlResults[0]
    expect(r.stderr).toBe('error: You must be logged in to the server (Unauthorized)\n')
  })

  it('missing namespace: namespaces "nope" not found', () => {
    const r = applyAndRun({ manifests: NGINX, namespace: 'nope' }).kubectlResults[0]
    expect(r.stderr).toBe('Error from server (NotFound): error when creating "pod.yaml": namespaces "nope" not found\n')
  })

  it('terminating namespace: unable to create new content', () => {
    const cluster = `apiVersion: v1
kind: Namespace
metadata: {name: old}
status: {phase: Terminating}
---
${NODES}`
    const r = applyAndRun({ manifests: NGINX, namespace: 'old', clusterText: cluster }).kubectlResults[0]
    expect(r.stderr).toBe('Error from server (Forbidden): error when creating "pod.yaml": pods "nginx" is forbidden: unable to create new content in namespace old because it is being terminated\n')
  })

  it('quota exceeded and failed quota', () => {
    const cluster = QUOTA_CLUSTER
    const r = applyAndRun({ manifests: NGINX, clusterText: cluster }).kubectlResults[0]
    expect(r.stderr).toBe('Error from server (Forbidden): error when creating "pod.yaml": pods "nginx" is forbidden: exceeded quota: q, requested: pods=1, used: pods=1, limited: pods=1\n')
    const r2 = applyAndRun({ manifests: pod('nocpu'), clusterText: cluster.replace('pods: "1", ', '') }).kubectlResults[0]
    expect(r2.stderr).toBe('Error from server (Forbidden): error when creating "pod.yaml": pods "nocpu" is forbidden: failed quota: q: must specify requests.cpu\n')
  })

  it('LimitRange defaults (with the annotation) and max', () => {
    const cluster = `apiVersion: v1
kind: LimitRange
metadata: {name: lr, namespace: default}
spec:
  limits:
  - type: Container
    default: {cpu: 500m}
    defaultRequest: {cpu: 200m}
    max: {cpu: "1"}
---
${NODES}`
    const sim = applyAndRun({ manifests: pod('lr-default'), clusterText: cluster })
    const p = sim.pods().find((x) => x.metadata?.name === 'lr-default')
    expect(p?.metadata?.annotations?.['kubernetes.io/limit-ranger']).toBe('LimitRanger plugin set: cpu request for container app; cpu limit for container app')
    expect(p?.spec?.containers[0].resources).toEqual({ requests: { cpu: '200m' }, limits: { cpu: '500m' } })
    const big = pod('big', '', '  - name: app\n    image: nginx:1.27\n    resources: {limits: {cpu: "2"}}\n')
    const r = applyAndRun({ manifests: big, clusterText: cluster }).kubectlResults[0]
    expect(r.stderr).toBe('Error from server (Forbidden): error when creating "pod.yaml": pods "big" is forbidden: maximum cpu usage per Container is 1, but limit is 2\n')
  })

  it('YAML syntax error: kubectl refuses before sending anything, with the line', () => {
    const sim = applyAndRun({ manifests: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x: y\n' })
    expect(sim.kubectlResults[0].stderr).toBe('error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context\n')
    expect(sim.kubectlResults[0].errorPosition).toEqual({ file: 'pod.yaml', line: 4, column: 9 })
    expect(sim.trace.some((e) => e.lane === 'kube-apiserver')).toBe(false)
  })

  it('missing apiVersion and kind; unknown kind', () => {
    expect(applyAndRun({ manifests: 'metadata: {name: x}\n' }).kubectlResults[0].stderr).toBe('error: error validating "pod.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n')
    expect(applyAndRun({ manifests: 'apiVersion: v1\nkind: Pood\nmetadata: {name: x}\n' }).kubectlResults[0].stderr).toBe('error: resource mapping not found for name: "x" namespace: "" from "pod.yaml": no matches for kind "Pood" in version "v1"\nensure CRDs are installed first\n')
  })
})

describe('the node side refuses and fails as the kubelet does', () => {
  it('kubelet OutOfcpu for a pod pinned with spec.nodeName', () => {
    const m = pod('greedy', '', '  - name: app\n    image: nginx:1.27\n    resources: {requests: {cpu: "2"}}\n').replace('spec:\n', 'spec:\n  nodeName: small\n')
    const sim = applyAndRun({ manifests: m, clusterText: NODES })
    const p = sim.pods().find((x) => x.metadata?.name === 'greedy')
    expect(p?.status?.phase).toBe('Failed')
    expect(p?.status?.reason).toBe('OutOfcpu')
    expect(p?.status?.message).toBe("Pod was rejected: Node didn't have enough resource: cpu, requested: 2000, used: 0, capacity: 1000")
    expect(sim.events().some((e) => e.reason === 'OutOfcpu' && e.type === 'Warning')).toBe(true)
    expect(sim.trace.some((e) => e.lane === 'kube-scheduler')).toBe(false)
  })

  it('image pull failure: ErrImagePull, then ImagePullBackOff with 10 s doubling back-off', () => {
    const sim = applyAndRun({ manifests: pod('typo', '', '  - name: app\n    image: nginx:1.99\n'), untilMs: 120_000 })
    const p = sim.pods().find((x) => x.metadata?.name === 'typo')
    expect(p?.status?.phase).toBe('Pending')
    expect(p?.status?.containerStatuses?.[0].state?.waiting?.reason).toMatch(/ErrImagePull|ImagePullBackOff/)
    const failed = sim.events().find((e) => e.reason === 'Failed' && e.message?.startsWith('Failed to pull image'))
    expect(failed?.message).toBe('Failed to pull image "nginx:1.99": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found')
    expect(sim.events().find((e) => e.reason === 'BackOff')?.message).toBe('Back-off pulling image "nginx:1.99"')
    const backoffs = sim.trace.flatMap((e) => (e.type === 'kubelet:Backoff' && e.details.kind === 'imagePull' ? [e.details.backoffSeconds] : []))
    expect(backoffs.slice(0, 3)).toEqual([10, 20, 40])
  })

  it('FailedScheduling when no node fits', () => {
    const m = pod('huge', '', '  - name: app\n    image: nginx:1.27\n    resources: {requests: {cpu: "64"}}\n')
    const sim = applyAndRun({ manifests: m })
    const ev = sim.events().find((e) => e.reason === 'FailedScheduling')
    expect(ev?.message).toBe('0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.')
    const p = sim.pods()[0]
    expect(p.status?.conditions?.find((c) => c.type === 'PodScheduled')).toMatchObject({ status: 'False', reason: 'Unschedulable' })
  })
})

describe('strict field validation', () => {
  it('an unknown field is rejected as the apiserver\'s strict decoder does', () => {
    const m = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: typo\nspec:\n  containers:\n  - name: app\n    imagee: nginx:1.27\n    image: nginx:1.27\n'
    const r = applyAndRun({ manifests: m }).kubectlResults[0]
    expect(r.stderr).toBe('Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"\n')
  })
  it('several unknown fields are listed in document order', () => {
    const m = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: typo\n  lables: {a: b}\nspec:\n  restartPolicyy: Never\n  containers:\n  - name: app\n    image: nginx:1.27\n'
    const r = applyAndRun({ manifests: m }).kubectlResults[0]
    expect(r.stderr).toContain('strict decoding error: unknown field "metadata.lables", unknown field "spec.restartPolicyy"')
  })
})

describe('PodSecurity', () => {
  const cluster = (mode: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: secure
  labels: {pod-security.kubernetes.io/${mode}: restricted}
---
apiVersion: v1
kind: Node
metadata: {name: n1}
status: {capacity: {cpu: "4", memory: 8Gi, pods: "110"}}
`
  it('enforce=restricted rejects a plain pod with the upstream message', () => {
    const r = applyAndRun({ manifests: NGINX, namespace: 'secure', clusterText: cluster('enforce') }).kubectlResults[0]
    expect(r.stderr).toBe('Error from server (Forbidden): error when creating "pod.yaml": pods "nginx" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "nginx" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")\n')
  })
  it('warn=restricted admits the pod and kubectl prints the warning', () => {
    const r = applyAndRun({ manifests: NGINX, namespace: 'secure', clusterText: cluster('warn') }).kubectlResults[0]
    expect(r.stdout).toBe('pod/nginx created\n')
    expect(r.stderr).toMatch(/^Warning: would violate PodSecurity "restricted:latest": allowPrivilegeEscalation != false/)
  })
  it('a pod that meets restricted is admitted', () => {
    const ok = `apiVersion: v1
kind: Pod
metadata: {name: locked}
spec:
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  containers:
  - name: app
    image: nginx:1.27
    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
`
    expect(applyAndRun({ manifests: ok, namespace: 'secure', clusterText: cluster('enforce') }).kubectlResults[0]).toEqual({ stdout: 'pod/locked created\n', stderr: '', exitCode: 0 })
  })
})

describe('container lifecycle', () => {
  it('a failing postStart hook: FailedPostStartHook, the container killed, CrashLoopBackOff', () => {
    const m = `apiVersion: v1
kind: Pod
metadata: {name: hook}
spec:
  containers:
  - name: app
    image: nginx:1.27
    lifecycle:
      postStart:
        httpGet: {port: 8080, path: /ready}
`
    const sim = applyAndRun({ manifests: m, untilMs: 60_000 })
    const evs = sim.events().filter((e) => e.involvedObject.name === 'hook')
    expect(evs.find((e) => e.reason === 'FailedPostStartHook')).toMatchObject({ type: 'Warning', message: 'PostStartHook failed' })
    expect(evs.find((e) => e.reason === 'Killing')?.message).toBe('FailedPostStartHook')
    const p = sim.pods().find((x) => x.metadata?.name === 'hook')
    const backOff = evs.find((e) => e.reason === 'BackOff')
    expect(backOff?.message).toBe(`Back-off restarting failed container app in pod hook_default(${p?.metadata?.uid})`)
    expect((p?.status?.containerStatuses?.[0].restartCount ?? 0)).toBeGreaterThanOrEqual(1)
    const hookStep = sim.trace.find((e) => e.type === 'kubelet:PostStartHook')
    expect(hookStep?.summary).toMatch(/dial tcp 10\.244\.\d+\.\d+:8080: connect: connection refused/)
  })

  it('a container that exits 1 with restartPolicy Always goes to CrashLoopBackOff (tests/engine/crashLoop.test.ts has the timing)', () => {
    const m = 'apiVersion: v1\nkind: Pod\nmetadata: {name: crash}\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, "echo starting; exit 1"]\n'
    const sim = applyAndRun({ manifests: m, untilMs: 120_000 })
    expect(sim.events().some((e) => e.reason === 'BackOff' && e.message?.startsWith('Back-off restarting failed container app'))).toBe(true)
    const p = sim.pods().find((x) => x.metadata?.name === 'crash')
    expect(p?.status?.phase).toBe('Running')
    expect(p?.status?.containerStatuses?.[0].lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' })
  })

  it('restartPolicy Never: a container that exits 0 leaves the pod Succeeded', () => {
    const m = 'apiVersion: v1\nkind: Pod\nmetadata: {name: job}\nspec:\n  restartPolicy: Never\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, "sleep 2; exit 0"]\n'
    const p = applyAndRun({ manifests: m, untilMs: 60_000 }).pods().find((x) => x.metadata?.name === 'job')
    expect(p?.status?.phase).toBe('Succeeded')
    expect(p?.status?.containerStatuses?.[0].state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' })
  })
})

describe('init containers', () => {
  const m = (initCmd: string, policy = 'Always') => `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  restartPolicy: ${policy}
  initContainers:
  - name: setup
    image: busybox:1.36
    command: [sh, -c, "${initCmd}"]
  - name: migrate
    image: busybox:1.36
    command: [sh, -c, "sleep 1"]
  containers:
  - name: nginx
    image: nginx:1.27
`
  it('run one at a time, each to completion, before the regular containers', () => {
    const sim = applyAndRun({ manifests: m('sleep 2'), untilMs: 60_000 })
    const p = sim.pods().find((x) => x.metadata?.name === 'web')
    expect(p?.status?.phase).toBe('Running')
    expect(p?.status?.initContainerStatuses?.map((s) => `${s.name}:${s.state?.terminated?.reason}`)).toEqual(['setup:Completed', 'migrate:Completed'])
    const starts = sim.events().filter((e) => e.reason === 'Started' && e.involvedObject.name === 'web').sort((a, b) => Number(a.metadata?.resourceVersion) - Number(b.metadata?.resourceVersion)).map((e) => e.message)
    expect(starts).toEqual(['Started container setup', 'Started container migrate', 'Started container nginx'])
    const initialized = sim.trace.filter((e) => e.type === 'kubelet:StatusUpdate').map((e) => (e.details?.status as { conditions?: { type: string; status: string; message?: string }[] }).conditions?.find((c) => c.type === 'Initialized'))
    expect(initialized[0]).toMatchObject({ status: 'False', message: 'containers with incomplete status: [setup migrate]' })
    expect(initialized[initialized.length - 1]).toMatchObject({ status: 'True' })
  })
  it('a failing init container with restartPolicy Never fails the pod; the app container never starts', () => {
    const sim = applyAndRun({ manifests: m('exit 3', 'Never'), untilMs: 60_000 })
    const p = sim.pods().find((x) => x.metadata?.name === 'web')
    expect(p?.status?.phase).toBe('Failed')
    expect(p?.status?.initContainerStatuses?.[0].state?.terminated?.exitCode).toBe(3)
    expect(sim.events().some((e) => e.message === 'Started container nginx')).toBe(false)
  })
})

describe('kubelet admission beyond resources', () => {
  const cluster = `apiVersion: v1
kind: Node
metadata: {name: small, labels: {disk: hdd}}
spec:
  podCIDR: 10.244.7.0/24
  taints: [{key: maintenance, effect: NoExecute}]
status: {capacity: {cpu: "4", memory: 8Gi, pods: "110"}}
`
  const pinned = (extra: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: pinned}\nspec:\n  nodeName: small\n${extra}  containers:\n  - name: app\n    image: nginx:1.27\n`
  it('nodeSelector mismatch: Predicate NodeAffinity failed', () => {
    const p = applyAndRun({ manifests: pinned('  nodeSelector: {disk: ssd}\n'), clusterText: cluster }).pods().find((x) => x.metadata?.name === 'pinned')
    expect(p?.status).toMatchObject({ phase: 'Failed', reason: 'NodeAffinity', message: "Pod was rejected: Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector" })
  })
  it('an untolerated NoExecute taint: Predicate TaintToleration failed', () => {
    const p = applyAndRun({ manifests: pinned(''), clusterText: cluster }).pods().find((x) => x.metadata?.name === 'pinned')
    expect(p?.status).toMatchObject({ phase: 'Failed', reason: 'TaintToleration' })
  })
})

describe('decoding errors', () => {
  it('a value of the wrong type fails decoding as encoding/json reports it', () => {
    const m = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: typed\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    ports:\n    - containerPort: "80"\n'
    const r = applyAndRun({ manifests: m }).kubectlResults[0]
    expect(r.stderr).toBe('Error from server (BadRequest): error when creating "pod.yaml": Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32\n')
  })
  it('an object where a list belongs', () => {
    const m = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: typed\nspec:\n  containers:\n    name: app\n    image: nginx:1.27\n'
    const r = applyAndRun({ manifests: m }).kubectlResults[0]
    expect(r.stderr).toContain('json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container')
  })
})
