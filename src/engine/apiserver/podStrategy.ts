/**
 * The pod registry strategy's create and update rules, and the v1 encoding's alias field.
 * Mirrors: pkg/registry/core/pod/strategy.go (PrepareForCreate, PrepareForUpdate, updatePodGeneration),
 * staging/src/k8s.io/apiserver/pkg/registry/rest/update.go (BeforeUpdate: requests cannot set generation),
 * pkg/apis/core/validation/validation.go (ValidatePodUpdate, ValidateContainerUpdates,
 * validateOnlyAddedTolerations, validateOnlyDeletedSchedulingGates) and pkg/apis/core/v1/conversion.go
 * (Convert_core_PodSpec_To_v1_PodSpec: DeprecatedServiceAccount is an alias for ServiceAccountName).
 * Simplified: equality is JSON equality (no resource.Quantity semantics); the new pod's own validation
 * (validatePodMetadataAndSpec) and ValidateObjectMetaUpdate are not re-run on update; gated pods' nodeSelector and
 * node affinity mutations are not allowed.
 */
import { copyOf } from '../api/copy.ts'
import type { FieldError } from '../api/errors.ts'
import type { Container, Pod, PodSpec, Toleration } from '../api/types.ts'
import { sortedJson } from '../api/sortedJson.ts'

/** updatablePodSpecFields, joined with "," as ValidatePodUpdate joins them. */
export const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
]

const equal = (a: unknown, b: unknown): boolean => sortedJson(a) === sortedJson(b)

/** coreSpec is the internal PodSpec: the v1 alias `serviceAccount` has no field of its own there. */
function coreSpec(spec: PodSpec | undefined): PodSpec {
  const out: PodSpec = { ...(spec ?? { containers: [] }) }
  delete out.serviceAccount
  return out
}

/** toV1Pod: Convert_core_PodSpec_To_v1_PodSpec sets the deprecated `serviceAccount` to serviceAccountName. */
export function toV1Pod(pod: Pod): Pod {
  const spec = pod.spec
  if (!spec) return pod
  const out: PodSpec = copyOf(spec) // not a spread: serviceAccount is usually a new key (see copyOf)
  if (spec.serviceAccountName) out.serviceAccount = spec.serviceAccountName
  else delete out.serviceAccount
  return { ...pod, spec: out }
}

/**
 * preparePodForUpdate: BeforeUpdate keeps the old generation (requests cannot set it), PrepareForUpdate keeps the
 * old status and bumps the generation when the spec changed (updatePodGeneration).
 */
export function preparePodForUpdate(newPod: Pod, oldPod: Pod): Pod {
  const generation = oldPod.metadata?.generation ?? 1
  const changed = !equal(coreSpec(newPod.spec), coreSpec(oldPod.spec))
  const metadata = { ...newPod.metadata, generation: changed ? generation + 1 : generation }
  const { status: _dropped, ...rest } = newPod
  return oldPod.status ? { ...rest, metadata, status: oldPod.status } : { ...rest, metadata }
}

const forbidden = (field: string, detail: string): FieldError =>
  ({ type: 'FieldValueForbidden', field, message: `Forbidden: ${detail}` })
const invalid = (field: string, value: unknown, detail: string): FieldError =>
  ({ type: 'FieldValueInvalid', field, message: `Invalid value: ${JSON.stringify(value ?? null)}: ${detail}` })

/** ValidateContainerUpdates: same number of containers, and every image set without surrounding spaces. */
function validateContainerUpdates(next: Container[], old: Container[], path: string):
  { errs: FieldError[]; stop: boolean } {
  if (next.length !== old.length) {
    return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true }
  }
  const errs: FieldError[] = []
  next.forEach((c, i) => {
    const image = c.image ?? ''
    const field = `${path}[${i}].image`
    if (image.length === 0) errs.push({ type: 'FieldValueRequired', field, message: 'Required value' })
    if (image.trim().length !== image.length) {
      errs.push(invalid(field, image, 'must not have leading or trailing whitespace'))
    }
  })
  return { errs, stop: false }
}

/** validateOnlyAddedTolerations: every old toleration is still there (its tolerationSeconds may change). */
function validateOnlyAddedTolerations(next: Toleration[], old: Toleration[], path: string): FieldError[] {
  for (const o of old) {
    if (!next.some((n) => equal({ ...o, tolerationSeconds: n.tolerationSeconds }, n))) {
      return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')]
    }
  }
  return []
}

/** validateOnlyDeletedSchedulingGates: a gate may be removed, never added. */
type Gate = { name: string }
function validateOnlyDeletedSchedulingGates(next: Gate[], old: Gate[], path: string): FieldError[] {
  const oldNames = new Set(old.map((g) => g.name))
  return next.flatMap((g, i) => (oldNames.has(g.name) ? []
    : [forbidden(`${path}[${i}].name`, `only deletion is allowed, but found new scheduling gate '${g.name}'`)]))
}

/** validatePodUpdate: ValidatePodUpdate's spec rules, in upstream order. */
export function validatePodUpdate(newPod: Pod, oldPod: Pod): FieldError[] {
  const next = coreSpec(newPod.spec)
  const old = coreSpec(oldPod.spec)
  const errs: FieldError[] = []
  for (const [key, path] of [['containers', 'spec.containers'], ['initContainers', 'spec.initContainers']] as const) {
    const r = validateContainerUpdates(next[key] ?? [], old[key] ?? [], path)
    errs.push(...r.errs)
    if (r.stop) return errs
  }
  const ads = next.activeDeadlineSeconds
  if (ads !== undefined && ads !== null) {
    if (ads < 0 || ads > 2147483647) {
      return [...errs, invalid('spec.activeDeadlineSeconds', ads, 'must be between 0 and 2147483647, inclusive')]
    }
    if (old.activeDeadlineSeconds !== undefined && old.activeDeadlineSeconds < ads) {
      return [...errs, invalid('spec.activeDeadlineSeconds', ads, 'must be less than or equal to previous value')]
    }
  } else if (old.activeDeadlineSeconds !== undefined) {
    errs.push(invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'))
  }
  errs.push(...validateOnlyAddedTolerations(next.tolerations ?? [], old.tolerations ?? [], 'spec.tolerations'))
  const gates = 'spec.schedulingGates'
  errs.push(...validateOnlyDeletedSchedulingGates(next.schedulingGates ?? [], old.schedulingGates ?? [], gates))
  if (equal(next, old)) return errs
  const munged: PodSpec = {
    ...next,
    containers: next.containers.map((c, i) => ({ ...c, image: old.containers[i]?.image })),
    activeDeadlineSeconds: old.activeDeadlineSeconds,
    schedulingGates: old.schedulingGates,
    tolerations: old.tolerations,
  }
  if (next.initContainers) {
    munged.initContainers = next.initContainers.map((c, i) => ({ ...c, image: old.initContainers?.[i]?.image }))
  }
  const oldGrace = old.terminationGracePeriodSeconds
  if (oldGrace !== undefined && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldGrace
  }
  if (!equal(munged, old)) {
    const fields = UPDATABLE_POD_SPEC_FIELDS.join(',')
    const detail = `pod updates may not change fields other than ${fields}\n${specDiff(old, munged)}`
    errs.push(forbidden('spec', detail))
  }
  return errs
}

/** Go field names of core.PodSpec where they are not the JSON name with a capital first letter. */
const GO_NAMES: Record<string, string> = {
  dnsPolicy: 'DNSPolicy', dnsConfig: 'DNSConfig', hostIPC: 'HostIPC', hostPID: 'HostPID',
}
const goName = (k: string): string => GO_NAMES[k] ?? k[0].toUpperCase() + k.slice(1)

/**
 * specDiff: the shape of cmp.Diff(oldPod.Spec, mungedPodSpec) — `core.PodSpec{`, the changed fields with `-`/`+`
 * and the count of identical ones. Simplified: values print as JSON, not as Go values, and only fields set on
 * either side are counted (go-cmp's own output is deliberately unstable, so no client matches it byte for byte).
 */
export function specDiff(old: PodSpec, next: PodSpec): string {
  const present = (o: PodSpec) => Object.entries(o).filter(([, v]) => v !== undefined)
  const a0 = new Map<string, unknown>(present(old))
  const b0 = new Map<string, unknown>(present(next))
  const keys = [...new Set([...a0.keys(), ...b0.keys()])].sort()
  const lines = ['  core.PodSpec{']
  let same = 0
  const flush = () => {
    if (same > 0) lines.push(`  \t... // ${same} identical field${same === 1 ? '' : 's'}`)
    same = 0
  }
  for (const k of keys) {
    const a = a0.get(k)
    const b = b0.get(k)
    if (equal(a, b)) { same++; continue }
    flush()
    if (a !== undefined) lines.push(`- \t${goName(k)}: ${JSON.stringify(a)},`)
    if (b !== undefined) lines.push(`+ \t${goName(k)}: ${JSON.stringify(b)},`)
  }
  flush()
  lines.push('  }')
  return `${lines.join('\n')}\n`
}
