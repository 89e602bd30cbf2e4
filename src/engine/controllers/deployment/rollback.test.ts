/**
 * kubectl's pkg/polymorphichelpers/rollback.go (DeploymentRollbacker.Rollback, deploymentRevision) and the
 * controller's rollback.go; messages as kubectl v1.35 prints them after "deployment.apps/NAME ".
 */
import { describe, expect, it } from 'vitest'
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../api/types.ts'
import { controllerRollback, deploymentRevision, getRollbackTo, kubectlRollback } from './rollback.ts'
import { DefaultDeploymentUniqueLabelKey, DeprecatedRollbackTo, RevisionAnnotation } from './util.ts'

const template = (image: string, hash?: string): PodTemplateSpec => ({
  metadata: { labels: { app: 'web', ...(hash ? { [DefaultDeploymentUniqueLabelKey]: hash } : {}) } },
  spec: { containers: [{ name: 'nginx', image }] },
})
const rs = (name: string, rev: string, image: string, extra: Record<string, string> = {}): ReplicaSet => ({
  metadata: { name, annotations: { [RevisionAnnotation]: rev, ...extra } },
  spec: { replicas: 0, selector: {}, template: template(image, name.split('-')[1]) },
})
const deployment = (image: string, annotations: Record<string, string> = {}, paused = false): Deployment => ({
  metadata: { name: 'web', annotations: { [RevisionAnnotation]: '3', ...annotations } },
  spec: { paused, selector: { matchLabels: { app: 'web' } }, template: template(image) },
})
const all = [rs('web-aaa', '1', 'nginx:1.25', { 'kubernetes.io/change-cause': 'v1' }), rs('web-bbb', '2', 'nginx:1.26'),
  rs('web-ccc', '3', 'nginx:1.27')]

describe('deploymentRevision', () => {
  it('finds the previous revision for 0 and an exact one otherwise', () => {
    const d = deployment('nginx:1.27')
    expect(deploymentRevision(d, all, 0)).toEqual({ ok: true, rs: all[1] })
    expect(deploymentRevision(d, all, 1)).toEqual({ ok: true, rs: all[0] })
  })
  it('reports a missing revision or history with kubectl\'s errors', () => {
    const d = deployment('nginx:1.27')
    expect(deploymentRevision(d, all, 9)).toEqual({ ok: false,
      error: 'unable to find specified revision 9 in history' })
    expect(deploymentRevision(d, [all[2]], 0)).toEqual({ ok: false,
      error: 'no rollout history found for deployment "web"' })
  })
})

describe('kubectlRollback', () => {
  it('patches the template (without pod-template-hash) and the annotations back', () => {
    const d = deployment('nginx:1.27', { 'kubernetes.io/change-cause': 'v3',
      'kubectl.kubernetes.io/last-applied-configuration': '{}' })
    const r = kubectlRollback(d, all, 1)
    expect(r).toEqual({ kind: 'patch', message: 'rolled back', template: template('nginx:1.25'), annotations: {
      [RevisionAnnotation]: '3', 'kubectl.kubernetes.io/last-applied-configuration': '{}',
      'kubernetes.io/change-cause': 'v1' } })
  })
  it('skips when the template already matches', () => {
    expect(kubectlRollback(deployment('nginx:1.26'), all, 2)).toEqual({ kind: 'skipped',
      message: 'skipped rollback (current template already matches revision 2)' })
  })
  it('refuses a paused Deployment', () => {
    expect(kubectlRollback(deployment('nginx:1.27', {}, true), all, 0)).toEqual({ kind: 'error',
      error: "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again" })
  })
})

describe('controllerRollback (deprecated.deployment.rollback.to)', () => {
  it('reads the annotation', () => {
    expect(getRollbackTo(deployment('x', { [DeprecatedRollbackTo]: '2' }))).toBe(2)
    expect(getRollbackTo(deployment('x', { [DeprecatedRollbackTo]: 'two' }))).toBeUndefined()
  })
  it('rolls back to the last revision and clears the annotation', () => {
    const r = controllerRollback(deployment('nginx:1.27', { [DeprecatedRollbackTo]: '0' }), all, 0)
    expect(r.event).toEqual({ type: 'Normal', reason: 'DeploymentRollback',
      message: 'Rolled back deployment "web" to revision 2' })
    expect(r.deployment.spec?.template).toEqual(template('nginx:1.26'))
    expect(r.deployment.metadata?.annotations?.[DeprecatedRollbackTo]).toBeUndefined()
  })
  it('warns when the revision is missing or the template is unchanged', () => {
    expect(controllerRollback(deployment('nginx:1.27'), all, 7).event).toEqual({ type: 'Warning',
      reason: 'DeploymentRollbackRevisionNotFound', message: 'Unable to find the revision to rollback to.' })
    expect(controllerRollback(deployment('nginx:1.27'), [all[2]],
      0).event.message).toBe('Unable to find last revision.')
    expect(controllerRollback(deployment('nginx:1.27'), all, 3).event).toEqual({ type: 'Warning',
      reason: 'DeploymentRollbackTemplateUnchanged',
      message: 'The rollback revision contains the same template as current deployment "web"' })
  })
})
