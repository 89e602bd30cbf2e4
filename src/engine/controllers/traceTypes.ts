/**
 * Trace step types of kube-controller-manager: one step each time a controller's sync decides something, with the
 * numbers it decided from. The requests that carry the decision out are the client's own http:Request steps.
 */

/** Trace event types of kube-controller-manager's controllers. */
export const CONTROLLER_TRACE_TYPES = [
  'kcm:DeploymentSync',
  'kcm:ReplicaSetSync',
  'kcm:GarbageCollect',
] as const

export type ControllerTraceType = (typeof CONTROLLER_TRACE_TYPES)[number]

/** A ReplicaSet scaled by the deployment controller, from and to a replica count. */
export interface ScaleStep {
  replicaSet: string
  from: number
  to: number
  /** Why: the new ReplicaSet grows, an old one shrinks, or a plain scale of the deployment. */
  why: 'new-rs' | 'old-rs' | 'proportional'
}

/** What the deployment controller's syncDeployment decided for one Deployment. */
export type DeploymentDecision =
  /** The template has no ReplicaSet yet: create one (revision N) with this many replicas. */
  | { action: 'create-rs'; replicaSet: string; replicas: number; revision: string; hash: string }
  /** Scale ReplicaSets (rolling update steps, or a change of spec.replicas). */
  | { action: 'scale'; steps: ScaleStep[] }
  /** Nothing to scale: only the Deployment's status is (re)computed. */
  | { action: 'status' }
  /** Old ReplicaSets beyond revisionHistoryLimit are deleted. */
  | { action: 'cleanup'; deleted: string[] }
  /** `kubectl rollout undo`: the template of an earlier revision is copied back. */
  | { action: 'rollback'; toRevision: string; replicaSet: string }
  /** The Deployment is gone: nothing to do (its dependents are the garbage collector's). */
  | { action: 'deleted' }

export interface DeploymentSyncDetails {
  /** namespace/name */
  deployment: string
  strategy: 'RollingUpdate' | 'Recreate'
  /** spec.replicas, and the rolling update bounds resolved to numbers (ResolveFenceposts). */
  replicas: number
  maxSurge: number
  maxUnavailable: number
  /** The counts the decision was made from. */
  newReplicaSet?: string
  oldReplicaSets: string[]
  updatedReplicas: number
  availableReplicas: number
  totalReplicas: number
  decision: DeploymentDecision
}

/** What the replicaset controller's manageReplicas decided for one ReplicaSet. */
export type ReplicaSetDecision =
  | { action: 'create'; count: number; batches: number[] }
  | { action: 'delete'; pods: string[] }
  | { action: 'none' }

export interface ReplicaSetSyncDetails {
  /** namespace/name */
  replicaSet: string
  /** spec.replicas, and the active pods the controller owns. */
  replicas: number
  activePods: number
  /** Owned by a Deployment (its name), for the story. */
  owner?: string
  decision: ReplicaSetDecision
}

export interface GarbageCollectDetails {
  /** The owner that is gone. */
  owner: { kind: string; namespace: string; name: string; uid: string }
  /** Its dependents, deleted with propagationPolicy Background. */
  dependents: { kind: string; name: string }[]
}

export interface ControllerTraceDetails {
  'kcm:DeploymentSync': DeploymentSyncDetails
  'kcm:ReplicaSetSync': ReplicaSetSyncDetails
  'kcm:GarbageCollect': GarbageCollectDetails
}
