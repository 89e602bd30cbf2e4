/**
 * `kubectl get pods -o wide` at a given instant.
 * Mirrors: pkg/printers/internalversion/printers.go printPod (STATUS, READY, RESTARTS) and its column set.
 * Simplified: sidecar (restartable init) containers and the restart "(Xm ago)" suffix are not rendered.
 */
import type { Pod } from '../../api/types.ts'
import { humanDuration } from './humanDuration.ts'
import { tabwrite } from './tabwriter.ts'

/** podStatusText is the STATUS column. */
export function podStatusText(pod: Pod): string {
  const st = pod.status ?? {}
  let reason = st.reason ?? st.phase ?? 'Pending'
  if (st.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated'
  const inits = pod.spec?.initContainers ?? []
  let initializing = false
  ;(st.initContainerStatuses ?? []).forEach((c, i) => {
    if (c.state?.terminated?.exitCode === 0) return
    initializing = true
    if (c.state?.terminated) reason = c.state.terminated.reason ? `Init:${c.state.terminated.reason}` : `Init:ExitCode:${c.state.terminated.exitCode}`
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') reason = `Init:${c.state.waiting.reason}`
    else reason = `Init:${i}/${inits.length}`
  })
  if (!initializing) {
    let hasRunning = false
    const statuses = [...(st.containerStatuses ?? [])].reverse()
    for (const c of statuses) {
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason
      else if (c.state?.terminated) reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`
      else if (c.ready && c.state?.running) hasRunning = true
    }
    if (reason === 'Completed' && hasRunning) reason = st.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady'
  }
  if (pod.metadata?.deletionTimestamp) reason = 'Terminating'
  return reason
}

/** getPodsWide renders the table for the pods at wall-clock instant nowMs (epoch ms). */
export function getPodsWide(pods: Pod[], nowMs: number): string {
  if (pods.length === 0) return 'No resources found in default namespace.'
  const rows = [['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']]
  for (const p of pods) {
    const cs = p.status?.containerStatuses ?? []
    const total = p.spec?.containers?.length ?? 0
    const ready = cs.filter((c) => c.ready).length
    const restarts = cs.reduce((a, c) => a + (c.restartCount ?? 0), 0)
    const created = Date.parse(p.metadata?.creationTimestamp ?? '')
    const gates = p.spec?.readinessGates?.length ? `${p.spec.readinessGates.filter((g) => p.status?.conditions?.some((c) => c.type === g.conditionType && c.status === 'True')).length}/${p.spec.readinessGates.length}` : '<none>'
    rows.push([p.metadata?.name ?? '', `${ready}/${total}`, podStatusText(p), String(restarts), Number.isNaN(created) ? '<unknown>' : humanDuration(nowMs - created), p.status?.podIP ?? '<none>', p.spec?.nodeName ?? '<none>', p.status?.nominatedNodeName ?? '<none>', gates])
  }
  return tabwrite(rows, 3)
}
