/**
 * Validation of apps/v1 Deployments and ReplicaSets, in upstream's order, with upstream's field paths and texts.
 * Mirrors: pkg/apis/apps/validation/validation.go (ValidateDeployment, ValidateDeploymentSpec,
 * ValidateDeploymentStrategy, ValidateRollingUpdateDeployment, ValidatePositiveIntOrPercent,
 * IsNotMoreThan100Percent, ValidateDeploymentUpdate, ValidateDeploymentStatus(Update), ValidateReplicaSet,
 * ValidateReplicaSetSpec, ValidateReplicaSetUpdate, ValidateReplicaSetStatus(Update)),
 * pkg/registry/apps/{deployment,replicaset}/strategy.go (selector immutable in apps/v1) and
 * staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go (IsValidPercent).
 * Inputs are defaulted objects (defaults.ts), as in the apiserver, where validation follows defaulting.
 * Simplified: ObjectMeta checks are validation.ts's (name, labels, annotation keys); on update only labels and
 * annotations are re-checked (ValidateObjectMetaUpdate's immutable-field checks are left to the apiserver).
 */
import type { FieldError } from '../errors.ts'
import type { Deployment, DeploymentStatus, DeploymentStrategy, LabelSelector, ObjectMeta, Pod, PodTemplateSpec,
  ReplicaSet, ReplicaSetStatus } from '../types.ts'
import { regexError, validatePodCreate } from '../validation.ts'
import { goJsonIntOrString, goJsonLabelSelector, goJsonString } from './goJson.ts'
import { fieldInvalid, fieldNotSupported, fieldRequired, validateLabelSelector } from './selectorValidation.ts'
import { validatePodTemplateSpecForReplicaSet } from './templateValidation.ts'

type IntOrString = number | string | undefined
type RollingUpdateDeployment = NonNullable<DeploymentStrategy['rollingUpdate']>

/** IsNegativeErrorMsg (pkg/apis/core/validation). */
const IS_NEGATIVE = 'must be greater than or equal to 0'
/** FieldImmutableErrorMsg (staging/src/k8s.io/apimachinery/pkg/api/validation). */
const IMMUTABLE = 'field is immutable'
const PERCENT_FMT = '[0-9]+%'
const PERCENT_ERR = "a valid percent string must be a numeric string followed by an ending '%'"
const PERCENT_RE = /^[0-9]+%$/
const REPLICAS_MSG = 'cannot be greater than status.replicas'
const READY_MSG = 'cannot be greater than readyReplicas'

/** selectorOf: the manifest may leave the selector out although the Go type (and kubernetes-types) require it. */
function selectorOf(o: Deployment | ReplicaSet): LabelSelector | undefined {
  return o.spec?.selector as LabelSelector | undefined
}

/** validateNonnegativeField: an int printed with %v. */
function nonnegative(value: number | undefined, field: string): FieldError[] {
  return (value ?? 0) < 0 ? [fieldInvalid(field, String(value), IS_NEGATIVE)] : []
}

/** validateObjectMeta: name (a DNS subdomain: ValidateDeploymentName / ValidateReplicaSetName), labels, annotations. */
function validateObjectMeta(meta: ObjectMeta | undefined, withName: boolean): FieldError[] {
  const pod: Pod = {
    metadata: { name: withName ? meta?.name : undefined, labels: meta?.labels, annotations: meta?.annotations },
  }
  return validatePodCreate(pod).filter((e) => e.field.startsWith('metadata.'))
}

/** getPercentValue: the number of a valid percent string, else undefined. */
function getPercentValue(v: IntOrString): number | undefined {
  return typeof v === 'string' && PERCENT_RE.test(v) ? Number.parseInt(v.slice(0, -1), 10) : undefined
}

/** getIntOrPercentValue: a percent's number, else IntValue() (a non-percent string through Atoi, 0 on failure). */
function getIntOrPercentValue(v: IntOrString): number {
  const pct = getPercentValue(v)
  if (pct !== undefined) return pct
  if (typeof v === 'number') return v
  return /^[+-]?\d+$/.test(v ?? '') ? Number.parseInt(v ?? '0', 10) : 0
}

/** ValidatePositiveIntOrPercent. */
function validatePositiveIntOrPercent(v: IntOrString, field: string): FieldError[] {
  if (typeof v === 'string') {
    if (PERCENT_RE.test(v)) return []
    return [fieldInvalid(field, goJsonIntOrString(v), regexError(PERCENT_ERR, PERCENT_FMT, '1%', '93%'))]
  }
  return nonnegative(v, field)
}

/** IsNotMoreThan100Percent. */
function isNotMoreThan100Percent(v: IntOrString, field: string): FieldError[] {
  const pct = getPercentValue(v)
  if (pct === undefined || pct <= 100) return []
  return [fieldInvalid(field, goJsonIntOrString(v), 'must not be greater than 100%')]
}

/** ValidateRollingUpdateDeployment: only maxUnavailable is capped at 100%; maxSurge may exceed it. */
function validateRollingUpdateDeployment(ru: RollingUpdateDeployment, path: string): FieldError[] {
  const errs = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, `${path}.maxUnavailable`),
    ...validatePositiveIntOrPercent(ru.maxSurge, `${path}.maxSurge`),
  ]
  if (getIntOrPercentValue(ru.maxUnavailable) === 0 && getIntOrPercentValue(ru.maxSurge) === 0) {
    errs.push(fieldInvalid(`${path}.maxUnavailable`, goJsonIntOrString(ru.maxUnavailable),
      'may not be 0 when `maxSurge` is 0'))
  }
  errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, `${path}.maxUnavailable`))
  return errs
}

/**
 * goJsonStrategy prints the internal apps.DeploymentStrategy as json.Marshal does: the internal type has no json
 * tags, so its Go field names appear (Type, RollingUpdate{MaxUnavailable, MaxSurge}).
 */
function goJsonStrategy(s: DeploymentStrategy): string {
  const ru = s.rollingUpdate
  const rolling = ru
    ? `{"MaxUnavailable":${goJsonIntOrString(ru.maxUnavailable)},"MaxSurge":${goJsonIntOrString(ru.maxSurge)}}` : 'null'
  return `{"Type":${goJsonString(s.type ?? '')},"RollingUpdate":${rolling}}`
}

/** ValidateDeploymentStrategy. */
function validateDeploymentStrategy(s: DeploymentStrategy, path: string): FieldError[] {
  switch (s.type) {
    case 'Recreate':
      return s.rollingUpdate
        ? [{ type: 'FieldValueForbidden', field: `${path}.rollingUpdate`,
          message: "Forbidden: may not be specified when strategy `type` is 'Recreate'" }]
        : []
    case 'RollingUpdate':
      return s.rollingUpdate
        ? validateRollingUpdateDeployment(s.rollingUpdate, `${path}.rollingUpdate`)
        : [fieldRequired(`${path}.rollingUpdate`, 'this should be defaulted and never be nil')]
    default:
      return [fieldNotSupported(path, goJsonStrategy(s), ['Recreate', 'RollingUpdate'])]
  }
}

/**
 * The selector block shared by Deployment and ReplicaSet specs. The empty-selector text names "deployment" for
 * ReplicaSets too: upstream's ValidateReplicaSetSpec reuses the string.
 */
function validateSelectorAndTemplate(selector: LabelSelector | undefined, template: PodTemplateSpec | undefined,
  path: string): FieldError[] {
  const errs: FieldError[] = []
  let selectorErrs: FieldError[] = []
  if (!selector) errs.push(fieldRequired(`${path}.selector`))
  else {
    selectorErrs = validateLabelSelector(selector, `${path}.selector`)
    errs.push(...selectorErrs)
    if (Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0) {
      errs.push(fieldInvalid(`${path}.selector`, goJsonLabelSelector(selector),
        'empty selector is invalid for deployment'))
    }
  }
  // LabelSelectorAsSelector fails exactly where the strict selector validation above did (NewRequirement).
  if (selectorErrs.length > 0) {
    errs.push(fieldInvalid(`${path}.selector`, goJsonLabelSelector(selector), 'invalid label selector'))
  } else {
    errs.push(...validatePodTemplateSpecForReplicaSet(template, selector, `${path}.template`))
  }
  return errs
}

/** validateDeploymentSpec: ValidateDeploymentSpec at `spec`. */
function validateDeploymentSpec(d: Deployment): FieldError[] {
  const spec = d.spec
  const errs = nonnegative(spec?.replicas, 'spec.replicas')
  errs.push(...validateSelectorAndTemplate(selectorOf(d), spec?.template, 'spec'))
  errs.push(...validateDeploymentStrategy(spec?.strategy ?? {}, 'spec.strategy'))
  errs.push(...nonnegative(spec?.minReadySeconds, 'spec.minReadySeconds'))
  if (spec?.revisionHistoryLimit !== undefined) {
    // zero is a valid revisionHistoryLimit
    errs.push(...nonnegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'))
  }
  if (spec?.progressDeadlineSeconds !== undefined) {
    const pds = spec.progressDeadlineSeconds
    errs.push(...nonnegative(pds, 'spec.progressDeadlineSeconds'))
    if (pds <= (spec.minReadySeconds ?? 0)) {
      errs.push(fieldInvalid('spec.progressDeadlineSeconds', String(pds), 'must be greater than minReadySeconds'))
    }
  }
  return errs
}

/** validateDeployment: ValidateDeployment (create). */
export function validateDeployment(d: Deployment): FieldError[] {
  return [...validateObjectMeta(d.metadata, true), ...validateDeploymentSpec(d)]
}

/** selectorImmutable: ValidateImmutableField on spec.selector, printing the new selector. */
function selectorImmutable(next: LabelSelector | undefined, prev: LabelSelector | undefined): FieldError[] {
  return goJsonLabelSelector(next) === goJsonLabelSelector(prev)
    ? [] : [fieldInvalid('spec.selector', goJsonLabelSelector(next), IMMUTABLE)]
}

/** validateDeploymentUpdate: ValidateDeploymentUpdate, then the apps/v1 selector immutability. */
export function validateDeploymentUpdate(next: Deployment, prev: Deployment): FieldError[] {
  return [
    ...validateObjectMeta(next.metadata, false),
    ...validateDeploymentSpec(next),
    ...selectorImmutable(selectorOf(next), selectorOf(prev)),
  ]
}

/** validateDeploymentStatus: ValidateDeploymentStatus at `status`. */
export function validateDeploymentStatus(s: DeploymentStatus | undefined): FieldError[] {
  const st = s ?? {}
  const errs = [
    ...nonnegative(st.observedGeneration, 'status.observedGeneration'),
    ...nonnegative(st.replicas, 'status.replicas'),
    ...nonnegative(st.updatedReplicas, 'status.updatedReplicas'),
    ...nonnegative(st.readyReplicas, 'status.readyReplicas'),
    ...nonnegative(st.availableReplicas, 'status.availableReplicas'),
    ...nonnegative(st.unavailableReplicas, 'status.unavailableReplicas'),
    ...nonnegative(st.collisionCount, 'status.collisionCount'),
  ]
  const replicas = st.replicas ?? 0
  const over = (v: number | undefined, field: string) => {
    if ((v ?? 0) > replicas) errs.push(fieldInvalid(field, String(v), REPLICAS_MSG))
  }
  over(st.updatedReplicas, 'status.updatedReplicas')
  over(st.readyReplicas, 'status.readyReplicas')
  over(st.availableReplicas, 'status.availableReplicas')
  if ((st.availableReplicas ?? 0) > (st.readyReplicas ?? 0)) {
    errs.push(fieldInvalid('status.availableReplicas', String(st.availableReplicas), READY_MSG))
  }
  return errs
}

/** validateDeploymentStatusUpdate: status checks, and collisionCount never decremented. */
export function validateDeploymentStatusUpdate(next: Deployment, prev: Deployment): FieldError[] {
  const errs = [...validateObjectMeta(next.metadata, false), ...validateDeploymentStatus(next.status)]
  const n = next.status?.collisionCount
  const o = prev.status?.collisionCount
  // IsDecremented: only when the old value was set; a removed count counts as 0.
  if (o !== undefined && (n ?? 0) < o) {
    errs.push(fieldInvalid('status.collisionCount', String(n ?? 0), 'cannot be decremented'))
  }
  return errs
}

/** validateReplicaSetSpec: ValidateReplicaSetSpec at `spec`. */
function validateReplicaSetSpec(rs: ReplicaSet): FieldError[] {
  const spec = rs.spec
  return [
    ...nonnegative(spec?.replicas, 'spec.replicas'),
    ...nonnegative(spec?.minReadySeconds, 'spec.minReadySeconds'),
    ...validateSelectorAndTemplate(selectorOf(rs), spec?.template, 'spec'),
  ]
}

/** validateReplicaSet: ValidateReplicaSet (create). */
export function validateReplicaSet(rs: ReplicaSet): FieldError[] {
  return [...validateObjectMeta(rs.metadata, true), ...validateReplicaSetSpec(rs)]
}

/**
 * validateReplicaSetUpdate: as rsStrategy.ValidateUpdate — ValidateReplicaSet on the new object first, then
 * ValidateReplicaSetUpdate (so a spec error is listed twice: the aggregate message prints it once, the causes keep
 * both), then the apps/v1 selector immutability.
 */
export function validateReplicaSetUpdate(next: ReplicaSet, prev: ReplicaSet): FieldError[] {
  return [
    ...validateReplicaSet(next),
    ...validateObjectMeta(next.metadata, false),
    ...validateReplicaSetSpec(next),
    ...selectorImmutable(selectorOf(next), selectorOf(prev)),
  ]
}

/** validateReplicaSetStatus: ValidateReplicaSetStatus at `status`. */
export function validateReplicaSetStatus(s: ReplicaSetStatus | undefined): FieldError[] {
  const st: Partial<ReplicaSetStatus> = s ?? {}
  const errs = [
    ...nonnegative(st.replicas, 'status.replicas'),
    ...nonnegative(st.fullyLabeledReplicas, 'status.fullyLabeledReplicas'),
    ...nonnegative(st.readyReplicas, 'status.readyReplicas'),
    ...nonnegative(st.availableReplicas, 'status.availableReplicas'),
    ...nonnegative(st.observedGeneration, 'status.observedGeneration'),
  ]
  const replicas = st.replicas ?? 0
  const over = (v: number | undefined, field: string) => {
    if ((v ?? 0) > replicas) errs.push(fieldInvalid(field, String(v), REPLICAS_MSG))
  }
  over(st.fullyLabeledReplicas, 'status.fullyLabeledReplicas')
  over(st.readyReplicas, 'status.readyReplicas')
  over(st.availableReplicas, 'status.availableReplicas')
  if ((st.availableReplicas ?? 0) > (st.readyReplicas ?? 0)) {
    errs.push(fieldInvalid('status.availableReplicas', String(st.availableReplicas), READY_MSG))
  }
  return errs
}

/** validateReplicaSetStatusUpdate: ValidateReplicaSetStatusUpdate. */
export function validateReplicaSetStatusUpdate(next: ReplicaSet, _prev: ReplicaSet): FieldError[] {
  return [...validateObjectMeta(next.metadata, false), ...validateReplicaSetStatus(next.status)]
}
