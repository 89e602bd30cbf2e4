/**
 * The warm-up: while the page is idle after it loads, the worker simulates a small apply of its own and throws it
 * away, so the user's first Apply runs engine code the JavaScript engine has already compiled instead of
 * interpreting it. In Chromium a first large apply's simulation took 535–702 ms cold and 462–518 ms after a 60-pod
 * warm-up (the 600-node preset's 370 pods, four fresh pages each); a 60-pod run takes the worker 130–210 ms.
 *
 * It runs in slices and stops at once when an apply begins, so an Apply is never kept waiting for more than one
 * slice. The simulation is its own: the trace of every later run is the one it would have been (warmUp.test.ts).
 */
import { loadCluster } from '../engine/cluster/index.ts'
import { createSimulation } from '../engine/index.ts'
import { presetText } from '../protocol/clusters.ts'
import { forWire } from './wire.ts'
import { encodeSteps } from '../protocol/stepBatch.ts'

/** How many pods the warm-up applies: enough for the engine's code to be compiled, little enough to be quick. */
export const WARM_UP_PODS = 60
/** A slice of the warm-up runs at most this many callbacks before it yields to the worker's messages. */
const WARM_UP_SLICE = 100

/** warmUpManifest is `pods` plain pods, as a user's multi-document manifest has them. */
export function warmUpManifest(pods: number): string {
  const docs: string[] = []
  for (let i = 0; i < pods; i++) {
    docs.push(`apiVersion: v1
kind: Pod
metadata:
  name: warm-up-${i}
  labels: {app: warm-up}
spec:
  containers:
  - name: web
    image: nginx:1.27
    resources:
      requests: {cpu: 100m, memory: 64Mi}
`)
  }
  return docs.join('---\n')
}

/**
 * warmUp simulates WARM_UP_PODS pods onto the default cluster to the end, a slice at a time: between slices it
 * awaits `pause` (the worker's yield to its messages) and stops as soon as `stop()` is true. It resolves to whether
 * it ran to the end.
 */
export async function warmUp(pause: () => Promise<void>, stop: () => boolean): Promise<boolean> {
  const cluster = loadCluster(presetText('default'), 'cluster.yaml')
  if ('error' in cluster) return false
  const sim = createSimulation({ cluster, seed: 1 })
  sim.apply({ files: [{ name: 'pod.yaml', text: warmUpManifest(WARM_UP_PODS) }] })
  for (;;) {
    if (stop()) return false
    if (!sim.runFor(10 * 60 * 1000, WARM_UP_SLICE)) break
    await pause()
  }
  // Reading the trace writes the steps' summaries, and the wire's lean copies and columns are made of it: that code
  // too is compiled when the first apply streams.
  return encodeSteps(forWire(sim.trace)).ends.length > 0
}
