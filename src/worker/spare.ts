/**
 * A spare simulation: after a run the worker builds and starts the next one for the same cluster file and seed while
 * the page is idle, so the next Apply begins at the manifest instead of bringing up the cluster's components (a
 * 600-node cluster's kubelets, watches and caches take 50–250 ms). A started simulation has seen nothing of the
 * apply yet: taking the spare and applying to it gives the trace a fresh one would, byte for byte (spare.test.ts).
 */
import { createSimulation } from '../engine/index.ts'
import type { Simulation } from '../engine/index.ts'
import { loadClusterOnce } from './clusterCache.ts'

let spare: { cluster: string | undefined; seed: number; sim: Simulation } | undefined

/** takeStarted returns a started simulation of the cluster file and seed: the spare when it matches, else a new one. */
export function takeStarted(clusterText: string | undefined, seed: number): Simulation | { error: string } {
  const s = spare
  spare = undefined
  if (s && s.cluster === clusterText && s.seed === seed) return s.sim
  const cluster = loadClusterOnce(clusterText)
  if ('error' in cluster) return cluster
  const sim = createSimulation({ cluster, seed })
  sim.start()
  return sim
}

/** prepareSpare builds the spare for the cluster file and seed (nothing when the file does not load). */
export function prepareSpare(clusterText: string | undefined, seed: number): void {
  if (spare && spare.cluster === clusterText && spare.seed === seed) return
  spare = undefined
  const cluster = loadClusterOnce(clusterText)
  if ('error' in cluster) return
  const sim = createSimulation({ cluster, seed })
  sim.start()
  spare = { cluster: clusterText, seed, sim }
}
