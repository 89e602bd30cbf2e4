import { newForbidden } from '../../api/errors.ts'
import type { Status } from '../../api/types.ts'
import type { AdmissionAttributes } from './types.ts'

/** forbidden mirrors admission.NewForbidden: `<resource> "<name>" is forbidden: <err>`. */
export function forbidden(a: AdmissionAttributes, err: string): Status {
  return newForbidden(a.resource, a.name, err, a.group)
}

/** isPodCreate: the plugin takes part in creating a pod (not a subresource). */
export function isPodCreate(a: AdmissionAttributes): boolean {
  return a.operation === 'CREATE' && a.resource === 'pods' && a.subresource === ''
}

export const pass = (note: string) => ({ acted: false, note })
