// Ported from pkg/kubelet/prober/worker_test.go (test names kept; the v1.35 behaviour, i.e. the doProbe that
// worker_legacy.go keeps once MutableContainerProbes arrives). A test worker's probe, as newTestWorker in
// common_test.go builds it, has successThreshold 1 and failureThreshold 1 unless the test says otherwise.
import { describe, expect, it } from 'vitest'
import { sec } from '../../sim/kernel.ts'
import type { ProbeResult, ProbeRun, ProbeType } from './probe.ts'
import { doProbe, newWorkerState } from './worker.ts'
import type { DoProbeOutcome, PodObservation, WorkerResult, WorkerState } from './worker.ts'

const TEST_CONTAINER_ID = 'test://cOnTaInEr_Id'
const NOW = sec(1000)

interface Spec {
  initialDelaySeconds?: number
  successThreshold?: number
  failureThreshold?: number
}

/** A worker driven by a fake prober, as fakeExecProber drives upstream's. */
class TestWorker {
  state: WorkerState = newWorkerState()
  answer: ProbeResult = 'success'
  probes = 0
  readonly type: ProbeType
  readonly spec: Spec
  constructor(type: ProbeType, spec: Spec = {}) {
    this.type = type
    this.spec = spec
  }
  doProbe(obs: PodObservation | undefined, now = NOW): DoProbeOutcome {
    const spec = { successThreshold: 1, failureThreshold: 1, ...this.spec }
    const run = (): ProbeRun => {
      this.probes++
      return { result: this.answer, output: '', handler: 'exec', target: 'exec [/bin/true]', tookMs: 1 }
    }
    const out = doProbe(this.type, spec, this.state, obs, now, run)
    this.state = out.state
    return out
  }
  get result(): WorkerResult | undefined {
    return this.state.cached
  }
}

/** getTestRunningStatusWithStarted: phase Running, the container running since NOW, Started as given. */
function running(started: boolean, over: Partial<NonNullable<PodObservation['container']>> = {}): PodObservation {
  return {
    phase: 'Running',
    deleting: false,
    restartPolicy: 'Never',
    sidecar: false,
    container: { containerID: TEST_CONTAINER_ID, running: { startedAt: NOW }, terminated: false, started, ...over },
  }
}

const TYPES: ProbeType[] = ['Liveness', 'Readiness', 'Startup']

describe('TestDoProbe', () => {
  interface Case {
    name: string
    status?: (started: boolean) => PodObservation
    spec?: Spec
    keepGoing: Record<ProbeType, boolean>
    result?: WorkerResult
  }
  const all = (v: boolean): Record<ProbeType, boolean> => ({ Liveness: v, Readiness: v, Startup: v })
  const cases: Case[] = [
    { name: 'No status', keepGoing: all(true) },
    { name: 'Pod failed', status: (s) => ({ ...running(s), phase: 'Failed' }), keepGoing: all(false) },
    {
      name: 'Pod deletion',
      status: (s) => ({ ...running(s), deleting: true }),
      keepGoing: { Liveness: false, Readiness: true, Startup: false },
      result: 'Success',
    },
    {
      name: 'No container status',
      status: (s) => ({ ...running(s), container: undefined }),
      keepGoing: all(true),
    },
    {
      name: 'Container waiting',
      status: (s) => running(s, { running: undefined }),
      keepGoing: all(true),
      result: 'Failure',
    },
    {
      name: 'Container terminated',
      status: (s) => running(s, { running: undefined, terminated: true }),
      keepGoing: all(false),
      result: 'Failure',
    },
    { name: 'Probe successful', status: running, keepGoing: all(true), result: 'Success' },
    {
      name: 'Initial delay passed',
      status: running,
      spec: { initialDelaySeconds: -100 },
      keepGoing: all(true),
      result: 'Success',
    },
  ]
  for (const type of TYPES) {
    it.each(cases)(`${type}: $name`, (c) => {
      const w = new TestWorker(type, c.spec)
      const out = w.doProbe(c.status?.(type !== 'Startup'))
      expect(out.keepGoing).toBe(c.keepGoing[type])
      expect(w.result).toBe(c.result)
    })
  }
})

describe('TestInitialDelay', () => {
  it.each(TYPES)('%s', (type) => {
    const w = new TestWorker(type, { initialDelaySeconds: 10 })
    expect(w.doProbe(running(type !== 'Startup')).keepGoing).toBe(true)
    // The initial value: Success for liveness, Failure for readiness, Unknown for startup.
    expect(w.result).toBe({ Liveness: 'Success', Readiness: 'Failure', Startup: 'Unknown' }[type])
    // 100 seconds later...
    const later = running(type !== 'Startup', { running: { startedAt: NOW - sec(100) } })
    expect(w.doProbe(later).keepGoing).toBe(true)
    expect(w.result).toBe('Success')
  })
})

describe('TestFailureThreshold', () => {
  it('readiness, successThreshold 1, failureThreshold 3', () => {
    const w = new TestWorker('Readiness', { successThreshold: 1, failureThreshold: 3 })
    for (let i = 0; i < 2; i++) {
      w.answer = 'success'
      for (let j = 0; j < 3; j++) {
        w.doProbe(running(true))
        expect(w.result, `${j + 1} success (${i})`).toBe('Success')
      }
      w.answer = 'failure'
      for (let j = 0; j < 2; j++) {
        w.doProbe(running(true))
        expect(w.result, `${j + 1} failing (${i})`).toBe('Success')
      }
      for (let j = 0; j < 3; j++) {
        w.doProbe(running(true))
        expect(w.result, `${j + 3} failure (${i})`).toBe('Failure')
      }
    }
  })
})

describe('TestSuccessThreshold', () => {
  it('readiness, successThreshold 3, failureThreshold 1', () => {
    const w = new TestWorker('Readiness', { successThreshold: 3, failureThreshold: 1 })
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) {
        w.doProbe(running(true))
        expect(w.result, `${j + 1} success (${i})`).toBe('Failure')
      }
      for (let j = 0; j < 3; j++) {
        w.doProbe(running(true))
        expect(w.result, `${j + 3} success (${i})`).toBe('Success')
      }
      w.answer = 'failure'
      w.doProbe(running(true))
      expect(w.result, `1 failure (${i})`).toBe('Failure')
      w.answer = 'success'
    }
  })
})

describe('TestStartupProbeSuccessThreshold', () => {
  it('goes on hold with resultRun 0 once the success is reported', () => {
    const w = new TestWorker('Startup', { successThreshold: 1, failureThreshold: 3 })
    expect(w.state.onHold).toBe(false)
    w.doProbe(running(false))
    expect(w.result).toBe('Success')
    expect(w.state.onHold).toBe(true)
    expect(w.state.resultRun).toBe(0)
  })
})

describe('TestStartupProbeFailureThreshold', () => {
  it('stays Unknown below the threshold, then Failure and on hold', () => {
    const w = new TestWorker('Startup', { successThreshold: 1, failureThreshold: 3 })
    w.answer = 'failure'
    for (let i = 0; i < 3; i++) {
      expect(w.state.onHold).toBe(false)
      expect(w.doProbe(running(false)).keepGoing).toBe(true)
      if (i < 2) {
        expect(w.result).toBe('Unknown')
        expect(w.state.resultRun).toBe(i + 1)
      } else {
        expect(w.result).toBe('Failure')
        expect(w.state.resultRun).toBe(0)
      }
    }
    expect(w.state.onHold).toBe(true)
    expect(w.state.resultRun).toBe(0)
  })
})

describe('TestOnHoldOnLivenessOrStartupCheckFailure', () => {
  it.each(['Liveness', 'Startup'] as const)('%s', (type) => {
    const w = new TestWorker(type, { successThreshold: 1, failureThreshold: 1 })
    const status = running(type !== 'Startup')
    w.answer = 'failure'
    w.doProbe(status)
    expect(w.result, 'first probe').toBe('Failure')
    expect(w.state.onHold).toBe(true)
    w.answer = 'success'
    w.doProbe(status)
    expect(w.result, 'while on hold').toBe('Failure')
    expect(w.state.onHold).toBe(true)
    // A new container ID lifts the hold.
    w.doProbe(running(type !== 'Startup', { containerID: 'test://newCont_ID' }))
    expect(w.result, 'hold lifted').toBe('Success')
    expect(w.state.onHold).toBe(type === 'Startup')
  })
})

describe('TestResultRunOnLivenessCheckFailure', () => {
  it('counts failures from 1 after a success and resets to 0 at the threshold', () => {
    const w = new TestWorker('Liveness', { successThreshold: 1, failureThreshold: 3 })
    const steps: Array<[ProbeResult, WorkerResult, number]> = [
      ['success', 'Success', 1],
      ['failure', 'Success', 1],
      ['failure', 'Success', 2],
      ['failure', 'Failure', 0],
    ]
    for (const [answer, result, run] of steps) {
      w.answer = answer
      w.doProbe(running(true))
      expect(w.result).toBe(result)
      expect(w.state.resultRun).toBe(run)
    }
  })
})

describe('TestResultRunOnStartupCheckFailure', () => {
  it('Unknown, Unknown, then Failure with resultRun reset', () => {
    const w = new TestWorker('Startup', { successThreshold: 1, failureThreshold: 3 })
    w.answer = 'failure'
    const steps: Array<[WorkerResult, number]> = [
      ['Unknown', 1],
      ['Unknown', 2],
      ['Failure', 0],
    ]
    for (const [result, run] of steps) {
      w.doProbe(running(false))
      expect(w.result).toBe(result)
      expect(w.state.resultRun).toBe(run)
    }
  })
})

describe('TestLivenessProbeDisabledByStarted', () => {
  it('liveness does not run until the container has started', () => {
    const w = new TestWorker('Liveness', { successThreshold: 1, failureThreshold: 1 })
    w.answer = 'failure'
    w.doProbe(running(false))
    expect(w.result, 'Not started, probe failure, result success').toBe('Success')
    expect(w.probes).toBe(0)
    w.doProbe(running(true))
    expect(w.result, 'Started, probe failure, result failure').toBe('Failure')
  })
})

describe('TestStartupProbeDisabledByStarted', () => {
  it('startup stops probing once the container has started', () => {
    const w = new TestWorker('Startup', { successThreshold: 1, failureThreshold: 2 })
    w.answer = 'failure'
    w.doProbe(running(false))
    expect(w.result, 'Not started, probe failure, result unknown').toBe('Unknown')
    w.answer = 'success'
    w.doProbe(running(false))
    expect(w.result, 'Not started, probe success, result success').toBe('Success')
    w.answer = 'failure'
    w.doProbe(running(true))
    expect(w.result, 'Started, probe failure, result success').toBe('Success')
  })
})

// Not upstream tests: what the reducer reports to the shell.
describe('what doProbe reports', () => {
  it('readiness turns ready on its first success, unready when failures reach the threshold', () => {
    const w = new TestWorker('Readiness', { successThreshold: 1, failureThreshold: 2 })
    expect(w.doProbe(running(true)).change).toBe('ready')
    w.answer = 'failure'
    const first = w.doProbe(running(true))
    expect(first).toMatchObject({ change: 'none', skipped: 'belowThreshold' })
    // prober.go records Unhealthy for every failed run, below the threshold too.
    expect(first.event?.reason).toBe('Unhealthy')
    expect(w.doProbe(running(true))).toMatchObject({ change: 'unready', set: 'Failure' })
  })
  it('a liveness failure at the threshold means restart; a new container starts from Success again', () => {
    const w = new TestWorker('Liveness', { failureThreshold: 3 })
    w.answer = 'failure'
    expect(w.doProbe(running(true)).change).toBe('none')
    expect(w.doProbe(running(true)).change).toBe('none')
    expect(w.doProbe(running(true))).toMatchObject({ change: 'restart', set: 'Failure' })
    w.answer = 'success'
    const restarted = running(true, { containerID: 'containerd://second', running: { startedAt: NOW + sec(5) } })
    expect(w.doProbe(restarted, NOW + sec(10))).toMatchObject({ change: 'none', set: 'Success' })
    expect(w.state).toMatchObject({ containerID: 'containerd://second', onHold: false, resultRun: 1 })
  })
  it('a startup success means started; an errored probe is thrown away', () => {
    const w = new TestWorker('Startup', { failureThreshold: 3 })
    const errored = doProbe('Startup', { failureThreshold: 3 }, w.state, running(false), NOW, () => ({
      result: 'unknown',
      output: '',
      error: 'boom',
      handler: 'exec',
      target: '',
      tookMs: 1,
    }))
    expect(errored).toMatchObject({ skipped: 'errored', change: 'none' })
    expect(errored.state.resultRun).toBe(0)
    expect(errored.event?.message).toBe('Startup probe errored and resulted in unknown state: boom')
    expect(w.doProbe(running(false)).change).toBe('started')
  })
  it('initialDelaySeconds counts whole seconds since startedAt (int32 of Seconds())', () => {
    const w = new TestWorker('Readiness', { initialDelaySeconds: 5 })
    expect(w.doProbe(running(true), NOW + sec(4.9)).skipped).toBe('initialDelay')
    expect(w.doProbe(running(true), NOW + sec(5)).change).toBe('ready')
  })
})
