/**
 * The admission plugins that take part in a pod create on a v1.35 cluster with the default plugin set, in
 * upstream order (pkg/kubeapiserver/options/plugins.go AllOrderedPlugins). The chain runs every mutating `admit`
 * in this order, then every validating `validate` in this order.
 */
import { DefaultTolerationSeconds } from './DefaultTolerationSeconds.ts'
import { LimitRanger } from './LimitRanger.ts'
import { NamespaceLifecycle } from './NamespaceLifecycle.ts'
import { PodSecurity } from './PodSecurity.ts'
import { Priority } from './Priority.ts'
import { ResourceQuota } from './ResourceQuota.ts'
import { ServiceAccount } from './ServiceAccount.ts'
import type { AdmissionPlugin } from './types.ts'
import { MutatingAdmissionPolicy, MutatingAdmissionWebhook, ValidatingAdmissionPolicy, ValidatingAdmissionWebhook } from './webhooks.ts'

export { computeQuotaUsage } from './ResourceQuota.ts'

const ORDERED: AdmissionPlugin[] = [
  NamespaceLifecycle, LimitRanger, ServiceAccount, PodSecurity, Priority, DefaultTolerationSeconds,
  MutatingAdmissionPolicy, MutatingAdmissionWebhook, ValidatingAdmissionPolicy, ValidatingAdmissionWebhook, ResourceQuota,
]

/**
 * admissionPlugins returns the enabled plugins in order. Every plugin here is on by default in v1.35, so
 * --enable-admission-plugins adds nothing (plugins off by default are not simulated); --disable-admission-plugins
 * removes plugins by name.
 */
export function admissionPlugins(enable: string[] = [], disable: string[] = []): AdmissionPlugin[] {
  void enable
  return ORDERED.filter((p) => !disable.includes(p.name))
}
