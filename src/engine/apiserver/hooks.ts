/**
 * The seams between the apiserver core and the API machinery it calls per object: strict decoding, defaulting,
 * validation and the ordered admission plugins. Wired here in one place.
 */
import type { FieldError } from '../api/errors.ts'
import type { KObject } from '../api/types.ts'
import type { AdmissionPlugin } from './admission/types.ts'

export interface ApiHooks {
  /** strictDecode returns the unknown-field / wrong-type errors of a decoded object (empty when clean). */
  strictDecode(obj: KObject): string[]
  /** strictDecodeMessage builds the 400 text: `Pod in version "v1" cannot be handled as a Pod: strict decoding error: ...`. */
  strictDecodeMessage(obj: KObject, errors: string[]): string
  /** applyDefaults returns the object with the scheme's defaults set (SetDefaults_*). */
  applyDefaults(obj: KObject): KObject
  /** validateCreate returns the field errors of a new object. */
  validateCreate(obj: KObject): FieldError[]
  admissionPlugins(enable?: string[], disable?: string[]): AdmissionPlugin[]
  computeQuotaUsage?(quota: KObject, objects: KObject[]): KObject
}

/** defaultHooks: the no-op fallback until the API machinery is wired in. */
export const defaultHooks: ApiHooks = {
  strictDecode: () => [],
  strictDecodeMessage: (obj, errors) => `${obj.kind} in version "${obj.apiVersion}" cannot be handled as a ${obj.kind}: strict decoding error: ${errors.join(', ')}`,
  applyDefaults: (obj) => obj,
  validateCreate: () => [],
  admissionPlugins: () => [],
}
