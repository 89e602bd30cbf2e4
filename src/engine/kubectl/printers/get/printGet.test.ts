/**
 * Whole `kubectl get` outputs: the multi-type rules of staging/src/k8s.io/kubectl/pkg/cmd/get/get.go Run, the
 * decorations of cli-runtime tableprinter.go, and kubectl's tabwriter (minwidth 6, padding 3). Texts are laid out as
 * kubectl v1.35 prints them.
 */
import { describe, expect, it } from 'vitest'
import type { Deployment, KEvent, Node, Pod, ReplicaSet } from '../../../api/types.ts'
import { printGet } from './printGet.ts'
import { formatLabelSelector, formatLabels, selectorString } from './selectors.ts'

const NOW = Date.parse('2026-01-01T12:05:00Z')
const T0 = '2026-01-01T12:00:00Z'
const template = {
  metadata: { labels: { app: 'web' } },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
}

const web: Deployment = {
  metadata: { name: 'web', namespace: 'default', creationTimestamp: T0, labels: { app: 'web' } },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template },
  status: { replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 },
}
const rs: ReplicaSet = {
  metadata: { name: 'web-5d78c9b6f4', namespace: 'default', creationTimestamp: T0 },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '5d78c9b6f4' } }, template },
  status: { replicas: 3, readyReplicas: 3 },
}
const pod = (name: string, node: string, ns = 'default'): Pod => ({
  metadata: { name, namespace: ns, creationTimestamp: T0, labels: { app: 'web' } },
  spec: { nodeName: node, containers: [{ name: 'nginx' }] },
  status: {
    phase: 'Running',
    podIPs: [{ ip: '10.244.1.2' }],
    containerStatuses: [
      { name: 'nginx', image: '', imageID: '', ready: true, restartCount: 0, state: { running: {} } },
    ],
  },
})

describe('printGet', () => {
  it('several types: one table per type, kind-qualified names, a blank line between tables', () => {
    const out = printGet(
      [
        { kind: 'deployments', objects: [web] },
        { kind: 'replicasets', objects: [rs] },
        { kind: 'pods', objects: [pod('web-5d78c9b6f4-abcde', 'worker-1')] },
      ],
      { namespace: 'default', nowMs: NOW },
    )
    expect(out.stderr).toBe('')
    expect(out.stdout).toBe(`NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   3/3     3            3           5m

NAME                             DESIRED   CURRENT   READY   AGE
replicaset.apps/web-5d78c9b6f4   3         3         3       5m

NAME                       READY   STATUS    RESTARTS   AGE
pod/web-5d78c9b6f4-abcde   1/1     Running   0          5m
`)
  })

  it('a type with nothing listed prints no table, but names stay kind-qualified (one Table per type)', () => {
    const out = printGet(
      [
        { kind: 'deployments', objects: [] },
        { kind: 'pods', objects: [pod('nginx', 'worker-1')] },
      ],
      { namespace: 'default', nowMs: NOW },
    )
    expect(out.stdout).toBe(
      'NAME        READY   STATUS    RESTARTS   AGE\npod/nginx   1/1     Running   0          5m\n',
    )
  })

  it('one type prints plain names; -o wide adds the priority-1 columns', () => {
    const out = printGet([{ kind: 'deployments', objects: [web] }], {
      namespace: 'default',
      output: 'wide',
      nowMs: NOW,
    })
    expect(out.stdout).toBe(`NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR
web    3/3     3            3           5m    nginx        nginx:1.27   app=web
`)
  })

  it('-A adds NAMESPACE to namespaced kinds; rows come in namespace/name order', () => {
    const out = printGet([{ kind: 'pods', objects: [pod('b', 'w1', 'kube-system'), pod('a', 'w1')] }], {
      namespace: 'default',
      allNamespaces: true,
      nowMs: NOW,
    })
    expect(out.stdout).toBe(`NAMESPACE     NAME   READY   STATUS    RESTARTS   AGE
default       a      1/1     Running   0          5m
kube-system   b      1/1     Running   0          5m
`)
  })

  it('--show-labels appends LABELS', () => {
    const out = printGet([{ kind: 'pods', objects: [pod('a', 'w1')] }], {
      namespace: 'default',
      showLabels: true,
      nowMs: NOW,
    })
    expect(out.stdout).toBe(
      'NAME   READY   STATUS    RESTARTS   AGE   LABELS\na      1/1     Running   0          5m    app=web\n',
    )
  })

  it('nodes: cordoned is Ready,SchedulingDisabled; no NAMESPACE column even with -A', () => {
    const n: Node = {
      metadata: { name: 'worker-1', creationTimestamp: T0 },
      spec: { unschedulable: true },
      status: {
        conditions: [{ type: 'Ready', status: 'True' }],
        nodeInfo: { kubeletVersion: 'v1.35.0' } as NonNullable<Node['status']>['nodeInfo'],
      },
    }
    const out = printGet([{ kind: 'nodes', objects: [n] }], { namespace: 'default', allNamespaces: true, nowMs: NOW })
    expect(out.stdout).toBe(`NAME       STATUS                     ROLES    AGE   VERSION
worker-1   Ready,SchedulingDisabled   <none>   5m    v1.35.0
`)
  })

  it('events: LAST SEEN TYPE REASON OBJECT MESSAGE, in key order (not time order)', () => {
    const ev = (name: string, at: string, reason: string, obj: string): KEvent => ({
      metadata: { name, namespace: 'default' },
      involvedObject: { kind: 'Pod', name: obj, namespace: 'default' },
      reason,
      message: `${reason} happened`,
      type: 'Normal',
      firstTimestamp: at,
      lastTimestamp: at,
      count: 1,
    })
    const out = printGet(
      [
        {
          kind: 'events',
          objects: [
            ev('web-b.188', '2026-01-01T12:01:00Z', 'Scheduled', 'web-b'),
            ev('web-a.189', '2026-01-01T12:04:00Z', 'Pulled', 'web-a'),
          ],
        },
      ],
      { namespace: 'default', nowMs: NOW },
    )
    expect(out.stdout).toBe(`LAST SEEN   TYPE     REASON      OBJECT      MESSAGE
60s         Normal   Pulled      pod/web-a   Pulled happened
4m          Normal   Scheduled   pod/web-b   Scheduled happened
`)
  })

  it('TestPrintEventsResultSorted: no sort by time; the list order stands (these events share one key)', () => {
    const at = (y: number) => `${y}-01-15T00:00:00Z`
    const ev = (message: string, year: number): KEvent => ({
      metadata: {},
      involvedObject: {},
      source: { component: 'kubelet' },
      message,
      firstTimestamp: at(year),
      lastTimestamp: at(year),
      count: 1,
      type: 'Normal',
    })
    const out = printGet([{ kind: 'events', objects: [ev('Item 1', 2014), ev('Item 2', 1987), ev('Item 3', 2002)] }], {
      namespace: 'default',
      nowMs: NOW,
    })
    expect(out.stdout.split('\n').map((l) => l.replace(/.*(Item \d)$/, '$1'))).toEqual([
      'LAST SEEN   TYPE     REASON   OBJECT   MESSAGE',
      'Item 1',
      'Item 2',
      'Item 3',
      '',
    ])
  })

  it('nothing printed: "No resources found in <ns> namespace." on stderr; "No resources found" for nodes or -A', () => {
    expect(printGet([{ kind: 'pods', objects: [] }], { namespace: 'dev', nowMs: NOW })).toEqual({
      stdout: '',
      stderr: 'No resources found in dev namespace.\n',
    })
    expect(printGet([{ kind: 'nodes', objects: [] }], { namespace: 'default', nowMs: NOW }).stderr).toBe(
      'No resources found\n',
    )
    expect(
      printGet([{ kind: 'pods', objects: [] }], { namespace: 'default', allNamespaces: true, nowMs: NOW }).stderr,
    ).toBe('No resources found\n')
  })

  it('-o name: kind.group/name for every object, nothing for none', () => {
    const out = printGet(
      [
        { kind: 'deployments', objects: [web] },
        { kind: 'pods', objects: [pod('nginx', 'w1')] },
      ],
      { namespace: 'default', output: 'name', nowMs: NOW },
    )
    expect(out.stdout).toBe('deployment.apps/web\npod/nginx\n')
    expect(printGet([{ kind: 'pods', objects: [] }], { namespace: 'default', output: 'name', nowMs: NOW })).toEqual({
      stdout: '',
      stderr: '',
    })
  })
})

describe('selectors', () => {
  it('LabelSelectorAsSelector(...).String(): requirements sorted by key, set values sorted', () => {
    expect(
      selectorString({
        matchLabels: { tier: 'web', app: 'x' },
        matchExpressions: [
          { key: 'env', operator: 'In', values: ['prod', 'dev'] },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      }),
    ).toBe('app=x,!canary,env in (dev,prod),tier=web')
    expect(selectorString(undefined)).toBe('')
    expect(formatLabelSelector({})).toBe('<none>')
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2')
    expect(formatLabels(undefined)).toBe('<none>')
  })
})
