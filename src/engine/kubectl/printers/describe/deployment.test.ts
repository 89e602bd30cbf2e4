/**
 * `kubectl describe deployment` and `describe replicaset`. Substring expectations are ported from
 * staging/src/k8s.io/kubectl/pkg/describe/describe_test.go TestDescribeDeployment (v0.35); the whole texts are
 * podbirth-shaped objects laid out as kubectl v1.35 prints them (one tabwriter, padding 2).
 */
import { describe, expect, it } from 'vitest'
import type { Deployment, KEvent, Pod, ReplicaSet } from '../../../api/types.ts'
import { deploymentReplicaSets, describeDeployment, equalIgnoreHash } from './deployment.ts'
import { describeReplicaSet } from './replicaset.ts'

const NOW = Date.parse('2026-01-01T12:05:00Z')
const T0 = '2026-01-01T12:00:00Z'

describe('describeDeployment (TestDescribeDeployment)', () => {
  const labels = { 'k8s-app': 'bar' }
  const uid = '00000000-0000-0000-0000-000000000001'
  const owner = [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'bar', uid, controller: true }]
  const tpl = (image: string) => ({
    metadata: { name: 'bar', namespace: 'foo', labels },
    spec: {
      containers: [
        {
          name: '',
          image,
          volumeMounts: [
            { name: 'vol-foo', mountPath: '/tmp/vol-foo' },
            { name: 'vol-bar', mountPath: '/tmp/vol-bar' },
          ],
        },
      ],
      volumes: [
        { name: 'vol-foo', emptyDir: {} },
        { name: 'vol-bar', emptyDir: {} },
      ],
    },
  })
  const deployment = (replicas: number, image: string, status: Deployment['status']): Deployment => ({
    metadata: { name: 'bar', namespace: 'foo', labels, uid, creationTimestamp: '2021-01-01T00:00:00Z' },
    spec: { replicas, selector: { matchLabels: labels }, template: tpl(image) },
    status,
  })
  const replicaSet = (name: string, replicas: number, image: string, current: number): ReplicaSet => ({
    metadata: { name, namespace: 'foo', labels, ownerReferences: owner, creationTimestamp: T0 },
    spec: { replicas, selector: { matchLabels: labels }, template: tpl(image) },
    status: { replicas: current },
  })

  it('deployment with two mounted volumes', () => {
    const d = deployment(1, 'mytest-image:latest', undefined)
    const out = describeDeployment(d, [replicaSet('bar-001', 1, 'mytest-image:latest', 1)], [], NOW)
    for (const expected of [
      'Name:               bar\nNamespace:          foo',
      'CreationTimestamp:  Fri, 01 Jan 2021 00:00:00 +0000',
      'Labels:             k8s-app=bar',
      'Selector:           k8s-app=bar',
      'Replicas:           1 desired | 0 updated | 0 total | 0 available | 0 unavailable',
      'Image:        mytest-image:latest',
      'Mounts:\n      /tmp/vol-bar from vol-bar (rw)\n      /tmp/vol-foo from vol-foo (rw)',
      'OldReplicaSets:    <none>',
      'NewReplicaSet:     bar-001 (1/1 replicas created)',
      'Events:            <none>',
      'Node-Selectors:  <none>',
      'Tolerations:     <none>',
    ])
      expect(out).toContain(expected)
  })

  it('deployment during the process of rolling out', () => {
    const d = deployment(2, 'mytest-image:v2.0', {
      replicas: 3,
      updatedReplicas: 1,
      availableReplicas: 2,
      unavailableReplicas: 1,
    })
    const rss = [replicaSet('bar-001', 2, 'mytest-image:v1.0', 2), replicaSet('bar-002', 1, 'mytest-image:v2.0', 1)]
    const out = describeDeployment(d, rss, undefined, NOW)
    for (const expected of [
      'Replicas:           2 desired | 1 updated | 3 total | 2 available | 1 unavailable',
      'Image:        mytest-image:v2.0',
      'OldReplicaSets:    bar-001 (2/2 replicas created)',
      'NewReplicaSet:     bar-002 (1/1 replicas created)',
    ])
      expect(out).toContain(expected)
    expect(out).not.toContain('Events:')
  })
})

const template = {
  metadata: { labels: { app: 'web' } },
  spec: {
    containers: [
      {
        name: 'nginx',
        image: 'nginx:1.27',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        terminationMessagePath: '/dev/termination-log',
        imagePullPolicy: 'IfNotPresent',
      },
    ],
    restartPolicy: 'Always',
  },
}
const hashed = { ...template, metadata: { labels: { app: 'web', 'pod-template-hash': '5d78c9b6f4' } } }
const web: Deployment = {
  metadata: {
    name: 'web',
    namespace: 'default',
    uid: 'd1',
    generation: 1,
    creationTimestamp: T0,
    labels: { app: 'web' },
    annotations: { 'deployment.kubernetes.io/revision': '1' },
  },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    template,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
  },
  status: {
    observedGeneration: 1,
    replicas: 3,
    updatedReplicas: 3,
    readyReplicas: 3,
    availableReplicas: 3,
    conditions: [
      { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
    ],
  },
}
const rs: ReplicaSet = {
  metadata: {
    name: 'web-5d78c9b6f4',
    namespace: 'default',
    uid: 'r1',
    creationTimestamp: T0,
    labels: { app: 'web', 'pod-template-hash': '5d78c9b6f4' },
    annotations: { 'deployment.kubernetes.io/revision': '1' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd1', controller: true }],
  },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '5d78c9b6f4' } }, template: hashed },
  status: { replicas: 3, readyReplicas: 3, availableReplicas: 3 },
}
const scaled: KEvent = {
  metadata: { name: 'web.1', namespace: 'default' },
  involvedObject: { kind: 'Deployment', name: 'web', namespace: 'default' },
  reason: 'ScalingReplicaSet',
  message: 'Scaled up replica set web-5d78c9b6f4 from 0 to 3',
  type: 'Normal',
  source: { component: 'deployment-controller' },
  firstTimestamp: T0,
  lastTimestamp: T0,
  count: 1,
}

const POD_TEMPLATE = `  Containers:
   nginx:
    Image:         nginx:1.27
    Port:          80/TCP
    Host Port:     0/TCP
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
`

describe('describeDeployment: a whole text', () => {
  it('a Deployment of 3 rolled out: strategy, template, conditions, ReplicaSets, events', () => {
    expect(describeDeployment(web, [rs], [scaled], NOW)).toBe(`Name:                   web
Namespace:              default
CreationTimestamp:      Thu, 01 Jan 2026 12:00:00 +0000
Labels:                 app=web
Annotations:            deployment.kubernetes.io/revision: 1
Selector:               app=web
Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=web
${POD_TEMPLATE}Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  <none>
NewReplicaSet:   web-5d78c9b6f4 (3/3 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  5m    deployment-controller  Scaled up replica set web-5d78c9b6f4 from 0 to 3
`)
  })

  it('new ReplicaSet: the template equal but for pod-template-hash; another controller or selector is not ours', () => {
    expect(equalIgnoreHash(hashed, template)).toBe(true)
    expect(equalIgnoreHash({ ...hashed, spec: { ...hashed.spec, containers: [] } }, template)).toBe(false)
    const foreign = { ...rs, metadata: { ...rs.metadata, ownerReferences: [] } }
    expect(deploymentReplicaSets(web, [foreign])).toEqual({ oldRSs: [], newRS: undefined })
  })
})

describe('describeReplicaSet', () => {
  const pod = (name: string, phase: string, ownerUid = 'r1'): Pod => ({
    metadata: {
      name,
      namespace: 'default',
      labels: { app: 'web', 'pod-template-hash': '5d78c9b6f4' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'x', uid: ownerUid, controller: true }],
    },
    spec: { containers: [] },
    status: { phase },
  })

  it('Controlled By, the Pods Status counts of its own pods, the template', () => {
    const pods = [pod('a', 'Running'), pod('b', 'Running'), pod('c', 'Pending'), pod('d', 'Running', 'other')]
    expect(describeReplicaSet(rs, pods, [], NOW)).toBe(`Name:           web-5d78c9b6f4
Namespace:      default
Selector:       app=web,pod-template-hash=5d78c9b6f4
Labels:         app=web
                pod-template-hash=5d78c9b6f4
Annotations:    deployment.kubernetes.io/revision: 1
Controlled By:  Deployment/web
Replicas:       3 current / 3 desired
Pods Status:    2 Running / 1 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:  app=web
           pod-template-hash=5d78c9b6f4
${POD_TEMPLATE}Events:            <none>
`)
  })
})
