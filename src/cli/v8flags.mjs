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
//
// --max-inlined-bytecode-size=115 (V8's default: 460) while the simulation runs: a first run is mostly V8 compiling
// the engine's per-pod code as it goes (~500 optimizing jobs on a thread that shares the machine's two cores with
// the run and its garbage collector). Smaller inlined callees make smaller jobs that finish sooner, so the run leaves
// the interpreter earlier: 1,000 pods onto 100 nodes 7–10 % faster as a first run, the same warmed (interleaved
// fresh processes, medians of ten, 2-vCPU VM, Node 20.20; 60 measured like 115, 230 like the default). A long
// steady loop is where large inlining pays, so the output (1.7 GB of JSON for 4,000 pods) is written with V8's
// default again (OUTPUT_V8_FLAGS): a flag read when a function is optimized acts on the code optimized after it is
// set.
import { setFlagsFromString } from 'node:v8'

/** V8_FLAGS: each flag podbirth sets before it simulates, as `node --v8-options` spells it. */
export const V8_FLAGS = Object.freeze(['--no-allocation-site-pretenuring', '--max-inlined-bytecode-size=115'])

/** OUTPUT_V8_FLAGS: set once the simulation is done, before the output is written (V8's defaults). */
export const OUTPUT_V8_FLAGS = Object.freeze(['--max-inlined-bytecode-size=460'])

/** tuneV8 sets V8_FLAGS on this process; call it before the engine runs. */
export function tuneV8() {
  for (const flag of V8_FLAGS) setFlagsFromString(flag)
}

/** tuneV8ForOutput sets OUTPUT_V8_FLAGS; call it when the simulation is done. */
export function tuneV8ForOutput() {
  for (const flag of OUTPUT_V8_FLAGS) setFlagsFromString(flag)
}
