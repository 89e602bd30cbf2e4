/**
 * `kubectl get pods -o wide` at a given instant.
 * Mirrors: pkg/printers/internalversion/printers.go printPod (STATUS, READY, RESTARTS) and its column set, with
 * sidecars (init containers with restartPolicy Always: isSidecarInitContainer) counted in READY.
 * Simplified: the restart "(Xm ago)" suffix is not rendered.
 */
import type { Pod } from '../../api/types.ts'
import { isSidecar } from '../../api/containers.ts'
import { humanDuration } from './humanDuration.ts'
import { tabwrite } from './tabwriter.ts'


/** podColumns computes READY, STATUS and RESTARTS as printPod does. */
export function podColumns(pod: Pod): { ready: number; total: number; status: string; restarts: number } {
  const st = pod.status ?? {}
  let reason = st.reason ?? st.phase ?? 'Pending'
  if (st.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated'
  const inits = pod.spec?.initContainers ?? []
  const byName = new Map(inits.map((c) => [c.name, c]))
  const total = (pod.spec?.containers?.length ?? 0) + inits.filter(isSidecar).length
  let ready = 0
  let restarts = 0
  let sidecarRestarts = 0
  let initializing = false
  const initStatuses = st.initContainerStatuses ?? []
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]
    restarts += c.restartCount ?? 0
    const restartable = isSidecar(byName.get(c.name))
    if (restartable) sidecarRestarts += c.restartCount ?? 0
    if (c.state?.terminated?.exitCode === 0) continue
    if (restartable && c.started) {
      if (c.ready) ready++
      continue
    }
    if (c.state?.terminated) {
      const t = c.state.terminated
      reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') reason = `Init:${c.state.waiting.reason}`
    else reason = `Init:${i}/${inits.length}`
    initializing = true
    break
  }
  const initialized = st.conditions?.find((c) => c.type === 'Initialized')?.status === 'True'
  if (!initializing || initialized) {
    restarts = sidecarRestarts
    let hasRunning = false
    const statuses = [...(st.containerStatuses ?? [])].reverse()
    for (const c of statuses) {
      restarts += c.restartCount ?? 0
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason
      else if (c.state?.terminated) reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`
      else if (c.ready && c.state?.running) { hasRunning = true; ready++ }
    }
    if (reason === 'Completed' && hasRunning) reason = st.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady'
  }
  if (pod.metadata?.deletionTimestamp) reason = 'Terminating'
  return { ready, total, status: reason, restarts }
}

/** getPodsWide renders the table for the pods at wall-clock instant nowMs (epoch ms). */
export function getPodsWide(pods: Pod[], nowMs: number): string {
  if (pods.length === 0) return 'No resources found in default namespace.'
  const rows = [['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']]
  for (const p of pods) {
    const { ready, total, status, restarts } = podColumns(p)
    const created = Date.parse(p.metadata?.creationTimestamp ?? '')
    const gates = p.spec?.readinessGates?.length ? `${p.spec.readinessGates.filter((g) => p.status?.conditions?.some((c) => c.type === g.conditionType && c.status === 'True')).length}/${p.spec.readinessGates.length}` : '<none>'
    rows.push([p.metadata?.name ?? '', `${ready}/${total}`, status, String(restarts), Number.isNaN(created) ? '<unknown>' : humanDuration(nowMs - created), p.status?.podIP ?? '<none>', p.spec?.nodeName ?? '<none>', p.status?.nominatedNodeName ?? '<none>', gates])
  }
  return tabwrite(rows, 3)
}
