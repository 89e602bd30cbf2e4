/**
 * Which pods `kubectl drain` evicts from a node, and what it prints when it cannot.
 * Mirrors kubernetes/kubectl (tag kubernetes-1.35.7) pkg/drain/filters.go (makeFilters: daemonSetFilter,
 * mirrorPodFilter, localStorageFilter, unreplicatedFilter; PodDeleteList.Warnings and errors), pkg/drain/drain.go
 * (filterPods), pkg/cmd/drain/drain.go (RunDrain, deleteOrEvictPodsSimple) and cmd/util/helpers.go (checkErr of an
 * aggregate: one line per error, no `error: ` prefix).
 * Simplified: upstream groups pods by message in a Go map, so with several kinds of problem their order varies
 * from run to run; here it is the order the pods come in. skipDeletedFilter never skips (the default
 * --skip-wait-for-delete-timeout=0).
 */
import type { Pod } from '../../api/types.ts'

export interface DrainOptions {
  ignoreDaemonsets: boolean
  deleteEmptydirData: boolean
  force: boolean
  /** Whether the DaemonSet a pod's controller reference names exists (daemonSetFilter GETs it). */
  daemonSetExists?: (namespace: string, name: string) => boolean
}

export interface DrainFilter {
  /** The pods to evict, in list order. */
  evict: Pod[]
  /** `Warning: …\n` (stderr, before the evictions), or ''. */
  warning: string
  /** The `cannot delete …: ns/name, …` messages; any of them stops the drain of this node. */
  errors: string[]
}

type Status = { delete: boolean; kind: 'okay' | 'skip' | 'warning' | 'error'; message: string }

const okay: Status = { delete: true, kind: 'okay', message: '' }
const terminal = (p: Pod): boolean => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed'
const controllerOf = (p: Pod) => (p.metadata?.ownerReferences ?? []).find((r) => r.controller === true)

function filters(opts: DrainOptions): Array<(p: Pod) => Status> {
  const daemonSet = (p: Pod): Status => {
    const ref = controllerOf(p)
    if (!ref || ref.kind !== 'DaemonSet' || ref.apiVersion !== 'apps/v1' || terminal(p)) return okay
    const exists = opts.daemonSetExists?.(p.metadata?.namespace ?? '', ref.name) ?? true
    if (!exists) {
      const notFound = `daemonsets.apps "${ref.name}" not found`
      return opts.force
        ? { delete: true, kind: 'warning', message: notFound }
        : { delete: false, kind: 'error', message: notFound }
    }
    if (!opts.ignoreDaemonsets) {
      return { delete: false, kind: 'error', message: 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)' }
    }
    return { delete: false, kind: 'warning', message: 'ignoring DaemonSet-managed Pods' }
  }
  const mirror = (p: Pod): Status =>
    p.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined
      ? { delete: false, kind: 'skip', message: '' }
      : okay
  const localStorage = (p: Pod): Status => {
    if (!(p.spec?.volumes ?? []).some((v) => v.emptyDir) || terminal(p)) return okay
    if (!opts.deleteEmptydirData) {
      return {
        delete: false,
        kind: 'error',
        message: 'Pods with local storage (use --delete-emptydir-data to override)',
      }
    }
    return { delete: true, kind: 'warning', message: 'deleting Pods with local storage' }
  }
  const unreplicated = (p: Pod): Status => {
    if (terminal(p) || controllerOf(p)) return okay
    if (opts.force) return { delete: true, kind: 'warning', message: 'deleting Pods that declare no controller' }
    return {
      delete: false,
      kind: 'error',
      message: 'cannot delete Pods that declare no controller (use --force to override)',
    }
  }
  return [daemonSet, mirror, localStorage, unreplicated]
}

/** drainFilter runs the pods bound to the node through drain's filters. */
export function drainFilter(pods: readonly Pod[], opts: DrainOptions): DrainFilter {
  const warnings = new Map<string, string[]>()
  const errors = new Map<string, string[]>()
  const evict: Pod[] = []
  for (const pod of pods) {
    let status = okay
    for (const f of filters(opts)) {
      status = f(pod)
      if (!status.delete) break
    }
    const id = `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`
    if (status.kind === 'warning') warnings.set(status.message, [...(warnings.get(status.message) ?? []), id])
    if (status.kind === 'error') {
      const msg = status.message || 'unexpected error'
      errors.set(msg, [...(errors.get(msg) ?? []), id])
    }
    if (status.delete) evict.push(pod)
  }
  const warning = [...warnings].map(([m, ids]) => `${m}: ${ids.join(', ')}`).join('; ')
  return {
    evict,
    warning: warning === '' ? '' : `Warning: ${warning}\n`,
    errors: [...errors].map(([m, ids]) => `cannot delete ${m}: ${ids.join(', ')}`),
  }
}

/**
 * drainFailureText is what drain prints on stderr when a node's pods cannot all be deleted: the per-node line, the
 * pending nodes, then the errors (checkErr of an aggregate: each on its own line, no `error: ` prefix).
 */
export function drainFailureText(node: string, errors: readonly string[]): string {
  // utilerrors.NewAggregate(errs).Error(): the message itself, or [a, b] for several.
  const joined = errors.length === 1 ? (errors[0] ?? '') : `[${errors.join(', ')}]`
  return (
    `error: unable to drain node "${node}" due to error: ${joined}, continuing command...\n` +
    `There are pending nodes to be drained:\n ${node}\n` +
    errors.map((e) => `${e}\n`).join('')
  )
}
