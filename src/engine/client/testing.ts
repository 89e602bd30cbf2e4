/**
 * Scenarios for the control plane's narration tests: real simulations that together emit every step type of
 * client/, kubectl/, apiserver/ and etcd/ (each test expects none missing), and a check that every step of a type
 * reads well at both depths.
 */
import { loadCluster } from '../cluster/index.ts'
import { createSimulation } from '../index.ts'
import { ApiClient } from './apiClient.ts'
import type { TraceEvent, TraceType } from '../events.ts'
import { narrate } from '../narration/index.ts'

const POD = (name: string, image = 'nginx:1.27', extra = '') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n` +
  `    image: ${image}\n${extra}`

/** SCENARIOS: each is the files of one `kubectl apply`, with an optional user, run to 2 minutes of virtual time. */
const SCENARIOS: { files: string[]; user?: string }[] = [
  { files: [POD('nginx')] },
  // Applied twice with a change: the second apply finds the pod and patches it.
  { files: [POD('twice'), POD('twice', 'nginx:1.27', '  restartPolicy: Never\n')] },
  { files: [POD('typo', 'nginx:1.99')] },
  { files: [POD('My_Pod')] },
  { files: [POD('extra', 'nginx:1.27', '  bogusField: 1\n')] },
  { files: ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: x: y\n'] },
  { files: ['metadata: {name: x}\n'] },
  { files: ['apiVersion: v1\nkind: Pood\nmetadata: {name: x}\n'] },
  { files: [POD('nginx')], user: 'bob' },
  { files: [POD('nginx')], user: 'alice' },
]

/** runScenarios runs every scenario and returns all their steps. */
export function runScenarios(): TraceEvent[] {
  const cluster = loadCluster(undefined, 'default')
  if ('error' in cluster) throw new Error(cluster.error)
  const out: TraceEvent[] = []
  for (const s of SCENARIOS) {
    const sim = createSimulation({ cluster, seed: 1 })
    for (const [i, text] of s.files.entries()) {
      sim.apply({ files: [{ name: `pod-${i}.yaml`, text }], user: s.user })
      sim.run(sim.nowMs() + 2 * 60 * 1000)
    }
    out.push(...sim.trace)
  }
  // A session: a Deployment scaled, read, refused and deleted (kubectl:Command, the controllers' steps).
  const session = createSimulation({ cluster, seed: 1 })
  session.session([
    { argv: ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2'] },
    { argv: ['rollout', 'status', 'deployment/web'] },
    { argv: ['scale', 'deployment', 'web', '--replicas=1'] },
    { argv: ['get', 'pods'] },
    { argv: ['frobnicate'] },
    { argv: ['delete', 'deployment', 'web'] },
  ])
  session.run(2 * 60 * 1000)
  out.push(...session.trace)
  // Components open their watches at start-up, before the trace records; a late watcher shows watch:Start.
  const sim = createSimulation({ cluster, seed: 1 })
  sim.apply({ files: [{ name: 'pod.yaml', text: POD('watched') }] })
  sim.run(1000)
  const admin = new ApiClient(sim.ctx, sim.apiserver, {
    lane: 'kubectl', userAgent: 'kubectl/v1.35.0 (linux/amd64) kubernetes/v1.35.0',
    credentials: {
      clientCertificate: {
        commonName: 'kubernetes-admin', organizations: ['kubeadm:cluster-admins'], issuer: 'kubernetes',
      },
    },
  })
  admin.watch('/api/v1/pods', { resourceVersion: '0' }, () => {})
  sim.run(sim.nowMs() + 1000)
  out.push(...sim.trace)
  return out
}

/** problems lists what is wrong with how one step reads (empty when it reads well). */
export function problems(e: TraceEvent): string[] {
  const out: string[] = []
  const story = narrate(e, 'story')
  const expert = narrate(e, 'expert')
  const texts = { summary: e.summary, story: story.text, expert: expert.text }
  for (const [depth, t] of Object.entries(texts)) {
    if (!t.trim()) out.push(`${e.type} ${depth} is empty`)
    for (const bad of ['undefined', '[object Object]', 'NaN']) {
      if (t.includes(bad)) out.push(`${e.type} ${depth}: ${bad} in "${t}"`)
    }
  }
  const source = story.source?.replace(/^https:\/\/github\.com\/kubernetes\/kubernetes\/blob\/[^/]+\//, '') ?? ''
  if (!/^(pkg|staging|cmd|plugin)\//.test(source)) out.push(`${e.type} source "${source}"`)
  if (!story.docs?.startsWith('https://kubernetes.io/')) out.push(`${e.type} docs "${story.docs}"`)
  return out
}

/** checkTypes returns the problems of every step of the given types, and the types no scenario emitted. */
export function checkTypes(
  events: TraceEvent[], types: readonly TraceType[],
): { problems: string[]; missing: TraceType[] } {
  const mine = events.filter((e) => types.includes(e.type))
  return {
    problems: mine.flatMap(problems),
    missing: types.filter((t) => !mine.some((e) => e.type === t)),
  }
}
