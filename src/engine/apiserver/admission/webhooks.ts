/**
 * The dynamic admission stages that are on by default but have nothing to do until someone configures them:
 * MutatingAdmissionPolicy, MutatingAdmissionWebhook, ValidatingAdmissionPolicy, ValidatingAdmissionWebhook.
 * Simplified: configurations of these kinds are not simulated; the steps say that none exist.
 */
import type { AdmissionPlugin } from './types.ts'

const stage = (name: string, kind: string, phase: 'admit' | 'validate', docs: string): AdmissionPlugin => ({
  name, docs,
  handles: (a) => a.operation === 'CREATE' && a.resource === 'pods',
  [phase]: () => ({ acted: false, note: `no ${kind} objects exist in this cluster, so nothing is called.` }),
})

export const MutatingAdmissionPolicy = stage('MutatingAdmissionPolicy', 'MutatingAdmissionPolicy', 'admit', 'https://kubernetes.io/docs/reference/access-authn-authz/mutating-admission-policy/')
export const MutatingAdmissionWebhook = stage('MutatingAdmissionWebhook', 'MutatingWebhookConfiguration', 'admit', 'https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/')
export const ValidatingAdmissionPolicy = stage('ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicy', 'validate', 'https://kubernetes.io/docs/reference/access-authn-authz/validating-admission-policy/')
export const ValidatingAdmissionWebhook = stage('ValidatingAdmissionWebhook', 'ValidatingWebhookConfiguration', 'validate', 'https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/')
