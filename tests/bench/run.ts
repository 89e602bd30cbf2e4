/**
 * `npm run bench`: prints the figures the issues ask for. Measures, never asserts.
 * Engine: pod births per second and trace events per second for 1,000 pods on 100 nodes, peak memory.
 * 
 */
import { runEngineBench } from './engine.ts'

const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d })

async function main(): Promise<void> {
  const only = process.argv[2]
  if (!only || only === 'engine') {
    const r = runEngineBench()
    console.log(`engine: ${r.name}`)
    console.log(`  pods Running: ${r.running}/${r.pods} after ${fmt(r.virtualSeconds, 1)} s of virtual time`)
    console.log(`  pod births per second: ${fmt(r.podBirthsPerSecond)}`)
    console.log(`  trace events per second: ${fmt(r.traceEventsPerSecond)} (${fmt(r.traceEvents)} events in ${fmt(r.wallSeconds, 2)} s)`)
    console.log(`  peak memory (RSS): ${fmt(r.peakMemoryMB)} MB`)
  }
  // The scheduler_perf shapes (issue 3) are added with the scheduler framework.
}

void main()
