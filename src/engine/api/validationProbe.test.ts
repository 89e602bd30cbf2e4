import { describe, expect, it } from 'vitest'
import type { Container } from './types.ts'
import { portNameErrors, validateProbes } from './validationProbe.ts'

const texts = (c: Partial<Container>, path = 'spec.containers[0]') =>
  validateProbes({ name: 'app', ...c }, path).map((e) => `${e.field}: ${e.message}`)

// Strings from pkg/apis/core/validation/validation.go (validateHandler, validateProbe, validateLivenessProbe,
// validateReadinessProbe, validateInitContainers) and apimachinery's IsValidPortName / IsValidPortNum.
describe('validateProbes', () => {
  it('a probe needs exactly one handler', () => {
    expect(texts({ livenessProbe: { periodSeconds: 5 } })).toEqual([
      'spec.containers[0].livenessProbe: Required value: must specify a handler type',
    ])
    expect(texts({ readinessProbe: { exec: { command: ['true'] }, tcpSocket: { port: 80 } } })).toEqual([
      'spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
    ])
  })
  it('liveness and startup successThreshold must be 1; counts must not be negative', () => {
    const liveness = { tcpSocket: { port: 80 }, successThreshold: 2, initialDelaySeconds: -1 }
    expect(texts({ livenessProbe: liveness })).toEqual([
      'spec.containers[0].livenessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0',
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
    ])
    expect(texts({ readinessProbe: { tcpSocket: { port: 80 }, successThreshold: 2 } })).toEqual([])
  })
  it('ports: a number in 1..65535 or an IANA_SVC_NAME', () => {
    expect(texts({ readinessProbe: { httpGet: { port: 0 } } })).toEqual([
      'spec.containers[0].readinessProbe.httpGet.port: Invalid value: 0: must be between 1 and 65535, inclusive',
    ])
    expect(texts({ readinessProbe: { httpGet: { port: '8080' } } })).toEqual([
      'spec.containers[0].readinessProbe.httpGet.port: Invalid value: "8080": must contain at least one letter (a-z)',
    ])
    expect(portNameErrors('-HTTP--')).toEqual([
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must contain at least one letter (a-z)',
      'must not contain consecutive hyphens',
      'must not begin or end with a hyphen',
    ])
  })
  it('the scheme is HTTP or HTTPS; an exec needs a command', () => {
    expect(texts({ startupProbe: { httpGet: { port: 80, scheme: 'FTP' } } })).toEqual([
      'spec.containers[0].startupProbe.httpGet.scheme: Unsupported value: "FTP": supported values: "HTTP", "HTTPS"',
    ])
    expect(texts({ startupProbe: { exec: { command: [] } } })).toEqual([
      'spec.containers[0].startupProbe.exec.command: Required value',
    ])
  })
  it('init containers without restartPolicy Always may not have probes; sidecars may', () => {
    const probe = { exec: { command: ['true'] } }
    expect(texts({ readinessProbe: probe }, 'spec.initContainers[0]')).toEqual([
      'spec.initContainers[0].readinessProbe: Forbidden: ' +
        'may not be set for init containers without restartPolicy=Always',
    ])
    expect(texts({ readinessProbe: probe, restartPolicy: 'Always' }, 'spec.initContainers[0]')).toEqual([])
  })
})
