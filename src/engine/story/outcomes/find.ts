/**
 * findOutcomes: every failure in a trace, as a person should hear about it — what failed (with the exact upstream
 * text), the step that decided it, who and what and why in plain words, and what would fix it, with the names from
 * this trace. A pure function of the trace (and kubectl's answer); the browser's banners show the ones that hold at
 * the playhead.
 *
 * What it reads: the steps' base fields and their typed details, narrowed on the step's `type` (and on the details'
 * own discriminants: `phase`, `kind`, `result`, `check`, `verdict`).
 */
import type { Lane, TraceEvent } from '../../events.ts'
import type { KubectlAnswer, Outcome, OutcomeKind } from './types.ts'
import { podName } from './text.ts'
import { type KubectlRefusal, kubectlOutcome } from './kubectl.ts'
import { apiOutcome } from './api.ts'
import { unschedulable } from './scheduler.ts'
import {
  type FailedPull, backOffMessage, containerStatusLists, crashLoop, errImagePull, hookFailed, imagePullBackOff,
  kubeletRejected, podFailed, pullFix, registryReason,
} from './kubelet.ts'
import { type ProbeKill, failing, notReady, probeKill } from './probes.ts'

/** findOutcomes finds every failure in a trace: one pass, in trace order. */
export function findOutcomes(events: readonly TraceEvent[], kubectl?: KubectlAnswer): Outcome[] {
  const out: Outcome[] = []
  const requester = new Map<number, Lane>()
  /** The API server's step that refused a request (authentication, authorization, decoding, admission, validation). */
  const refusedBy = new Map<number, number>()
  /** Open outcomes by key (kind family + pod [+ container]): the next one of the family or a success closes them. */
  const open = new Map<string, Outcome>()
  const close = (key: string, i: number) => {
    const o = open.get(key)
    if (o) { o.until = i; open.delete(key) }
  }
  /** The open image outcome of a pod's container (any of the pod's, when the step does not say which container). */
  const pullKey = (pod: string, container?: string): string | undefined => {
    if (container !== undefined && (open.has(`pull|${pod}|${container}`) || pulls.has(`pull|${pod}|${container}`))) return `pull|${pod}|${container}`
    for (const k of open.keys()) if (k.startsWith(`pull|${pod}|`)) return k
    for (const k of pulls.keys()) if (k.startsWith(`pull|${pod}|`)) return k
    return undefined
  }
  const begin = (key: string, o: Outcome) => {
    close(key, o.at)
    open.set(key, o)
    out.push(o)
  }
  /** Closes every open outcome of a pod (`alsoPodWide`: the keys that end with the pod, not only pod|container ones). */
  const closePod = (pod: string, i: number, alsoPodWide: boolean) => {
    for (const k of [...open.keys()]) if (k.includes(`|${pod}|`) || (alsoPodWide && k.endsWith(`|${pod}`))) close(k, i)
  }
  const rejected = new Set<string>()
  const failedPods = new Set<string>()
  /** The latest exit of each pod's container: pod|container → what ended it. */
  const exits = new Map<string, { exitCode: number; reason: string; init: boolean }>()
  /** A postStart failure not yet followed by its back-off: it is why the container was killed. */
  const hookFailures = new Map<string, { what: string; error: string }>()
  /** The latest CreateContainer request per pod|container: the command it runs. */
  const commands = new Map<string, string[]>()
  /** The latest Warning event's message per pod and reason: the upstream text. */
  const lastWarning = new Map<string, string>()
  /** A container its liveness or startup probe killed, per pod|container, until the kubelet creates the next one. */
  const probeKills = new Map<string, ProbeKill>()
  /** pod|container → its readiness probe has passed (a new container starts not ready). */
  const readyNow = new Map<string, boolean>()
  /** The latest failed pull per pod|image. */
  const pulls = new Map<string, FailedPull>()
  /** Counters kept as the pass goes, so no outcome looks back over the trace. */
  const schedAttempts = new Map<string, number>()
  const pullBackoffs = new Map<string, { count: number; seconds?: number }>()
  const seenByScheduler = new Set<string>()
  let sawBuildRequest = false
  let kubectlStep = -1
  let kubectlRefusal: KubectlRefusal | undefined
  let kubectlOutput: KubectlAnswer | undefined

  for (let i = 0; i < events.length; i++) {
    const e = events[i]
    const pod = e.pod
    if (pod && e.lane === 'kube-scheduler') seenByScheduler.add(pod)
    switch (e.type) {
      case 'http:Request':
        if (e.requestId !== undefined) requester.set(e.requestId, e.from ?? e.lane)
        break
      case 'apiserver:Authenticate':
      case 'apiserver:Authorize':
      case 'apiserver:Decode':
      case 'apiserver:Admit':
      case 'apiserver:Validate':
        if (e.outcome === 'error' && e.requestId !== undefined && !refusedBy.has(e.requestId)) refusedBy.set(e.requestId, i)
        break
      case 'http:Response': {
        if (e.requestId === undefined || requester.get(e.requestId) !== 'kubectl') break
        const code = e.details.response.code
        if (code < 400) break
        // kubectl apply looks the object up first: "not found" means "create it", not a failure.
        if (code === 404 && e.details.request.verb === 'GET' && refusedBy.get(e.requestId) === undefined) break
        out.push(apiOutcome(events, e, i, refusedBy.get(e.requestId), code, pod, sawBuildRequest))
        break
      }
      case 'kubectl:BuildRequest':
        sawBuildRequest = true
        break
      case 'kubectl:Decode':
      case 'kubectl:Validate':
      case 'kubectl:Kubeconfig':
        if (e.outcome === 'error' && kubectlStep < 0) { kubectlStep = i; kubectlRefusal = e }
        break
      case 'kubectl:Output': {
        const { stdout, stderr, exitCode } = e.details
        kubectlOutput = { stdout, stderr, exitCode }
        break
      }
      case 'scheduler:Unschedulable': {
        if (!pod) break
        const message = e.details.phase === 'startup' ? e.summary : e.details.message
        const attempt = (schedAttempts.get(pod) ?? 0) + 1
        schedAttempts.set(pod, attempt)
        begin(`sched|${pod}`, unschedulable(i, pod, message, attempt))
        break
      }
      case 'scheduler:Bind':
        if (pod && e.outcome === 'ok') close(`sched|${pod}`, i)
        break
      case 'kubelet:Admit':
      case 'kubelet:Reject': {
        if (!pod || e.outcome !== 'error' || rejected.has(pod)) break
        const d = e.type === 'kubelet:Reject' ? e.details : e.details.verdict === 'reject' ? e.details : undefined
        if (!d?.reason || !d.message) break
        rejected.add(pod)
        out.push(kubeletRejected(i, pod, e.node ?? '', d.reason, d.message, !seenByScheduler.has(pod)))
        break
      }
      case 'event:Record': {
        if (!pod || e.details.type !== 'Warning') break
        const { reason, message } = e.details
        const container = /\{(.+)\}$/.exec(e.details.involvedObject.fieldPath ?? '')?.[1]
        lastWarning.set(`${pod}|${reason}`, message)
        if (reason === 'Failed' && message.startsWith('Failed to pull image ')) {
          // The pull failure opened just before: this event says it as kubectl describe shows it, the upstream text.
          const key = pullKey(pod, container)
          const o = key ? open.get(key) : undefined
          const pull = key ? pulls.get(key) : undefined
          if (o && o.kind === 'err-image-pull') {
            o.message = message
            if (pull && !pull.container && container) { pull.container = container; o.fix = pullFix(registryReason(pull.error), pull.image, container) }
          }
          break
        }
        if (reason === 'Failed' && message === 'Error: ImagePullBackOff') {
          const key = pullKey(pod, container) ?? `pull|${pod}|${container ?? ''}`
          const b = pullBackoffs.get(key)
          // The BackOff event is Normal for images; its message is the upstream text of this state.
          begin(key, imagePullBackOff(i, pod, pulls.get(key), backOffMessage(events, i, pod) ?? message, b?.count ?? 0, b?.seconds, container))
          break
        }
        if (reason === 'ErrImageNeverPull') {
          const image = /^Container image "([^"]*)"/.exec(message)?.[1] ?? ''
          begin(`pull|${pod}|${container ?? ''}`, {
            kind: 'err-image-never-pull', pod, step: i, at: i, title: 'ErrImageNeverPull', message,
            cause: `Container ${container ?? ''} of ${podName(pod)} has imagePullPolicy: Never, and the image ${image} is not on node ${e.node ?? ''}: the kubelet may not pull it, so the container cannot start.`.replace('Container  of', 'A container of'),
            fix: `Set imagePullPolicy: IfNotPresent on container ${container ?? '(the one using ' + image + ')'} so the kubelet pulls ${image}, or put the image on node ${e.node ?? ''} beforehand (status.images of the Node in the cluster file).`,
          })
        }
        break
      }
      case 'cri:PullImage': {
        if (!pod || e.details.phase !== 'response') break
        const { container, cri } = e.details
        const image = e.details.image ?? cri.request?.image.image ?? ''
        const error = 'error' in cri.response ? cri.response.error : undefined
        const key = `pull|${pod}|${container}`
        if (e.outcome === 'error' && error) {
          pulls.set(key, { index: i, error, container, image })
          begin(key, errImagePull(i, pod, e.node ?? '', image, error, container))
        } else if (e.outcome !== 'error') {
          close(pullKey(pod, container) ?? key, i)
        }
        break
      }
      case 'cri:CreateContainer': {
        if (!pod) break
        const config = e.details.cri.request?.config
        const name = config?.metadata.name ?? e.details.container
        if (name) {
          commands.set(`${pod}|${name}`, [...(config?.command ?? []), ...(config?.args ?? [])])
          // A new container: nothing has killed it yet, and its readiness starts over (worker.go: Failure).
          probeKills.delete(`${pod}|${name}`)
          readyNow.delete(`${pod}|${name}`)
        }
        break
      }
      case 'prober:Probe': {
        if (!pod) break
        const d = e.details
        const key = `${pod}|${d.container}`
        const kill = probeKill(d)
        if (kill) probeKills.set(key, kill)
        if (d.probeType !== 'Readiness') break
        // Open from the first failure that leaves the container unready, until a probe makes it ready.
        const wasReady = readyNow.get(key) ?? false
        if (d.change === 'ready') {
          readyNow.set(key, true)
          close(`ready|${key}`, i)
        } else if (d.change === 'unready' || (!wasReady && failing(d))) {
          readyNow.set(key, false)
          const o = notReady(i, pod, d, d.change === 'unready')
          // A later failure with the same words is the same story; new words (a new error) are told anew.
          if (open.get(`ready|${key}`)?.message !== o.message) begin(`ready|${key}`, o)
        }
        break
      }
      case 'kubelet:PostStartHook':
      case 'kubelet:PreStopHook': {
        if (!pod || e.outcome !== 'error') break
        const { error, container, what } = e.details
        const which = e.type === 'kubelet:PostStartHook' ? 'postStart' : 'preStop'
        if (which === 'postStart') hookFailures.set(`${pod}|${container}`, { what, error })
        // The container failed anew: the back-off that followed its previous failure is over.
        close(`crash|${pod}|${container}`, i)
        begin(`hook|${pod}|${container}`, hookFailed(events, i, pod, container, which, what, error))
        break
      }
      case 'kubelet:StatusUpdate': {
        if (!pod) break
        const { status } = e.details
        for (const [statuses, init] of containerStatusLists(status)) {
          for (const s of statuses ?? []) {
            const terminated = s.state?.terminated
            if (terminated) exits.set(`${pod}|${s.name}`, { exitCode: terminated.exitCode, reason: terminated.reason ?? '', init })
          }
        }
        if (status.phase === 'Failed' && !rejected.has(pod) && !failedPods.has(pod)) {
          failedPods.add(pod)
          const o = podFailed(i, pod, status, commands)
          if (o) { closePod(pod, i, true); out.push(o) }
        }
        if (status.phase === 'Succeeded') closePod(pod, i, false)
        break
      }
      case 'kubelet:Backoff': {
        if (!pod) break
        const d = e.details
        if (d.kind === 'imagePull') {
          const key = pullKey(pod, d.container) ?? `pull|${pod}|`
          const b = pullBackoffs.get(key) ?? { count: 0 }
          pullBackoffs.set(key, { count: b.count + 1, seconds: d.backoffSeconds })
          break
        }
        if (d.kind === 'restart') break
        const { container } = d
        const message = lastWarning.get(`${pod}|BackOff`) ?? `Back-off restarting failed container ${container} in pod ${podName(pod)}`
        const hook = hookFailures.get(`${pod}|${container}`)
        hookFailures.delete(`${pod}|${container}`)
        close(`hook|${pod}|${container}`, i)
        const killed = probeKills.get(`${pod}|${container}`)
        begin(`crash|${pod}|${container}`, crashLoop(i, pod, container, message, d.backoff, d.restartPolicy, exits.get(`${pod}|${container}`), hook, commands.get(`${pod}|${container}`), d.restartCount + 1, killed))
        break
      }
      case 'kubelet:DeletePod':
        if (pod) closePod(pod, i, true)
        break
      default:
        break
    }
  }

  // kubectl's own refusals: the step that refused, or no step at all (kubectl's answer alone).
  const answer = kubectl ?? kubectlOutput
  const fromKubectl = out.some((o) => o.kind !== 'unschedulable' && API_KINDS.has(o.kind))
  if (kubectlStep >= 0 || (answer && answer.exitCode !== 0 && !fromKubectl)) {
    const o = kubectlOutcome(kubectlRefusal, kubectlStep, answer)
    if (o) out.push(o)
  }
  out.sort((a, b) => a.at - b.at)
  return out
}

/** The outcomes of kubectl and the API server: when one is found, kubectl's failing answer is already told. */
const API_KINDS = new Set<OutcomeKind>(['kubectl-yaml', 'kubectl-validation', 'unknown-kind', 'unknown-user', 'unauthorized', 'forbidden', 'namespace-not-found', 'namespace-terminating', 'quota', 'limit-range', 'pod-security', 'admission', 'bad-request', 'invalid', 'api-error', 'kubectl-error'])
