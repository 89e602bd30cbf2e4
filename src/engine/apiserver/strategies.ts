/**
 * The registry strategies of the kinds with more than plain storage (apps/v1 Deployments and ReplicaSets): their
 * defaults, what create and update prepare (status reset, generation), their validation and create warnings. Pods
 * keep their own path (podStrategy.ts, podUpdate.ts).
 * Mirrors: pkg/registry/apps/deployment/strategy.go, pkg/registry/apps/replicaset/strategy.go.
 */
import type { FieldError } from '../api/errors.ts'
import type { Deployment, KObject, ReplicaSet } from '../api/types.ts'
import { defaultDeployment, defaultReplicaSet } from '../api/apps/defaults.ts'
import {
  prepareDeploymentForCreate, prepareDeploymentForUpdate, prepareDeploymentStatusUpdate, prepareReplicaSetForCreate,
  prepareReplicaSetForUpdate, prepareReplicaSetStatusUpdate, warningsOnCreate,
} from '../api/apps/strategy.ts'
import {
  validateDeployment, validateDeploymentStatusUpdate, validateDeploymentUpdate, validateReplicaSet,
  validateReplicaSetStatusUpdate, validateReplicaSetUpdate,
} from '../api/apps/validation.ts'

export interface Strategy {
  defaults(o: KObject): KObject
  prepareForCreate(o: KObject): KObject
  prepareForUpdate(next: KObject, prev: KObject): KObject
  prepareStatusUpdate(next: KObject, prev: KObject): KObject
  validate(o: KObject): FieldError[]
  validateUpdate(next: KObject, prev: KObject): FieldError[]
  validateStatusUpdate(next: KObject, prev: KObject): FieldError[]
  warningsOnCreate(o: KObject): string[]
}

/** typed adapts a strategy written for one kind to the apiserver's untyped objects (one cast, here). */
function typed<T>(s: { [K in keyof Strategy]: (...a: T[]) => ReturnType<Strategy[K]> extends KObject ? T : ReturnType<Strategy[K]> }): Strategy {
  return s as unknown as Strategy
}

const deployment = typed<Deployment>({
  defaults: defaultDeployment,
  prepareForCreate: prepareDeploymentForCreate,
  prepareForUpdate: prepareDeploymentForUpdate,
  prepareStatusUpdate: prepareDeploymentStatusUpdate,
  validate: validateDeployment,
  validateUpdate: validateDeploymentUpdate,
  validateStatusUpdate: validateDeploymentStatusUpdate,
  warningsOnCreate,
})

const replicaSet = typed<ReplicaSet>({
  defaults: defaultReplicaSet,
  prepareForCreate: prepareReplicaSetForCreate,
  prepareForUpdate: prepareReplicaSetForUpdate,
  prepareStatusUpdate: prepareReplicaSetStatusUpdate,
  validate: validateReplicaSet,
  validateUpdate: validateReplicaSetUpdate,
  validateStatusUpdate: validateReplicaSetStatusUpdate,
  warningsOnCreate,
})

/** strategyFor returns the strategy of a kind, when it has one beyond plain storage. */
export function strategyFor(kind: string | undefined): Strategy | undefined {
  return kind === 'Deployment' ? deployment : kind === 'ReplicaSet' ? replicaSet : undefined
}
