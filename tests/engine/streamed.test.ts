/**
 * The worker streams steps while the run goes on (src/worker/sim.worker.ts), so the page keeps each step as it was
 * when posted. A step whose details changed after it was emitted would differ between the page and the engine's
 * trace: every step must read the same when it is emitted as at the end of the run. The trace writes each step's
 * seq, time and summary when its steps are read, not at the emit, which is right only because of this too.
 */
import { describe, expect, it } from 'vitest'
import { SCENARIOS } from '../../src/scenarios/index.ts'
import { createSimulation } from '../../src/engine/index.ts'
import type { Simulation } from '../../src/engine/index.ts'
import type { TraceEvent } from '../../src/engine/events.ts'
import { summarize } from '../../src/engine/narration/index.ts'
import { cluster } from './helpers.ts'
import { k, ROLLOUT_AND_UNDO } from './session/helpers.ts'

/** The first step whose JSON changed after its emit, or null. */
function firstChanged(sim: Simulation, run: () => void): { index: number; type: string } | null {
  const atEmit: string[] = []
  // The trace writes seq, t and the summary when the steps are read: a copy is given them here, in the same order,
  // so a step whose data changed after its emit tells by a changed summary as well.
  sim.ctx.trace.subscribe((e, seq, t) => {
    const at = { ...e }
    at.seq = seq
    at.t = t
    at.summary = summarize(at as TraceEvent)
    atEmit.push(JSON.stringify(at))
  })
  run()
  const index = sim.trace.findIndex((e, i) => JSON.stringify(e) !== atEmit[i])
  return index < 0 ? null : { index, type: sim.trace[index].type }
}

describe('every step reads the same at its emit as at the end of the run', () => {
  for (const s of SCENARIOS) {
    it(s.id, () => {
      const sim = createSimulation({ cluster: cluster(s.cluster), seed: s.seed ?? 1 })
      expect(firstChanged(sim, () => {
        sim.apply({ files: [{ name: 'pod.yaml', text: s.manifest }], user: s.user })
        sim.run(s.untilMs)
      })).toBeNull()
    })
  }

  it('a Deployment rolled out, updated, undone and scaled (the controllers\' steps)', () => {
    const sim = createSimulation({ cluster: cluster(), seed: 1 })
    const commands = [...ROLLOUT_AND_UNDO, k('scale deployment/web --replicas=3')]
    expect(firstChanged(sim, () => {
      sim.session(commands)
      sim.run(5 * 60 * 1000)
    })).toBeNull()
    expect(sim.sessionResults.map((r) => r.exitCode)).toEqual(commands.map(() => 0))
  })
})
