/**
 * What kube-controller-manager's steps say: the deployment controller's decision for a Deployment, the replicaset
 * controller's for a ReplicaSet, the garbage collector's for a deleted owner — each from the numbers in the step.
 */
import type { StepOf } from '../events.ts'
import { assertNever } from '../events.ts'
import type { NarrationTable } from '../narration/types.ts'
import type { ControllerTraceType, DeploymentDecision, ScaleStep } from './traceTypes.ts'

const DEPLOYMENT_DOCS = 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/'
const REPLICASET_DOCS = 'https://kubernetes.io/docs/concepts/workloads/controllers/replicaset/'
const GC_DOCS = 'https://kubernetes.io/docs/concepts/architecture/garbage-collection/'

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const name = (key: string) => key.slice(key.indexOf('/') + 1)
const scaleWords = (s: ScaleStep) => `${s.replicaSet} ${s.to > s.from ? 'up' : 'down'} from ${s.from} to ${s.to}`

function decisionSummary(d: DeploymentDecision): string {
  switch (d.action) {
    case 'create-rs': return `creates ReplicaSet ${d.replicaSet} (revision ${d.revision}) with ${d.replicas} replicas`
    case 'scale': return `scales ${d.steps.map(scaleWords).join(', ')}`
    case 'status': return 'updates the rollout status'
    case 'cleanup': return `deletes old ReplicaSets ${d.deleted.join(', ')}`
    case 'rollback': return `rolls back to revision ${d.toRevision} (${d.replicaSet})`
    case 'deleted': return 'sees the Deployment is gone'
    default: return assertNever(d, 'deployment decision')
  }
}

type DSync = StepOf<'kcm:DeploymentSync'>

function deploymentStory(e: DSync): string {
  const d = e.details
  const dep = name(d.deployment)
  const bounds = d.strategy === 'RollingUpdate'
    ? ` A rolling update may run up to ${d.replicas + d.maxSurge} pods in all (maxSurge ${d.maxSurge}) and must keep ` +
      `at least ${Math.max(0, d.replicas - d.maxUnavailable)} available (maxUnavailable ${d.maxUnavailable}).`
    : ' The Recreate strategy stops every old pod before it starts new ones.'
  const x = d.decision
  switch (x.action) {
    case 'create-rs':
      return `The deployment controller sees Deployment ${dep} asking for ${plural(d.replicas, 'replica')} of a pod ` +
        `template no ReplicaSet runs yet. It creates ReplicaSet ${x.replicaSet}: the name is the Deployment's plus a ` +
        `hash of the template (${x.hash}), which is also added to the pods' labels as pod-template-hash so the ` +
        `ReplicaSets of different templates never claim each other's pods. It starts at ${x.replicas}.${bounds}`
    case 'scale':
      return `The deployment controller compares what Deployment ${dep} wants (${plural(d.replicas, 'replica')}, ` +
        `${d.updatedReplicas} on the current template, ${d.availableReplicas} available, ${d.totalReplicas} in all) ` +
        `with what runs, and scales ${x.steps.map(scaleWords).join('; ')}.${bounds} It only writes ` +
        'spec.replicas of the ReplicaSets: creating and deleting pods is the replicaset controller\'s job.'
    case 'status':
      return `The deployment controller finds nothing to scale for Deployment ${dep}: ${d.updatedReplicas} of ` +
        `${d.replicas} replicas run the current template and ${d.availableReplicas} are available. It writes the ` +
        'counts and the Available and Progressing conditions to the Deployment\'s status.'
    case 'cleanup':
      return `Deployment ${dep} keeps only revisionHistoryLimit old ReplicaSets (scaled to 0, kept for rollbacks); ` +
        `the controller deletes the oldest: ${x.deleted.join(', ')}.`
    case 'rollback':
      return `kubectl rollout undo asked for revision ${x.toRevision}: the controller copies the pod template of ` +
        `ReplicaSet ${x.replicaSet} back into Deployment ${dep}, and the rollout that follows is an ordinary one.`
    case 'deleted':
      return `Deployment ${dep} was deleted. The deployment controller has nothing left to do; the garbage ` +
        'collector removes what it owned.'
    default: return assertNever(x, 'deployment decision')
  }
}

type RSync = StepOf<'kcm:ReplicaSetSync'>

function replicaSetSummary(e: RSync): string {
  const d = e.details
  const x = d.decision
  switch (x.action) {
    case 'create': return `replicaset ${name(d.replicaSet)}: ${d.activePods}/${d.replicas} pods, creates ${x.count}`
    case 'delete': return `replicaset ${name(d.replicaSet)}: ${d.activePods}/${d.replicas} pods, deletes ${x.pods.length}`
    case 'none': return `replicaset ${name(d.replicaSet)}: ${d.activePods}/${d.replicas} pods, nothing to do`
    default: return assertNever(x, 'replicaset decision')
  }
}

function replicaSetStory(e: RSync): string {
  const d = e.details
  const rs = name(d.replicaSet)
  const owner = d.owner ? ` (its Deployment ${d.owner} decides the number; this controller makes it true)` : ''
  const x = d.decision
  switch (x.action) {
    case 'create':
      return `ReplicaSet ${rs} wants ${plural(d.replicas, 'pod')} and owns ${d.activePods}${owner}. The replicaset ` +
        `controller creates ${x.count} from its pod template, each named ${rs}- plus five random characters ` +
        '(generateName) and pointing back at the ReplicaSet in ownerReferences. It sends them in batches that ' +
        `double (${x.batches.join(', ')}), so a template that cannot be created fails fast instead of ${x.count} times.`
    case 'delete':
      return `ReplicaSet ${rs} owns ${d.activePods} pods but wants ${d.replicas}${owner}. The replicaset controller ` +
        `deletes ${plural(x.pods.length, 'pod')}, choosing those it loses least by: not yet scheduled, not ready, ` +
        `the youngest first (${x.pods.map(name).join(', ')}).`
    case 'none':
      return `ReplicaSet ${rs} owns as many pods as it wants (${d.replicas}); the controller only refreshes its status.`
    default: return assertNever(x, 'replicaset decision')
  }
}

export const CONTROLLER_NARRATION: NarrationTable<ControllerTraceType> = {
  'kcm:DeploymentSync': {
    summary: (e) => `deployment ${name(e.details.deployment)}: ${decisionSummary(e.details.decision)}`,
    story: deploymentStory,
    expert: (e) => `DeploymentController.syncDeployment(${e.details.deployment}): strategy ${e.details.strategy}, ` +
      `replicas ${e.details.replicas}, ResolveFenceposts → maxSurge ${e.details.maxSurge}, maxUnavailable ` +
      `${e.details.maxUnavailable}; new RS ${e.details.newReplicaSet ?? '(none)'}, old [${e.details.oldReplicaSets.join(', ')}]` +
      `; ${decisionSummary(e.details.decision)}.`,
    docs: DEPLOYMENT_DOCS,
    source: (e) => (e.details.decision.action === 'scale' ? 'pkg/controller/deployment/rolling.go'
      : 'pkg/controller/deployment/sync.go'),
  },
  'kcm:ReplicaSetSync': {
    summary: replicaSetSummary,
    story: replicaSetStory,
    expert: (e) => `ReplicaSetController.syncReplicaSet(${e.details.replicaSet}) → manageReplicas: diff = ` +
      `${e.details.activePods} active − ${e.details.replicas} wanted; ${replicaSetSummary(e)} (slowStartBatch ` +
      'from SlowStartInitialBatchSize 1, burstReplicas 500; deletions ranked by getPodsToDelete).',
    docs: REPLICASET_DOCS,
    source: 'pkg/controller/replicaset/replica_set.go',
  },
  'kcm:GarbageCollect': {
    summary: (e) => `garbage collector: ${e.details.owner.kind} ${e.details.owner.name} is gone, deletes ` +
      `${plural(e.details.dependents.length, 'dependent')}`,
    story: (e) => `${e.details.owner.kind} ${e.details.owner.name} was deleted. Objects that name it in their ` +
      `ownerReferences are its dependents (${e.details.dependents.map((d) => `${d.kind} ${d.name}`).join(', ') || 'none'}` +
      '); with background propagation, kubectl delete returns at once and the garbage collector deletes them ' +
      'afterwards, and theirs in turn.',
    expert: (e) => `GarbageCollector: attemptToDeleteItem for the dependents of uid ${e.details.owner.uid} ` +
      '(owner absent from the graph → delete with propagationPolicy=Background).',
    docs: GC_DOCS,
    source: 'pkg/controller/garbagecollector/garbagecollector.go',
  },
}
