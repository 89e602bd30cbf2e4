/**
 * The status manager: the pod status the kubelet computes from its containers (phase, conditions, container
 * statuses), reported to the apiserver as a status PATCH; the terminal status of a pod that stops, and the final
 * DELETE once nothing of it can run.
 * Mirrors: pkg/kubelet/status/status_manager.go (SetPodStatus, TerminatePod, syncPod, canBeDeleted),
 * pkg/kubelet/status/generate.go (conditions), pkg/kubelet/kubelet_pods.go (getPhase).
 */
import { isSidecar } from '../../api/containers.ts'
import type { Container, ContainerStatus, KObject, PodCondition } from '../../api/types.ts'
import type { Kubelet } from '../kubelet.ts'
import { anyRegularStarted, getPhase, listOf } from '../kubeletPods.ts'
import type { PodWorker } from '../podWorkers.ts'
import type { StatusCause } from '../traceTypes.ts'
import {
  generateContainersReadyCondition,
  generatePodInitializedCondition,
  generatePodReadyCondition,
  generatePodReadyToStartContainersCondition,
  updateLastTransitionTime,
} from './generate.ts'
import type { PodPhase, SandboxStatus } from './generate.ts'

export class StatusManager {
  private readonly k: Kubelet

  constructor(k: Kubelet) {
    this.k = k
  }

  /**
   * conditions is generateAPIPodStatus' conditions for the pod's phase (status/generate.go), with the status
   * manager's lastTransitionTime (kept while a condition's status does not change) and PodScheduled as the
   * scheduler wrote it. Each carries observedGeneration, the pod's metadata.generation (GA in v1.35).
   */
  conditions(w: PodWorker, sandboxReady: boolean, phase: string | undefined = w.status.phase): PodCondition[] {
    const pod = w.pod
    const now = this.k.ctx.sim.rfc3339()
    const prev = w.status.conditions ?? []
    const all = allStatuses(w.status)
    const p = (phase ?? 'Pending') as PodPhase
    const sandboxes: SandboxStatus[] = sandboxReady ? [{ state: 'SANDBOX_READY', ip: w.ip ?? '' }] : []
    // The API writes lastProbeTime: null on every condition the kubelet reports.
    const probe = { lastProbeTime: null as unknown as undefined }
    const generated = [
      generatePodReadyToStartContainersCondition(pod, sandboxes),
      generatePodInitializedCondition(pod, all, p),
      generatePodReadyCondition(pod, prev, all, p),
      generateContainersReadyCondition(pod, all, p),
    ]
    const scheduled = prev.find((c) => c.type === 'PodScheduled') ?? {
      type: 'PodScheduled',
      status: 'True',
      lastTransitionTime: now,
    }
    // Hot (every status update): the four generated types are all transition-tracked, so each is rebuilt once in the
    // API's key order with lastProbeTime null, as updateLastTransitionTimes would after a copy that set it.
    const out: PodCondition[] = []
    for (const c of generated) out.push(updateLastTransitionTime(c, prev, now, probe.lastProbeTime))
    // Object.assign rather than a second spread into a literal, V8's slow path (same keys, same order).
    out.push(Object.assign({}, scheduled, probe))
    return out
  }

  setWaiting(w: PodWorker, c: Container, reason: string, message: string): void {
    if (w.state !== 'syncing') return
    this.setState(w, c, {
      state: { waiting: { reason, message }, running: null, terminated: null } as unknown as ContainerStatus['state'],
    })
    this.patchStatus(w, { kind: 'waiting', container: c.name, reason })
  }

  /** refresh recomputes phase and conditions from the container states and reports them. */

  refresh(w: PodWorker, cause: StatusCause): void {
    if (w.state !== 'syncing') return
    const statuses = w.status.containerStatuses ?? []
    const initialized =
      w.status.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True') || anyRegularStarted(statuses)
    const phase = getPhase(w.pod, allStatuses(w.status), false, initialized)
    // Hot (every container state change): Object.assign and stores, not a spread literal with keys after it (V8's
    // slow path); the keys keep their place, or come last in this order, as in the literal.
    const next: PodWorker['status'] = Object.assign({}, w.status)
    next.phase = phase
    next.conditions = this.conditions(w, true, phase)
    w.status = next
    this.patchStatus(w, cause)
  }

  setState(w: PodWorker, c: Container, patch: Partial<ContainerStatus>): void {
    const list = listOf(w.pod, c)
    // Hot (every container state change): Object.assign rather than two spreads into a literal, whose second one
    // takes V8's slow path; the keys and their order are the same.
    const statuses = (w.status[list] ?? []).map((s) => (s.name === c.name ? Object.assign({}, s, patch) : s))
    // A copy, then the list set on it: the key keeps its place (or comes last), as in a literal with a computed key.
    const next = { ...w.status }
    next[list] = statuses
    w.status = next
  }

  /**
   * patchOf is the status as a strategic-merge patch against what was reported before: conditions are merged by
   * type, so a field a condition no longer has (the reason and message of a condition that turned True) is sent as
   * null, which deletes it. Mirrors: pkg/util/pod/pod.go PatchPodStatus (a two-way merge patch of old and new).
   */
  private patchOf(w: PodWorker): NonNullable<PodWorker['status']> {
    const before = w.reported?.conditions ?? []
    // Hot (every status update): a search of the few reported conditions (the last of a type, as a Map of them
    // would keep) and a copy only for a condition that lost a field.
    let changed = false
    const conditions = w.status.conditions?.map((c) => {
      const old = findLast(before, c.type)
      if (!old) return c
      let out: (PodCondition & Record<string, unknown>) | undefined
      for (const key of Object.keys(old)) {
        if (key in c) continue
        // Object.assign: a spread copy that then gains keys takes V8's slow path.
        out ??= Object.assign<Record<string, unknown>, PodCondition>({}, c)
        out[key] = null
      }
      if (!out) return c
      changed = true
      return out
    })
    w.reported = w.status
    // Unchanged conditions need no copy of the status: the same keys and values in the same order (nobody mutates a
    // status once built).
    return conditions && changed ? { ...w.status, conditions } : w.status
  }

  patchStatus(w: PodWorker, cause: StatusCause, done?: (ok: boolean) => void): void {
    w.statusPath ??= statusPathOf(w.key)
    // generateAPIPodStatus: status.observedGeneration is the generation this status was computed for (v1.35 GA).
    const generation = w.pod.metadata?.generation
    // Hot (every status update): copied only when it changes; a status carries the one it was last sent with.
    const sent = (w.status as { observedGeneration?: number }).observedGeneration
    if (generation !== undefined && sent !== generation)
      w.status = Object.assign({}, w.status, { observedGeneration: generation })
    this.k.emit({
      type: 'kubelet:StatusUpdate',
      lane: 'kubelet',
      pod: w.key,
      outcome: w.status.phase === 'Failed' ? 'error' : 'info',
      details: { status: w.status, cause },
    })
    this.k.client.request(
      {
        verb: 'PATCH',
        path: w.statusPath,
        headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
        body: { metadata: { uid: w.pod.metadata?.uid }, status: this.patchOf(w) } as KObject,
      },
      (res) => done?.(res.code < 400),
      { pod: w.key, purpose: 'pod-status' },
    )
  }

  /**
   * finish reports the terminal status and deletes the pod object.
   * Mirrors: kubelet.go SyncTerminatingPod (generateAPIPodStatus with podIsTerminal), status_manager.go TerminatePod
   * (containers without a terminated state become ContainerStatusUnknown, exit 137; a non-terminal phase becomes
   * Failed) and syncPod/canBeDeleted (DELETE with gracePeriodSeconds 0 and a UID precondition).
   */
  finish(w: PodWorker): void {
    const unknown = {
      terminated: {
        exitCode: 137,
        reason: 'ContainerStatusUnknown',
        message: 'The container could not be located when the pod was terminated',
      },
      waiting: null,
      running: null,
    } as unknown as ContainerStatus['state']
    const settle = (list: ContainerStatus[] | undefined) =>
      list?.map((s) => ({ ...s, ready: false, started: false, ...(s.state?.terminated ? {} : { state: unknown }) }))
    const inits = w.pod.spec?.initContainers ?? []
    const initDone = inits.every((c) => {
      const s = (w.status.initContainerStatuses ?? []).find((x) => x.name === c.name)
      // A sidecar has done its part once it has run; it is stopped with the pod.
      return isSidecar(c) ? Boolean(s?.containerID || s?.lastState?.terminated) : s?.state?.terminated?.exitCode === 0
    })
    const anyStarted = anyRegularStarted(w.status.containerStatuses)
    const regular =
      initDone || anyStarted
        ? settle(w.status.containerStatuses)
        : w.status.containerStatuses?.map((s) => ({ ...s, ready: false, started: false }))
    const initStatuses = settle(w.status.initContainerStatuses)
    let phase = w.status.phase
    if (phase !== 'Failed' && phase !== 'Succeeded') {
      const regs = regular ?? []
      const stopped = regs.filter((s) => s.state?.terminated).length
      const succeeded = regs.filter((s) => s.state?.terminated?.exitCode === 0).length
      phase =
        regs.length > 0 && stopped === regs.length && initDone
          ? stopped === succeeded
            ? 'Succeeded'
            : 'Failed'
          : 'Failed'
    }
    w.status = {
      ...w.status,
      phase,
      ...(regular ? { containerStatuses: regular } : {}),
      ...(initStatuses ? { initContainerStatuses: initStatuses } : {}),
    }
    // Mirrors: pkg/kubelet/status/generate.go (the terminal-phase variants: reasons PodCompleted / PodFailed).
    if (w.status.conditions) w.status = { ...w.status, conditions: this.conditions(w, false, phase) }
    this.patchStatus(w, { kind: 'terminal', phase: phase ?? '' }, (ok) => (ok ? this.deletePod(w) : undefined))
    w.state = 'terminated'
  }

  /** deletePod is the status manager's final DELETE, once the pod is terminal and nothing of it can still run. */
  deletePod(w: PodWorker): void {
    const [namespace, name] = w.key.split('/')
    const uid = w.pod.metadata?.uid
    this.k.emit({ type: 'kubelet:DeletePod', lane: 'kubelet', pod: w.key, outcome: 'info', details: { uid } })
    this.k.client.request(
      {
        verb: 'DELETE',
        path: `/api/v1/namespaces/${namespace}/pods/${name}`,
        body: {
          kind: 'DeleteOptions',
          apiVersion: 'v1',
          gracePeriodSeconds: 0,
          preconditions: { uid },
        } as unknown as KObject,
      },
      () => {},
      { pod: w.key, purpose: 'pod-delete' },
    )
  }
}

/**
 * allStatuses is the init container statuses, then the regular ones (a new list only when there are both: the
 * readers never change it).
 */
function allStatuses(status: PodWorker['status']): ContainerStatus[] {
  const inits = status.initContainerStatuses
  const regular = status.containerStatuses
  if (!inits?.length) return regular ?? []
  return regular?.length ? inits.concat(regular) : inits
}

/** findLast is the last condition of a type. */
function findLast(conditions: PodCondition[], type: string): PodCondition | undefined {
  for (let i = conditions.length - 1; i >= 0; i--) if (conditions[i].type === type) return conditions[i]
  return undefined
}

function statusPathOf(key: string): string {
  const [namespace, name] = key.split('/')
  return `/api/v1/namespaces/${namespace}/pods/${name}/status`
}
