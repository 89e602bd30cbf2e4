/**
 * `kubectl rollout status` and `rollout history`. Tables ported from staging/src/k8s.io/kubectl/pkg/polymorphichelpers
 * rollout_status_test.go TestDeploymentStatusViewerStatus and history_test.go TestViewDeploymentHistory (v0.35).
 */
import { describe, expect, it } from 'vitest'
import type { Deployment, DeploymentStatus, ReplicaSet } from '../../api/types.ts'
import { deploymentRolloutHistory, deploymentRolloutStatus } from './rollout.ts'

describe('DeploymentStatusViewer (TestDeploymentStatusViewerStatus)', () => {
  const foo = (generation: number, specReplicas: number, status: DeploymentStatus): Deployment => ({
    metadata: { namespace: 'bar', name: 'foo', uid: '8764ae47-9092-11e4-8393-42010af018ff', generation },
    spec: { replicas: specReplicas, selector: {}, template: {} },
    status,
  })
  it.each<[string, number, number, DeploymentStatus, string, boolean]>([
    [
      'test1',
      0,
      1,
      { observedGeneration: 1, replicas: 1, updatedReplicas: 0, availableReplicas: 1, unavailableReplicas: 0 },
      'Waiting for deployment "foo" rollout to finish: 0 out of 1 new replicas have been updated...\n',
      false,
    ],
    [
      'test2',
      1,
      1,
      { observedGeneration: 1, replicas: 2, updatedReplicas: 1, availableReplicas: 2, unavailableReplicas: 0 },
      'Waiting for deployment "foo" rollout to finish: 1 old replicas are pending termination...\n',
      false,
    ],
    [
      'test3',
      1,
      2,
      { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 1 },
      'Waiting for deployment "foo" rollout to finish: 1 of 2 updated replicas are available...\n',
      false,
    ],
    [
      'test4',
      1,
      2,
      { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2, unavailableReplicas: 0 },
      'deployment "foo" successfully rolled out\n',
      true,
    ],
    [
      'test5',
      2,
      2,
      { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2, unavailableReplicas: 0 },
      'Waiting for deployment spec update to be observed...\n',
      false,
    ],
  ])('%s', (_name, generation, replicas, status, message, done) => {
    expect(deploymentRolloutStatus(foo(generation, replicas, status))).toEqual({ message, done })
  })

  it('ProgressDeadlineExceeded ends the command with an error', () => {
    const d = foo(1, 3, {
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 1,
      conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }],
    })
    expect(deploymentRolloutStatus(d)).toEqual({ error: 'deployment "foo" exceeded its progress deadline' })
  })

  it('--revision that is not the running one', () => {
    const d = foo(1, 1, { observedGeneration: 1 })
    d.metadata = { ...d.metadata, annotations: { 'deployment.kubernetes.io/revision': '2' } }
    expect(deploymentRolloutStatus(d, 3)).toEqual({
      error: 'desired revision (3) is different from the running revision (2)',
    })
  })
})

describe('rollout history (TestViewDeploymentHistory)', () => {
  const uid = 'fc7e66ad-eacc-4413-8277-e22276eacce6'
  const template = (image: string) => ({
    metadata: { labels: { foo: 'bar' } },
    spec: { containers: [{ name: 'test', image }] },
  })
  const moons: Deployment = {
    metadata: { name: 'moons', namespace: 'default', uid, labels: { foo: 'bar' } },
    spec: { selector: { matchLabels: { foo: 'bar' } }, replicas: 1, template: template('foo:1') },
  }
  const causes: Record<number, string> = { 3: 'foo change cause', 4: 'bar change cause' }
  const rss: ReplicaSet[] = [1, 2, 3, 4].map((i) => ({
    metadata: {
      name: `moons-${i}`,
      namespace: 'default',
      uid: `00000000-0000-0000-0000-00000000000${i}`,
      labels: { foo: 'bar' },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'moons', uid, controller: true }],
      annotations: {
        'deployment.kubernetes.io/revision': String(i),
        ...(causes[i] ? { 'kubernetes.io/change-cause': causes[i] } : {}),
      },
    },
    spec: { selector: { matchLabels: { foo: 'bar' } }, replicas: 1, template: template(`foo:${i}`) },
  }))

  it('should show revisions list if the revision is not specified', () => {
    expect(deploymentRolloutHistory(moons, rss)).toBe(`deployment.apps/moons 
REVISION  CHANGE-CAUSE
1         <none>
2         <none>
3         foo change cause
4         bar change cause

`)
  })

  it('no ReplicaSet: No rollout history found.', () => {
    expect(deploymentRolloutHistory(moons, [])).toBe('deployment.apps/moons \nNo rollout history found.\n')
  })
})
