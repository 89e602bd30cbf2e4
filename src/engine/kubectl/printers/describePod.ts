/**
 * The status part of `kubectl describe pod`: name, node, status, IP, each container's state, and the conditions.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/describe/describe.go describePod / describeContainerState
 * (times in RFC1123Z, "State: Waiting / Reason:", "Last State:", "Conditions: Type Status").
 * Simplified: volumes, QoS class, node-selectors and tolerations sections are left out (the manifest shows them).
 */
import type { ContainerState, ContainerStatus, Pod } from '../../api/types.ts'
import { tabwrite } from './tabwriter.ts'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number) => String(n).padStart(2, '0')

/** rfc1123z formats an RFC 3339 time as Go's time.RFC1123Z in UTC ("Mon, 02 Jan 2006 15:04:05 +0000"). */
export function rfc1123z(s: string | undefined | null): string {
  if (!s) return ''
  const d = new Date(s)
  if (Number.isNaN(d.getTime())) return s
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`
}

function stateLines(label: string, st: ContainerState | undefined, indent: string): string[] {
  const out: string[] = []
  if (st?.running) {
    out.push(`${indent}${label}Running`, `${indent}  Started:      ${rfc1123z(st.running.startedAt)}`)
  } else if (st?.waiting) {
    out.push(`${indent}${label}Waiting`)
    if (st.waiting.reason) out.push(`${indent}  Reason:       ${st.waiting.reason}`)
    if (st.waiting.message) out.push(`${indent}  Message:      ${st.waiting.message}`)
  } else if (st?.terminated) {
    out.push(`${indent}${label}Terminated`)
    if (st.terminated.reason) out.push(`${indent}  Reason:       ${st.terminated.reason}`)
    if (st.terminated.message) out.push(`${indent}  Message:      ${st.terminated.message}`)
    out.push(`${indent}  Exit Code:    ${st.terminated.exitCode}`)
    if (st.terminated.signal) out.push(`${indent}  Signal:       ${st.terminated.signal}`)
    out.push(`${indent}  Started:      ${rfc1123z(st.terminated.startedAt)}`, `${indent}  Finished:     ${rfc1123z(st.terminated.finishedAt)}`)
  } else {
    out.push(`${indent}${label}Waiting`)
  }
  return out
}

/** describePodStatus renders the pod as `kubectl describe pod` shows it, without the Events (printed separately). */
export function describePodStatus(pod: Pod, nodeIP?: string): string {
  const st = pod.status ?? {}
  const lines = [
    `Name:             ${pod.metadata?.name ?? ''}`,
    `Namespace:        ${pod.metadata?.namespace ?? ''}`,
    `Priority:         ${pod.spec?.priority ?? 0}`,
    ...(pod.spec?.priorityClassName ? [`Priority Class Name:  ${pod.spec.priorityClassName}`] : []),
    `Node:             ${pod.spec?.nodeName ? `${pod.spec.nodeName}/${nodeIP ?? ''}` : '<none>'}`,
    ...(st.startTime ? [`Start Time:       ${rfc1123z(st.startTime)}`] : []),
    ...(pod.metadata?.deletionTimestamp ? [`Status:           Terminating (lasts ${pod.metadata.deletionGracePeriodSeconds ?? 0}s)`] : [`Status:           ${st.phase ?? 'Pending'}`]),
    ...(st.reason ? [`Reason:           ${st.reason}`] : []),
    ...(st.message ? [`Message:          ${st.message}`] : []),
    `IP:               ${st.podIP ?? ''}`,
    ...(st.nominatedNodeName ? [`NominatedNodeName:  ${st.nominatedNodeName}`] : []),
  ]
  const section = (title: string, containers: NonNullable<Pod['spec']>['containers'] | undefined, statuses: ContainerStatus[] | undefined) => {
    if (!containers || containers.length === 0) return
    lines.push(`${title}:`)
    for (const c of containers) {
      const s = statuses?.find((x) => x.name === c.name)
      lines.push(`  ${c.name}:`)
      if (s?.containerID) lines.push(`    Container ID:   ${s.containerID}`)
      lines.push(`    Image:          ${c.image ?? ''}`)
      if (s?.imageID) lines.push(`    Image ID:       ${s.imageID}`)
      lines.push(...stateLines('State:          ', s?.state, '    '))
      if (s?.lastState && (s.lastState.running || s.lastState.waiting || s.lastState.terminated)) lines.push(...stateLines('Last State:     ', s.lastState, '    '))
      lines.push(`    Ready:          ${s?.ready ? 'True' : 'False'}`, `    Restart Count:  ${s?.restartCount ?? 0}`)
      const req = (c.resources?.requests ?? {}) as Record<string, string>
      if (Object.keys(req).length) lines.push('    Requests:', ...Object.keys(req).sort().map((k) => `      ${k}:  ${req[k]}`))
    }
  }
  section('Init Containers', pod.spec?.initContainers, st.initContainerStatuses)
  section('Containers', pod.spec?.containers, st.containerStatuses)
  const conds = st.conditions ?? []
  if (conds.length) {
    lines.push('Conditions:')
    lines.push(tabwrite([['Type', 'Status'], ...conds.map((c) => [c.type, c.status])], 2, '  '))
  }
  return lines.join('\n')
}
