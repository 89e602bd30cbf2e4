/**
 * `kubectl describe pod`, whole texts. Layout from staging/src/k8s.io/kubectl/pkg/describe/describe.go describePod
 * (v0.35) through one Go tabwriter (padding 2), as real `kubectl describe pod` prints them.
 */
import { describe, expect, it } from 'vitest'
import { describePod } from './pod.ts'
import { API_ACCESS_MOUNT, NOW, T0, conditions, container, event, pod, runningStatus } from './testing.ts'

const NGINX_HEAD = `Name:             nginx
Namespace:        default
Priority:         0
Service Account:  default
Node:             worker-2/192.168.49.4
Start Time:       Thu, 01 Jan 2026 12:00:00 +0000
Labels:           app=web
                  tier=frontend
Annotations:      <none>
`

const VOLUMES_TAIL = `Volumes:
  kube-api-access-j764b:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    Optional:                false
    DownwardAPI:             true
`

const nginx = pod(
  'nginx',
  {
    nodeName: 'worker-2',
    containers: [
      container('nginx', {
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        resources: { requests: { cpu: '0.1', memory: '128Mi' }, limits: { memory: '256Mi' } },
        readinessProbe: {
          httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' },
          timeoutSeconds: 1,
          periodSeconds: 10,
          successThreshold: 1,
          failureThreshold: 3,
        },
      }),
    ],
  },
  {
    phase: 'Running',
    hostIP: '192.168.49.4',
    hostIPs: [{ ip: '192.168.49.4' }],
    podIP: '10.244.2.2',
    podIPs: [{ ip: '10.244.2.2' }],
    startTime: T0,
    qosClass: 'Burstable',
    conditions: conditions(true),
    containerStatuses: [runningStatus('nginx')],
  },
  { labels: { tier: 'frontend', app: 'web' } },
)

const nginxEvents = [
  event('Scheduled', 'Successfully assigned default/nginx to worker-2', T0, {
    source: { component: 'default-scheduler' },
  }),
  event(
    'Pulled',
    'Container image "nginx:1.27" already present on machine and can be accessed by the pod',
    '2026-01-01T12:00:01Z',
    { involvedObject: { kind: 'Pod', namespace: 'default', name: 'nginx', fieldPath: 'spec.containers{nginx}' } },
  ),
]

describe('describePod', () => {
  it('a Running nginx pod: every field in upstream order, the projected token volume, the Events table', () => {
    expect(describePod(nginx, nginxEvents, NOW)).toBe(`${NGINX_HEAD}Status:           Running
IP:               10.244.2.2
IPs:
  IP:  10.244.2.2
Containers:
  nginx:
    Container ID:   containerd://nginx0001
    Image:          nginx:1.27
    Image ID:       docker.io/library/nginx@sha256:50c3
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Thu, 01 Jan 2026 12:00:02 +0000
    Ready:          True
    Restart Count:  0
    Limits:
      memory:  256Mi
    Requests:
      cpu:        100m
      memory:     128Mi
    Readiness:    http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3
    Environment:  <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-j764b (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
${VOLUMES_TAIL}QoS Class:                   Burstable
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age    From               Message
  ----    ------     ----   ----               -------
  Normal  Scheduled  5m     default-scheduler  Successfully assigned default/nginx to worker-2
  Normal  Pulled     4m59s  kubelet            spec.containers{nginx}: Container image "nginx:1.27" already present \
on machine and can be accessed by the pod
`)
  })

  it('a terminating pod: Status Terminating (lasts …) and its Termination Grace Period', () => {
    const deleting = pod(
      'nginx',
      { ...nginx.spec },
      { ...nginx.status },
      { labels: nginx.metadata?.labels, deletionTimestamp: '2026-01-01T12:04:47Z', deletionGracePeriodSeconds: 30 },
    )
    const text = describePod(deleting, [], NOW)
    expect(text).toContain(`Annotations:               <none>
Status:                    Terminating (lasts 13s)
Termination Grace Period:  30s
IP:                        10.244.2.2
IPs:
`)
    // A finished pod that is being deleted keeps its phase (describePod checks PodFailed / PodSucceeded).
    const done = pod(
      'job',
      { nodeName: 'worker-1' },
      { phase: 'Succeeded' },
      { deletionTimestamp: '2026-01-01T12:04:47Z', deletionGracePeriodSeconds: 30 },
    )
    expect(describePod(done, undefined, NOW)).toContain('\nStatus:           Succeeded\n')
  })

  // Node <none>, no Start Time, an empty IP, IPs <none>, and Events <none> aligned with the fields above it.
  it('a pending unschedulable pod', () => {
    const big = pod(
      'big',
      { containers: [container('app', { image: 'busybox', resources: { requests: { cpu: '64' } } })] },
      {
        phase: 'Pending',
        qosClass: 'Burstable',
        conditions: [
          { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/3 nodes are available' },
        ],
      },
    )
    expect(describePod(big, [], NOW)).toBe(`Name:             big
Namespace:        default
Priority:         0
Service Account:  default
Node:             <none>
Labels:           <none>
Annotations:      <none>
Status:           Pending
IP:               
IPs:              <none>
Containers:
  app:
    Image:      busybox
    Port:       <none>
    Host Port:  <none>
    Requests:
      cpu:        64
    Environment:  <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-j764b (ro)
Conditions:
  Type           Status
  PodScheduled   False 
${VOLUMES_TAIL}QoS Class:                   Burstable
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:                      <none>
`)
  })

  // describe_test.go TestDescribePodVolumes: its expected text, with an emptyDir in place of the image volume
  // (kubernetes-types has no image volume source); the alignment of the fields around it is upstream's.
  it('TestDescribePodVolumes: a bare pod with no status', () => {
    const bare = {
      metadata: { name: 'bar', namespace: 'foo' },
      spec: { containers: [], volumes: [{ name: 'image', emptyDir: {} }] },
    }
    expect(describePod(bare, [], NOW)).toBe(`Name:         bar
Namespace:    foo
Node:         <none>
Labels:       <none>
Annotations:  <none>
Status:       
IP:           
IPs:          <none>
Containers: <none>
Volumes:
  image:
    Type:        EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:      
    SizeLimit:   <unset>
QoS Class:       BestEffort
Node-Selectors:  <none>
Tolerations:     <none>
Events:          <none>
`)
  })

  it('Controlled By, NominatedNodeName, Priority Class Name; Mounts and Volumes <none> without a token', () => {
    const owned = pod(
      'web-1',
      { priority: 1000, priorityClassName: 'high', containers: [container('c', { volumeMounts: [] })], volumes: [] },
      { phase: 'Pending', nominatedNodeName: 'worker-1' },
      { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'u', controller: true }] },
    )
    const text = describePod(owned, undefined, NOW)
    expect(text).toContain('Priority:             1000\nPriority Class Name:  high\n')
    expect(text).toContain('Controlled By:        ReplicaSet/web\nNominatedNodeName:    worker-1\n')
    // Mounts and Volumes both have a tab, so they share the column block of the container's fields.
    expect(text).toContain('    Mounts:       <none>\nVolumes:          <none>\nQoS Class:        BestEffort\n')
    expect(text).not.toContain('Events')
    expect(API_ACCESS_MOUNT.mountPath).toBe('/var/run/secrets/kubernetes.io/serviceaccount')
  })
})
