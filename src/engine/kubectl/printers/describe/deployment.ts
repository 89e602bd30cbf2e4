/**
 * `kubectl describe deployment`.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/describe/describe.go DeploymentDescriber.Describe, describeDeployment and
 * printReplicaSetsByLabels (kubectl v0.35); the old/new ReplicaSet split of staging/src/k8s.io/kubectl/pkg/util/
 * deployment/deployment.go GetAllReplicaSetsInChunks (listReplicaSets, findNewReplicaSet, findOldReplicaSets,
 * equalIgnoreHash).
 */
import { matchesLabelSelector } from '../../../api/labels.ts'
import type { Deployment, KEvent, PodTemplateSpec, ReplicaSet } from '../../../api/types.ts'
import { selectorString } from '../get/selectors.ts'
import { describeEventsTo } from './events.ts'
import { rfc1123z } from './format.ts'
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline.ts'
import { LEVEL_0, LEVEL_1 } from './tabwriter.ts'
import { TemplateWriter, describePodTemplate } from './template.ts'

/** appsv1.DefaultDeploymentUniqueLabelKey. */
const POD_TEMPLATE_HASH = 'pod-template-hash'

/**
 * canonicalJSON drops what Semantic.DeepEqual treats as equal to absent (nil vs empty slices and maps) and sorts keys.
 * Simplified: quantities are compared as written, not by value; podbirth stores them as the apiserver decoded them.
 */
function canonicalJSON(v: unknown): string {
  const norm = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.length === 0 ? undefined : x.map(norm)
    if (x !== null && typeof x === 'object') {
      const entries = Object.entries(x)
        .map(([k, y]) => [k, norm(y)] as const)
        .filter(([, y]) => y !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      return entries.length === 0 ? undefined : Object.fromEntries(entries)
    }
    return x
  }
  return JSON.stringify(norm(v)) ?? ''
}

/** equalIgnoreHash: the two templates are equal once the pod-template-hash label is removed from both. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const strip = (t: PodTemplateSpec | undefined) => {
    const { [POD_TEMPLATE_HASH]: _hash, ...labels } = t?.metadata?.labels ?? {}
    return { ...t, metadata: { ...t?.metadata, labels } }
  }
  return canonicalJSON(strip(a)) === canonicalJSON(strip(b))
}

export interface DeploymentReplicaSets {
  /** allOldRSes: every owned ReplicaSet but the new one, oldest first (scaled to zero included). */
  oldRSs: ReplicaSet[]
  newRS: ReplicaSet | undefined
}

const created = (rs: ReplicaSet) => rs.metadata?.creationTimestamp ?? ''

/**
 * deploymentReplicaSets picks, from the ReplicaSets of the Deployment's namespace, those it controls and that match
 * its selector, sorted by creation time then name, and splits off the oldest whose template equals the Deployment's.
 */
export function deploymentReplicaSets(d: Deployment, replicaSets: ReplicaSet[]): DeploymentReplicaSets {
  const uid = d.metadata?.uid
  const owned = replicaSets
    .filter((rs) => (rs.metadata?.namespace ?? '') === (d.metadata?.namespace ?? ''))
    .filter((rs) => matchesLabelSelector(d.spec?.selector, rs.metadata?.labels))
    .filter((rs) => rs.metadata?.ownerReferences?.some((r) => r.controller === true && r.uid === uid))
    .sort((a, b) => {
      // replicaSetsByCreationTimestamp: creation time, then name.
      if (created(a) !== created(b)) return (Date.parse(created(a)) || 0) - (Date.parse(created(b)) || 0)
      const [na, nb] = [a.metadata?.name ?? '', b.metadata?.name ?? '']
      return na < nb ? -1 : na > nb ? 1 : 0
    })
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template))
  return { oldRSs: owned.filter((rs) => rs !== newRS), newRS }
}

/** printReplicaSetsByLabels: `name (current/desired replicas created)`, comma separated, `<none>` for none. */
function printReplicaSetsByLabels(rss: ReplicaSet[]): string {
  const list = rss.map(
    (rs) => `${rs.metadata?.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`,
  )
  return list.length === 0 ? '<none>' : list.join(', ')
}

/** IntOrString.String(): a number as digits, a string as is, "<nil>" for an absent pointer. */
const intOrString = (v: number | string | undefined) => (v === undefined ? '<nil>' : String(v))

/**
 * describeDeployment renders the Deployment at wall-clock instant nowMs (epoch ms). replicaSets are the namespace's
 * ReplicaSets (the describer lists them itself); events undefined means --show-events=false. Ends with a newline.
 */
export function describeDeployment(
  d: Deployment,
  replicaSets: ReplicaSet[],
  events: KEvent[] | undefined,
  nowMs: number,
): string {
  const w = new TemplateWriter()
  const meta = d.metadata ?? {}
  const spec = d.spec
  const st = d.status ?? {}
  w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
  w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`)
  printLabelsMultiline(w, 'Labels', meta.labels)
  printAnnotationsMultiline(w, 'Annotations', meta.annotations)
  w.write(LEVEL_0, `Selector:\t${selectorString(spec?.selector) ?? ''}\n`)
  w.write(
    LEVEL_0,
    `Replicas:\t${spec?.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ` +
      `${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  )
  w.write(LEVEL_0, `StrategyType:\t${spec?.strategy?.type ?? ''}\n`)
  w.write(LEVEL_0, `MinReadySeconds:\t${spec?.minReadySeconds ?? 0}\n`)
  const ru = spec?.strategy?.rollingUpdate
  if (ru) {
    w.write(
      LEVEL_0,
      `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ` +
        `${intOrString(ru.maxSurge)} max surge\n`,
    )
  }
  describePodTemplate(spec?.template, w)
  const conditions = st.conditions ?? []
  if (conditions.length > 0) {
    w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n')
    w.write(LEVEL_1, '----\t------\t------\n')
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`)
  }
  const { oldRSs, newRS } = deploymentReplicaSets(d, replicaSets)
  if (oldRSs.length > 0 || newRS) {
    w.write(LEVEL_0, `OldReplicaSets:\t${printReplicaSetsByLabels(oldRSs)}\n`)
    w.write(LEVEL_0, `NewReplicaSet:\t${printReplicaSetsByLabels(newRS ? [newRS] : [])}\n`)
  }
  if (events) describeEventsTo(events, w, nowMs)
  return w.toString()
}
