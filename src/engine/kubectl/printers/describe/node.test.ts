/**
 * `kubectl describe node`. The resource tables are ported from staging/src/k8s.io/kubectl/pkg/describe/
 * describe_test.go TestDescribeNode and TestDescribeNodeWithSidecar (v0.35); the whole text is a podbirth-shaped node
 * laid out as kubectl v1.35 prints it.
 */
import { describe, expect, it } from 'vitest'
import type { Lease } from 'kubernetes-types/coordination/v1'
import type { Container, KEvent, Node, Pod } from '../../../api/types.ts'
import { describeNode, taintToString } from './node.ts'

const NOW = Date.parse('2026-01-01T12:05:00Z')
const T0 = '2026-01-01T12:00:00Z'

describe('describeNode (TestDescribeNode)', () => {
  const node: Node = {
    metadata: { name: 'bar', uid: 'uid' },
    spec: { unschedulable: true },
    status: {
      capacity: { 'hugepages-2Mi': '4Gi', cpu: '8', memory: '24Gi', 'hugepages-1Gi': '0' },
      allocatable: { 'hugepages-2Mi': '2Gi', cpu: '4', memory: '12Gi', 'hugepages-1Gi': '0' },
    },
  }
  const lease: Lease = {
    metadata: { name: 'bar', namespace: 'kube-node-lease' },
    spec: {
      holderIdentity: 'holder',
      acquireTime: '2026-01-01T11:05:00.000000Z',
      renewTime: '2026-01-01T12:05:00.000000Z',
    },
  }
  const events: KEvent[] = ['NodeHasNoDiskPressure', 'NodeReady'].map((s, i) => ({
    metadata: { name: `event-${i + 1}`, namespace: 'default' },
    involvedObject: { kind: 'Node', name: 'bar', uid: 'bar' },
    message: `Node bar status is now: ${s}`,
    firstTimestamp: '2014-01-15T00:00:00Z',
    lastTimestamp: '2014-01-15T00:00:00Z',
    count: i + 1,
    type: 'Normal',
  }))
  const podWith = (extra: Partial<NonNullable<Pod['spec']>>): Pod => ({
    metadata: { name: 'pod-with-resources', namespace: 'foo' },
    spec: {
      nodeName: 'bar',
      containers: [
        {
          name: 'cpu-mem',
          image: 'image:latest',
          resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } },
        },
        {
          name: 'hugepages',
          image: 'image:latest',
          resources: { requests: { 'hugepages-2Mi': '512Mi' }, limits: { 'hugepages-2Mi': '512Mi' } },
        },
      ],
      ...extra,
    },
    status: { phase: 'Running' },
  })

  it('TestDescribeNode', () => {
    const out = describeNode(node, [podWith({})], events, NOW, lease)
    for (const expected of [
      'Unschedulable',
      'true',
      'holder',
      `Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests     Limits
  --------           --------     ------
  cpu                1 (25%)      2 (50%)
  memory             1Gi (8%)     2Gi (16%)
  ephemeral-storage  0 (0%)       0 (0%)
  hugepages-1Gi      0 (0%)       0 (0%)
  hugepages-2Mi      512Mi (25%)  512Mi (25%)`,
      'Node bar status is now: NodeHasNoDiskPressure',
      'Node bar status is now: NodeReady',
    ])
      expect(out).toContain(expected)
  })

  it('TestDescribeNodeWithSidecar: a sidecar adds to the sum, a plain init container only raises the maximum', () => {
    const inits: Container[] = [
      { name: 'init-container-1', restartPolicy: 'Always', resources: { requests: { cpu: '1', memory: '1Gi' } } },
      { name: 'init-container-2', resources: { requests: { cpu: '1', memory: '1Gi' } } },
    ]
    const out = describeNode(node, [podWith({ initContainers: inits })], events, NOW, lease)
    for (const expected of [
      'Unschedulable',
      'true',
      'holder',
      '  cpu                2 (50%)      2 (50%)',
      '  memory             2Gi (16%)    2Gi (16%)',
      '  hugepages-2Mi      512Mi (25%)  512Mi (25%)',
    ])
      expect(out).toContain(expected)
  })
})

describe('describeNode: a whole text', () => {
  const READY_ROW =
    '  Ready   True    Thu, 01 Jan 2026 12:00:00 +0000   Thu, 01 Jan 2026 12:00:00 +0000   ' +
    'KubeletReady   kubelet is posting ready status'
  const pod = (name: string, phase = 'Running'): Pod => ({
    metadata: { name, namespace: 'default', creationTimestamp: T0 },
    spec: {
      nodeName: 'worker-1',
      containers: [
        { name: 'nginx', resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } } },
      ],
    },
    status: { phase },
  })
  const worker: Node = {
    metadata: {
      name: 'worker-1',
      creationTimestamp: T0,
      labels: { 'kubernetes.io/hostname': 'worker-1', 'kubernetes.io/os': 'linux' },
    },
    spec: {
      podCIDR: '10.244.1.0/24',
      podCIDRs: ['10.244.1.0/24'],
      unschedulable: true,
      taints: [
        { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: T0 },
        { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
      ],
    },
    status: {
      capacity: { cpu: '4', memory: '8Gi', pods: '110' },
      allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
          lastHeartbeatTime: T0,
          lastTransitionTime: T0,
        },
      ],
      addresses: [
        { type: 'InternalIP', address: '192.168.49.3' },
        { type: 'Hostname', address: 'worker-1' },
      ],
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://2.1.4',
        kernelVersion: '6.8.0-1015',
        kubeProxyVersion: '',
        kubeletVersion: 'v1.35.0',
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: '',
      },
    },
  }

  it('a cordoned worker: taints sorted by effect then key, its non-terminated pods, no lease stored', () => {
    const pods = [
      pod('web-b'),
      pod('web-a'),
      pod('done', 'Succeeded'),
      { ...pod('elsewhere'), spec: { nodeName: 'w2', containers: [] } },
    ]
    expect(describeNode(worker, pods, [], NOW)).toBe(`Name:               worker-1
Roles:              <none>
Labels:             kubernetes.io/hostname=worker-1
                    kubernetes.io/os=linux
Annotations:        <none>
CreationTimestamp:  Thu, 01 Jan 2026 12:00:00 +0000
Taints:             dedicated=gpu:NoSchedule
                    node.kubernetes.io/unschedulable:NoSchedule
Unschedulable:      true
Lease:              Failed to get lease: leases.coordination.k8s.io "worker-1" not found
Conditions:
  Type    Status  LastHeartbeatTime                 LastTransitionTime                Reason         Message
  ----    ------  -----------------                 ------------------                ------         -------
${READY_ROW}
Addresses:
  InternalIP:  192.168.49.3
  Hostname:    worker-1
Capacity:
  cpu:     4
  memory:  8Gi
  pods:    110
Allocatable:
  cpu:     4
  memory:  8Gi
  pods:    110
System Info:
  Machine ID:                 
  System UUID:                
  Boot ID:                    
  Kernel Version:             6.8.0-1015
  OS Image:                   Debian GNU/Linux 12 (bookworm)
  Operating System:           linux
  Architecture:               amd64
  Container Runtime Version:  containerd://2.1.4
  Kubelet Version:            v1.35.0
  Kube-Proxy Version:         
PodCIDR:                      10.244.1.0/24
PodCIDRs:                     10.244.1.0/24
Non-terminated Pods:          (2 in total)
  Namespace                   Name     CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age
  ---------                   ----     ------------  ----------  ---------------  -------------  ---
  default                     web-a    100m (2%)     0 (0%)      128Mi (1%)       256Mi (3%)     5m
  default                     web-b    100m (2%)     0 (0%)      128Mi (1%)       256Mi (3%)     5m
Allocated resources:
  (Total limits may be over 100 percent, i.e., overcommitted.)
  Resource           Requests    Limits
  --------           --------    ------
  cpu                200m (5%)   0 (0%)
  memory             256Mi (3%)  512Mi (6%)
  ephemeral-storage  0 (0%)      0 (0%)
Events:              <none>
`)
  })

  it('Taint.ToString', () => {
    expect(taintToString({ key: 'k', value: 'v', effect: 'NoExecute' })).toBe('k=v:NoExecute')
    expect(taintToString({ key: 'k', effect: 'NoSchedule' })).toBe('k:NoSchedule')
    expect(taintToString({ key: 'k', value: 'v', effect: '' })).toBe('k=v:')
    expect(taintToString({ key: 'k', effect: '' })).toBe('k')
  })
})
