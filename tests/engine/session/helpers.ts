import { createSimulation, type Simulation, type SessionCommand } from '../../../src/engine/index.ts'
import type { Pod } from '../../../src/engine/api/types.ts'
import { cluster } from '../helpers.ts'

/** k: a command as typed after `kubectl` (split on spaces; use an argv array for quoted words). */
export const k = (line: string, extra: Partial<SessionCommand> = {}): SessionCommand => ({ argv: line.split(' '), ...extra })

/** runSession runs kubectl commands one after another over one cluster until untilMs of virtual time. */
export function runSession(commands: SessionCommand[], opts: { clusterText?: string; seed?: number; untilMs?: number } = {}): Simulation {
  const sim = createSimulation({ cluster: cluster(opts.clusterText), seed: opts.seed ?? 1 })
  sim.session(commands)
  sim.run(opts.untilMs ?? 5 * 60 * 1000)
  return sim
}

/** out: the stdout of the session's i-th command (throws when it did not run). */
export function out(sim: Simulation, i: number): string {
  const r = sim.sessionResults[i]
  if (!r) throw new Error(`command ${i} did not finish; ran ${sim.sessionResults.length}`)
  return r.stdout
}

export const live = (pods: Pod[]) => pods.filter((p) => !p.metadata?.deletionTimestamp)
export const ready = (p: Pod) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
export const nodeOf = (p: Pod) => p.spec?.nodeName ?? ''
export const named = (prefix: string) => (p: Pod) => (p.metadata?.name ?? '').startsWith(prefix)

/** THREE_WORKERS: the default cluster's shape with a third worker, for drain and taint cases. */
export const THREE_WORKERS = ['worker-1', 'worker-2', 'worker-3'].map((name, i) => `apiVersion: v1
kind: Node
metadata:
  name: ${name}
  labels: {kubernetes.io/hostname: ${name}, kubernetes.io/os: linux}
spec: {podCIDR: 10.244.${i + 1}.0/24}
status:
  capacity: {cpu: "4", memory: 8Gi, pods: "110"}
  allocatable: {cpu: "4", memory: 8Gi, pods: "110"}
`).join('---\n')

/** A two-replica Deployment rolled out, updated to nginx:1.28 and undone, waiting for each rollout. */
export const ROLLOUT_AND_UNDO: SessionCommand[] = [
  k('create deployment web --image=nginx:1.27 --replicas=2'),
  k('rollout status deployment/web'),
  k('set image deployment/web nginx=nginx:1.28'),
  k('rollout status deployment/web'),
  k('rollout undo deployment/web'),
  k('rollout status deployment/web'),
]
