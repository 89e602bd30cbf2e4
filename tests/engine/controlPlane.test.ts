/**
 * The control-plane items of issue 13, end to end: kubeconfig token users are identities, a cluster file is the
 * whole cluster, pod updates follow ValidatePodUpdate, metadata.generation and spec.serviceAccount.
 */
import { describe, expect, it } from 'vitest'
import type { Pod } from '../../src/engine/api/types.ts'
import { createSimulation } from '../../src/engine/index.ts'
import { NGINX, SMALL_NODE, adminClient, applyAndRun, cluster, pod } from './helpers.ts'

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration'

describe('bearer-token kubeconfig users (static token file semantics)', () => {
  const file = `apiVersion: v1
kind: Config
current-context: bob
contexts: [{name: bob, context: {cluster: kubernetes, user: bob}}]
users: [{name: bob, user: {token: bob-token-1}}]
---
${SMALL_NODE}`

  it('a kubeconfig user with a token is authenticated as that user, in system:authenticated', () => {
    const sim = applyAndRun({ manifests: NGINX, clusterText: file })
    const authn = sim.trace.find((e) => e.type === 'apiserver:Authenticate' && e.outcome === 'ok')
    const user = { username: 'bob', groups: ['system:authenticated'] }
    expect(authn?.details).toMatchObject({ authenticator: 'token-file', user })
    // Authenticated, then RBAC says no: 403 (authorization), not 401 (authentication).
    expect(sim.kubectlResults[0].stderr).toContain('Error from server (Forbidden)')
    expect(sim.kubectlResults[0].stderr).toContain('User "bob" cannot get resource "pods"')
  })

  it('a token nobody lists still gets the exact 401', () => {
    const rotated = `${file}---
apiVersion: podbirth.dev/v1alpha1
kind: SimulatorConfig
apiserver: {staticTokens: [{token: bob-token-2, user: bob, uid: "7", groups: []}]}
`
    const r = applyAndRun({ manifests: NGINX, clusterText: rotated }).kubectlResults[0]
    // staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go: Unauthorized is "You must be logged in to the server".
    expect(r.stderr).toBe('error: You must be logged in to the server (Unauthorized)\n')
  })
})

describe('a cluster file without a Node has no nodes', () => {
  const NO_NODES = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: team-a}\n'
  // schedule_one.go ErrNoNodesAvailable.
  const ERR_NO_NODES = 'no nodes available to schedule pods'

  it('FailedScheduling says "no nodes available to schedule pods" (schedule_one.go ErrNoNodesAvailable)', () => {
    const sim = applyAndRun({ manifests: NGINX, clusterText: NO_NODES, untilMs: 5000 })
    expect(sim.nodes()).toEqual([])
    const ev = sim.events().find((e) => e.reason === 'FailedScheduling')
    expect(ev?.message).toBe(ERR_NO_NODES)
    // UnschedulableAndUnresolvable is a rejection: the condition's reason is Unschedulable, not SchedulerError.
    const cond = sim.pods()[0].status?.conditions?.find((c) => c.type === 'PodScheduled')
    expect(cond).toMatchObject({ status: 'False', reason: 'Unschedulable', message: ERR_NO_NODES })
  })

  it('with no rejecting plugin the pod waits its whole backoff (podErrorBackoffQ, not popped early)', () => {
    const sim = applyAndRun({ manifests: NGINX, clusterText: NO_NODES, untilMs: 60_000 })
    // backoff_queue.go: 1 s doubling to 10 s ⇒ attempts at about 0, 1, 3, 7, 15, 25, 35, 45 and 55 s.
    expect(sim.trace.filter((e) => e.type === 'scheduler:Pop').length).toBe(9)
  })

  it('without a cluster file the built-in nodes are there', () => {
    expect(cluster().objects.filter((o) => o.kind === 'Node').map((o) => o.metadata?.name))
      .toEqual(['control-plane', 'worker-1', 'worker-2'])
  })
})

describe('pod updates through kubectl apply', () => {
  const v1 = pod('web', '', '  - name: app\n    image: nginx:1.27\n')
  const image = pod('web', '', '  - name: app\n    image: nginx:1.29\n')
  const port = pod('web', '', '  - name: app\n    image: nginx:1.27\n    ports: [{containerPort: 8080}]\n')
  const start = () => {
    const sim = createSimulation({ cluster: cluster(), seed: 1 })
    sim.apply({ files: [{ name: 'pod.yaml', text: v1 }] })
    sim.run(sim.nowMs() + 60_000)
    return sim
  }
  const again = (sim: ReturnType<typeof start>, text: string) => {
    sim.apply({ files: [{ name: 'pod.yaml', text }] })
    sim.run(sim.nowMs() + 5_000)
    return sim.kubectlResults[sim.kubectlResults.length - 1]
  }

  it('create: generation 1 (strategy.go PrepareForCreate) and serviceAccount beside serviceAccountName', () => {
    const p = start().pods()[0]
    expect(p.metadata?.generation).toBe(1)
    // conversion.go Convert_core_PodSpec_To_v1_PodSpec: DeprecatedServiceAccount = ServiceAccountName.
    expect(p.spec?.serviceAccountName).toBe('default')
    expect(p.spec?.serviceAccount).toBe('default')
  })

  it('an image change is stored: configured, generation 2, a new resourceVersion; the same file is unchanged', () => {
    const sim = start()
    const before = sim.pods()[0]
    expect(again(sim, image)).toMatchObject({ stdout: 'pod/web configured\n', exitCode: 0 })
    const after = sim.pods()[0] as Pod
    expect(after.spec?.containers[0].image).toBe('nginx:1.29')
    expect(after.metadata?.generation).toBe(2)
    expect(after.metadata?.resourceVersion).not.toBe(before.metadata?.resourceVersion)
    expect(after.spec?.containers[0].volumeMounts?.length).toBe(1)
    expect(again(sim, image)).toMatchObject({ stdout: 'pod/web unchanged\n', exitCode: 0 })
  })

  it('a port change is refused with ValidatePodUpdate\'s Forbidden text, printed as an invalid object', () => {
    const r = again(start(), port)
    expect(r.exitCode).toBe(1)
    // validation.go ValidatePodUpdate (updatablePodSpecFields joined with ","), kubectl's "The Pod ... is invalid".
    expect(r.stderr.startsWith('The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other '
      + 'than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,'
      + '`spec.tolerations` (only additions to existing tolerations),'
      + '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it '
      + 'was previously negative)\n  core.PodSpec{\n')).toBe(true)
  })

  it('adding a toleration is allowed (the default tolerations stay)', () => {
    const sim = start()
    const tol = pod('web', '', '  - name: app\n    image: nginx:1.27\n  tolerations: [{key: gpu, operator: Exists}]\n')
    expect(again(sim, tol)).toMatchObject({ stdout: 'pod/web configured\n', exitCode: 0 })
    expect(sim.pods()[0].spec?.tolerations?.map((t) => t.key))
      .toEqual(['gpu', 'node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'])
  })

  it('applying over a pod created without apply prints the missing-annotation warning', () => {
    const sim = createSimulation({ cluster: cluster(), seed: 1 })
    sim.start()
    const spec = { containers: [{ name: 'app', image: 'nginx:1.27' }] }
    const body = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec }
    adminClient(sim).request({ verb: 'POST', path: '/api/v1/namespaces/default/pods', body }, () => {})
    sim.run(sim.nowMs() + 30_000)
    expect(sim.pods()[0].metadata?.annotations?.[LAST_APPLIED]).toBeUndefined()
    const r = again(sim, image)
    // staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go warningNoLastAppliedConfigAnnotation.
    expect(r.stderr).toBe('Warning: resource pods/web is missing the kubectl.kubernetes.io/last-applied-configuration '
      + 'annotation which is required by kubectl apply. kubectl apply should only be used on resources created '
      + 'declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched '
      + 'automatically.\n')
    expect(r.stdout).toBe('pod/web configured\n')
    expect(sim.pods()[0].metadata?.annotations?.[LAST_APPLIED]).toBeDefined()
  })
})
