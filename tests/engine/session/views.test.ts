// The run seen from outside: slices of runFor give run()'s trace byte for byte (the worker streams with them), and
// the views answer at any step what kubectl would have printed then.
import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../../src/engine/index.ts'
import { cluster } from '../helpers.ts'
import { k } from './helpers.ts'

const SESSION = [k('create deployment web --image=nginx:1.27 --replicas=3'), k('scale deployment web --replicas=1')]

function sliced(maxCallbacks: number) {
  const sim = createSimulation({ cluster: cluster(), seed: 7 })
  sim.session(SESSION)
  let slices = 0
  while (sim.runFor(5 * 60 * 1000, maxCallbacks)) slices++
  return { sim, slices }
}

describe('Simulation.runFor', () => {
  it('gives the trace of one run(), byte for byte, whatever the slice size', () => {
    const whole = createSimulation({ cluster: cluster(), seed: 7 })
    whole.session(SESSION)
    whole.run(5 * 60 * 1000)
    const expected = JSON.stringify(whole.trace)
    for (const size of [1, 37, 5000]) {
      const { sim, slices } = sliced(size)
      expect(JSON.stringify(sim.trace)).toBe(expected)
      if (size === 37) expect(slices).toBeGreaterThan(10)
    }
  })
})

describe('Simulation.views', () => {
  const { sim } = sliced(5000)
  const views = sim.views()
  const last = sim.trace.length - 1
  const created = sim.trace.findIndex((e) => e.type === 'kcm:ReplicaSetSync')

  it('lists the session\'s Deployment and ReplicaSet at the playhead, with kubectl\'s wide columns', () => {
    const end = views.playhead(last)
    expect(end.getOwners).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR\n/)
    expect(end.getOwners).toMatch(/\ndeployment\.apps\/web\s+1\/1\s+1\s+1\s/)
    expect(end.getOwners).toMatch(/\nreplicaset\.apps\/web-[a-z0-9]{8,10}\s+1\s+1\s+1\s/)
    expect(end.names.namespaces).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system'])
    // Before the Deployment exists there is no owners table at all.
    expect(views.playhead(0).getOwners).toBeUndefined()
  })

  it('answers a console read as of the step: the past shows fewer pods', () => {
    const count = (out: string) => out.split('\n').filter((l) => /^web-/.test(l)).length
    const atEnd = views.answer(last, 'get pods')
    expect(atEnd.kind).toBe('read')
    expect(count(atEnd.stdout)).toBe(1)
    expect(count(views.answer(created, 'kubectl get pods').stdout)).toBeLessThan(3)
    expect(views.answer(last, 'get pods -n kube-system').stdout).toBe('')
    expect(views.answer(last, 'get pods -n kube-system').stderr).toBe('No resources found in kube-system namespace.\n')
    expect(views.answer(last, 'scale deployment web --replicas=2').kind).toBe('mutating')
    expect(views.answer(last, 'get pods --bogus').stderr).toBe('error: unknown flag: --bogus\nSee \'kubectl get --help\' for usage.\n')
  })
})
