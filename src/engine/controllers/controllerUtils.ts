/**
 * Pure helpers shared by kube-controller-manager's controllers.
 * Mirrors: kubernetes/kubernetes pkg/controller/controller_utils.go (v1.35: ActivePods, ActivePodsWithRanks,
 * FilterActivePods, FilterTerminatingPods, FilterClaimedPods, GetPodFromTemplate, getPodsPrefix, the pod event
 * reasons, SlowStartInitialBatchSize), pkg/controller/replicaset/replica_set.go slowStartBatch,
 * pkg/api/v1/pod/util.go (IsPodReady, IsPodAvailable), pkg/apis/core/helper/helpers.go
 * GetDeletionCostFromPodAnnotations, apimachinery pkg/apis/meta/v1/controller_ref.go NewControllerRef.
 * Times are RFC3339 strings as stored in objects; "now" is passed in, never read.
 */
import { matchesLabelSelector } from '../api/labels.ts'
import type { LabelSelector, ObjectMeta, OwnerReference, Pod, PodCondition, PodTemplateSpec } from '../api/types.ts'

// controller_utils.go "Reasons for pod events".
export const FailedCreatePodReason = 'FailedCreate'
export const SuccessfulCreatePodReason = 'SuccessfulCreate'
export const FailedDeletePodReason = 'FailedDelete'
export const SuccessfulDeletePodReason = 'SuccessfulDelete'

/** controller_utils.go SlowStartInitialBatchSize: the first batch of creates holds one call. */
export const SlowStartInitialBatchSize = 1

/** core.PodDeletionCost: the annotation ActivePodsWithRanks reads (feature PodDeletionCost, beta, on in v1.35). */
export const PodDeletionCostAnnotation = 'controller.kubernetes.io/pod-deletion-cost'

/** The text of the event RealPodControl.createPods / DeletePod records (controller_utils.go Eventf formats). */
export type PodControlEvent = { type: 'Normal' | 'Warning'; reason: string; message: string }
export const podCreatedEvent = (podName: string): PodControlEvent =>
  ({ type: 'Normal', reason: SuccessfulCreatePodReason, message: `Created pod: ${podName}` })
export const podCreateFailedEvent = (err: string): PodControlEvent =>
  ({ type: 'Warning', reason: FailedCreatePodReason, message: `Error creating: ${err}` })
export const podDeletedEvent = (podName: string): PodControlEvent =>
  ({ type: 'Normal', reason: SuccessfulDeletePodReason, message: `Deleted pod: ${podName}` })
export const podDeleteFailedEvent = (err: string): PodControlEvent =>
  ({ type: 'Warning', reason: FailedDeletePodReason, message: `Error deleting: ${err}` })
/**
 * createPods refuses a template without labels before any request ("unable to create pods, no labels");
 * DeletePod wraps a failure (other than NotFound) as "unable to delete pods: %v".
 */
export const noLabelsError = 'unable to create pods, no labels'
export const deletePodsError = (err: string): string => `unable to delete pods: ${err}`

/** parseTime reads an RFC3339 timestamp as milliseconds; absent or unparsable is Go's zero time (undefined). */
export function parseTime(t: string | undefined | null): number | undefined {
  if (!t) return undefined
  const ms = Date.parse(t)
  return Number.isNaN(ms) ? undefined : ms
}

// ---- pkg/api/v1/pod/util.go ----

/** GetPodReadyCondition: the pod's Ready condition, if any. */
export function getPodReadyCondition(pod: Pod): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready')
}

/** IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return getPodReadyCondition(pod)?.status === 'True'
}

/**
 * IsPodAvailable: ready, and ready for at least minReadySeconds before now (strictly: lastTransitionTime +
 * minReadySeconds is Before now). A zero lastTransitionTime is never available unless minReadySeconds is 0.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: string): boolean {
  if (!isPodReady(pod)) return false
  if (minReadySeconds === 0) return true
  const since = parseTime(getPodReadyCondition(pod)?.lastTransitionTime)
  const nowMs = parseTime(now)
  return since !== undefined && nowMs !== undefined && since + minReadySeconds * 1000 < nowMs
}

/** IsPodTerminal: phase Succeeded or Failed. */
export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase
  return phase === 'Succeeded' || phase === 'Failed'
}

// ---- controller_utils.go filters ----

/** IsPodActive: not Succeeded, not Failed, no deletionTimestamp. */
export function isPodActive(pod: Pod): boolean {
  return !isPodTerminal(pod) && !pod.metadata?.deletionTimestamp
}

/** IsPodTerminating: not terminal, but has a deletionTimestamp. */
export function isPodTerminating(pod: Pod): boolean {
  return !isPodTerminal(pod) && !!pod.metadata?.deletionTimestamp
}

export function filterActivePods(pods: readonly Pod[]): Pod[] {
  return pods.filter(isPodActive)
}

export function filterTerminatingPods(pods: readonly Pod[]): Pod[] {
  return pods.filter(isPodTerminating)
}

/** GetControllerOf: the owner reference with controller: true. */
export function getControllerOf(meta: ObjectMeta | undefined): OwnerReference | undefined {
  return meta?.ownerReferences?.find((r) => r.controller === true)
}

/** FilterClaimedPods: pods whose controller is `owner` (by uid) and whose labels match its selector. */
export function filterClaimedPods(ownerUid: string, selector: LabelSelector | undefined, pods: readonly Pod[]): Pod[] {
  return pods.filter((p) => getControllerOf(p.metadata)?.uid === ownerUid
    && matchesLabelSelector(selector, p.metadata?.labels))
}

// ---- ActivePods / ActivePodsWithRanks ordering ----

// podPhaseToOrdinal: phases missing from the map (Succeeded, Failed, "") count as Pending's 0, as a Go map does.
const podPhaseToOrdinal: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 }
const phaseOrdinal = (p: Pod): number => podPhaseToOrdinal[p.status?.phase ?? ''] ?? 0

/** podReadyTime: lastTransitionTime of a True Ready condition, else the zero time (undefined). */
function podReadyTime(pod: Pod): number | undefined {
  return isPodReady(pod) ? parseTime(getPodReadyCondition(pod)?.lastTransitionTime) : undefined
}

/** afterOrZero: t1 is after t2; a zero time counts as after any non-zero time. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined
  return t1 > t2
}

/**
 * maxContainerRestarts: the highest restart count over regular containers, and separately over restartable
 * init containers (sidecars: restartPolicy Always).
 */
function maxContainerRestarts(pod: Pod): { regular: number; sidecar: number } {
  let regular = 0
  let sidecar = 0
  for (const c of pod.status?.containerStatuses ?? []) regular = Math.max(regular, c.restartCount ?? 0)
  const sidecars = new Set((pod.spec?.initContainers ?? [])
    .filter((c) => c.restartPolicy === 'Always').map((c) => c.name))
  for (const c of pod.status?.initContainerStatuses ?? []) {
    if (sidecars.has(c.name)) sidecar = Math.max(sidecar, c.restartCount ?? 0)
  }
  return { regular, sidecar }
}

/** compareMaxContainerRestarts: true when a restarted more, false when b did, undefined when equal. */
function compareMaxContainerRestarts(a: Pod, b: Pod): boolean | undefined {
  const ra = maxContainerRestarts(a)
  const rb = maxContainerRestarts(b)
  if (ra.regular !== rb.regular) return ra.regular > rb.regular
  if (ra.sidecar !== rb.sidecar) return ra.sidecar > rb.sidecar
  return undefined
}

/** True when the first three rules (assigned, phase, ready) decide; the verdict is in `less`. */
function lessByStartupStage(a: Pod, b: Pod): boolean | undefined {
  const na = a.spec?.nodeName ?? ''
  const nb = b.spec?.nodeName ?? ''
  // 1. Unassigned < assigned
  if (na !== nb && (na === '' || nb === '')) return na === ''
  // 2. PodPending < PodUnknown < PodRunning
  if (phaseOrdinal(a) !== phaseOrdinal(b)) return phaseOrdinal(a) < phaseOrdinal(b)
  // 3. Not ready < ready
  if (isPodReady(a) !== isPodReady(b)) return !isPodReady(a)
  return undefined
}

/**
 * activePodsLess is controller.ActivePods.Less: true when `a` should come first (be preferred for deletion):
 * unassigned < assigned; Pending < Unknown < Running; not ready < ready; ready for a shorter time; more
 * container restarts (then sidecar restarts); newer creationTimestamp (zero time first).
 */
export function activePodsLess(a: Pod, b: Pod): boolean {
  const stage = lessByStartupStage(a, b)
  if (stage !== undefined) return stage
  // 4. Been ready for empty time < less time < more time
  if (isPodReady(a) && isPodReady(b)) {
    const ta = podReadyTime(a)
    const tb = podReadyTime(b)
    if (ta !== tb) return afterOrZero(ta, tb)
  }
  // 5. Pods with containers with higher restart counts < lower restart counts
  const restarts = compareMaxContainerRestarts(a, b)
  if (restarts !== undefined) return restarts
  // 6. Empty creation time pods < newer pods < older pods
  const ca = parseTime(a.metadata?.creationTimestamp)
  const cb = parseTime(b.metadata?.creationTimestamp)
  if (ca !== cb) return afterOrZero(ca, cb)
  return false
}

/**
 * GetDeletionCostFromPodAnnotations: the pod-deletion-cost annotation as an int32; absent or invalid ("+1",
 * "007", out of int32 range, not a number) is 0.
 */
export function getDeletionCostFromPodAnnotations(annotations: Record<string, string> | undefined): number {
  const value = annotations?.[PodDeletionCostAnnotation]
  if (value === undefined) return 0
  // validFirstDigit: "-", a lone "0", or 1-9; then strconv.ParseInt(value, 10, 32).
  const validFirstDigit = value[0] === '-' || value === '0' || (value[0] >= '1' && value[0] <= '9')
  if (!validFirstDigit || !/^-?[0-9]+$/.test(value)) return 0
  const n = Number(value)
  return n >= -2147483648 && n <= 2147483647 ? n : 0
}

/**
 * logarithmicRankDiff: compares how long ago two times were, in powers of two of nanoseconds (Go's
 * time.Duration), so pods born within the same power-of-two age bucket tie. (LogarithmicScaleDown: GA in v1.31.)
 */
function logarithmicRankDiff(t1: number, t2: number, now: number): number {
  const rank = (t: number): number => {
    const d = (now - t) * 1e6
    return d > 0 ? Math.floor(Math.log2(d)) : -1
  }
  return rank(t1) - rank(t2)
}

/** ActivePodsWithRanks: pods with a parallel list of ranks (co-located related pods) and the time to rank by. */
export interface ActivePodsWithRanks {
  pods: readonly Pod[]
  rank: readonly number[]
  /** RFC3339; absent is Go's zero time, which turns off the logarithmic comparison. */
  now?: string
}

/** Time rule with LogarithmicScaleDown: same bucket falls back to the pods' UIDs (string order). */
function logarithmicLess(a: Pod, b: Pod, ta: number | undefined, tb: number | undefined,
  now: number | undefined): boolean {
  if (now === undefined || ta === undefined || tb === undefined) return afterOrZero(ta, tb)
  const diff = logarithmicRankDiff(ta, tb, now)
  if (diff === 0) return (a.metadata?.uid ?? '') < (b.metadata?.uid ?? '')
  return diff < 0
}

/**
 * activePodsWithRanksLess is ActivePodsWithRanks.Less(i, j) with v1.35's default gates (PodDeletionCost on,
 * LogarithmicScaleDown GA): 1-3 as activePodsLess; 4. lower pod-deletion-cost first; 5. higher rank first;
 * 6. both ready: more recently ready first, by log2 age bucket; 7. more restarts; 8. newer, by log2 age bucket.
 */
export function activePodsWithRanksLess(s: ActivePodsWithRanks, i: number, j: number): boolean {
  const a = s.pods[i]
  const b = s.pods[j]
  const stage = lessByStartupStage(a, b)
  if (stage !== undefined) return stage
  // 4. lower pod-deletion-cost < higher pod-deletion cost
  const pa = getDeletionCostFromPodAnnotations(a.metadata?.annotations)
  const pb = getDeletionCostFromPodAnnotations(b.metadata?.annotations)
  if (pa !== pb) return pa < pb
  // 5. Doubled up < not doubled up
  if (s.rank[i] !== s.rank[j]) return s.rank[i] > s.rank[j]
  const now = parseTime(s.now)
  // 6. Been ready for empty time < less time < more time
  if (isPodReady(a) && isPodReady(b)) {
    const ta = podReadyTime(a)
    const tb = podReadyTime(b)
    if (ta !== tb) return logarithmicLess(a, b, ta, tb, now)
  }
  // 7. Pods with containers with higher restart counts < lower restart counts
  const restarts = compareMaxContainerRestarts(a, b)
  if (restarts !== undefined) return restarts
  // 8. Empty creation time pods < newer pods < older pods
  const ca = parseTime(a.metadata?.creationTimestamp)
  const cb = parseTime(b.metadata?.creationTimestamp)
  if (ca !== cb) return logarithmicLess(a, b, ca, cb, now)
  return false
}

/**
 * sortActivePodsWithRanks returns the pods in ActivePodsWithRanks order.
 * Simplified: upstream uses sort.Sort (pdqsort, not stable); this sort is stable so that equal pods keep the
 * order they were listed in and a replay is byte-identical.
 */
export function sortActivePodsWithRanks(s: ActivePodsWithRanks): Pod[] {
  const idx = s.pods.map((_, k) => k)
  idx.sort((i, j) => (activePodsWithRanksLess(s, i, j) ? -1 : activePodsWithRanksLess(s, j, i) ? 1 : i - j))
  return idx.map((k) => s.pods[k])
}

/** sortActivePods returns the pods in ActivePods order (stable; see sortActivePodsWithRanks). */
export function sortActivePods(pods: readonly Pod[]): Pod[] {
  return pods.map((p, k) => ({ p, k }))
    .sort((x, y) => (activePodsLess(x.p, y.p) ? -1 : activePodsLess(y.p, x.p) ? 1 : x.k - y.k))
    .map((x) => x.p)
}

// ---- slowStartBatch (replica_set.go) ----

/**
 * slowStartBatch as a plan: the batch sizes for `count` calls, starting at initialBatchSize and doubling,
 * the last one cut to what remains (count 10 → 1, 2, 4, 3).
 */
export function slowStartBatch(count: number, initialBatchSize = SlowStartInitialBatchSize): number[] {
  const sizes: number[] = []
  let remaining = count
  for (let size = Math.min(remaining, initialBatchSize); size > 0; size = Math.min(2 * size, remaining)) {
    sizes.push(size)
    remaining -= size
  }
  return sizes
}

/**
 * slowStartBatchOutcome: given the plan and how many calls failed in each batch that ran, how many calls
 * succeeded and how many were never attempted. A batch with any failure is the last: later batches are skipped
 * (manageReplicas then lowers its creation expectations by `skipped`).
 */
export function slowStartBatchOutcome(sizes: readonly number[], failuresPerBatch: readonly number[]):
  { successes: number; batchesRun: number; skipped: number; failed: boolean } {
  let successes = 0
  for (let b = 0; b < sizes.length; b++) {
    const failures = Math.min(failuresPerBatch[b] ?? 0, sizes[b])
    successes += sizes[b] - failures
    if (failures > 0) {
      const attempted = sizes.slice(0, b + 1).reduce((x, y) => x + y, 0)
      const total = sizes.reduce((x, y) => x + y, 0)
      return { successes, batchesRun: b + 1, skipped: total - attempted, failed: true }
    }
  }
  return { successes, batchesRun: sizes.length, skipped: 0, failed: false }
}

// ---- pods from a template ----

/** The group/version/kind of a controller, as NewControllerRef takes it. */
export interface GroupVersionKind { group: string; version: string; kind: string }

/** NewControllerRef: the owner reference a controller puts on what it creates (controller, blockOwnerDeletion). */
export function newControllerRef(owner: { metadata?: ObjectMeta }, gvk: GroupVersionKind): OwnerReference {
  return {
    apiVersion: gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version,
    kind: gvk.kind,
    name: owner.metadata?.name ?? '',
    uid: owner.metadata?.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  }
}

const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/

/**
 * getPodsPrefix: "<name>-" unless that fails ValidatePodName(prefix, true) — NameIsDNSSubdomain with its
 * trailing dash masked, i.e. longer than 253 characters — then the bare name.
 */
export function getPodsPrefix(controllerName: string): string {
  const prefix = `${controllerName}-`
  const masked = `${controllerName}a`
  return masked.length <= 253 && dns1123Subdomain.test(masked) ? prefix : controllerName
}

/**
 * GetPodFromTemplate: the Pod a controller POSTs — generateName from the parent's name, the template's labels,
 * annotations and finalizers (copied), the controller reference, and a copy of the template's spec. Nothing
 * else of the template's metadata (name, namespace, ownerReferences) is carried over.
 */
export function getPodFromTemplate(template: PodTemplateSpec, parent: { metadata?: ObjectMeta },
  controllerRef?: OwnerReference): Pod {
  const tm = template.metadata ?? {}
  const metadata: ObjectMeta = { generateName: getPodsPrefix(parent.metadata?.name ?? '') }
  // Go copies nil maps as empty maps; marshalled with omitempty they vanish, as here.
  if (tm.labels && Object.keys(tm.labels).length) metadata.labels = { ...tm.labels }
  if (tm.annotations && Object.keys(tm.annotations).length) metadata.annotations = { ...tm.annotations }
  if (tm.finalizers && tm.finalizers.length) metadata.finalizers = [...tm.finalizers]
  if (controllerRef) metadata.ownerReferences = [{ ...controllerRef }]
  // The spec is plain JSON data (as stored in etcd), so a JSON round trip is Go's DeepCopy.
  const spec = JSON.parse(JSON.stringify(template.spec ?? { containers: [] })) as PodTemplateSpec['spec'] & object
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec }
}
