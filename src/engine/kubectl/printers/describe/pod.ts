/**
 * `kubectl describe pod`, whole: the same text for the CLI (`podbirth apply --describe`) and the app.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/describe/describe.go describePod (kubectl v0.35), with
 * describePodIPs, printController, the Readiness Gates and Conditions tables, describeVolumes, qos.GetPodQOS
 * (status.qosClass, else computed), Node-Selectors, Tolerations, describeTopologySpreadConstraints and DescribeEvents.
 * Simplified: spec.resources (pod-level resources), ephemeral containers and spec.workloadRef are not printed;
 * podbirth pods have none.
 */
import type { KEvent, Pod } from '../../../api/types.ts'
import { getPodQOS } from '../../../api/qos.ts'
import { describeContainers } from './containers.ts'
import { describeEventsTo } from './events.ts'
import { rfc1123z, translateTimestampSince } from './format.ts'
import { printAnnotationsMultiline, printLabelsMultiline, printPodTolerationsMultiline } from './multiline.ts'
import { LEVEL_0, LEVEL_1, PrefixWriter } from './tabwriter.ts'
import { describeVolumes } from './volumes.ts'

function describeTopologySpreadConstraints(pod: Pod, w: PrefixWriter): void {
  const tscs = [...(pod.spec?.topologySpreadConstraints ?? [])].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : 1))
  if (tscs.length === 0) return
  w.write(LEVEL_0, 'Topology Spread Constraints:\t')
  tscs.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, '\t')
    let line = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`
    if (t.labelSelector) line += ` for selector ${formatLabelSelector(t.labelSelector)}`
    w.write(LEVEL_0, `${line}\n`)
  })
}

/** formatLabelSelector is metav1.FormatLabelSelector for matchLabels and matchExpressions. */
function formatLabelSelector(
  s: NonNullable<NonNullable<Pod['spec']>['topologySpreadConstraints']>[number]['labelSelector'],
): string {
  const parts: string[] = []
  for (const [k, v] of Object.entries(s?.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)))
    parts.push(`${k}=${v}`)
  for (const e of s?.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',')
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`)
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`)
    else if (e.operator === 'Exists') parts.push(e.key)
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`)
  }
  const out = parts.join(',')
  return out.length === 0 ? '<none>' : out
}

/**
 * describePod renders the pod as `kubectl describe pod` does at wall-clock instant nowMs (epoch ms). With events
 * undefined (describe --show-events=false) there is no Events section. The text ends with a newline.
 */
export function describePod(pod: Pod, events: KEvent[] | undefined, nowMs: number): string {
  const w = new PrefixWriter()
  const meta = pod.metadata ?? {}
  const spec = pod.spec ?? { containers: [] }
  const status = pod.status ?? {}
  w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
  if (spec.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`)
  if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`)
  if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`)
  if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`)
  w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n')
  if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`)
  printLabelsMultiline(w, 'Labels', meta.labels)
  printAnnotationsMultiline(w, 'Annotations', meta.annotations)
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, nowMs)})\n`)
    w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`)
  } else {
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`)
  }
  if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`)
  if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`)
  const seccomp = spec.securityContext?.seccompProfile
  if (seccomp) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`)
    if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
  }
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`)
  const ips = status.podIPs ?? []
  if (ips.length === 0) w.write(LEVEL_0, 'IPs:\t<none>\n')
  else {
    w.write(LEVEL_0, 'IPs:\n')
    for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`)
  }
  const controller = meta.ownerReferences?.find((r) => r.controller === true)
  if (controller) w.write(LEVEL_0, `Controlled By:\t${controller.kind}/${controller.name}\n`)
  if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`)
  if ((spec.initContainers ?? []).length > 0) {
    describeContainers('Init Containers', spec.initContainers ?? [], status.initContainerStatuses, pod, w)
  }
  describeContainers('Containers', spec.containers ?? [], status.containerStatuses, pod, w)
  if ((spec.readinessGates ?? []).length > 0) {
    w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n')
    for (const g of spec.readinessGates ?? []) {
      const c = status.conditions?.find((x) => x.type === g.conditionType)
      w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`)
    }
  }
  if ((status.conditions ?? []).length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n')
    for (const c of status.conditions ?? []) w.write(LEVEL_1, `${c.type} \t${c.status} \n`)
  }
  describeVolumes(spec.volumes, w)
  w.write(LEVEL_0, `QoS Class:\t${status.qosClass || getPodQOS(pod)}\n`)
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector)
  printPodTolerationsMultiline(w, 'Tolerations', spec.tolerations)
  describeTopologySpreadConstraints(pod, w)
  if (events) describeEventsTo(events, w, nowMs)
  return w.toString()
}
