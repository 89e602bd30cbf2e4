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

export class StatusManager {
  private readonly k: Kubelet

  constructor(k: Kubelet) {
    this.k = k
  }

  conditions(w: PodWorker, sandboxReady: boolean, containersReady: boolean): PodCondition[] {
    const now = this.k.ctx.sim.rfc3339()
    const prev = w.status.conditions ?? []
    // Mirrors: pkg/kubelet/status/generate.go GenerateContainersReadyCondition (sidecars first, then regular containers).
    const all = [...(w.status.initContainerStatuses ?? []), ...(w.status.containerStatuses ?? [])]
    const notReady = [...(w.pod.spec?.initContainers ?? []).filter(isSidecar), ...(w.pod.spec?.containers ?? [])]
      .filter((c) => !all.find((s) => s.name === c.name)?.ready)
      .map((c) => c.name)
    const make = (type: string, ok: boolean, reason?: string, message?: string): PodCondition => {
      const old = prev.find((c) => c.type === type)
      const status = ok ? 'True' : 'False'
      return {
        type,
        status,
        lastProbeTime: null as unknown as undefined,
        lastTransitionTime: old && old.status === status ? old.lastTransitionTime : now,
        ...(reason ? { reason } : {}),
        ...(message ? { message } : {}),
      }
    }
    // Mirrors: pkg/kubelet/status/generate.go (order: PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled).
    return [
      make('PodReadyToStartContainers', sandboxReady),
      this.initializedCondition(w, make),
      containersReady
        ? make('Ready', true)
        : make('Ready', false, 'ContainersNotReady', `containers with unready status: [${notReady.join(' ')}]`),
      containersReady
        ? make('ContainersReady', true)
        : make(
            'ContainersReady',
            false,
            'ContainersNotReady',
            `containers with unready status: [${notReady.join(' ')}]`,
          ),
      {
        ...(prev.find((c) => c.type === 'PodScheduled') ?? {
          type: 'PodScheduled',
          status: 'True',
          lastTransitionTime: now,
        }),
        lastProbeTime: null as unknown as undefined,
      },
    ]
  }

  initializedCondition(
    w: PodWorker,
    make: (type: string, ok: boolean, reason?: string, message?: string) => PodCondition,
  ): PodCondition {
    // Mirrors: pkg/kubelet/status/generate.go GeneratePodInitializedCondition.
    // A sidecar counts once it has started; a regular init container once it has exited 0. Once a regular container
    // has run, the pod stays initialized even while a sidecar restarts.
    const statuses = w.status.initContainerStatuses ?? []
    const incomplete = (w.pod.spec?.initContainers ?? [])
      .filter((c) => {
        const s = statuses.find((x) => x.name === c.name)
        return isSidecar(c) ? !s?.started : s?.state?.terminated?.exitCode !== 0
      })
      .map((c) => c.name)
    return incomplete.length && !anyRegularStarted(w.status.containerStatuses)
      ? make(
          'Initialized',
          false,
          'ContainersNotInitialized',
          `containers with incomplete status: [${incomplete.join(' ')}]`,
        )
      : make('Initialized', true)
  }

  setWaiting(w: PodWorker, c: Container, reason: string, message: string): void {
    if (w.terminating) return
    this.setState(w, c, {
      state: { waiting: { reason, message }, running: null, terminated: null } as unknown as ContainerStatus['state'],
    })
    this.patchStatus(w, { kind: 'waiting', container: c.name, reason })
  }

  /** refresh recomputes phase and conditions from the container states and reports them. */
  refresh(w: PodWorker, cause: StatusCause): void {
    if (w.terminating) return
    const statuses = w.status.containerStatuses ?? []
    const sidecars = (w.pod.spec?.initContainers ?? [])
      .filter(isSidecar)
      .map((c) => (w.status.initContainerStatuses ?? []).find((s) => s.name === c.name))
    const allReady = statuses.length > 0 && [...statuses, ...sidecars].every((s) => s?.ready && s.state?.running)
    const initialized =
      w.status.conditions?.some((c) => c.type === 'Initialized' && c.status === 'True') || anyRegularStarted(statuses)
    w.status = {
      ...w.status,
      phase: getPhase(w.pod, [...(w.status.initContainerStatuses ?? []), ...statuses], false, initialized),
      conditions: this.conditions(w, true, allReady),
    }
    this.patchStatus(w, cause)
  }

  setState(w: PodWorker, c: Container, patch: Partial<ContainerStatus>): void {
    const list = listOf(w.pod, c)
    w.status = { ...w.status, [list]: (w.status[list] ?? []).map((s) => (s.name === c.name ? { ...s, ...patch } : s)) }
  }

  patchStatus(w: PodWorker, cause: StatusCause, done?: (ok: boolean) => void): void {
    const [namespace, name] = w.key.split('/')
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
        path: `/api/v1/namespaces/${namespace}/pods/${name}/status`,
        headers: { 'Content-Type': 'application/strategic-merge-patch+json' },
        body: { metadata: { uid: w.pod.metadata?.uid }, status: w.status } as KObject,
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
    const now = this.k.ctx.sim.rfc3339()
    const prev = w.status.conditions ?? []
    const make = (type: string, ok: boolean, reason?: string): PodCondition => {
      const old = prev.find((c) => c.type === type)
      const status = ok ? 'True' : 'False'
      return {
        type,
        status,
        lastProbeTime: null as unknown as undefined,
        lastTransitionTime: old && old.status === status ? old.lastTransitionTime : now,
        ...(reason ? { reason } : {}),
      }
    }
    if (w.status.conditions) {
      const terminalReason = phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed'
      const initialized =
        phase === 'Succeeded'
          ? make('Initialized', true, 'PodCompleted')
          : initDone || anyStarted
            ? make('Initialized', true)
            : (prev.find((c) => c.type === 'Initialized') ?? make('Initialized', false))
      // Mirrors: pkg/kubelet/status/generate.go (generateContainersReadyConditionForTerminalPhase).
      w.status = {
        ...w.status,
        conditions: [
          make('PodReadyToStartContainers', false),
          initialized,
          make('Ready', false, terminalReason),
          make('ContainersReady', false, terminalReason),
          ...prev.filter((c) => c.type === 'PodScheduled'),
        ],
      }
    }
    this.patchStatus(w, { kind: 'terminal', phase: phase ?? '' }, (ok) => (ok ? this.deletePod(w) : undefined))
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
