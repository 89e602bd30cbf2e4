/**
 * The container sections. Values from staging/src/k8s.io/kubectl/pkg/describe/describe_test.go (v0.35)
 * TestDescribeContainers and TestDescribeContainerPorts where named; layout from describe.go describeContainers.
 */
import { describe, expect, it } from 'vitest'
import type { Container, ContainerStatus } from '../../../api/types.ts'
import { describeContainers, describeProbe } from './containers.ts'
import { describePod } from './pod.ts'
import { PrefixWriter } from './tabwriter.ts'
import { NOW, T0, conditions, container, pod, runningStatus } from './testing.ts'

const section = (c: Container, s?: ContainerStatus) => {
  const w = new PrefixWriter()
  describeContainers('Containers', [c], s ? [s] : [], pod('p', {}, {}), w)
  return w.toString()
}

describe('a pod with an init container and a sidecar', () => {
  const web = pod(
    'web',
    {
      nodeName: 'worker-1',
      initContainers: [
        container('setup', { image: 'busybox:1.36', command: ['sh', '-c'], args: ['echo ready\necho done'] }),
        container('log-shipper', { image: 'fluent-bit:3.0', restartPolicy: 'Always' }),
      ],
      containers: [container('nginx')],
    },
    {
      phase: 'Running',
      hostIP: '192.168.49.3',
      podIP: '10.244.1.2',
      podIPs: [{ ip: '10.244.1.2' }],
      startTime: T0,
      qosClass: 'BestEffort',
      conditions: conditions(true),
      initContainerStatuses: [
        runningStatus('setup', {
          ready: false,
          started: false,
          state: {
            terminated: {
              exitCode: 0,
              reason: 'Completed',
              startedAt: '2026-01-01T12:00:01Z',
              finishedAt: '2026-01-01T12:00:01Z',
            },
          },
        }),
        runningStatus('log-shipper'),
      ],
      containerStatuses: [runningStatus('nginx', { state: { running: { startedAt: '2026-01-01T12:00:03Z' } } })],
    },
  )

  it('prints Init Containers before Containers, with Command, Args split on newlines, and each state', () => {
    const text = describePod(web, undefined, NOW)
    expect(text).toContain(`IPs:
  IP:  10.244.1.2
Init Containers:
  setup:
    Container ID:  containerd://setup0001
    Image:         busybox:1.36
    Image ID:      docker.io/library/nginx@sha256:50c3
    Port:          <none>
    Host Port:     <none>
    Command:
      sh
      -c
    Args:
      echo ready
      echo done
    State:          Terminated
      Reason:       Completed
      Exit Code:    0
      Started:      Thu, 01 Jan 2026 12:00:01 +0000
      Finished:     Thu, 01 Jan 2026 12:00:01 +0000
    Ready:          False
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-j764b (ro)
  log-shipper:
    Container ID:   containerd://log-shipper0001
    Image:          fluent-bit:3.0
    Image ID:       docker.io/library/nginx@sha256:50c3
    Port:           <none>
    Host Port:      <none>
    State:          Running
      Started:      Thu, 01 Jan 2026 12:00:02 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-j764b (ro)
Containers:
  nginx:
`)
  })
})

describe('a CrashLoopBackOff container', () => {
  const crashing = runningStatus('app', {
    ready: false,
    started: false,
    restartCount: 3,
    state: {
      waiting: {
        reason: 'CrashLoopBackOff',
        message: 'back-off 40s restarting failed container=app pod=app_default(app-uid)',
      },
    },
    lastState: {
      terminated: {
        exitCode: 1,
        reason: 'Error',
        startedAt: '2026-01-01T12:03:00Z',
        finishedAt: '2026-01-01T12:03:01Z',
      },
    },
  })

  it('shows State Waiting with its Reason only (describeStatus prints no Message for Waiting), then Last State', () => {
    expect(section(container('app', { image: 'busybox', volumeMounts: [] }), crashing)).toBe(`Containers:
  app:
    Container ID:   containerd://app0001
    Image:          busybox
    Image ID:       docker.io/library/nginx@sha256:50c3
    Port:           <none>
    Host Port:      <none>
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
      Started:      Thu, 01 Jan 2026 12:03:00 +0000
      Finished:     Thu, 01 Jan 2026 12:03:01 +0000
    Ready:          False
    Restart Count:  3
    Environment:    <none>
    Mounts:         <none>
`)
  })

  // TestDescribeContainers "Last Terminated": State Terminated with Signal, Last State only when terminated.
  it('TestDescribeContainers: a terminated state with a signal; no Last State when lastState is not terminated', () => {
    const text = section(
      container('test', { image: 'image' }),
      runningStatus('test', {
        ready: true,
        restartCount: 7,
        state: {
          terminated: { exitCode: 2, signal: 9, reason: 'potato', message: 'crashing', startedAt: T0, finishedAt: T0 },
        },
        lastState: { running: { startedAt: T0 } },
      }),
    )
    expect(text).toContain(
      '    State:          Terminated\n      Reason:       potato\n      Message:      crashing\n' +
        '      Exit Code:    2\n      Signal:       9\n',
    )
    expect(text).not.toContain('Last State')
    expect(text).toContain('    Ready:          True\n    Restart Count:  7\n')
  })

  it('a container without a status shows no Container ID, Image ID, State or Ready', () => {
    const text = section(container('test', { image: 'image', volumeMounts: [] }))
    expect(text).toBe(
      'Containers:\n  test:\n    Image:        image\n    Port:         <none>\n    Host Port:    <none>\n' +
        '    Environment:  <none>\n    Mounts:       <none>\n',
    )
  })
})

describe('container fields', () => {
  // TestDescribeContainerPorts "multiple ports with mixed configuration": three ports print as Ports / Host Ports.
  it('TestDescribeContainerPorts: several ports join with ", " under Ports and Host Ports', () => {
    const text = section(
      container('c', {
        ports: [
          { name: 'controller', containerPort: 9093, hostPort: 9093, protocol: 'TCP' },
          { containerPort: 9092, protocol: 'TCP' },
          { name: 'interbroker', containerPort: 9094, hostPort: 9094, protocol: 'TCP' },
        ],
      }),
    )
    expect(text).toContain(
      '    Ports:        9093/TCP (controller), 9092/TCP, 9094/TCP (interbroker)\n' +
        '    Host Ports:   9093/TCP (controller), 0/TCP, 9094/TCP (interbroker)\n',
    )
  })

  // TestDescribeContainers: envFrom rows "a123\tConfigMap with prefix 'p_'\tOptional: false", env "envname xyz".
  // "Environment Variables from:" has no tab, so its rows align on their own; spec.nodeName resolves to "" as
  // fieldpath.ExtractFieldPathAsString reads metadata only.
  it('TestDescribeContainers: Environment Variables from, Environment and downward-API values', () => {
    const text = section(
      container('test', {
        envFrom: [{ prefix: 'p_', configMapRef: { name: 'a123' } }, { secretRef: { name: 'a123', optional: true } }],
        env: [
          { name: 'envname', value: 'xyz' },
          { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
          { name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
          { name: 'CPU_LIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.cpu' } } },
          { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'pw' } } },
        ],
      }),
    )
    expect(text).toContain(`    Environment Variables from:
      a123  ConfigMap with prefix 'p_'  Optional: false
      a123  Secret                      Optional: true
    Environment:
      envname:    xyz
      POD_NAME:   p (v1:metadata.name)
      NODE:        (v1:spec.nodeName)
      CPU_LIMIT:  node allocatable (limits.cpu)
      PASSWORD:   <set to the key 'pw' in secret 'db'>  Optional: false
`)
  })

  // TestDescribeContainers "volumeMounts subPath": (rw,path="foo"); mounts sort by mountPath.
  it('TestDescribeContainers: mounts sorted by path, rw/ro and path="subPath"', () => {
    const text = section(
      container('c', {
        volumeMounts: [
          { name: 'mounted-volume', mountPath: '/opt/', subPath: 'foo' },
          { name: 'config', mountPath: '/etc/app', readOnly: true },
        ],
      }),
    )
    expect(text).toContain(
      '    Mounts:\n      /etc/app from config (ro)\n      /opt/ from mounted-volume (rw,path="foo")\n',
    )
  })
})

describe('DescribeProbe', () => {
  const attrs = {
    initialDelaySeconds: 0,
    timeoutSeconds: 1,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
  }
  it.each([
    [
      { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' } },
      'http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
    ],
    [
      { httpGet: { path: '/', port: 'http', host: '10.0.0.1', scheme: 'HTTPS' } },
      'http-get https://10.0.0.1:http/ delay=0s timeout=1s period=10s #success=1 #failure=3',
    ],
    [
      { exec: { command: ['cat', '/tmp/healthy'] } },
      'exec [cat /tmp/healthy] delay=0s timeout=1s period=10s #success=1 #failure=3',
    ],
    [{ tcpSocket: { port: 6379 } }, 'tcp-socket :6379 delay=0s timeout=1s period=10s #success=1 #failure=3'],
    [
      { grpc: { port: 9090, service: 'health' } },
      'grpc <pod>:9090 health delay=0s timeout=1s period=10s #success=1 #failure=3',
    ],
  ])('%j', (handler, want) => {
    expect(describeProbe({ ...attrs, ...handler })).toBe(want)
  })

  it('prints Liveness, Readiness and Startup in that order', () => {
    const p = { ...attrs, tcpSocket: { port: 80 } }
    const text = section(container('c', { startupProbe: p, readinessProbe: p, livenessProbe: p }))
    expect(text.indexOf('Liveness:')).toBeLessThan(text.indexOf('Readiness:'))
    expect(text.indexOf('Readiness:')).toBeLessThan(text.indexOf('Startup:'))
  })
})
