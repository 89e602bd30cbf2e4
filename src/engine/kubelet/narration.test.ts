import { problems } from '../client/testing.ts'
import { describe, expect, it } from 'vitest'
import { adminClient } from '../../../tests/engine/helpers.ts'
import { loadCluster } from '../cluster/index.ts'
import type { TraceEvent } from '../events.ts'
import { createSimulation, type Simulation } from '../index.ts'
import { KUBELET_TRACE_TYPES } from './traceTypes.ts'

/** run applies one manifest on the default cluster and, if asked, deletes the pod once it has settled. */
function run(manifest: string, del?: string): Simulation {
  const cluster = loadCluster(undefined, 'default')
  if ('error' in cluster) throw new Error(cluster.error)
  const sim = createSimulation({ cluster, seed: 1 })
  sim.apply({ files: [{ name: 'pod.yaml', text: manifest }] })
  sim.run(3 * 60 * 1000)
  if (del) {
    const admin = adminClient(sim)
    admin.request({ verb: 'DELETE', path: `/api/v1/namespaces/default/pods/${del}` }, () => {})
    sim.run(sim.nowMs() + 5 * 60 * 1000)
  }
  return sim
}

const pod = (name: string, body: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n${body}`

// Together these emit every kubelet, CRI and CNI step type: start-up, exec hooks, SIGKILL, sidecars (their
// termination order and their stop once the regular containers are done), a pull failure, a crash loop, a rejection.
const SCENARIOS = [
  run(
    pod(
      'hooked',
      `  terminationGracePeriodSeconds: 5
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
    lifecycle:
      postStart: {exec: {command: ["sh", "-c", "true"]}}
      preStop: {exec: {command: ["sh", "-c", "true"]}}
`,
    ),
    'hooked',
  ),
  run(
    pod(
      'web',
      `  initContainers:
  - {name: log-shipper, image: busybox:1.36, command: ["sleep", "3600"], restartPolicy: Always}
  containers:
  - {name: nginx, image: nginx:1.27}
`,
    ),
    'web',
  ),
  run(
    pod(
      'job',
      `  restartPolicy: Never
  initContainers:
  - {name: log-shipper, image: busybox:1.36, command: ["sleep", "3600"], restartPolicy: Always}
  containers:
  - {name: task, image: busybox:1.36, command: ["sh", "-c", "sleep 1"]}
`,
    ),
  ),
  run(
    pod(
      'probed',
      `  containers:
  - name: nginx
    image: nginx:1.27
    readinessProbe: {httpGet: {port: 80}}
    livenessProbe: {httpGet: {port: 8080, path: /healthz}, periodSeconds: 5}
`,
    ),
  ),
  run(pod('typo', '  containers:\n  - {name: app, image: "nginx:1.27-typo"}\n')),
  run(pod('crash', '  containers:\n  - {name: app, image: busybox:1.36, command: ["false"]}\n')),
  run(
    pod(
      'greedy',
      '  nodeName: worker-1\n  containers:\n  - {name: app, image: nginx:1.27, resources: {requests: {cpu: "64"}}}\n',
    ),
  ),
]

const steps: TraceEvent[] = SCENARIOS.flatMap((s) => s.trace).filter((e) =>
  (KUBELET_TRACE_TYPES as readonly string[]).includes(e.type),
)

describe('the node narration (kubelet, CRI, CNI)', () => {
  it('is told for every step type the node emits', () => {
    expect(new Set(steps.map((e) => e.type))).toEqual(new Set(KUBELET_TRACE_TYPES))
  })

  for (const type of KUBELET_TRACE_TYPES) {
    it(`tells ${type} at both depths, with its values`, () => {
      const mine = steps.filter((e) => e.type === type)
      expect(mine.length).toBeGreaterThan(0)
      expect(mine.flatMap(problems)).toEqual([])
    })
  }
})
