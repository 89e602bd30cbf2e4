import type { SimulatorConfig } from './config.ts'
import type { Sim } from './sim/kernel.ts'
import type { Trace } from './sim/trace.ts'
import { ms } from './sim/kernel.ts'

/** EngineContext is what every component receives: the kernel, the trace and the simulator settings. */
export interface EngineContext {
  sim: Sim
  trace: Trace
  config: SimulatorConfig
  /** nextId hands out per-simulation sequence numbers (request ids, ...), so traces are byte-identical. */
  nextId(counter: 'request' | 'watch' | 'event'): number
}

/** createContext builds a context; counters start at 1 for every simulation. */
export function createContext(sim: Sim, trace: Trace, config: SimulatorConfig): EngineContext {
  const counters = { request: 0, watch: 0, event: 0 }
  return { sim, trace, config, nextId: (c) => ++counters[c] }
}

/** latency returns a configured latency (ms) in engine microseconds. */
export function latency(ctx: EngineContext, key: keyof SimulatorConfig['latencies']): number {
  return ms(ctx.config.latencies[key])
}
