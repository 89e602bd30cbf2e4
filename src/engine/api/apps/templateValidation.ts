/**
 * The pod template of a Deployment or ReplicaSet: selector match, the template's own validation, and the rules a
 * controller's template adds (restartPolicy Always, no activeDeadlineSeconds).
 * Mirrors: pkg/apis/apps/validation/validation.go (ValidatePodTemplateSpecForReplicaSet) and
 * pkg/apis/core/validation/validation.go (ValidatePodTemplateSpec: labels at `<path>.labels` — not
 * `<path>.metadata.labels` —, annotations at `<path>.annotations`, the PodSpec at `<path>.spec`).
 * Adapter: api/validation.ts validates a whole Pod at fixed paths, so validatePodTemplateSpec runs it on a Pod made
 * of the template and rewrites `metadata.labels`, `metadata.annotations` and `spec…` under the template's path.
 * Simplified: validation.ts's subset of ValidatePodSpec (see its header); ValidatePodSpecificAnnotations and the
 * seccomp/AppArmor annotation checks are not ported.
 */
import type { FieldError } from '../errors.ts'
import { matchesLabelSelector } from '../labels.ts'
import type { LabelSelector, Pod, PodTemplateSpec } from '../types.ts'
import { validatePodCreate } from '../validation.ts'
import { goJsonStringMap } from './goJson.ts'
import { fieldForbidden, fieldInvalid, fieldNotSupported } from './selectorValidation.ts'

/** rewritePodPath moves a Pod field path under a template path (`spec.x` → `spec.template.spec.x`). */
export function rewritePodPath(field: string, templatePath: string): string | undefined {
  if (field === 'metadata.labels') return `${templatePath}.labels`
  if (field === 'metadata.annotations') return `${templatePath}.annotations`
  if (field === 'spec' || field.startsWith('spec.') || field.startsWith('spec[')) return `${templatePath}.${field}`
  // metadata.name and the rest of ObjectMeta are not validated on a template.
  return undefined
}

/** validatePodTemplateSpec: ValidatePodTemplateSpec through validatePodCreate, at `templatePath`. */
export function validatePodTemplateSpec(template: PodTemplateSpec, templatePath: string): FieldError[] {
  const meta = template.metadata ?? {}
  const pod: Pod = {
    metadata: { labels: meta.labels, annotations: meta.annotations },
    spec: { ...template.spec, containers: template.spec?.containers ?? [] },
  }
  const errs: FieldError[] = []
  for (const e of validatePodCreate(pod)) {
    const field = rewritePodPath(e.field, templatePath)
    if (field !== undefined) errs.push({ ...e, field })
  }
  if ((template.spec?.ephemeralContainers ?? []).length > 0) {
    errs.push(fieldForbidden(`${templatePath}.spec.ephemeralContainers`,
      'ephemeral containers not allowed in pod template'))
  }
  return errs
}

/**
 * validatePodTemplateSpecForReplicaSet: `selector` is LabelSelectorAsSelector's result — undefined for a nil
 * selector (labels.Nothing(): not Empty, matches nothing), `{}` for an empty one (Everything: the match is skipped).
 */
export function validatePodTemplateSpecForReplicaSet(template: PodTemplateSpec | undefined,
  selector: LabelSelector | undefined, templatePath: string): FieldError[] {
  const errs: FieldError[] = []
  // Go's template is a struct value in apps/v1: a missing one is the zero template, never nil.
  const tpl: PodTemplateSpec = template ?? {}
  const labels = tpl.metadata?.labels
  const empty = selector !== undefined && Object.keys(selector.matchLabels ?? {}).length === 0 &&
    (selector.matchExpressions ?? []).length === 0
  if (!empty && !matchesLabelSelector(selector, labels)) {
    errs.push(fieldInvalid(`${templatePath}.metadata.labels`, goJsonStringMap(labels),
      '`selector` does not match template `labels`'))
  }
  errs.push(...validatePodTemplateSpec(tpl, templatePath))
  const restartPolicy = tpl.spec?.restartPolicy ?? ''
  if (restartPolicy !== 'Always') {
    errs.push(fieldNotSupported(`${templatePath}.spec.restartPolicy`, JSON.stringify(restartPolicy), ['Always']))
  }
  if (tpl.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(fieldForbidden(`${templatePath}.spec.activeDeadlineSeconds`,
      'activeDeadlineSeconds in ReplicaSet is not Supported'))
  }
  return errs
}
