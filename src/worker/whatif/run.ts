/**
 * The real runner for verify.ts: the scenario as the app applied it (cluster file, seed, user, manifest, console
 * session), rebuilt with the edited texts and stepped until the scheduler has finished the pod's first cycle, as
 * `podbirth explain` (src/cli/explain.ts) does for one pod.
 */
import { loadClusterShared } from '../clusterCache.ts'
import { createSimulation } from '../../engine/index.ts'
import type { SessionCommand } from '../../engine/index.ts'
import type { KObject, Pod } from '../../engine/api/types.ts'
import type { RunFn, RunResult } from './verify.ts'

export interface RunSetup {
  seed: number
  user?: string
  /** The console's commands after the apply; `pod.yaml` in their files is replaced by the edited manifest. */
  session?: SessionCommand[]
  skipManifest?: boolean
  /** The pod, namespace/name as in the trace. */
  pod: Pod
  /** Virtual time (µs) after which a run gives up on the pod's first cycle. */
  untilUs: number
  /** At most this many kernel steps per run. */
  maxSteps?: number
}

const MAX_STEPS = 2_000_000

/**
 * samePod: the pod itself or, for a workload's pod (whose name an edited template changes), the first pod of the
 * same owner. Simplified: a workload's pods are matched by name prefix, so a suggestion checks its first replica.
 */
export function samePod(pod: Pod): (key: string) => boolean {
  const ns = pod.metadata?.namespace ?? 'default'
  const own = `${ns}/${pod.metadata?.name ?? ''}`
  const owner = pod.metadata?.ownerReferences?.find((o) => o.controller)
  // A Deployment's ReplicaSet is `<deployment>-<pod-template-hash>`: the hash changes with the template.
  const stem = owner?.kind === 'ReplicaSet' ? owner.name.replace(/-[^-]+$/, '-') : pod.metadata?.generateName
  return (key) => key === own || (!!stem && key.startsWith(`${ns}/${stem}`))
}

export function firstCycleRunner(setup: RunSetup): RunFn {
  const matches = samePod(setup.pod)
  return ({ manifest, cluster }): RunResult => {
    // Most suggestions edit the manifest only: the user's cluster, parsed once, serves them all.
    const spec = loadClusterShared(cluster)
    if ('error' in spec) return { kind: 'none', message: spec.error }
    const sim = createSimulation({ cluster: spec, seed: setup.seed, retainTrace: false })
    sim.start()
    if (sim.scheduler.configError !== null) return { kind: 'none', message: sim.scheduler.configError }
    sim.scheduler.keepCycles = true
    if (!setup.skipManifest) sim.apply({ files: [{ name: 'pod.yaml', text: manifest }], user: setup.user })
    const session = (setup.session ?? []).map((c) =>
      c.files && 'pod.yaml' in c.files ? { ...c, files: { ...c.files, 'pod.yaml': manifest } } : c,
    )
    if (session.length) sim.session(session)
    const cycles = sim.scheduler.cycles
    let seen = 0
    for (let steps = 0; steps < (setup.maxSteps ?? MAX_STEPS) && sim.ctx.sim.now() <= setup.untilUs; steps++) {
      if (!sim.step()) break
      for (; seen < cycles.length; seen++) {
        const record = cycles[seen]
        if (!matches(record.pod)) continue
        const objects = new Map<string, KObject>([
          ...sim.etcd.range('/registry/pods/').map((kv) => [kv.key, kv.value as unknown as KObject] as const),
          ...sim.etcd.range('/registry/minions/').map((kv) => [kv.key, kv.value as unknown as KObject] as const),
        ])
        const pod = objects.get(`/registry/pods/${record.pod}`) as unknown as Pod | undefined
        return { kind: 'cycle', cycle: { record, pod, objects } }
      }
      // Only the first cycles matter: drop the others' records as they come (a large scenario makes many).
      if (seen > 64) {
        cycles.splice(0, seen)
        seen = 0
      }
    }
    return { kind: 'none', message: 'no scheduling cycle ran for the pod' }
  }
}
