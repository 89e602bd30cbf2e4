// The V8 flags podbirth sets on its own process before it loads the engine, and the benchmarks (tests/bench) set on
// theirs, so that they measure the engine as the command runs it.
//
// --no-allocation-site-pretenuring: a run keeps most of what it allocates (every step of the trace), so V8 soon
// decides that the objects made at many of the engine's allocation sites live long, and deoptimizes the code that
// makes them in order to allocate them in the old generation instead: a dozen functions the run had just optimized
// (recordScores, emit, admissionStep, normalize …) thrown away and compiled again (`--trace-deopt`). Without the
// decision, 1,000 pods onto 100 nodes ran 5–8 % faster as a first run (interleaved fresh processes, 2-vCPU VM,
// Node 20.20), 10,000 onto 1,000 10 %, a 1,000-replica Deployment 5 %, the scheduler alone unchanged; peak memory
// the same or 1–3 MB less. The flag only withholds a heuristic's decision, so setting it at run time, before the
// engine has allocated anything, has the effect of passing it to node.
import { setFlagsFromString } from 'node:v8'

/** V8_FLAGS: each flag podbirth sets, as `node --v8-options` spells it. */
export const V8_FLAGS = Object.freeze(['--no-allocation-site-pretenuring'])

/** tuneV8 sets V8_FLAGS on this process; call it before the engine runs. */
export function tuneV8() {
  for (const flag of V8_FLAGS) setFlagsFromString(flag)
}
