/**
 * recomputeCycle: one scheduling cycle of a finished run, recorded in full. A run above 100 nodes keeps compact
 * records (the reason histogram and the top nodes: framework/record.ts); the engine is deterministic, so running the
 * same apply again reaches the same cycle with the same state, and switching the recorder to full detail just before
 * it changes nothing but what is kept. This is what `podbirth explain` does for a first cycle (src/cli/explain.ts).
 */
import { loadClusterOnce } from './clusterCache.ts'
import { createSimulation } from '../engine/index.ts'
import type { Simulation } from '../engine/index.ts'
import { sessionCommands } from './session.ts'
import type { CycleRecord } from '../engine/scheduler/framework/record.ts'
import type { ApplyCommand } from '../protocol/messages.ts'

/** runOf starts the simulation of an apply as the worker does (same cluster, seed, manifest and session). */
export function runOf(cmd: ApplyCommand): Simulation | { error: string } {
  const cluster = loadClusterOnce(cmd.cluster)
  if ('error' in cluster) return { error: cluster.error }
  const sim = createSimulation({ cluster, seed: cmd.seed })
  sim.start()
  if (!cmd.skipManifest) sim.apply({ files: [{ name: 'pod.yaml', text: cmd.text }], user: cmd.user })
  const session = sessionCommands(cmd)
  if (session.length) sim.session(session)
  return sim
}

/** The last replay, kept where it stopped: a later cycle of the same run continues it instead of starting over. */
let replay: { cmd: ApplyCommand; sim: Simulation } | undefined

/**
 * recomputeCycle replays `cmd` up to trace step `popIndex` (the Pop that starts the cycle: the scheduler emits it
 * first in the callback that runs the whole cycle), records that one cycle in full, and returns its record; null
 * when the replay does not reach the same pod's cycle there (the run was not this apply's).
 */
export function recomputeCycle(cmd: ApplyCommand, popIndex: number, pod: string): CycleRecord | null {
  let sim: Simulation
  if (replay && replay.cmd === cmd && replay.sim.trace.length <= popIndex) sim = replay.sim
  else {
    const started = runOf(cmd)
    if ('error' in started) return null
    sim = started
    replay = { cmd, sim }
  }
  while (sim.trace.length < popIndex && sim.step()) {
    /* up to the callback that pops the pod */
  }
  const core = sim.scheduler.core
  if (sim.trace.length !== popIndex || !core) return null
  const detail = core.detail
  core.detail = 'full'
  sim.scheduler.keepCycles = true
  while (sim.scheduler.cycles.length === 0 && sim.step()) {
    /* the cycle itself */
  }
  const record = sim.scheduler.cycles.splice(0)[0]
  // Back to what the run recorded, so continuing this replay costs what the run did.
  core.detail = detail
  sim.scheduler.keepCycles = false
  const popped = sim.trace[popIndex]
  return record && record.pod === pod && popped?.type === 'scheduler:Pop' && popped.pod === pod ? record : null
}
