/**
 * What `kubectl rollout undo deployment/NAME [--to-revision=N]` needs, mirroring kubectl's
 * pkg/polymorphichelpers/rollback.go (DeploymentRollbacker.Rollback, deploymentRevision), and the controller's
 * deprecated annotation-driven rollback of pkg/controller/deployment/rollback.go (v1.35).
 */
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../api/types.ts'
import {
  rollbackDoneEvent, rollbackLastRevisionNotFoundEvent, rollbackRevisionNotFoundEvent, rollbackTemplateUnchangedEvent,
  type DeploymentEvent,
} from './events.ts'
import { revision } from './replicasets.ts'
import {
  DefaultDeploymentUniqueLabelKey, DeprecatedRollbackTo, equalIgnoreHash, lastRevision, skipCopyAnnotation,
} from './util.ts'

export const rollbackSuccess = 'rolled back'
export const rollbackSkipped = 'skipped rollback'
export const pausedRollbackError =
  "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again"
export const revisionNotFoundError = (toRevision: number): string =>
  `unable to find specified revision ${toRevision} in history`
export const noRolloutHistoryError = (deploymentName: string): string =>
  `no rollout history found for deployment "${deploymentName}"`

/**
 * deploymentRevision: the ReplicaSet of revision toRevision, or for 0 the second newest revision (the one before
 * the current). allRSs are the old ReplicaSets followed by the new one, as kubectl lists them.
 */
export function deploymentRevision(
  d: Deployment, allRSs: readonly ReplicaSet[], toRevision: number,
): { ok: true; rs: ReplicaSet } | { ok: false; error: string } {
  let latestRevision = -1
  let latest: ReplicaSet | undefined
  let previousRevision = -1
  let previous: ReplicaSet | undefined
  for (const rs of allRSs) {
    const v = revision(rs)
    if (v === undefined) continue
    if (toRevision === 0) {
      if (latestRevision < v) {
        previousRevision = latestRevision
        previous = latest
        latestRevision = v
        latest = rs
      } else if (previousRevision < v) {
        previousRevision = v
        previous = rs
      }
    } else if (toRevision === v) {
      return { ok: true, rs }
    }
  }
  if (toRevision > 0) return { ok: false, error: revisionNotFoundError(toRevision) }
  if (!previous) return { ok: false, error: noRolloutHistoryError(d.metadata?.name ?? '') }
  return { ok: true, rs: previous }
}

/** KubectlRollback is what kubectl does: refuse, report a no-op, or patch template and annotations. */
export type KubectlRollback =
  | { kind: 'error'; error: string }
  | { kind: 'skipped'; message: string }
  | { kind: 'patch'; template: PodTemplateSpec; annotations: Record<string, string>; message: string }

/**
 * kubectlRollback: the Deployment's template goes back to the ReplicaSet's (without pod-template-hash) and its
 * annotations to the ReplicaSet's, keeping the ones kubectl skips (revision, last-applied …) from the Deployment.
 * Messages are printed after "deployment.apps/NAME ".
 */
export function kubectlRollback(d: Deployment, allRSs: readonly ReplicaSet[], toRevision: number): KubectlRollback {
  if (d.spec?.paused === true) return { kind: 'error', error: pausedRollbackError }
  const found = deploymentRevision(d, allRSs, toRevision)
  if (!found.ok) return { kind: 'error', error: found.error }
  const rs = found.rs
  if (equalIgnoreHash(rs.spec?.template, d.spec?.template)) {
    return { kind: 'skipped', message: `${rollbackSkipped} (current template already matches revision ${toRevision})` }
  }
  const source = rs.spec?.template ?? {}
  const labels = { ...(source.metadata?.labels ?? {}) }
  delete labels[DefaultDeploymentUniqueLabelKey]
  const template: PodTemplateSpec = { ...source, metadata: { ...(source.metadata ?? {}), labels } }
  const annotations: Record<string, string> = {}
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) if (skipCopyAnnotation(k)) annotations[k] = v
  for (const [k, v] of Object.entries(rs.metadata?.annotations ?? {})) if (!skipCopyAnnotation(k)) annotations[k] = v
  return { kind: 'patch', template, annotations, message: rollbackSuccess }
}

/** getRollbackTo reads the deprecated.deployment.rollback.to annotation (undefined: none or unparseable). */
export function getRollbackTo(d: Deployment): number | undefined {
  const v = d.metadata?.annotations?.[DeprecatedRollbackTo]
  if (v === undefined || v === '' || !/^[+-]?[0-9]+$/.test(v)) return undefined
  return parseInt(v, 10)
}

/**
 * controllerRollback is rollback.go for a Deployment carrying deprecated.deployment.rollback.to: the Deployment to
 * write back (annotation cleared, template and annotations restored when the revision differs) and the event.
 */
export function controllerRollback(
  d: Deployment, allRSs: readonly ReplicaSet[], rollbackTo: number,
): { deployment: Deployment; event: DeploymentEvent } {
  const cleared = (dep: Deployment): Deployment => {
    const annotations = { ...(dep.metadata?.annotations ?? {}) }
    delete annotations[DeprecatedRollbackTo]
    return { ...dep, metadata: { ...(dep.metadata ?? {}), annotations } }
  }
  let toRevision = rollbackTo
  if (toRevision === 0) {
    toRevision = lastRevision(allRSs)
    if (toRevision === 0) return { deployment: cleared(d), event: rollbackLastRevisionNotFoundEvent() }
  }
  const rs = allRSs.find((r) => revision(r) === toRevision)
  if (!rs) return { deployment: cleared(d), event: rollbackRevisionNotFoundEvent() }
  const name = d.metadata?.name ?? ''
  if (equalIgnoreHash(d.spec?.template, rs.spec?.template)) {
    return { deployment: cleared(d), event: rollbackTemplateUnchangedEvent(name) }
  }
  // SetFromReplicaSetTemplate + SetDeploymentAnnotationsTo.
  const source = rs.spec?.template ?? {}
  const labels = { ...(source.metadata?.labels ?? {}) }
  delete labels[DefaultDeploymentUniqueLabelKey]
  const annotations: Record<string, string> = {}
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) if (skipCopyAnnotation(k)) annotations[k] = v
  for (const [k, v] of Object.entries(rs.metadata?.annotations ?? {})) if (!skipCopyAnnotation(k)) annotations[k] = v
  const restored: Deployment = {
    ...d,
    metadata: { ...(d.metadata ?? {}), annotations },
    spec: {
      ...(d.spec ?? { selector: {}, template: {} }),
      template: { ...source, metadata: { ...(source.metadata ?? {}), labels } },
    },
  }
  return { deployment: cleared(restored), event: rollbackDoneEvent(name, toRevision) }
}
