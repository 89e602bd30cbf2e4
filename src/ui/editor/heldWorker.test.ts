import { describe, expect, it } from 'vitest'
import { HOLD_LIMIT_MS, workerHold } from './heldWorker.ts'

/** A stand-in worker that records what reaches it, and timers the test fires by hand. */
function setup() {
  const sent: unknown[] = []
  const worker = { postMessage(m: unknown) { sent.push(m) } }
  const due: { f: () => void; ms: number; cleared: boolean }[] = []
  const hold = workerHold({
    set: (f, ms) => { const t = { f, ms, cleared: false }; due.push(t); return t },
    clear: (h) => { (h as { cleared: boolean }).cleared = true },
  })
  hold.holdable(worker)
  return { sent, worker, due, hold }
}

describe('workerHold', () => {
  it('passes requests straight through when nothing holds them', () => {
    const { sent, worker } = setup()
    worker.postMessage('a')
    expect(sent).toEqual(['a'])
  })

  it('holds requests while a run streams and sends them in order when it ends', () => {
    const { sent, worker, hold } = setup()
    hold.hold(true)
    worker.postMessage('validate')
    worker.postMessage('folding')
    expect(sent).toEqual([])
    expect(hold.waiting()).toBe(2)
    hold.hold(false)
    expect(sent).toEqual(['validate', 'folding'])
    expect(hold.waiting()).toBe(0)
    worker.postMessage('hover')
    expect(sent).toEqual(['validate', 'folding', 'hover'])
  })

  it('lets requests go after HOLD_LIMIT_MS of a long run, and holds again at the next run', () => {
    const { sent, worker, due, hold } = setup()
    hold.hold(true)
    worker.postMessage('validate')
    expect(due).toHaveLength(1)
    expect(due[0].ms).toBe(HOLD_LIMIT_MS)
    due[0].f() // the limit passes while the run still streams
    expect(sent).toEqual(['validate'])
    worker.postMessage('hover')
    expect(sent).toEqual(['validate', 'hover'])
    hold.hold(false) // the run ends: nothing was waiting
    hold.hold(true)
    worker.postMessage('complete')
    expect(sent).toEqual(['validate', 'hover'])
    hold.hold(false)
    expect(sent).toEqual(['validate', 'hover', 'complete'])
    expect(due[1].cleared).toBe(true)
  })

  it('does not restart the limit when asked to hold twice', () => {
    const { due, hold } = setup()
    hold.hold(true)
    hold.hold(true)
    expect(due).toHaveLength(1)
  })
})
