/**
 * classify says, for one step, which kind of chapter it tells and whether it is a beat or plumbing. It reads only
 * the step and what the trace already said about its request (who sent it), so it is a pure function of the trace.
 */
import type { Lane, TraceEvent } from '../events.ts'
import { assertNever } from '../events.ts'
import type { ChapterKind, Role } from './types.ts'

/**
 * How a step joins the story:
 * - `kind`: it belongs to a chapter of this kind (opening one when the story moves on to it);
 * - `request`: it serves a request made by another step, and belongs to that step's chapter;
 * - `current`: it belongs to whatever chapter its pod's story is in (a status patch, an Event, a late answer);
 * - `answer`: kubectl's final output, told in the chapter that holds the last answer kubectl got.
 */
export type Placement =
  | { how: 'kind'; kind: ChapterKind }
  | { how: 'request'; requestId: number }
  | { how: 'current' }
  | { how: 'answer' }

export interface Classified {
  placement: Placement
  role: Role
  /** A loop begins here (a back-off, a FailedScheduling): chapters after it are told afresh, not merged. */
  loop?: boolean
}

const kind = (k: ChapterKind, role: Role = 'beat', loop = false): Classified => ({ placement: { how: 'kind', kind: k }, role, loop })
const current = (role: Role = 'plumbing'): Classified => ({ placement: { how: 'current' }, role })
const failed = (e: TraceEvent) => e.outcome === 'error'
const detail = (e: TraceEvent, key: string): unknown => (e.details as Record<string, unknown> | undefined)?.[key]

/** requester is who sent request `id` and with which verb (from its http:Request step), for the steps serving it. */
export type Requester = (id: number) => { lane: Lane; verb: string } | undefined

/** classify places one step in the story. */
export function classify(e: TraceEvent, requester: Requester): Classified {
  const sender = e.requestId !== undefined ? requester(e.requestId) : undefined
  const fromKubectl = sender?.lane === 'kubectl'
  // kubectl apply's lookup GET is handled like any request, but the story of the API server is told with the
  // create that follows: the lookup's handling is plumbing of kubectl's request chapter, unless it is refused.
  const lookup = fromKubectl && sender?.verb === 'GET'
  const served = (k: ChapterKind, role: Role = 'beat'): Classified => {
    if (lookup && !failed(e)) return { placement: { how: 'request', requestId: e.requestId ?? -1 }, role: 'plumbing' }
    if (fromKubectl) return kind(k, role)
    // Another component's request (a status patch, an Event, the binding): plumbing of the chapter that sent it,
    // unless it went wrong.
    return { placement: e.requestId !== undefined ? { how: 'request', requestId: e.requestId } : { how: 'current' }, role: failed(e) ? 'beat' : 'plumbing' }
  }
  switch (e.type) {
    case 'kubectl:Read':
    case 'kubectl:Decode': return kind('manifest')
    case 'kubectl:Validate': return kind('client-checks')
    case 'kubectl:Kubeconfig': return kind('credentials')
    case 'kubectl:BuildRequest': return kind('request')
    case 'kubectl:Output': return { placement: { how: 'answer' }, role: 'beat' }
    case 'kubectl:Command': return kind('client-checks')
    case 'http:Request': {
      if (e.from === 'kubectl') return kind('request')
      const path = String((detail(e, 'request') as { path?: string } | undefined)?.path ?? '')
      if (path.endsWith('/binding')) return kind('bind')
      return current(failed(e) ? 'beat' : 'plumbing')
    }
    case 'http:Response': {
      // The answer to a request belongs where its handling ended; for kubectl every answer is a moment to see.
      if (e.to === 'kubectl') return { placement: { how: 'request', requestId: e.requestId ?? -1 }, role: 'beat' }
      return served('persist')
    }
    case 'watch:Start': return current()
    case 'watch:Notify': {
      if (detail(e, 'type') !== 'ADDED') return current()
      if (e.to === 'kube-scheduler') return kind('watch')
      if (e.to === 'kubelet') return kind('bind')
      return current()
    }
    case 'event:Record': return current(e.outcome === 'warning' || failed(e) ? 'beat' : 'plumbing')
    case 'apiserver:RequestInfo':
    case 'apiserver:Authenticate': return served('authentication')
    case 'apiserver:Authorize': return served('authorization')
    case 'apiserver:Decode':
    case 'apiserver:Default': return served('decode')
    case 'apiserver:Admit': {
      const validating = detail(e, 'phase') === 'validating'
      const acted = detail(e, 'acted') === true || e.outcome === 'error' || e.outcome === 'warning'
      return served(validating ? 'validating-admission' : 'mutating-admission', acted ? 'beat' : 'plumbing')
    }
    case 'apiserver:Validate': return served('validation')
    case 'apiserver:Respond': return served('persist')
    case 'etcd:Txn': return served('persist', e.lane === 'etcd' ? 'beat' : 'plumbing')
    case 'scheduler:Enqueue':
    case 'scheduler:QueueMove':
    case 'scheduler:Pop': return kind('queue')
    case 'scheduler:PreFilter':
    case 'scheduler:Filter': return kind('filter')
    case 'scheduler:PostFilter':
    case 'scheduler:Preempt': return kind('preemption')
    case 'scheduler:PreScore':
    case 'scheduler:Score': return kind('score')
    case 'scheduler:Select': return kind('select')
    case 'scheduler:Reserve':
    case 'scheduler:Permit': return kind('reserve')
    case 'scheduler:PreBind':
    case 'scheduler:Bind':
    case 'scheduler:PostBind': return kind('bind')
    // A configuration kube-scheduler refuses stops it before any pod is scheduled: not a FailedScheduling.
    case 'scheduler:Unschedulable':
      return e.details.phase === 'startup' ? kind('scheduler-config') : kind('unschedulable', 'beat', true)
    case 'kubelet:PodObserved':
    case 'kubelet:Admit':
    case 'kubelet:SyncPod':
    case 'kubelet:Reject': return kind('kubelet-sync')
    case 'kubelet:StatusUpdate': return statusUpdate(e)
    case 'kubelet:PostStartHook':
    case 'cri:ExecSync': return kind('hooks')
    // A probe that changes nothing is the steady tick of its worker; one that flips Ready or kills is a beat.
    case 'prober:Probe': return kind('probes', e.details.change === 'none' && e.outcome === 'ok' ? 'plumbing' : 'beat', true)
    case 'kubelet:Backoff': return kind(/image/i.test(e.summary) ? 'image' : 'restart', 'beat', true)
    case 'kubelet:KillContainer':
    case 'kubelet:SyncTerminatingPod':
    case 'kubelet:PreStopHook':
    case 'kubelet:DeletePod':
    case 'kubelet:ContainerGC':
    case 'cri:StopContainer':
    case 'cri:StopPodSandbox':
    case 'cri:RemoveContainer':
    case 'cri:RemovePodSandbox':
    case 'cni:DEL': return kind('termination')
    case 'cri:RunPodSandbox': return kind('sandbox')
    case 'cri:PodSandboxStatus': return kind('sandbox', 'plumbing')
    case 'cni:ADD': return kind('network')
    case 'cri:ImageStatus':
    case 'cri:PullImage': return kind('image')
    case 'cri:CreateContainer':
    case 'cri:StartContainer': return kind('containers')
    case 'kcm:DeploymentSync':
    case 'kcm:ReplicaSetSync':
    case 'kcm:GarbageCollect': return kind('controller')
    default: return assertNever(e, 'step type')
  }
}

interface ShownContainer { state?: { running?: unknown; terminated?: { exitCode?: number } } }
interface ShownStatus { phase?: string; containerStatuses?: ShownContainer[] }

/**
 * A status patch is told where it matters: the one that reports the pod running (or finished) is the status
 * chapter's beat; one that reports a container ending is a beat of whatever the pod is doing; the rest (waiting
 * reasons, an IP) are plumbing of the current chapter.
 */
function statusUpdate(e: TraceEvent): Classified {
  const s = detail(e, 'status') as ShownStatus | undefined
  const containers = s?.containerStatuses ?? []
  const ended = containers.some((c) => c.state?.terminated != null)
  const finished = s?.phase === 'Succeeded' || s?.phase === 'Failed'
  const running = s?.phase === 'Running' && containers.length > 0 && containers.every((c) => c.state?.running != null)
  if (running || finished) return kind('status')
  return current(ended || failed(e) || e.outcome === 'warning' ? 'beat' : 'plumbing')
}
