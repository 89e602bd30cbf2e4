/**
 * ResourceQuota: a create must fit in every quota of its namespace; on success the quota's status.used is updated
 * in the same admission pass.
 * Mirrors: staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go ("exceeded quota: %s,
 * requested: %s, used: %s, limited: %s"; "failed quota: %s: %v") and pkg/quota/v1/evaluator/core/pods.go
 * ("must specify %s" for containers without the constrained request or limit).
 * Simplified: pods, cpu/memory requests and limits, count/pods; quota scopes are not evaluated.
 */
import { formatQuantity, parseQuantity } from '../../api/quantity.ts'
import type { KObject, Pod, ResourceQuota as RQ } from '../../api/types.ts'
import { forbidden, isPodCreate } from './common.ts'
import type { AdmissionPlugin } from './types.ts'

const COMPUTE: Record<string, ['requests' | 'limits', 'cpu' | 'memory']> = {
  cpu: ['requests', 'cpu'], memory: ['requests', 'memory'], 'requests.cpu': ['requests', 'cpu'], 'requests.memory': ['requests', 'memory'],
  'limits.cpu': ['limits', 'cpu'], 'limits.memory': ['limits', 'memory'],
}

/** podUsage: what one pod counts against a quota, in nano-units per quota resource name. */
export function podUsage(pod: Pod): Map<string, bigint> {
  const u = new Map<string, bigint>([['pods', 1_000_000_000n], ['count/pods', 1_000_000_000n]])
  for (const [name, [kind, res]] of Object.entries(COMPUTE)) {
    const sumC = (pod.spec?.containers ?? []).reduce((a, c) => a + (parseQuantity(c.resources?.[kind]?.[res] ?? '0')?.nano ?? 0n), 0n)
    const maxI = (pod.spec?.initContainers ?? []).reduce((a, c) => { const v = parseQuantity(c.resources?.[kind]?.[res] ?? '0')?.nano ?? 0n; return v > a ? v : a }, 0n)
    u.set(name, sumC > maxI ? sumC : maxI)
  }
  return u
}

const isTerminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed'
const fmt = (name: string, nano: bigint) => formatQuantity({ nano, format: name.includes('memory') ? 'BinarySI' : 'DecimalSI' })
const pretty = (m: Map<string, bigint>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${fmt(k, v)}`).join(',')

/** computeQuotaUsage: the quota's status as the quota controller computes it from the objects present. */
export function computeQuotaUsage(quota: KObject, objects: KObject[]): KObject {
  const q = quota as RQ
  const hard = q.spec?.hard ?? {}
  const used: Record<string, string> = {}
  const pods = objects.filter((o) => o.kind === 'Pod' && o.metadata?.namespace === q.metadata?.namespace && !isTerminal(o as Pod)) as Pod[]
  for (const name of Object.keys(hard)) {
    const total = pods.reduce((a, p) => a + (podUsage(p).get(name) ?? 0n), 0n)
    used[name] = fmt(name, total)
  }
  return { ...quota, status: { hard, used } }
}

export const ResourceQuota: AdmissionPlugin = {
  name: 'ResourceQuota',
  docs: 'https://kubernetes.io/docs/concepts/policy/resource-quotas/',
  handles: isPodCreate,
  validate(a, store) {
    const quotas = store.list(`/registry/resourcequotas/${a.namespace}/`) as RQ[]
    if (!quotas.length) return { acted: false, note: `no ResourceQuota in namespace "${a.namespace}".` }
    const pod = a.object as Pod
    const delta = podUsage(pod)
    const writes: { key: string; value: KObject }[] = []
    const notes: string[] = []
    for (const q of quotas) {
      const hard = q.spec?.hard ?? {}
      const names = Object.keys(hard).filter((n) => delta.has(n))
      // Containers must state every constrained compute resource.
      const missing = names.filter((n) => COMPUTE[n] && (pod.spec?.containers ?? []).some((c) => c.resources?.[COMPUTE[n][0]]?.[COMPUTE[n][1]] === undefined))
      if (missing.length) {
        const err = `failed quota: ${q.metadata?.name}: must specify ${missing.sort().join(',')}`
        return { acted: true, note: err, error: forbidden(a, err) }
      }
      const used = new Map(names.map((n) => [n, parseQuantity(q.status?.used?.[n] ?? '0')?.nano ?? 0n]))
      const exceeded = names.filter((n) => (used.get(n) ?? 0n) + (delta.get(n) ?? 0n) > (parseQuantity(hard[n])?.nano ?? 0n))
      if (exceeded.length) {
        const mask = (m: Map<string, bigint>) => new Map([...m].filter(([k]) => exceeded.includes(k)))
        const limited = new Map(exceeded.map((n) => [n, parseQuantity(hard[n])?.nano ?? 0n]))
        const err = `exceeded quota: ${q.metadata?.name}, requested: ${pretty(mask(delta))}, used: ${pretty(mask(used))}, limited: ${pretty(limited)}`
        return { acted: true, note: err, error: forbidden(a, err) }
      }
      const newUsed: Record<string, string> = { ...q.status?.used }
      for (const n of names) newUsed[n] = fmt(n, (used.get(n) ?? 0n) + (delta.get(n) ?? 0n))
      writes.push({ key: `/registry/resourcequotas/${a.namespace}/${q.metadata?.name}`, value: { ...(q as KObject), status: { hard, used: newUsed } } })
      notes.push(`"${q.metadata?.name}" now uses ${names.map((n) => `${n}=${newUsed[n]}/${hard[n]}`).join(', ')}`)
    }
    return { acted: true, writes, note: `the pod fits in every quota of the namespace: ${notes.join('; ')}.` }
  },
}
