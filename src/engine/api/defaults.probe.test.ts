import { describe, expect, it } from 'vitest'
import { defaultPod } from './defaults.ts'
import type { Container, KObject, Pod } from './types.ts'

const podWith = (c: Partial<Container>): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27', ...c }] },
})
/** first defaults the pod as the apiserver does (KObject in and out) and returns its container. */
const first = (p: Pod): Container => {
  const out: KObject = defaultPod<KObject>({ ...p })
  const c = (out as Pod).spec?.containers[0]
  if (!c) throw new Error('no container')
  return c
}

describe('probe defaults', () => {
  // Upstream: pkg/apis/core/v1/defaults.go SetDefaults_Probe and SetDefaults_HTTPGetAction.
  it('fills timeoutSeconds 1, periodSeconds 10, thresholds 1 and 3, path "/" and scheme HTTP', () => {
    const c = first(podWith({ readinessProbe: { httpGet: { port: 80 } } }))
    expect(c.readinessProbe).toEqual({
      httpGet: { port: 80, path: '/', scheme: 'HTTP' },
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    })
  })
  it('keeps what is set, and 0 counts as unset', () => {
    const probe = { tcpSocket: { port: 80 }, periodSeconds: 5, failureThreshold: 0, initialDelaySeconds: 3 }
    const c = first(podWith({ livenessProbe: probe, startupProbe: { exec: { command: ['true'] } } }))
    expect(c.livenessProbe).toMatchObject({ periodSeconds: 5, failureThreshold: 3, initialDelaySeconds: 3 })
    expect(c.startupProbe).toMatchObject({ timeoutSeconds: 1, periodSeconds: 10 })
  })
  it('defaults grpc.service to "" (the +default="" of GRPCAction.Service)', () => {
    const c = first(podWith({ livenessProbe: { grpc: { port: 9090 } } }))
    expect(c.livenessProbe?.grpc).toEqual({ port: 9090, service: '' })
  })
  it('defaults the httpGet of a lifecycle handler too', () => {
    const c = first(podWith({ lifecycle: { postStart: { httpGet: { port: 80, path: '/start' } } } }))
    expect(c.lifecycle?.postStart?.httpGet).toEqual({ port: 80, path: '/start', scheme: 'HTTP' })
  })
})
