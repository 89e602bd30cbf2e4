import { describe, expect, it } from 'vitest'
import type { Container } from '../../api/types.ts'
import { DEFAULT_REGISTRY } from '../../config.ts'
import type { RegistryImage } from '../../config.ts'
import { probeKillEvent, proberEvent } from './events.ts'
import { podFullName, probeURL, resolveContainerPort, runProbe } from './probe.ts'
import type { Probe, ProbeTarget } from './probe.ts'

const image = (repo: string): RegistryImage => {
  const found = DEFAULT_REGISTRY.find((r) => r.repository === repo)
  if (!found) throw new Error(`no ${repo} in the catalog`)
  return found
}
const AGNHOST = image('registry.k8s.io/e2e-test-images/agnhost')
const NGINX = image('docker.io/library/nginx')
const REDIS = image('docker.io/library/redis')

function target(img: RegistryImage | undefined, container: Partial<Container> = {}): ProbeTarget {
  return {
    container: { name: 'app', ...container },
    podIP: '10.244.1.5',
    image: img,
    podFullName: podFullName('web', 'default', 'uid-1'),
  }
}

describe('resolveContainerPort', () => {
  // Upstream: pkg/kubelet/prober/prober_test.go TestGetURLParts (its ok/port columns; the error texts are those of
  // pkg/probe/util.go ResolveContainerPort at v1.35, with its strconv.Atoi fallback).
  const container: Container = { name: 'c', ports: [{ name: 'found', containerPort: 93 }] }
  const cases: Array<[number | string, { port: number } | { error: string }]> = [
    [-1, { error: 'invalid port number: -1' }],
    ['', { error: 'strconv.Atoi: parsing "": invalid syntax' }],
    ['-1', { error: 'invalid port number: -1' }],
    ['not-found', { error: 'strconv.Atoi: parsing "not-found": invalid syntax' }],
    ['found', { port: 93 }],
    [76, { port: 76 }],
    ['118', { port: 118 }],
  ]
  it.each(cases)('port %j → %j', (port, want) => {
    expect(resolveContainerPort(port, container)).toEqual(want)
  })
})

describe('probeURL', () => {
  // Upstream: pkg/kubelet/prober/prober_test.go TestFormatURL.
  const cases: Array<[string, string, number, string, string]> = [
    ['http', 'localhost', 93, '', 'http://localhost:93'],
    ['https', 'localhost', 93, '/path', 'https://localhost:93/path'],
    ['http', 'localhost', 93, '?foo', 'http://localhost:93?foo'],
    ['https', 'localhost', 93, '/path?bar', 'https://localhost:93/path?bar'],
  ]
  it.each(cases)('%s %s %d %j → %s', (scheme, host, port, path, want) => {
    expect(probeURL(scheme, host, port, path)).toBe(want)
  })
  it('brackets an IPv6 host as net.JoinHostPort does', () => {
    expect(probeURL('http', 'fd00::5', 8080, '/healthz')).toBe('http://[fd00::5]:8080/healthz')
  })
})

describe('runProbe', () => {
  const http = (port: number | string, path = '/healthz', scheme = 'HTTP'): Probe => ({
    httpGet: { port, path, scheme },
    timeoutSeconds: 1,
  })

  it('an httpGet to a port the image serves succeeds', () => {
    const run = runProbe(http(8080), target(AGNHOST))
    expect(run).toMatchObject({ result: 'success', handler: 'httpGet', target: 'GET http://10.244.1.5:8080/healthz' })
  })

  it("an httpGet to a port nothing listens on fails with Go's dial error (net/http via pkg/probe/http/http.go)", () => {
    const run = runProbe(http(8081), target(AGNHOST))
    expect(run.result).toBe('failure')
    expect(run.output).toBe(
      'Get "http://10.244.1.5:8081/healthz": dial tcp 10.244.1.5:8081: connect: connection refused',
    )
  })

  it('a named port resolves from the container ports (probe.ResolveContainerPort)', () => {
    const run = runProbe(http('http'), target(AGNHOST, { ports: [{ name: 'http', containerPort: 8080 }] }))
    expect(run.result).toBe('success')
  })

  it('an unknown port name errors with the strconv.Atoi text (prober.go: probe.Unknown with an error)', () => {
    const run = runProbe(http('metrics'), target(AGNHOST))
    expect(run).toMatchObject({ result: 'unknown', error: 'strconv.Atoi: parsing "metrics": invalid syntax' })
    // pkg/kubelet/prober/prober.go probe: "%s probe errored and resulted in %s state: %s".
    expect(proberEvent('Readiness', run)).toEqual({
      eventType: 'Warning',
      reason: 'Unhealthy',
      message: 'Readiness probe errored and resulted in unknown state: strconv.Atoi: parsing "metrics": invalid syntax',
    })
  })

  // pkg/probe/http/http.go DoHTTPProbe: "HTTP probe failed with statuscode: %d".
  it('a static server answers 404 for a path it does not have', () => {
    const run = runProbe(http(80, '/healthz'), target(NGINX))
    expect(run).toMatchObject({ result: 'failure', output: 'HTTP probe failed with statuscode: 404' })
    expect(runProbe(http(80, '/'), target(NGINX)).result).toBe('success')
  })

  it('HTTPS against a plain HTTP server fails as Go reports it', () => {
    const run = runProbe(http(80, '/', 'HTTPS'), target(NGINX))
    expect(run.output).toBe('Get "https://10.244.1.5:80/": http: server gave HTTP response to HTTPS client')
  })

  it('tcpSocket: success on a served port, the dial error on another (pkg/probe/tcp/tcp.go DoTCPProbe)', () => {
    expect(runProbe({ tcpSocket: { port: 6379 } }, target(REDIS))).toMatchObject({ result: 'success', output: '' })
    const run = runProbe({ tcpSocket: { port: 3306 } }, target(REDIS))
    expect(run).toMatchObject({ result: 'failure', output: 'dial tcp 10.244.1.5:3306: connect: connection refused' })
  })

  it('grpc: a port without the health service times out connecting (pkg/probe/grpc/grpc.go, WithBlock dial)', () => {
    const run = runProbe({ grpc: { port: 9090 }, timeoutSeconds: 1 }, target(AGNHOST))
    expect(run.output).toBe('timeout: failed to connect service "10.244.1.5:9090" within 1s: context deadline exceeded')
    expect(run.tookMs).toBe(1000)
    const healthy = runProbe({ grpc: { port: 8080 } }, { ...target(AGNHOST), grpcHealthPorts: [8080] })
    expect(healthy).toMatchObject({ result: 'success', output: 'service healthy' })
  })

  it('exec: exit 0 succeeds, a non-zero exit fails (pkg/probe/exec/exec.go)', () => {
    expect(runProbe({ exec: { command: ['true'] } }, target(NGINX)).result).toBe('success')
    expect(runProbe({ exec: { command: ['sh', '-c', 'exit 1'] } }, target(NGINX)).result).toBe('failure')
  })

  // remote_runtime.go ExecSync: a deadline becomes TimeoutError "command %q timed out"; exec.go quotes it.
  it('exec: a command still running at timeoutSeconds fails with the TimeoutError text', () => {
    const run = runProbe({ exec: { command: ['sleep', '30'] }, timeoutSeconds: 2 }, target(NGINX))
    expect(run).toMatchObject({ result: 'failure', output: 'command "sleep 30" timed out', tookMs: 2000 })
  })

  it('exec: a binary the image lacks is an error from the runtime, not a failure', () => {
    const run = runProbe({ exec: { command: ['pg_isready'] } }, target(NGINX))
    expect(run.result).toBe('unknown')
    expect(run.error).toContain('exec: "pg_isready": executable file not found in $PATH')
  })

  it('no handler: the missing-handler error with format.Pod', () => {
    expect(runProbe({}, target(NGINX)).error).toBe('missing probe handler for web_default(uid-1):app')
  })
})

describe('events', () => {
  it('a failure records Unhealthy "<Type> probe failed: <output>" (prober.go probe)', () => {
    const run = runProbe({ tcpSocket: { port: 3306 } }, target(REDIS))
    expect(proberEvent('Liveness', run)).toEqual({
      eventType: 'Warning',
      reason: 'Unhealthy',
      message: 'Liveness probe failed: dial tcp 10.244.1.5:3306: connect: connection refused',
    })
  })
  it('a warning records ProbeWarning, a success nothing (prober.go probe)', () => {
    const output = 'Probe terminated redirects, Response body: '
    const base = { output, handler: 'httpGet' as const, target: '', tookMs: 1 }
    expect(proberEvent('Startup', { ...base, result: 'warning' })).toEqual({
      eventType: 'Warning',
      reason: 'ProbeWarning',
      message: 'Startup probe warning: Probe terminated redirects, Response body: ',
    })
    expect(proberEvent('Startup', { ...base, result: 'success' })).toBeUndefined()
  })
  it('the Killing message of computePodActions (kuberuntime_manager.go)', () => {
    expect(probeKillEvent('app', 'Liveness', 'Always')).toEqual({
      eventType: 'Normal',
      reason: 'Killing',
      message: 'Container app failed liveness probe, will be restarted',
    })
    expect(probeKillEvent('app', 'Startup', 'Never').message).toBe('Container app failed startup probe')
    // computeInitContainerActions (kuberuntime_manager.go) for a restartable init container.
    const sidecar = probeKillEvent('proxy', 'Liveness', 'Never', true)
    expect(sidecar.message).toBe('Init container proxy failed liveness probe')
  })
})
