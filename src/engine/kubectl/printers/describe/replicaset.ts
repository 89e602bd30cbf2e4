/**
 * `kubectl describe replicaset`.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/describe/describe.go ReplicaSetDescriber.Describe, describeReplicaSet,
 * getPodStatusForController and printController (kubectl v0.35).
 */
import { matchesLabelSelector } from '../../../api/labels.ts'
import type { KEvent, LabelSelector, ObjectMeta, Pod, ReplicaSet } from '../../../api/types.ts'
import { formatLabelSelector } from '../get/selectors.ts'
import { describeEventsTo } from './events.ts'
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts'
import { LEVEL_0, LEVEL_1 } from './tabwriter.ts'
import { TemplateWriter, describePodTemplate } from './template.ts'

export interface PodPhaseCounts {
  running: number
  waiting: number
  succeeded: number
  failed: number
}

/**
 * getPodStatusForController counts by phase the pods that match the selector and whose controller is `uid` (orphans
 * and pods of other controllers are skipped); Pending counts as waiting.
 */
export function getPodStatusForController(
  pods: Pod[],
  namespace: string,
  selector: LabelSelector | undefined,
  uid: string | undefined,
): PodPhaseCounts {
  const counts = { running: 0, waiting: 0, succeeded: 0, failed: 0 }
  for (const p of pods) {
    if ((p.metadata?.namespace ?? '') !== namespace || !matchesLabelSelector(selector, p.metadata?.labels)) continue
    const ref = p.metadata?.ownerReferences?.find((r) => r.controller === true)
    if (!ref || ref.uid !== uid) continue
    const phase = p.status?.phase
    if (phase === 'Running') counts.running++
    else if (phase === 'Pending') counts.waiting++
    else if (phase === 'Succeeded') counts.succeeded++
    else if (phase === 'Failed') counts.failed++
  }
  return counts
}

/** printController: `Kind/name` of the controller owner reference, '' when there is none. */
export function printController(meta: ObjectMeta | undefined): string {
  const ref = meta?.ownerReferences?.find((r) => r.controller === true)
  return ref ? `${ref.kind}/${ref.name}` : ''
}

/**
 * describeReplicaSet renders the ReplicaSet at wall-clock instant nowMs (epoch ms). pods are the namespace's pods
 * (the describer lists them by selector itself); events undefined means --show-events=false. Ends with a newline.
 */
export function describeReplicaSet(rs: ReplicaSet, pods: Pod[], events: KEvent[] | undefined, nowMs: number): string {
  const w = new TemplateWriter()
  const meta = rs.metadata ?? {}
  const { running, waiting, succeeded, failed } = getPodStatusForController(
    pods,
    meta.namespace ?? '',
    rs.spec?.selector,
    meta.uid,
  )
  w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`)
  printLabelsMultiline(w, 'Labels', meta.labels)
  printAnnotationsMultiline(w, 'Annotations', meta.annotations)
  const controlledBy = printController(meta)
  if (controlledBy.length > 0) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`)
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`)
  w.write(LEVEL_0, 'Pods Status:\t')
  w.write(LEVEL_0, `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed\n`)
  describePodTemplate(rs.spec?.template, w)
  const conditions = rs.status?.conditions ?? []
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n')
    w.write(LEVEL_1, '----\t------\t------\n')
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
  }
  if (events) describeEventsTo(events, w, nowMs)
  return w.toString()
}
