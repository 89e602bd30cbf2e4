import { describe, expect, it } from 'vitest'
import type { ProbeStep } from '../prober/traceTypes.ts'
import { PROBER_NARRATION } from './prober.ts'

const N = PROBER_NARRATION['prober:Probe']

const liveness: ProbeStep = {
  probeType: 'Liveness',
  container: 'app',
  handler: 'httpGet',
  target: 'GET http://10.244.1.5:8080/healthz',
  result: 'failure',
  output: 'Get "http://10.244.1.5:8080/healthz": dial tcp 10.244.1.5:8080: connect: connection refused',
  counted: 'Failure',
  consecutive: 3,
  threshold: 3,
  periodSeconds: 10,
  timeoutSeconds: 1,
  tookMs: 1,
  set: 'Failure',
  change: 'restart',
  event: { eventType: 'Warning', reason: 'Unhealthy', message: 'Liveness probe failed: …' },
  kill: { message: 'Container app failed liveness probe, will be restarted', restart: true },
}

describe('prober narration', () => {
  it('the summary says the run, the tally and the change', () => {
    expect(N.summary({ details: liveness })).toBe(
      'Liveness probe of app: GET http://10.244.1.5:8080/healthz failed: ' +
        'Get "http://10.244.1.5:8080/healthz": dial tcp 10.244.1.5:8080: connect: connection refused (3/3) → restart',
    )
  })
  it('the story uses the step values and says the container restarts', () => {
    const story = N.story({ details: liveness })
    expect(story).toContain('Every 10s the kubelet probes app')
    expect(story).toContain('failure 3 of failureThreshold 3')
    expect(story).toContain('Killing "Container app failed liveness probe, will be restarted"')
  })
  it('a run below the threshold changes nothing yet; an errored run does not count', () => {
    const below = { ...liveness, consecutive: 1, set: undefined, change: 'none' as const, kill: undefined }
    const expected = 'failure 1 in a row, below failureThreshold 3, so nothing changes yet'
    expect(N.story({ details: below })).toContain(expected)
    expect(N.summary({ details: below })).not.toContain('→')
    const errored = { ...below, result: 'unknown' as const, error: 'strconv.Atoi: parsing "http": invalid syntax' }
    expect(N.summary({ details: errored })).toBe(
      'Liveness probe of app: GET http://10.244.1.5:8080/healthz errored: strconv.Atoi: parsing "http": invalid syntax',
    )
    expect(N.source({ details: errored })).toBe('pkg/kubelet/prober/prober.go')
  })
  it('the expert text names doProbe and runProbeWithRetries', () => {
    const expert = N.expert({ details: liveness })
    expect(expert).toContain('doProbe')
    expect(expert).toContain('runProbeWithRetries')
    expect(expert).toContain('computePodActions')
    expect(N.docs).toBe('https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/')
  })
})
