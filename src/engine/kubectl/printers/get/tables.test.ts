/**
 * Row cells of the get tables. Cases ported from kubernetes/kubernetes pkg/printers/internalversion/printers_test.go
 * (TestPrintDeployment, TestPrintReplicaSet, TestPrintNodeStatus, TestPrintNodeRole, TestPrintNodeOSImage,
 * TestPrintNodeExternalIP, TestPrintNodeInternalIP, TestPrintEvent): the objects and the cells they expect. Upstream
 * measures from time.Now(); here NOW plays that part. Integer cells are compared as the text fmt.Fprint prints.
 */
import { describe, expect, it } from 'vitest'
import type { Deployment, KEvent, Node, ReplicaSet } from '../../../api/types.ts'
import {
  DEPLOYMENT_COLUMNS,
  EVENT_COLUMNS,
  NODE_COLUMNS,
  REPLICASET_COLUMNS,
  type Column,
  deploymentRow,
  eventRow,
  nodeRow,
  replicaSetRow,
} from './tables.ts'

const NOW = Date.parse('2026-01-01T12:00:00Z')
const DAY = 24 * 3600 * 1000
const iso = (ms: number) => new Date(ms).toISOString()
/** time.Now().Add(1.9e9): created 1.9s in the future, which HumanDuration prints as 0s. */
const SOON = iso(NOW + 1900)

const shown = (cells: string[], columns: Column[], wide: boolean) =>
  cells.filter((_, i) => wide || columns[i].priority === 0)

const twoContainers = {
  spec: {
    containers: [
      { name: 'fake-container1', image: 'fake-image1' },
      { name: 'fake-container2', image: 'fake-image2' },
    ],
  },
}

describe('printDeployment (TestPrintDeployment)', () => {
  const d: Deployment = {
    metadata: { name: 'test1', creationTimestamp: SOON },
    spec: { replicas: 5, template: twoContainers, selector: { matchLabels: { foo: 'bar' } } },
    status: { replicas: 10, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 4 },
  }
  it('no generate options', () => {
    expect(shown(deploymentRow(d, NOW), DEPLOYMENT_COLUMNS, false)).toEqual(['test1', '0/5', '2', '1', '0s'])
  })
  it('wide', () => {
    expect(shown(deploymentRow(d, NOW), DEPLOYMENT_COLUMNS, true)).toEqual([
      'test1',
      '0/5',
      '2',
      '1',
      '0s',
      'fake-container1,fake-container2',
      'fake-image1,fake-image2',
      'foo=bar',
    ])
  })
})

describe('printReplicaSet (TestPrintReplicaSet)', () => {
  const rs: ReplicaSet = {
    metadata: { name: 'test1', creationTimestamp: SOON },
    spec: { replicas: 5, template: twoContainers, selector: { matchLabels: { foo: 'bar' } } },
    status: { replicas: 5, readyReplicas: 2 },
  }
  it('generate options empty', () => {
    expect(shown(replicaSetRow(rs, NOW), REPLICASET_COLUMNS, false)).toEqual(['test1', '5', '5', '2', '0s'])
  })
  it('generate options "Wide"', () => {
    expect(shown(replicaSetRow(rs, NOW), REPLICASET_COLUMNS, true)).toEqual([
      'test1',
      '5',
      '5',
      '2',
      '0s',
      'fake-container1,fake-container2',
      'fake-image1,fake-image2',
      'foo=bar',
    ])
  })
})

const node = (name: string, extra: Partial<Node> = {}): Node => ({ metadata: { name }, ...extra })
const ready = (status: string) => ({ type: 'Ready', status })

describe('printNode', () => {
  it.each<[Node, string]>([
    [node('foo1', { status: { conditions: [ready('True')] } }), 'Ready'],
    [
      node('foo2', { spec: { unschedulable: true }, status: { conditions: [ready('True')] } }),
      'Ready,SchedulingDisabled',
    ],
    [node('foo3', { status: { conditions: [ready('True'), ready('True')] } }), 'Ready'],
    [node('foo4', { status: { conditions: [ready('False')] } }), 'NotReady'],
    [
      node('foo5', { spec: { unschedulable: true }, status: { conditions: [ready('False')] } }),
      'NotReady,SchedulingDisabled',
    ],
    [node('foo6', { status: { conditions: [{ type: 'InvalidValue', status: 'True' }] } }), 'Unknown'],
    [node('foo7', { status: { conditions: [{ type: '', status: '' }] } }), 'Unknown'],
    [
      node('foo8', {
        spec: { unschedulable: true },
        status: { conditions: [{ type: 'InvalidValue', status: 'True' }] },
      }),
      'Unknown,SchedulingDisabled',
    ],
  ])('TestPrintNodeStatus %#', (n, status) => {
    expect(shown(nodeRow(n, NOW), NODE_COLUMNS, false)).toEqual([n.metadata?.name, status, '<none>', '<unknown>', ''])
  })

  it('TestPrintNodeRole: node-role.kubernetes.io/* keys and the kubernetes.io/role value, sorted', () => {
    const labels = {
      'node-role.kubernetes.io/master': '',
      'node-role.kubernetes.io/control-plane': '',
      'node-role.kubernetes.io/proxy': '',
      'kubernetes.io/role': 'node',
    }
    expect(nodeRow(node('foo10', { metadata: { name: 'foo10', labels } }), NOW)[2]).toBe(
      'control-plane,master,node,proxy',
    )
    expect(
      nodeRow(node('foo11', { metadata: { name: 'foo11', labels: { 'kubernetes.io/role': 'node' } } }), NOW)[2],
    ).toBe('node')
  })

  it('TestPrintNodeOSImage / TestPrintNodeExternalIP / TestPrintNodeInternalIP: wide cells', () => {
    const os = node('foo1', {
      status: {
        nodeInfo: { osImage: 'fake-os-image' } as NonNullable<Node['status']>['nodeInfo'],
        addresses: [{ type: 'ExternalIP', address: '1.1.1.1' }],
      },
    })
    expect(nodeRow(os, NOW)).toEqual([
      'foo1',
      'Unknown',
      '<none>',
      '<unknown>',
      '',
      '<none>',
      '1.1.1.1',
      'fake-os-image',
      '<unknown>',
      '<unknown>',
    ])
    const both = node('foo3', {
      status: {
        addresses: [
          { type: 'ExternalIP', address: '2.2.2.2' },
          { type: 'InternalIP', address: '3.3.3.3' },
          { type: 'ExternalIP', address: '4.4.4.4' },
        ],
      },
    })
    expect(nodeRow(both, NOW).slice(5, 7)).toEqual(['3.3.3.3', '2.2.2.2'])
  })
})

describe('printEvent (TestPrintEvent)', () => {
  const ago = (days: number) => iso(NOW - days * DAY)
  const base: KEvent = {
    metadata: { name: 'event2' },
    source: { component: 'kubelet', host: 'Node1' },
    involvedObject: { kind: 'Deployment', name: 'Deployment Name', fieldPath: 'spec.containers{foo}' },
    reason: 'Event Reason',
    message: 'Message Data',
    firstTimestamp: ago(3),
    lastTimestamp: ago(2),
    count: 6,
    type: 'Warning',
  }
  const wide = ['deployment/Deployment Name', 'spec.containers{foo}', 'kubelet, Node1', 'Message Data', '3d']

  it('basic event; no generate options', () => {
    const e: KEvent = {
      ...base,
      metadata: { name: 'event1' },
      source: { component: 'kubelet' },
      involvedObject: { kind: 'Pod', name: 'Pod Name', fieldPath: 'spec.containers{foo}' },
      type: 'Normal',
    }
    expect(shown(eventRow(e, NOW), EVENT_COLUMNS, false)).toEqual([
      '2d',
      'Normal',
      'Event Reason',
      'pod/Pod Name',
      'Message Data',
    ])
  })
  it('basic event; generate options=Wide', () => {
    expect(eventRow(base, NOW)).toEqual(['2d', 'Warning', 'Event Reason', ...wide, '6', 'event2'])
  })
  it('basic event, w/o FirstTimestamp set', () => {
    const e: KEvent = { ...base, firstTimestamp: undefined, eventTime: ago(3), lastTimestamp: ago(3), count: 1 }
    expect(eventRow(e, NOW)).toEqual(['3d', 'Warning', 'Event Reason', ...wide, '1', 'event2'])
  })
  it('basic event, w/o FirstTimestamp and LastTimestamp set', () => {
    const e: KEvent = { ...base, firstTimestamp: undefined, lastTimestamp: undefined, eventTime: ago(3), count: 1 }
    expect(eventRow(e, NOW)).toEqual(['3d', 'Warning', 'Event Reason', ...wide, '1', 'event2'])
  })
  it('basic event serie, w/o FirstTimestamp, LastTimestamp and Count set', () => {
    const e: KEvent = {
      ...base,
      firstTimestamp: undefined,
      lastTimestamp: undefined,
      count: undefined,
      eventTime: ago(3),
      series: { count: 2, lastObservedTime: ago(2) },
    }
    expect(eventRow(e, NOW)).toEqual(['2d', 'Warning', 'Event Reason', ...wide, '2', 'event2'])
  })
  it('singleton event, w/o FirstTimestamp, LastTimestamp and Count set', () => {
    const e: KEvent = {
      ...base,
      firstTimestamp: undefined,
      lastTimestamp: undefined,
      count: undefined,
      eventTime: ago(3),
    }
    expect(eventRow(e, NOW)).toEqual(['3d', 'Warning', 'Event Reason', ...wide, '1', 'event2'])
  })
  it('basic event, with empty Source; generate options=Wide', () => {
    const e: KEvent = { ...base, source: undefined, reportingComponent: 'kubelet', reportingInstance: 'test' }
    expect(eventRow(e, NOW)[5]).toBe('kubelet, test')
  })
})
