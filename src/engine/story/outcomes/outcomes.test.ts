import { describe, expect, it } from 'vitest'
import { NGINX, QUOTA_CLUSTER, SMALL_NODE as NODES, applyAndRun, pod } from '../../../../tests/engine/helpers.ts'
import type { Simulation } from '../../index.ts'
import { findOutcomes, holdsAt, outcomesAt } from './index.ts'
import type { Outcome, OutcomeKind } from './index.ts'

// Every scenario is a real simulation, built as tests/engine/failures.test.ts builds it.
function outcomes(sim: Simulation): Outcome[] {
  return findOutcomes(sim.trace, sim.kubectlResults[0])
}

/** only: the one outcome of a kind (fails when there is none or several). */
function only(sim: Simulation, kind: OutcomeKind): Outcome & { stepType: string } {
  const all = outcomes(sim).filter((o) => o.kind === kind)
  expect(all.map((o) => o.kind)).toEqual([kind])
  const o = all[0]
  return { ...o, stepType: o.step >= 0 ? sim.trace[o.step].type : '' }
}
/** first: the first outcome of a kind. */
function first(sim: Simulation, kind: OutcomeKind): Outcome & { stepType: string } {
  const o = outcomes(sim).find((x) => x.kind === kind)
  expect(o, `no ${kind} in ${outcomes(sim).map((x) => x.kind).join(', ')}`).toBeDefined()
  return { ...o!, stepType: sim.trace[o!.step].type }
}

describe('kubectl refuses before sending anything', () => {
  it('YAML syntax error: the line and column, nothing sent', () => {
    const sim = applyAndRun({ manifests: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x: y\n' })
    const o = only(sim, 'kubectl-yaml')
    expect(o).toMatchObject({ title: 'kubectl: not valid YAML', message: 'error: error parsing pod.yaml: error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context', stepType: 'kubectl:Decode' })
    expect(o.fix).toContain('pod.yaml at line 4, column 9')
    expect(o.cause).toContain('sent nothing')
  })

  it('missing apiVersion and kind', () => {
    const o = only(applyAndRun({ manifests: 'metadata: {name: x}\n' }), 'kubectl-validation')
    expect(o).toMatchObject({ title: 'kubectl: not a Kubernetes object', message: 'error: error validating "pod.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false', stepType: 'kubectl:Validate' })
    expect(o.fix).toContain('apiVersion: v1 and kind: Pod')
  })

  it('unknown kind: the nearest kind the cluster serves', () => {
    const o = only(applyAndRun({ manifests: 'apiVersion: v1\nkind: Pood\nmetadata: {name: x}\n' }), 'unknown-kind')
    expect(o).toMatchObject({ title: 'kubectl: unknown kind', message: 'error: resource mapping not found for name: "x" namespace: "" from "pod.yaml": no matches for kind "Pood" in version "v1"\nensure CRDs are installed first', stepType: 'kubectl:Validate' })
    expect(o.fix).toContain('kind: Pod')
  })

  it('unknown user: the kubeconfig has no such user', () => {
    const o = only(applyAndRun({ manifests: NGINX, user: 'bob' }), 'unknown-user')
    expect(o).toMatchObject({ title: 'kubectl: unknown user', message: 'error: auth info "bob" does not exist', stepType: 'kubectl:Kubeconfig' })
    expect(o.fix).toContain('"bob"')
  })

  it('kubectl\'s answer alone (no trace yet): step -1, it holds throughout', () => {
    const [o] = findOutcomes([], { stdout: '', stderr: 'error: auth info "bob" does not exist\n', exitCode: 1 })
    expect(o).toMatchObject({ kind: 'unknown-user', step: -1, at: -1, message: 'error: auth info "bob" does not exist' })
    expect(holdsAt(o, -1)).toBe(true)
    expect(findOutcomes([], { stdout: '', stderr: 'error: something else\n', exitCode: 1 })[0]).toMatchObject({ kind: 'kubectl-error', step: -1 })
    expect(findOutcomes([], { stdout: 'pod/nginx created\n', stderr: '', exitCode: 0 })).toEqual([])
  })
})

describe('the API server refuses kubectl\'s request', () => {
  it('401: a token the API server does not know', () => {
    const cluster = `apiVersion: v1
kind: Config
current-context: mallory
contexts: [{name: mallory, context: {cluster: kubernetes, user: mallory}}]
users: [{name: mallory, user: {token: not-a-real-token}}]
---
# Kubeconfig users are the cluster's users unless the token file names them: mallory's token was rotated.
apiVersion: podbirth.dev/v1alpha1
kind: SimulatorConfig
apiserver: {staticTokens: [{token: rotated-token, user: mallory, uid: "1002", groups: []}]}
---
${NODES}`
    const o = only(applyAndRun({ manifests: NGINX, clusterText: cluster }), 'unauthorized')
    expect(o).toMatchObject({ title: 'Unauthorized (401)', message: 'Unauthorized', stepType: 'apiserver:Authenticate', pod: 'default/nginx' })
    expect(o.cause).toContain('bearer token')
    expect(o.fix).toContain('"mallory"')
  })

  it('403 on apply\'s first read: who, which verb and resource, and the Role and RoleBinding that would allow it', () => {
    const sim = applyAndRun({ manifests: NGINX, user: 'alice' })
    const o = only(sim, 'forbidden')
    expect(o).toMatchObject({ title: 'Forbidden (403)', message: 'pods "nginx" is forbidden: User "alice" cannot get resource "pods" in API group "" in the namespace "default"', stepType: 'apiserver:Authorize', pod: 'default/nginx' })
    expect(o.cause).toContain('alice')
    expect(o.cause).toContain('"get" on pods in namespace default')
    expect(o.fix).toContain('kubectl create role pods-applier --verb=get,create,patch --resource=pods -n default')
    expect(o.fix).toContain('kubectl create rolebinding alice-pods-applier --role=pods-applier --user=alice -n default')
    expect(o.fix).toContain('a RoleBinding "alice-pods-applier" that gives it to User alice')
    expect(o.fix).toContain('{apiGroups: [""], resources: ["pods"], verbs: ["get", "create", "patch"]}')
    // Not a 404 banner for apply's lookup, and it holds from its step to the end.
    expect(holdsAt(o, o.step - 1)).toBe(false)
    expect(holdsAt(o, sim.trace.length - 1)).toBe(true)
  })

  it('403 on create: a user who may read but not create', () => {
    const cluster = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: alice-view, namespace: default}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
subjects: [{kind: User, name: alice, apiGroup: rbac.authorization.k8s.io}]
---
${NODES}`
    const o = only(applyAndRun({ manifests: NGINX, user: 'alice', clusterText: cluster }), 'forbidden')
    expect(o).toMatchObject({ message: 'pods is forbidden: User "alice" cannot create resource "pods" in API group "" in the namespace "default"', stepType: 'apiserver:Authorize' })
    expect(o.cause).toContain('"create" on pods')
    expect(o.fix).toContain('--verb=get,create,patch')
  })

  it('missing namespace', () => {
    const o = only(applyAndRun({ manifests: NGINX, namespace: 'nope' }), 'namespace-not-found')
    expect(o).toMatchObject({ title: 'Namespace not found (404)', message: 'namespaces "nope" not found', stepType: 'apiserver:Admit' })
    expect(o.fix).toContain('kubectl create namespace nope')
  })

  it('terminating namespace', () => {
    const cluster = `apiVersion: v1
kind: Namespace
metadata: {name: old}
status: {phase: Terminating}
---
${NODES}`
    const o = only(applyAndRun({ manifests: NGINX, namespace: 'old', clusterText: cluster }), 'namespace-terminating')
    expect(o).toMatchObject({ title: 'Namespace terminating (403)', message: 'pods "nginx" is forbidden: unable to create new content in namespace old because it is being terminated', stepType: 'apiserver:Admit' })
    expect(o.cause).toContain('Namespace old is being deleted')
  })

  const QUOTA = QUOTA_CLUSTER
  it('exceeded quota: the quota, and how far to raise it', () => {
    const o = only(applyAndRun({ manifests: NGINX, clusterText: QUOTA }), 'quota')
    expect(o).toMatchObject({ title: 'Exceeded quota (403)', message: 'pods "nginx" is forbidden: exceeded quota: q, requested: pods=1, used: pods=1, limited: pods=1', stepType: 'apiserver:Admit' })
    expect(o.fix).toContain('Raise ResourceQuota q: spec.hard["pods"] from 1 to at least 2')
  })

  it('failed quota: the resource every pod must set', () => {
    const o = only(applyAndRun({ manifests: pod('nocpu'), clusterText: QUOTA.replace('pods: "1", ', '') }), 'quota')
    expect(o).toMatchObject({ title: 'Failed quota (403)', message: 'pods "nocpu" is forbidden: failed quota: q: must specify requests.cpu', stepType: 'apiserver:Admit' })
    expect(o.fix).toContain('resources.requests.cpu on every container of nocpu')
  })

  it('LimitRange max', () => {
    const cluster = `apiVersion: v1
kind: LimitRange
metadata: {name: lr, namespace: default}
spec:
  limits:
  - type: Container
    max: {cpu: "1"}
---
${NODES}`
    const big = pod('big', '', '  - name: app\n    image: nginx:1.27\n    resources: {limits: {cpu: "2"}}\n')
    const o = only(applyAndRun({ manifests: big, clusterText: cluster }), 'limit-range')
    expect(o).toMatchObject({ title: 'LimitRange (403)', message: 'pods "big" is forbidden: maximum cpu usage per Container is 1, but limit is 2', stepType: 'apiserver:Admit' })
    expect(o.fix).toContain('lower the cpu limit of the container from 2 to at most 1')
  })

  it('PodSecurity restricted: every setting the pod lacks', () => {
    const cluster = `apiVersion: v1
kind: Namespace
metadata:
  name: secure
  labels: {pod-security.kubernetes.io/enforce: restricted}
---
apiVersion: v1
kind: Node
metadata: {name: n1}
status: {capacity: {cpu: "4", memory: 8Gi, pods: "110"}}
`
    const o = only(applyAndRun({ manifests: NGINX, namespace: 'secure', clusterText: cluster }), 'pod-security')
    expect(o).toMatchObject({ title: 'PodSecurity (403)', stepType: 'apiserver:Admit' })
    expect(o.message).toBe('pods "nginx" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "nginx" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "nginx" must set securityContext.capabilities.drop=["ALL"]), runAsNonRoot != true (pod or container "nginx" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container "nginx" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")')
    expect(o.fix).toContain('securityContext.allowPrivilegeEscalation=false (container "nginx")')
    expect(o.fix).toContain('securityContext.runAsNonRoot=true (pod or container "nginx")')
    expect(o.fix).toContain('namespace secure')
  })

  it('another admission plugin: a PriorityClass that does not exist', () => {
    const o = only(applyAndRun({ manifests: pod('prio', '', '  - name: app\n    image: nginx:1.27\n').replace('spec:\n', 'spec:\n  priorityClassName: urgent\n') }), 'admission')
    expect(o).toMatchObject({ title: 'Priority (403)', message: 'pods "prio" is forbidden: no PriorityClass with name urgent was found', stepType: 'apiserver:Admit' })
    expect(o.fix).toContain('PriorityClass urgent')
  })

  it('422: the invalid field, and a name that would do', () => {
    const o = only(applyAndRun({ manifests: pod('My_Pod') }), 'invalid')
    expect(o).toMatchObject({ title: 'Invalid (422)', stepType: 'apiserver:Validate', pod: 'default/My_Pod' })
    expect(o.message).toBe(`Pod "My_Pod" is invalid: metadata.name: Invalid value: "My_Pod": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`)
    expect(o.fix).toContain('e.g. my-pod')
    const req = only(applyAndRun({ manifests: pod('noimage', '', '  - name: app\n') }), 'invalid')
    expect(req.message).toBe('Pod "noimage" is invalid: spec.containers[0].image: Required value')
    expect(req.fix).toBe('Set spec.containers[0].image: it is required.')
  })

  it('400: strict decoding names the unknown field', () => {
    const m = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: typo\nspec:\n  containers:\n  - name: app\n    imagee: nginx:1.27\n    image: nginx:1.27\n'
    const o = only(applyAndRun({ manifests: m }), 'bad-request')
    expect(o).toMatchObject({ title: 'BadRequest (400)', message: 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"', stepType: 'apiserver:Decode' })
    expect(o.fix).toContain('"spec.containers[0].imagee"')
  })
})

describe('the scheduler', () => {
  it('FailedScheduling: one per cycle, each until the next; the reasons in plain words', () => {
    const m = pod('huge', '', '  - name: app\n    image: nginx:1.27\n    resources: {requests: {cpu: "64"}}\n')
    const sim = applyAndRun({ manifests: m })
    const all = outcomes(sim).filter((o) => o.kind === 'unschedulable')
    expect(all.length).toBeGreaterThanOrEqual(1)
    const o = all[0]
    expect(o).toMatchObject({ title: 'FailedScheduling', pod: 'default/huge', message: '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.' })
    expect(sim.trace[o.step].type).toBe('scheduler:Unschedulable')
    expect(o.fix).toBe('2 nodes: ask for less cpu (the pod\'s requests), or free or add cpu on a node; 1 node: tolerate the taint (spec.tolerations), or remove it from the node. Each applies to the nodes it counts; a node may fail other filters too.')
    if (all.length > 1) expect(o.until).toBe(all[1].at)
    expect(outcomesAt(all, sim.trace.length - 1)).toHaveLength(1)
  })

  it('a pod that is bound is no longer unschedulable', () => {
    const sim = applyAndRun({ manifests: NGINX })
    expect(outcomes(sim)).toEqual([])
  })
})

describe('the kubelet', () => {
  it('kubelet admission: OutOfcpu for a pod pinned with spec.nodeName', () => {
    const m = pod('greedy', '', '  - name: app\n    image: nginx:1.27\n    resources: {requests: {cpu: "2"}}\n').replace('spec:\n', 'spec:\n  nodeName: small\n')
    const o = only(applyAndRun({ manifests: m, clusterText: NODES }), 'kubelet-rejected')
    expect(o).toMatchObject({ title: 'OutOfcpu', pod: 'default/greedy', message: "Node didn't have enough resource: cpu, requested: 2000, used: 0, capacity: 1000", stepType: 'kubelet:Admit' })
    expect(o.cause).toContain('spec.nodeName')
    expect(o.fix).toContain('at most 1000m cpu (node small has 1000m allocatable')
  })

  it('kubelet admission beyond resources: a nodeSelector the node does not match', () => {
    const cluster = 'apiVersion: v1\nkind: Node\nmetadata: {name: small, labels: {disk: hdd}}\nspec: {podCIDR: 10.244.7.0/24}\nstatus: {capacity: {cpu: "4", memory: 8Gi, pods: "110"}}\n'
    const m = 'apiVersion: v1\nkind: Pod\nmetadata: {name: pinned}\nspec:\n  nodeName: small\n  nodeSelector: {disk: ssd}\n  containers:\n  - name: app\n    image: nginx:1.27\n'
    const o = only(applyAndRun({ manifests: m, clusterText: cluster }), 'kubelet-rejected')
    expect(o).toMatchObject({ title: 'NodeAffinity', message: "Predicate NodeAffinity failed: node(s) didn't match Pod's node affinity/selector" })
    expect(o.fix).toContain('node small')
  })

  it('ErrImagePull (unknown tag), then ImagePullBackOff, alternating as the kubelet retries', () => {
    const sim = applyAndRun({ manifests: pod('typo', '', '  - name: app\n    image: nginx:1.99\n'), untilMs: 120_000 })
    const pull = first(sim, 'err-image-pull')
    expect(pull).toMatchObject({ title: 'ErrImagePull', pod: 'default/typo', stepType: 'cri:PullImage' })
    expect(pull.message).toBe('Failed to pull image "nginx:1.99": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found')
    expect(pull.cause).toContain('no tag 1.99')
    expect(pull.fix).toContain('container app')
    expect(pull.fix).toContain('nginx:1.99')
    const backOff = first(sim, 'image-pull-backoff')
    expect(backOff).toMatchObject({ title: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:1.99"', step: pull.step })
    expect(backOff.cause).toContain('waits 10 s')
    expect(pull.until).toBe(backOff.at)
    // At every step from the first failure on, exactly one of the two holds.
    const image = outcomes(sim).filter((o) => o.kind === 'err-image-pull' || o.kind === 'image-pull-backoff')
    for (let i = pull.at; i < sim.trace.length; i++) expect(outcomesAt(image, i)).toHaveLength(1)
  })

  it('ErrImagePull (unknown repository)', () => {
    const o = first(applyAndRun({ manifests: pod('repo', '', '  - name: web\n    image: ngnix:1.27\n'), untilMs: 30_000 }), 'err-image-pull')
    expect(o.message).toBe('Failed to pull image "ngnix:1.27": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/ngnix:1.27": failed to resolve reference "docker.io/library/ngnix:1.27": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed')
    expect(o.cause).toContain('no repository docker.io/library/ngnix')
    expect(o.fix).toContain('container web')
  })

  it('CrashLoopBackOff: the exit code, the back-off, the command', () => {
    const m = 'apiVersion: v1\nkind: Pod\nmetadata: {name: crash}\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, "echo starting; exit 1"]\n'
    const sim = applyAndRun({ manifests: m, untilMs: 120_000 })
    const crashes = outcomes(sim).filter((o) => o.kind === 'crash-loop-backoff')
    expect(crashes.length).toBeGreaterThanOrEqual(3)
    const o = crashes[0]
    const uid = sim.pods().find((p) => p.metadata?.name === 'crash')?.metadata?.uid
    expect(o).toMatchObject({ title: 'CrashLoopBackOff', pod: 'default/crash', message: `Back-off restarting failed container app in pod crash_default(${uid})` })
    expect(sim.trace[o.step].type).toBe('kubelet:Backoff')
    expect(o.cause).toContain('exited with code 1 (Error)')
    // kuberuntime_manager.go doBackOff: the first restart is immediate, so the first back-off is that of the 2nd exit.
    expect(o.cause).toContain('for the 2nd time')
    expect(o.cause).toContain('this time 10s')
    expect(crashes.map((c) => /this time (\S+)\.$/.exec(c.cause)?.[1])).toContain('20s')
    expect(o.fix).toContain('sh -c "echo starting; exit 1"')
    expect(o.fix).toContain('kubectl logs crash -c app --previous')
    expect(o.until).toBe(crashes[1].at)
  })

  it('a failing postStart hook: FailedPostStartHook, then CrashLoopBackOff because of it', () => {
    const m = 'apiVersion: v1\nkind: Pod\nmetadata: {name: hook}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    lifecycle:\n      postStart:\n        httpGet: {port: 8080, path: /ready}\n'
    const sim = applyAndRun({ manifests: m, untilMs: 60_000 })
    const o = first(sim, 'hook-failed')
    expect(o).toMatchObject({ title: 'FailedPostStartHook', message: 'PostStartHook failed', stepType: 'kubelet:PostStartHook' })
    expect(o.cause).toMatch(/dial tcp 10\.244\.\d+\.\d+:8080: connect: connection refused/)
    expect(o.fix).toContain('Nothing listens on port 8080 in container app')
    const crash = first(sim, 'crash-loop-backoff')
    expect(crash.cause).toContain('postStart hook failed')
    // The first failure is followed by an immediate restart whose hook fails again; the back-off comes after that.
    expect(o.until).toBeLessThanOrEqual(crash.at)
  })

  it('a failing init container with restartPolicy Never: the pod fails', () => {
    const m = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  restartPolicy: Never\n  initContainers:\n  - name: setup\n    image: busybox:1.36\n    command: [sh, -c, "exit 3"]\n  containers:\n  - name: nginx\n    image: nginx:1.27\n'
    const o = only(applyAndRun({ manifests: m, untilMs: 60_000 }), 'pod-failed')
    expect(o).toMatchObject({ title: 'Init:Error', message: 'Init container setup: Terminated, Reason: Error, Exit Code: 3', stepType: 'kubelet:StatusUpdate' })
    expect(o.fix).toContain('setup')
  })

  it('imagePullPolicy Never with an image the node lacks: ErrImageNeverPull', () => {
    const o = first(applyAndRun({ manifests: pod('never', '', '  - name: app\n    image: redis:7\n    imagePullPolicy: Never\n'), untilMs: 30_000 }), 'err-image-never-pull')
    expect(o).toMatchObject({ title: 'ErrImageNeverPull', message: 'Container image "redis:7" is not present with pull policy of Never', stepType: 'event:Record' })
    expect(o.fix).toContain('imagePullPolicy: IfNotPresent on container app')
  })
})
