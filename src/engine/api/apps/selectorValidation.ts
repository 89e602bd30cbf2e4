/**
 * validateLabelSelector: a metav1.LabelSelector checked strictly, as Deployments and ReplicaSets do.
 * Mirrors: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go (ValidateLabelSelector,
 * ValidateLabelSelectorRequirement with AllowInvalidLabelValueInSelector false, ValidateLabelName).
 */
import type { FieldError } from '../errors.ts'
import type { LabelSelector } from '../types.ts'
import { labelValueErrors, qualifiedNameErrors, validateLabels } from '../validation.ts'
import { goJsonString } from './goJson.ts'

export const fieldInvalid = (field: string, printed: string, detail: string): FieldError =>
  ({ type: 'FieldValueInvalid', field, message: `Invalid value: ${printed}: ${detail}` })
export const fieldRequired = (field: string, detail = ''): FieldError =>
  ({ type: 'FieldValueRequired', field, message: detail ? `Required value: ${detail}` : 'Required value' })
export const fieldForbidden = (field: string, detail: string): FieldError =>
  ({ type: 'FieldValueForbidden', field, message: `Forbidden: ${detail}` })
export const fieldNotSupported = (field: string, printed: string, valid: string[]): FieldError =>
  ({ type: 'FieldValueNotSupported', field,
    message: `Unsupported value: ${printed}: supported values: ${valid.map((v) => JSON.stringify(v)).join(', ')}` })

/** validateLabelSelector returns the selector's errors; upstream's LabelSelectorAsSelector fails on the same ones. */
export function validateLabelSelector(sel: LabelSelector | undefined, path: string): FieldError[] {
  if (!sel) return []
  const errs = validateLabels(sel.matchLabels, `${path}.matchLabels`)
  ;(sel.matchExpressions ?? []).forEach((r, i) => {
    const p = `${path}.matchExpressions[${i}]`
    const values = r.values ?? []
    switch (r.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) {
          errs.push(fieldRequired(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"))
        }
        break
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) {
          errs.push(fieldForbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
        }
        break
      default:
        errs.push(fieldInvalid(`${p}.operator`, goJsonString(r.operator ?? ''), 'not a valid selector operator'))
    }
    for (const m of qualifiedNameErrors(r.key ?? '')) errs.push(fieldInvalid(`${p}.key`, goJsonString(r.key ?? ''), m))
    values.forEach((v, j) => {
      for (const m of labelValueErrors(v)) errs.push(fieldInvalid(`${p}.values[${j}]`, goJsonString(v), m))
    })
  })
  return errs
}
