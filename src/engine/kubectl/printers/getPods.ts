/**
 * `kubectl get pods -o wide` at a given instant.
 * Mirrors: kubernetes/kubernetes pkg/printers/internalversion/printers.go printPod (READY, STATUS, RESTARTS with
 * "(<age> ago)" from the latest lastState.terminated.finishedAt, AGE, and the wide columns), with sidecars
 * (podutil.IsRestartableInitContainer) counted in READY; the table as kubectl's tabwriter pads it (minwidth 6,
 * padding 3: k8s.io/cli-runtime/pkg/printers/tabwriter.go).
 */
import type { ContainerStatus, Pod } from '../../api/types.ts'
import { isSidecar } from '../../api/containers.ts'
import { parseTime } from './describe/format.ts'
import { humanDuration } from './humanDuration.ts'
import { tabwrite } from './tabwriter.ts'
import { podRow } from './get/tables.ts'
import { tableCell } from './terminal.ts'

/** pkg/util/node NodeUnreachablePodReason: the reason the node lifecycle controller gives pods on a lost node. */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost'

/** lastFinished: the later of `latest` and the container's lastState.terminated.finishedAt (epoch ms). */
function lastFinished(c: ContainerStatus, latest: number | undefined): number | undefined {
  const t = parseTime(c.lastState?.terminated?.finishedAt)
  return t !== undefined && (latest === undefined || t > latest) ? t : latest
}

export interface PodColumns {
  ready: number
  total: number
  status: string
  restarts: string
}

/** podColumns computes READY, STATUS and RESTARTS as printPod does, ages measured at nowMs (epoch ms). */
export function podColumns(pod: Pod, nowMs: number): PodColumns {
  const st = pod.status ?? {}
  const phase = st.phase ?? ''
  let reason = st.reason || phase
  if (st.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated'))
    reason = 'SchedulingGated'
  const inits = pod.spec?.initContainers ?? []
  const byName = new Map(inits.map((c) => [c.name, c]))
  const total = (pod.spec?.containers?.length ?? 0) + inits.filter(isSidecar).length
  let ready = 0
  let restarts = 0
  let sidecarRestarts = 0
  let lastRestart: number | undefined
  let lastSidecarRestart: number | undefined
  let initializing = false
  const initStatuses = st.initContainerStatuses ?? []
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i]
    restarts += c.restartCount ?? 0
    lastRestart = lastFinished(c, lastRestart)
    const restartable = isSidecar(byName.get(c.name))
    if (restartable) {
      sidecarRestarts += c.restartCount ?? 0
      lastSidecarRestart = lastFinished(c, lastSidecarRestart)
    }
    if (c.state?.terminated && c.state.terminated.exitCode === 0) continue
    if (restartable && c.started) {
      if (c.ready) ready++
      continue
    }
    if (c.state?.terminated) {
      const t = c.state.terminated
      reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`
    } else {
      reason = `Init:${i}/${inits.length}`
    }
    initializing = true
    break
  }
  const initialized = st.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True')
  if (!initializing || initialized) {
    restarts = sidecarRestarts
    lastRestart = lastSidecarRestart
    let hasRunning = false
    for (const c of [...(st.containerStatuses ?? [])].reverse()) {
      restarts += c.restartCount ?? 0
      lastRestart = lastFinished(c, lastRestart)
      const t = c.state?.terminated
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason
      else if (t?.reason) reason = t.reason
      else if (t) reason = t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`
      else if (c.ready && c.state?.running) {
        hasRunning = true
        ready++
      }
    }
    // At least one container still running: the pod is Running (or NotReady), not Completed.
    if (reason === 'Completed' && hasRunning) {
      reason = st.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 'Running' : 'NotReady'
    }
  }
  const deleting = !!pod.metadata?.deletionTimestamp
  if (deleting && st.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown'
  // podutil.IsPodPhaseTerminal: a finished pod that is being deleted keeps Completed/Error.
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating'
  const restartsStr =
    restarts !== 0 && lastRestart !== undefined
      ? `${restarts} (${humanDuration(nowMs - lastRestart)} ago)`
      : String(restarts)
  return { ready, total, status: reason, restarts: restartsStr }
}

/** getPodsWide renders the table for the pods at wall-clock instant nowMs (epoch ms). */
export function getPodsWide(pods: Pod[], nowMs: number): string {
  if (pods.length === 0) return 'No resources found in default namespace.'
  const rows = [['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES']]
  for (const p of pods) rows.push(podRow(p, nowMs).map(tableCell))
  return tabwrite(rows, 3, '', 6)
}
