/**
 * Golden traces: every scenario and a set of node-side cases (sidecars, crash loops, hooks, graceful deletion) are
 * run and their whole trace, final objects and Events hashed. A refactor must leave every hash as it is; a change
 * of behaviour updates golden.json on purpose (`UPDATE_GOLDEN=1 npx vitest run tests/engine/golden.test.ts`) and
 * says why in its commit.
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../src/scenarios/index.ts'
import type { Simulation } from '../../src/engine/index.ts'
import { createSimulation } from '../../src/engine/index.ts'
import { NGINX, adminClient, cluster, pod } from './helpers.ts'

const FILE = new URL('./golden.json', import.meta.url)
const UPDATE = process.env.UPDATE_GOLDEN === '1'

interface Case {
  manifest: string
  clusterText?: string
  user?: string
  seed?: number
  untilMs?: number
  /** Pods to delete as the admin once untilMs is reached; the run then goes on for ten minutes. */
  remove?: string[]
}

const c = (name: string, body: string) => pod(name, '', body)
const NODE_CASES: Record<string, Case> = {
  'nginx-deleted': { manifest: NGINX, untilMs: 60_000, remove: ['nginx'] },
  'crash-loop': { manifest: c('crash', '  - {name: app, image: busybox:1.36, command: ["sh", "-c", "exit 1"]}\n'), untilMs: 600_000 },
  'crash-loop-deleted': {
    manifest: c('crash', '  - {name: app, image: busybox:1.36, command: ["sh", "-c", "sleep 3; exit 2"]}\n'),
    untilMs: 90_000, remove: ['crash'],
  },
  'sidecar-and-init': {
    manifest: `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: setup, image: busybox:1.36, command: ["sh", "-c", "sleep 2"]}
  - {name: log-shipper, image: busybox:1.36, command: ["sleep", "3600"], restartPolicy: Always}
  containers:
  - {name: nginx, image: nginx:1.27}
`,
    untilMs: 60_000, remove: ['web'],
  },
  'sidecar-job': {
    manifest: `apiVersion: v1
kind: Pod
metadata: {name: job}
spec:
  restartPolicy: Never
  initContainers:
  - {name: proxy, image: busybox:1.36, command: ["sleep", "3600"], restartPolicy: Always}
  containers:
  - {name: work, image: busybox:1.36, command: ["sh", "-c", "sleep 5; exit 0"]}
`,
    untilMs: 120_000,
  },
  'hooks-and-grace': {
    manifest: `apiVersion: v1
kind: Pod
metadata: {name: hooks}
spec:
  terminationGracePeriodSeconds: 5
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
    lifecycle:
      postStart: {exec: {command: ["sh", "-c", "echo hi"]}}
      preStop: {exec: {command: ["sleep", "30"]}}
`,
    untilMs: 30_000, remove: ['hooks'],
  },
  'init-fails-never': {
    manifest: `apiVersion: v1
kind: Pod
metadata: {name: initfail}
spec:
  restartPolicy: Never
  initContainers:
  - {name: setup, image: busybox:1.36, command: ["sh", "-c", "exit 3"]}
  containers:
  - {name: app, image: nginx:1.27}
`,
    untilMs: 60_000,
  },
  'image-pull-backoff': { manifest: c('typo', '  - {name: app, image: nginx:1.277}\n'), untilMs: 300_000, remove: ['typo'] },
}

/** fingerprint hashes everything a run produced that a learner or a test can see. */
function fingerprint(sim: Simulation): string {
  const h = createHash('sha256')
  for (const e of sim.trace) h.update(`${JSON.stringify(e)}\n`)
  h.update(JSON.stringify(sim.pods()))
  h.update(JSON.stringify(sim.events()))
  h.update(JSON.stringify(sim.kubectlResults))
  return h.digest('hex')
}

function runCase(k: Case): string {
  const sim = createSimulation({ cluster: cluster(k.clusterText), seed: k.seed ?? 1 })
  sim.apply({ files: [{ name: 'pod.yaml', text: k.manifest }], user: k.user })
  sim.run(k.untilMs)
  for (const name of k.remove ?? []) {
    adminClient(sim).request({ verb: 'DELETE', path: `/api/v1/namespaces/default/pods/${name}` }, () => {})
  }
  if (k.remove) sim.run(sim.nowMs() + 10 * 60 * 1000)
  return fingerprint(sim)
}

const cases: Record<string, Case> = { ...NODE_CASES }
for (const s of SCENARIOS) {
  cases[`scenario:${s.id}`] = { manifest: s.manifest, clusterText: s.cluster, user: s.user, seed: s.seed, untilMs: s.untilMs }
}

const golden: Record<string, string> = UPDATE ? {} : JSON.parse(readFileSync(FILE, 'utf8'))
const found: Record<string, string> = {}

describe('golden traces', () => {
  for (const [name, k] of Object.entries(cases)) {
    it(`${name} is unchanged`, () => {
      found[name] = runCase(k)
      if (!UPDATE) expect(found[name], `${name}: the trace changed`).toBe(golden[name])
    })
  }
  it('covers every case it lists', () => {
    if (UPDATE) writeFileSync(FILE, `${JSON.stringify(found, null, 2)}\n`)
    else expect(Object.keys(golden).sort()).toEqual(Object.keys(cases).sort())
  })
})
