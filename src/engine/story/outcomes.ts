/**
 * findOutcomes: every failure in a trace, as a person should hear about it — what failed (with the exact upstream
 * text), the step that decided it, who and what and why in plain words, and what would fix it, with the names from
 * this trace. A pure function of the trace (and kubectl's answer); the browser's banners show the ones that hold at
 * the playhead.
 *
 * What it reads: the steps' base fields and a few detail keys. Details are read through `field()`, which checks
 * every value it takes, so a step whose details lack a key (an older trace, a step type still being given its
 * shape) degrades to a vaguer sentence, never to a crash.
 */
import type { Lane, TraceEvent } from '../events.ts'
import { formatQuantity, parseQuantity } from '../api/quantity.ts'

export const OUTCOME_KINDS = [
  // kubectl refused before sending anything
  'kubectl-yaml', 'kubectl-validation', 'unknown-kind', 'unknown-user',
  // the API server refused kubectl's request
  'unauthorized', 'forbidden',
  'namespace-not-found', 'namespace-terminating', 'quota', 'limit-range', 'pod-security', 'admission',
  'bad-request', 'invalid', 'api-error',
  // kubectl failed for a reason the trace does not show
  'kubectl-error',
  // the scheduler
  'unschedulable',
  // the kubelet
  'kubelet-rejected', 'err-image-pull', 'image-pull-backoff', 'err-image-never-pull', 'crash-loop-backoff',
  'hook-failed', 'pod-failed',
] as const
export type OutcomeKind = (typeof OUTCOME_KINDS)[number]

export interface Outcome {
  kind: OutcomeKind
  /** The pod it is about (namespace/name), when there is one. */
  pod?: string
  /** The deciding step's trace index, or -1 when kubectl refused and the trace has no step for it. */
  step: number
  /**
   * The first index from which it holds: usually = step; -1 for kubectl's own refusals (nothing happened before them,
   * so they hold throughout the story).
   */
  at: number
  /**
   * The step that ended it (the pod was bound, a pull succeeded, the next attempt failed anew): it holds up to,
   * not including, this index. Absent while it still holds at the end of the trace.
   */
  until?: number
  /** The failure's name as Kubernetes says it: "Forbidden (403)", "ErrImagePull", "CrashLoopBackOff" … */
  title: string
  /** The exact upstream text, as the trace or kubectl has it. */
  message: string
  /** Plain words: who, what, why. */
  cause: string
  /** What would fix it, with the names from this trace. */
  fix: string
}

/** holdsAt: does the outcome hold at trace index i? */
export function holdsAt(o: Outcome, i: number): boolean {
  return i >= o.at && (o.until === undefined || i < o.until)
}

/** outcomesAt: the outcomes holding at trace index i, in the order they began. */
export function outcomesAt(outcomes: readonly Outcome[], i: number): Outcome[] {
  return outcomes.filter((o) => holdsAt(o, i))
}

export interface KubectlAnswer { stdout: string; stderr: string; exitCode: number }

// ---------------------------------------------------------------------------------------------------------------
// Reading details defensively

type Rec = Record<string, unknown>
const isRec = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x)
/** field reads a nested detail: field(e, 'response', 'body', 'message'). */
function field(e: TraceEvent, ...path: string[]): unknown {
  let cur: unknown = e.details
  for (const k of path) {
    if (!isRec(cur)) return undefined
    cur = cur[k]
  }
  return cur
}
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined)
const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined)
const quote = (s: string) => `"${s}"`
/** list joins words as prose: a, b and c. */
function list(items: string[], and = 'and'): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`
}
const podName = (pod?: string) => pod?.split('/')[1] ?? pod ?? ''
const podNs = (pod?: string) => (pod?.includes('/') ? pod.split('/')[0] : '')
const trimEnd = (s: string) => s.replace(/\s+$/, '')

// ---------------------------------------------------------------------------------------------------------------

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
  const scheduled = new Set<string>()
  const rejected = new Set<string>()
  const failedPods = new Set<string>()
  /** The latest exit of each pod's container: pod|container → what ended it. */
  const exits = new Map<string, { exitCode: number; reason: string; init: boolean }>()
  /** A postStart failure not yet followed by its back-off: it is why the container was killed. */
  const hookFailures = new Map<string, { what: string; error: string }>()
  /** The latest CreateContainer request per pod|container: the command it runs. */
  const commands = new Map<string, string[]>()
  /** The latest Warning event per pod and reason: its message, the upstream text. */
  const lastWarning = new Map<string, { message: string; container?: string; index: number }>()
  /** The latest failed pull per pod|image. */
  const pulls = new Map<string, { index: number; error: string; container?: string; image: string }>()
  /** Counters kept as the pass goes, so no outcome looks back over the trace. */
  const schedAttempts = new Map<string, number>()
  const crashes = new Map<string, number>()
  const pullBackoffs = new Map<string, { count: number; seconds?: number }>()
  const seenByScheduler = new Set<string>()
  let sawBuildRequest = false
  let kubectlStep = -1
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
        const code = num(field(e, 'response', 'code')) ?? 0
        if (code < 400) break
        const verb = str(field(e, 'request', 'verb')) ?? ''
        // kubectl apply looks the object up first: "not found" means "create it", not a failure.
        if (code === 404 && verb === 'GET' && refusedBy.get(e.requestId) === undefined) break
        const by = refusedBy.get(e.requestId)
        out.push(apiOutcome(events, i, by, code, pod, sawBuildRequest))
        break
      }
      case 'kubectl:BuildRequest':
        sawBuildRequest = true
        break
      case 'kubectl:Decode':
      case 'kubectl:Validate':
      case 'kubectl:Kubeconfig':
        if (e.outcome === 'error' && kubectlStep < 0) kubectlStep = i
        break
      case 'kubectl:Output': {
        const stdout = str(field(e, 'stdout'))
        const stderr = str(field(e, 'stderr'))
        const exitCode = num(field(e, 'exitCode'))
        if (stderr !== undefined && exitCode !== undefined) kubectlOutput = { stdout: stdout ?? '', stderr, exitCode }
        break
      }
      case 'scheduler:Unschedulable': {
        if (!pod) break
        const message = str(field(e, 'message')) ?? e.summary
        const attempt = (schedAttempts.get(pod) ?? 0) + 1
        schedAttempts.set(pod, attempt)
        begin(`sched|${pod}`, unschedulable(i, pod, message, attempt))
        break
      }
      case 'scheduler:Bind':
        if (pod && e.outcome === 'ok') { close(`sched|${pod}`, i); scheduled.add(pod) }
        break
      case 'kubelet:Admit':
      case 'kubelet:Reject': {
        if (!pod || e.outcome !== 'error' || rejected.has(pod)) break
        const reason = str(field(e, 'reason'))
        const message = str(field(e, 'message'))
        if (!reason || !message) break
        rejected.add(pod)
        out.push(kubeletRejected(i, pod, e.node ?? '', reason, message, !seenByScheduler.has(pod)))
        break
      }
      case 'event:Record': {
        if (!pod || str(field(e, 'type')) !== 'Warning') break
        const reason = str(field(e, 'reason')) ?? ''
        const message = str(field(e, 'message')) ?? ''
        const container = /\{(.+)\}$/.exec(str(field(e, 'involvedObject', 'fieldPath')) ?? '')?.[1]
        lastWarning.set(`${pod}|${reason}`, { message, container, index: i })
        if (reason === 'Failed' && message.startsWith('Failed to pull image ')) {
          // The pull failure opened just before: this event says it as kubectl describe shows it, the upstream text.
          const key = pullKey(pod, container)
          const o = key ? open.get(key) : undefined
          if (o && o.kind === 'err-image-pull') {
            o.message = message
            const pull = pulls.get(key!)
            if (pull && !pull.container && container) { pull.container = container; o.fix = pullFix(registryReason(pull.error), pull.image, container) }
          }
          break
        }
        if (reason === 'Failed' && message === 'Error: ImagePullBackOff') {
          const key = pullKey(pod, container) ?? `pull|${pod}|${container ?? ''}`
          const pull = pulls.get(key)
          const b = pullBackoffs.get(key)
          // The BackOff event is Normal for images; its message is the upstream text of this state.
          begin(key, imagePullBackOff(i, pod, pull, backOffMessage(events, i, pod) ?? message, b?.count ?? 0, b?.seconds, container))
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
        if (!pod) break
        const response = e.lane === 'CRI' || field(e, 'phase') === 'response'
        if (!response) break
        const image = str(field(e, 'image')) ?? str(field(e, 'cri', 'request', 'image', 'image')) ?? ''
        const error = str(field(e, 'cri', 'response', 'error'))
        const container = str(field(e, 'container'))
        const key = `pull|${pod}|${container ?? ''}`
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
        const name = str(field(e, 'cri', 'request', 'config', 'metadata', 'name')) ?? str(field(e, 'container'))
        const cmd = field(e, 'cri', 'request', 'config', 'command')
        const args = field(e, 'cri', 'request', 'config', 'args')
        const argv = [...(Array.isArray(cmd) ? cmd : []), ...(Array.isArray(args) ? args : [])].filter((x): x is string => typeof x === 'string')
        if (name) commands.set(`${pod}|${name}`, argv)
        break
      }
      case 'kubelet:PostStartHook':
      case 'kubelet:PreStopHook': {
        if (!pod || e.outcome !== 'error') break
        const error = str(field(e, 'error')) ?? e.summary.replace(/^.*?failed: /, '')
        const container = str(field(e, 'container')) ?? ''
        const what = str(field(e, 'what')) ?? handlerText(field(e, 'hook'))
        if (e.type === 'kubelet:PostStartHook') hookFailures.set(`${pod}|${container}`, { what, error })
        // The container failed anew: the back-off that followed its previous failure is over.
        close(`crash|${pod}|${container}`, i)
        begin(`hook|${pod}|${container}`, hookFailed(events, i, pod, container, e.type === 'kubelet:PostStartHook' ? 'postStart' : 'preStop', what, error))
        break
      }
      case 'kubelet:StatusUpdate': {
        if (!pod) break
        const status = field(e, 'status')
        if (!isRec(status)) break
        for (const [listName, init] of [['initContainerStatuses', true], ['containerStatuses', false]] as const) {
          const statuses = status[listName]
          if (!Array.isArray(statuses)) continue
          for (const s of statuses) {
            if (!isRec(s) || typeof s.name !== 'string') continue
            const term = isRec(s.state) && isRec(s.state.terminated) ? s.state.terminated : undefined
            const code = term ? num(term.exitCode) : undefined
            if (term && code !== undefined) exits.set(`${pod}|${s.name}`, { exitCode: code, reason: String(term.reason ?? ''), init })
          }
        }
        if (status.phase === 'Failed' && !rejected.has(pod) && !failedPods.has(pod)) {
          failedPods.add(pod)
          const o = podFailed(i, pod, status, commands)
          if (o) { for (const k of [...open.keys()]) if (k.endsWith(`|${pod}`) || k.includes(`|${pod}|`)) close(k, i); out.push(o) }
        }
        if (status.phase === 'Succeeded') for (const k of [...open.keys()]) if (k.includes(`|${pod}|`)) close(k, i)
        break
      }
      case 'kubelet:Backoff': {
        if (!pod) break
        const kind = str(field(e, 'kind'))
        const crash = kind === 'crashLoop' || (kind === undefined && /CrashLoopBackOff|restart/.test(e.summary))
        if (!crash) {
          const key = pullKey(pod, str(field(e, 'container'))) ?? `pull|${pod}|`
          const b = pullBackoffs.get(key) ?? { count: 0 }
          pullBackoffs.set(key, { count: b.count + 1, seconds: num(field(e, 'backoffSeconds')) ?? b.seconds })
          break
        }
        const backOff = lastWarning.get(`${pod}|BackOff`)
        const container = str(field(e, 'container')) ?? backOff?.container ?? /restart (\S+) in/.exec(e.summary)?.[1] ?? /container (\S+) in pod/.exec(backOff?.message ?? '')?.[1] ?? ''
        const seconds = num(field(e, 'backoffSeconds'))
        const policy = str(field(e, 'restartPolicy'))
        const exit = exits.get(`${pod}|${container}`)
        const hook = hookFailures.get(`${pod}|${container}`)
        hookFailures.delete(`${pod}|${container}`)
        close(`hook|${pod}|${container}`, i)
        const count = (crashes.get(`${pod}|${container}`) ?? 0) + 1
        crashes.set(`${pod}|${container}`, count)
        begin(`crash|${pod}|${container}`, crashLoop(i, pod, container, backOff?.message ?? `Back-off restarting failed container ${container} in pod ${podName(pod)}`, seconds, policy, exit, hook, commands.get(`${pod}|${container}`), count))
        break
      }
      case 'kubelet:DeletePod':
        if (pod) for (const k of [...open.keys()]) if (k.includes(`|${pod}|`) || k.endsWith(`|${pod}`)) close(k, i)
        break
      default:
        break
    }
  }

  // kubectl's own refusals: the step that refused, or no step at all (kubectl's answer alone).
  const answer = kubectl ?? kubectlOutput
  const fromKubectl = out.some((o) => o.kind !== 'unschedulable' && isApiOrKubectl(o.kind))
  if (kubectlStep >= 0 || (answer && answer.exitCode !== 0 && !fromKubectl)) {
    const o = kubectlOutcome(events, kubectlStep, answer)
    if (o) out.push(o)
  }
  out.sort((a, b) => a.at - b.at)
  return out
}

const API_KINDS = new Set<OutcomeKind>(['kubectl-yaml', 'kubectl-validation', 'unknown-kind', 'unknown-user', 'unauthorized', 'forbidden', 'namespace-not-found', 'namespace-terminating', 'quota', 'limit-range', 'pod-security', 'admission', 'bad-request', 'invalid', 'api-error', 'kubectl-error'])
const isApiOrKubectl = (k: OutcomeKind) => API_KINDS.has(k)

// ---------------------------------------------------------------------------------------------------------------
// kubectl

function kubectlOutcome(events: readonly TraceEvent[], step: number, answer?: KubectlAnswer): Outcome | undefined {
  const e = step >= 0 ? events[step] : undefined
  const stderr = answer ? trimEnd(answer.stderr) : ''
  const message = stderr || str(e && field(e, 'message')) || str(e && field(e, 'error')) || e?.summary || ''
  if (!message) return undefined
  const file = /(?:parsing|validating|from) "?([^":\s]+\.ya?ml)"?/.exec(message)?.[1] ?? str(e && field(e, 'file')) ?? 'the manifest'
  // kubectl refused before anything else happened: the refusal holds from the start of the story, so it shows as
  // soon as kubectl's answer is there, wherever the playhead is.
  const base = { step, at: -1, message }
  const yaml = /error converting YAML to JSON: yaml: line (\d+): (.*)$/m.exec(message) ?? (e?.type === 'kubectl:Decode' ? /line (\d+): (.*)$/m.exec(message) : null)
  if (yaml || e?.type === 'kubectl:Decode') {
    const line = yaml?.[1] ?? String(num(e && field(e, 'line')) ?? '')
    const column = num(e && field(e, 'column'))
    const what = yaml?.[2] ?? ''
    const hint = /mapping values are not allowed/.test(what)
      ? ' A value that itself contains ": " must be quoted (name: "x: y"), or the line is missing its own key.'
      : /did not find expected key|could not find expected ':'/.test(what) ? ' The indentation there does not match its neighbours.' : ''
    return {
      ...base, kind: 'kubectl-yaml', title: 'kubectl: not valid YAML',
      cause: `kubectl could not read ${file} as YAML${line ? ` (line ${line}${column ? `, column ${column}` : ''}: ${what})` : ''}, so it sent nothing to the API server.`,
      fix: `Correct ${file} at line ${line || '?'}${column ? `, column ${column}` : ''} (the editor marks the spot), then apply again.${hint}`,
    }
  }
  const missing = /error validating data: \[([^\]]*)\]/.exec(message)?.[1]
  if (missing !== undefined || (e?.type === 'kubectl:Validate' && Array.isArray(field(e, 'missing')))) {
    const items = (missing?.split(', ') ?? (field(e!, 'missing') as string[])).map((m) => m.replace(/ not set$/, ''))
    const values: Record<string, string> = { apiVersion: 'apiVersion: v1', kind: 'kind: Pod' }
    return {
      ...base, kind: 'kubectl-validation', title: 'kubectl: not a Kubernetes object',
      cause: `${file} has no ${list(items)}: kubectl cannot tell which API the document belongs to, so it refused it before sending anything.`,
      fix: `Add ${list(items.map((m) => values[m] ?? m))} at the top of the document (the values for a Pod).`,
    }
  }
  const noKind = /no matches for kind "([^"]*)" in version "([^"]*)"/.exec(message)
  if (noKind || (e?.type === 'kubectl:Validate' && str(field(e, 'kind')))) {
    const kind = noKind?.[1] ?? str(field(e!, 'kind')) ?? ''
    const version = noKind?.[2] ?? str(field(e!, 'apiVersion')) ?? ''
    const known = e ? (field(e, 'known') as unknown[] | undefined)?.filter((k): k is string => typeof k === 'string') ?? [] : []
    const near = closest(kind, known.length ? known : ['Pod'])
    const controller = /^(Deployment|ReplicaSet|DaemonSet|StatefulSet|Job|CronJob)$/.test(kind)
    return {
      ...base, kind: 'unknown-kind', title: 'kubectl: unknown kind',
      cause: `kubectl asked the API server's discovery which resource serves kind ${kind} in ${version}, and none does, so it sent nothing.${controller ? ' This cluster runs no controller-manager, so it serves no workload controllers.' : ''}`,
      fix: controller
        ? `Apply the Pod that the ${kind} would create: its spec.template, with apiVersion: v1 and kind: Pod.`
        : near && near !== kind ? `Did you mean kind: ${near}? Correct the kind (and apiVersion) in ${file}.` : `Correct the kind and apiVersion in ${file} to one this cluster serves (a Pod: apiVersion: v1, kind: Pod).`,
    }
  }
  const authInfo = /auth info "([^"]*)" does not exist/.exec(message)
  if (authInfo || e?.type === 'kubectl:Kubeconfig') {
    const user = authInfo?.[1] ?? ''
    return {
      ...base, kind: 'unknown-user', title: 'kubectl: unknown user',
      cause: `kubectl looks its credentials up in the kubeconfig before it sends anything. It has no user named "${user}", so no request left kubectl.`,
      fix: `Use a user the kubeconfig defines, or add one named "${user}" (a users entry with a token or a client certificate) to the kubeconfig — a kind: Config document in the cluster file.`,
    }
  }
  return {
    ...base, kind: 'kubectl-error', title: 'kubectl failed',
    cause: `kubectl exited with code ${answer?.exitCode ?? 1}.`,
    fix: 'Read kubectl\'s message above: it names what to change.',
  }
}

/** closest: the candidate with the smallest edit distance to s (case-insensitive), if it is close enough. */
function closest(s: string, candidates: string[]): string | undefined {
  let best: string | undefined
  let bestD = Infinity
  for (const c of candidates) {
    const d = editDistance(s.toLowerCase(), c.toLowerCase())
    if (d < bestD) { bestD = d; best = c }
  }
  return bestD <= Math.max(2, Math.floor(s.length / 3)) ? best : undefined
}
function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]
    dp[0] = i
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = tmp
    }
  }
  return dp[b.length]
}

// ---------------------------------------------------------------------------------------------------------------
// The API server

function apiOutcome(events: readonly TraceEvent[], responseAt: number, by: number | undefined, code: number, pod: string | undefined, fromApply: boolean): Outcome {
  const r = events[responseAt]
  const body = field(r, 'response', 'body')
  const message = (isRec(body) ? str(body.message) : undefined) ?? r.summary
  const reason = (isRec(body) ? str(body.reason) : undefined) ?? String(code)
  const step = by ?? responseAt
  const d = events[step]
  const base = { pod, step, at: step, message }
  const name = podName(pod)
  const ns = podNs(pod)

  if (d.type === 'apiserver:Authenticate' || code === 401) {
    const headers = field(r, 'request', 'headers')
    const cert = field(r, 'request', 'clientCertificate')
    const cred = isRec(headers) && typeof headers.Authorization === 'string' ? (headers.Authorization.startsWith('Bearer') ? 'bearer token' : 'credentials') : isRec(cert) ? 'client certificate' : 'credentials'
    const user = kubeconfigUser(events, responseAt)
    return {
      ...base, kind: 'unauthorized', title: 'Unauthorized (401)',
      cause: `The API server could not tell who is asking: none of its authenticators accepted the ${cred} kubectl presented${user ? ` for the kubeconfig user "${user}"` : ''}. Credentials that fail are refused outright with 401 — the request never reaches authorization.`,
      fix: `Give kubectl credentials this cluster knows: in the kubeconfig (the kind: Config document in the cluster file)${user ? `, give "${user}"` : ', give the user'} a token the API server's token file lists or a client certificate signed by the cluster's CA, or switch current-context to a context whose user has one.`,
    }
  }
  if (d.type === 'apiserver:Authorize') return forbidden(d, base, fromApply)
  if (d.type === 'apiserver:Admit') {
    const plugin = str(field(d, 'plugin')) ?? 'admission'
    const phase = str(field(d, 'phase')) ?? ''
    const errMsg = str(field(d, 'error', 'message')) ?? message
    return admissionOutcome(plugin, phase, errMsg, reason, code, base)
  }
  if (d.type === 'apiserver:Validate' || code === 422) {
    const raw = field(d, 'errors')
    const errs = Array.isArray(raw) ? raw.filter(isRec).map((x) => ({ type: str(x.type) ?? '', field: str(x.field) ?? '', message: str(x.message) ?? '' })) : []
    const fixes = errs.map((x) => fieldFix(x))
    return {
      ...base, kind: 'invalid', title: 'Invalid (422)',
      cause: `The API server decoded the pod and ran admission, then validation found ${errs.length === 1 ? 'a field' : `${errs.length || 'some'} fields`} with a value no Pod may have${errs.length ? `: ${list(errs.map((x) => x.field))}` : ''}. Nothing was stored.`,
      fix: fixes.length ? fixes.join('\n') : 'Correct the fields the message names.',
    }
  }
  if (d.type === 'apiserver:Decode' || code === 400) {
    const raw = field(d, 'errors')
    const errs = Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []
    const unknown = [...(errs.length ? errs.join('\n') : message).matchAll(/unknown field "([^"]+)"/g)].map((m) => m[1])
    const typeErr = /cannot unmarshal (\w+) into Go struct field [\w]+\.([\w.]+) of type (\S+)/.exec(message)
    const fix = unknown.length
      ? `Remove or correct ${list(unknown.map(quote))}: the Pod schema has no such field (the editor underlines it).`
      : typeErr ? `Give ${typeErr[2]} a value of type ${typeErr[3]}: the manifest has a ${typeErr[1]} there${typeErr[1] === 'string' && /int|float/.test(typeErr[3]) ? ' (drop the quotes)' : ''}.` : 'Correct the manifest where the message says.'
    return {
      ...base, kind: 'bad-request', title: 'BadRequest (400)',
      cause: unknown.length
        ? `kubectl asks for strict field validation (fieldValidation=Strict), so the API server refuses a body with a field the Pod type does not have, before admission or validation run.`
        : `The API server could not decode the body as a Pod${typeErr ? `: ${typeErr[2]} holds a ${typeErr[1]} where the type needs ${typeErr[3]}` : ''}.`,
      fix,
    }
  }
  return {
    ...base, kind: 'api-error', title: `${reason} (${code})`,
    cause: `The API server answered kubectl's ${str(field(r, 'request', 'verb')) ?? ''} ${str(field(r, 'request', 'path')) ?? ''} with ${code} ${reason}${name ? ` for ${name}` : ''}${ns ? ` in ${ns}` : ''}.`,
    fix: 'Read the message: it names what to change.',
  }
}

function kubeconfigUser(events: readonly TraceEvent[], before: number): string | undefined {
  for (let i = before; i >= 0; i--) {
    const e = events[i]
    if (e.type === 'kubectl:Kubeconfig') return str(field(e, 'user'))
  }
  return undefined
}

function forbidden(d: TraceEvent, base: { pod?: string; step: number; at: number; message: string }, fromApply: boolean): Outcome {
  const user = str(field(d, 'user')) ?? /User "([^"]*)"/.exec(base.message)?.[1] ?? ''
  const verb = str(field(d, 'verb')) ?? /cannot (\S+) resource/.exec(base.message)?.[1] ?? ''
  const resource = str(field(d, 'resource')) ?? /resource "([^"]*)"/.exec(base.message)?.[1] ?? ''
  const sub = str(field(d, 'subresource')) ?? ''
  const namespace = str(field(d, 'namespace')) ?? /in the namespace "([^"]*)"/.exec(base.message)?.[1] ?? ''
  const group = /in API group "([^"]*)"/.exec(base.message)?.[1] ?? ''
  const full = sub ? `${resource}/${sub}` : resource
  const flagResource = group ? `${full}.${group}` : full
  // kubectl apply reads the object (get), then creates it or patches it: a role for apply needs all three.
  const verbs = fromApply ? [...new Set(['get', 'create', 'patch', verb])] : [verb]
  const sa = /^system:serviceaccount:([^:]+):(.+)$/.exec(user)
  const subject = sa ? `--serviceaccount=${sa[1]}:${sa[2]}` : `--user=${user}`
  const subjectText = sa ? `ServiceAccount ${sa[2]} (namespace ${sa[1]})` : `User ${user}`
  const who = sa ? `service account ${sa[1]}/${sa[2]}` : user
  const role = `${resource.replace(/[^a-z0-9-]/g, '-')}-${fromApply ? 'applier' : verb}`
  const binding = `${(sa ? sa[2] : user).replace(/[^a-z0-9-]/gi, '-').toLowerCase()}-${role}`
  const nsFlag = namespace ? ` -n ${namespace}` : ''
  const scope = namespace ? `in namespace ${namespace}` : 'cluster-wide'
  const roleKind = namespace ? 'Role' : 'ClusterRole'
  const bindingKind = namespace ? 'RoleBinding' : 'ClusterRoleBinding'
  const whyVerbs = fromApply && verbs.length > 1 ? ' (kubectl apply reads the object, then creates or patches it)' : ''
  return {
    ...base, kind: 'forbidden', title: 'Forbidden (403)',
    cause: `${sa ? `Service account ${sa[1]}/${sa[2]}` : `User ${user}`} is authenticated, but no RBAC rule bound to ${sa ? 'it' : user} allows "${verb}" on ${full}${group ? ` in API group ${group}` : ''} ${scope}, and authorization refuses what no authorizer allows.${verb === 'get' && fromApply ? ' kubectl apply stopped at its first request (reading the object), so the pod was never sent.' : ' Nothing was stored.'}`,
    fix: `Grant ${who} ${list(verbs)} on ${full} ${scope}${whyVerbs}: a ${roleKind} "${role}" with the rule {apiGroups: ["${group}"], resources: ["${full}"], verbs: [${verbs.map(quote).join(', ')}]}, and a ${bindingKind} "${binding}" that gives it to ${subjectText}. With kubectl (or the same objects as YAML in the cluster file):\n` +
      `kubectl create ${roleKind.toLowerCase()} ${role} --verb=${verbs.join(',')} --resource=${flagResource}${nsFlag}\n` +
      `kubectl create ${bindingKind.toLowerCase()} ${binding} --${roleKind.toLowerCase()}=${role} ${subject}${nsFlag}`,
  }
}

function admissionOutcome(plugin: string, phase: string, errMsg: string, reason: string, code: number, base: { pod?: string; step: number; at: number; message: string }): Outcome {
  const ns = podNs(base.pod)
  const name = podName(base.pod)
  const when = phase ? `${phase} admission` : 'admission'
  if (plugin === 'NamespaceLifecycle') {
    const missing = /namespaces "([^"]*)" not found/.exec(errMsg)
    if (missing || code === 404) {
      const n = missing?.[1] ?? ns
      return {
        ...base, kind: 'namespace-not-found', title: 'Namespace not found (404)',
        cause: `The pod is for namespace ${n}, which does not exist. The NamespaceLifecycle admission plugin refuses anything created in a namespace that is not there.`,
        fix: `Create the namespace first (kubectl create namespace ${n}, or a Namespace "${n}" in the cluster file), or apply to a namespace that exists.`,
      }
    }
    const n = /in namespace (\S+) because it is being terminated/.exec(errMsg)?.[1] ?? ns
    return {
      ...base, kind: 'namespace-terminating', title: 'Namespace terminating (403)',
      cause: `Namespace ${n} is being deleted (status.phase Terminating). The NamespaceLifecycle admission plugin lets nothing new in while its contents are removed.`,
      fix: `Apply to another namespace, or wait until ${n} is gone and create it again.`,
    }
  }
  if (plugin === 'ResourceQuota') {
    const exceeded = /exceeded quota: ([^,]+), requested: (.*?), used: (.*?), limited: (.*)$/.exec(errMsg)
    if (exceeded) {
      const [, quota, req, used, lim] = exceeded
      const parse = (s: string) => new Map(s.split(',').map((kv) => kv.split('=') as [string, string]))
      const r = parse(req), u = parse(used), l = parse(lim)
      const needs = [...l.keys()].map((k) => {
        const a = parseQuantity(r.get(k) ?? '0'), b = parseQuantity(u.get(k) ?? '0')
        const sum = a && b ? formatQuantity({ nano: a.nano + b.nano, format: a.format }) : undefined
        return `spec.hard["${k}"] from ${l.get(k)} to at least ${sum ?? `${u.get(k)} + ${r.get(k)}`}`
      })
      return {
        ...base, kind: 'quota', title: 'Exceeded quota (403)',
        cause: `ResourceQuota ${quota} in namespace ${ns} caps what the namespace may use. ${name} asks for ${req.replace(/,/g, ', ')} on top of ${used.replace(/,/g, ', ')} already used, which is over the limit (${lim.replace(/,/g, ', ')}).`,
        fix: `Raise ResourceQuota ${quota}: ${list(needs)}; or remove what uses the quota in ${ns}; or ask for less.`,
      }
    }
    const failed = /failed quota: ([^:]+): must specify (.*)$/.exec(errMsg)
    const quota = failed?.[1] ?? ''
    const res = failed?.[2].split(',') ?? []
    return {
      ...base, kind: 'quota', title: 'Failed quota (403)',
      cause: `ResourceQuota ${quota} in namespace ${ns} tracks ${list(res)}, so every pod there must say how much it wants; ${name} leaves ${res.length === 1 ? 'it' : 'them'} unset.`,
      fix: `Set ${list(res.map((x) => `resources.${x.replace(/^(requests|limits)\./, '$1.')}`))} on every container of ${name}, or add a LimitRange to ${ns} whose defaults fill ${res.length === 1 ? 'it' : 'them'} in.`,
    }
  }
  if (plugin === 'LimitRanger') {
    const items = [...errMsg.matchAll(/(maximum|minimum) (\S+) usage per (Container|Pod) is ([^,.]+)(?:, but (limit|request) is (\S+?)(?=[,\]]|$)|\.\s+No (limit|request) is specified)/g)]
    const fixes = items.map((m) => {
      const [, bound, res, per, value, field1, given, field2] = m
      const which = field1 ?? field2
      return given
        ? `${bound === 'maximum' ? 'lower' : 'raise'} the ${res} ${which} of the ${per.toLowerCase()} from ${given} to ${bound === 'maximum' ? 'at most' : 'at least'} ${value}`
        : `set a ${res} ${which} of ${bound === 'maximum' ? 'at most' : 'at least'} ${value} on the ${per.toLowerCase()}`
    })
    return {
      ...base, kind: 'limit-range', title: 'LimitRange (403)',
      cause: `A LimitRange in namespace ${ns} bounds what each container may ask for, and ${name} is outside it. The LimitRanger plugin checks it during ${when}.`,
      fix: fixes.length ? `In the manifest, ${list(fixes)}; or change the LimitRange's ${items.map((m) => `${m[1] === 'maximum' ? 'max' : 'min'}.${m[2]}`).join(', ')} in ${ns}.` : `Bring the containers' requests and limits within the LimitRange of ${ns}, or change the LimitRange.`,
    }
  }
  if (plugin === 'PodSecurity') {
    const level = /violates PodSecurity "([^"]+)"/.exec(errMsg)?.[1] ?? ''
    const sets = [...errMsg.matchAll(/\((pod or container|container|pod) ("[^"]+"|[^ )]+)?\s*must (?:set|not set|use) ([^)]*)\)/g)].map((m) => `${m[3]} (${m[1]} ${m[2] ?? ''})`.replace(/ \)$/, ')'))
    return {
      ...base, kind: 'pod-security', title: 'PodSecurity (403)',
      cause: `Namespace ${ns} enforces the Pod Security Standard ${level} (its pod-security.kubernetes.io/enforce label), and ${name} does not meet it. The PodSecurity admission plugin refuses the pod during ${when}.`,
      fix: sets.length
        ? `In the manifest, set:\n${sets.map((s) => `• ${s}`).join('\n')}\nOr relax namespace ${ns}'s pod-security.kubernetes.io/enforce label (baseline or privileged).`
        : `Change the pod's securityContext as the message lists, or relax namespace ${ns}'s pod-security.kubernetes.io/enforce label.`,
    }
  }
  return {
    ...base, kind: 'admission', title: `${plugin} (${code})`,
    cause: `The ${plugin} admission plugin refused ${name || 'the object'} during ${when} (${reason}).`,
    fix: admissionFix(errMsg) ?? `Change the pod, or the ${plugin} configuration, as the message says.`,
  }
}

/** What fixes the refusals of the other built-in admission plugins, from their messages. */
function admissionFix(msg: string): string | undefined {
  const pc = /no PriorityClass with name (\S+) was found/.exec(msg)
  if (pc) return `Create the PriorityClass ${pc[1]} (a scheduling.k8s.io/v1 PriorityClass in the cluster file), or correct or drop spec.priorityClassName.`
  const sa = /error looking up service account ([^/]+)\/(\S+):/.exec(msg)
  if (sa) return `Create the ServiceAccount ${sa[2]} in namespace ${sa[1]} (in the cluster file), or correct or drop spec.serviceAccountName.`
  return undefined
}

function fieldFix(x: { type: string; field: string; message: string }): string {
  if (x.field === 'metadata.name' && x.type === 'FieldValueInvalid') {
    const given = /^Invalid value: "([^"]*)"/.exec(x.message)?.[1] ?? ''
    const suggestion = given.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '').slice(0, 253)
    return `Rename the pod: metadata.name must be lowercase letters, digits, '-' and '.', starting and ending with a letter or digit${suggestion && suggestion !== given ? ` — e.g. ${suggestion}` : ''}.`
  }
  if (x.type === 'FieldValueRequired') return `Set ${x.field}: it is required.`
  if (x.type === 'FieldValueNotSupported') return `Use one of the supported values for ${x.field} (${x.message.replace(/^.*?supported values: /, '')}).`
  if (x.type === 'FieldValueDuplicate') return `Make ${x.field} unique: ${x.message}.`
  if (x.type === 'FieldValueForbidden') return `Remove ${x.field}: ${x.message.replace(/^Forbidden: /, '')}.`
  return `Correct ${x.field}: ${x.message}.`
}

// ---------------------------------------------------------------------------------------------------------------
// The scheduler

/** Plain words for the FitError's reasons (the "N node(s) ..." parts). */
function fitReasonFix(reason: string): string {
  const insufficient = /Insufficient (\S+)/.exec(reason)
  if (insufficient) return `ask for less ${insufficient[1]} (the pod's requests), or free or add ${insufficient[1]} on a node`
  if (/untolerated taint/.test(reason)) return 'tolerate the taint (spec.tolerations), or remove it from the node'
  if (/didn't match Pod's node affinity\/selector/.test(reason)) return 'relax the pod\'s nodeSelector or node affinity, or label a node to match'
  if (/were unschedulable/.test(reason)) return 'uncordon the node (spec.unschedulable: false)'
  if (/Too many pods/.test(reason)) return 'free a pod slot on a node, or raise its pods capacity'
  if (/didn't have free ports/.test(reason)) return 'choose another hostPort, or free the port'
  if (/anti-affinity/.test(reason)) return 'relax the pod anti-affinity, or make room on a node no matching pod runs on'
  if (/pod affinity/.test(reason)) return 'relax the pod affinity, or run a matching pod first'
  if (/topology spread/.test(reason)) return 'relax the topology spread constraint (maxSkew, whenUnsatisfiable), or add nodes in the short domains'
  if (/didn't match the requested node name/.test(reason)) return 'drop spec.nodeName, or name an existing node'
  if (/persistentvolumeclaim/.test(reason)) return 'create the PersistentVolumeClaim, or drop the volume'
  return reason
}

function unschedulable(i: number, pod: string, message: string, attempt: number): Outcome {
  const body = /^\d+\/\d+ nodes are available: (.*?)(?:\. preemption: (.*))?$/s.exec(message)
  const parts = body ? body[1].replace(/\.$/, '').split(/, (?=\d+ )/) : []
  const reasons = parts.map((p) => /^(\d+) (.*)$/.exec(p)).filter((m): m is RegExpExecArray => !!m).map((m) => ({ n: Number(m[1]), reason: m[2] }))
  const total = /^0\/(\d+) nodes/.exec(message)?.[1]
  const preemption = body?.[2]
  return {
    kind: 'unschedulable', pod, step: i, at: i, title: 'FailedScheduling', message,
    cause: `kube-scheduler tried every node${total ? ` (${total})` : ''} for ${podName(pod)}${attempt > 1 ? ` (attempt ${attempt})` : ''} and none passed its filters: ${reasons.length ? list(reasons.map((r) => `${r.n} ${r.reason}`)) : 'see the filter results'}.${preemption ? ' Preemption could not help: evicting lower-priority pods would not make room.' : ''} The pod waits, Pending, until a change in the cluster could let it fit.`,
    fix: reasons.length ? `${[...new Set(reasons.map((r) => fitReasonFix(r.reason)))].map((s) => s[0].toUpperCase() + s.slice(1)).join('. ')}.` : 'See the filter results per node.',
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The kubelet

function kubeletRejected(i: number, pod: string, node: string, reason: string, message: string, pinned: boolean): Outcome {
  const res = /Node didn't have enough resource: (\S+), requested: (\d+), used: (\d+), capacity: (\d+)/.exec(message)
  const unit = (r: string, v: number) => (r === 'cpu' ? `${v}m` : r === 'memory' ? formatQuantity({ nano: BigInt(v) * 1_000_000_000n, format: 'BinarySI' }) : String(v))
  let fix: string
  if (res) {
    const [, r, req, used, cap] = res
    const free = Number(cap) - Number(used)
    fix = r === 'pods'
      ? `Node ${node} runs all the pods it can (${cap}): remove spec.nodeName and let the scheduler choose a node with a free slot, or free one on ${node}.`
      : `Ask for at most ${unit(r, free)} ${r} (node ${node} has ${unit(r, Number(cap))} allocatable, ${unit(r, Number(used))} already requested; the pod asks ${unit(r, Number(req))})${pinned ? ', or remove spec.nodeName so the scheduler picks a node with room' : ''}.`
  } else if (reason === 'NodeAffinity') {
    fix = `Make the pod's nodeSelector / node affinity match node ${node}'s labels (or label ${node}), or remove spec.nodeName and let the scheduler choose.`
  } else if (reason === 'TaintToleration') {
    fix = `Add a toleration for node ${node}'s NoExecute taint, or remove spec.nodeName and let the scheduler choose.`
  } else if (reason === 'NodePorts') {
    fix = `Choose a hostPort that is free on ${node}, or remove spec.nodeName and let the scheduler choose.`
  } else {
    fix = `Remove spec.nodeName and let the scheduler choose a node that fits.`
  }
  return {
    kind: 'kubelet-rejected', pod, step: i, at: i, title: reason, message,
    cause: `The kubelet on ${node} checks a pod once more before running it (kubelet admission) and rejected ${podName(pod)}: ${message.replace(/^Node didn't have enough resource: ([^,\s]+).*/, 'not enough $1 left on the node')}. ${pinned ? 'The pod named its node in spec.nodeName, so the scheduler never checked whether it fits.' : ''} A rejected pod is Failed for good; it is not retried.`.replace(/ {2}/g, ' '),
    fix,
  }
}

/** The registry's reason, from the runtime's pull error. */
function registryReason(error: string): { why: string; what: 'tag' | 'repository' | 'unreachable' | 'other'; ref: string; repository: string; tag: string } {
  const ref = /failed to pull and unpack image "([^"]+)"/.exec(error)?.[1] ?? ''
  const at = ref.lastIndexOf(':')
  const slash = ref.lastIndexOf('/')
  const repository = at > slash ? ref.slice(0, at) : ref
  const tag = at > slash ? ref.slice(at + 1) : ''
  if (/code = NotFound/.test(error) && /: not found$/.test(error)) return { why: `the registry has the repository ${repository} but no tag ${tag}`, what: 'tag', ref, repository, tag }
  if (/repository does not exist or may require authorization/.test(error)) return { why: `the registry has no repository ${repository} (or it needs credentials)`, what: 'repository', ref, repository, tag }
  const host = /lookup (\S+): no such host/.exec(error)?.[1]
  if (host) return { why: `the registry ${host} cannot be reached`, what: 'unreachable', ref, repository, tag }
  return { why: error.replace(/^rpc error: code = \w+ desc = /, ''), what: 'other', ref, repository, tag }
}

function pullFix(reg: ReturnType<typeof registryReason>, image: string, container?: string): string {
  const where = `container ${container ?? '(its container)'}`
  if (reg.what === 'tag') return `Use a tag that exists: change the image ${image} of ${where} in the manifest (the tag ${reg.tag} is not in ${reg.repository}), or add the tag to the SimulatorConfig registry in the cluster file.`
  if (reg.what === 'repository') return `Check the repository name in the image ${image} of ${where} (a typo?); a private registry also needs imagePullSecrets. In podbirth, the SimulatorConfig registry in the cluster file lists the repositories that exist.`
  if (reg.what === 'unreachable') return `Make the registry reachable (remove the RegistryUnavailable fault from the SimulatorConfig), or use the image of ${where} from another registry.`
  return `Correct the image ${image} of ${where}, or the registry it comes from.`
}

function errImagePull(i: number, pod: string, node: string, image: string, error: string, container?: string): Outcome {
  const reg = registryReason(error)
  const shown = image.replace(/^docker\.io\/library\//, '')
  return {
    kind: 'err-image-pull', pod, step: i, at: i, title: 'ErrImagePull',
    message: error,
    cause: `The container runtime on ${node} could not pull ${reg.ref || image}: ${reg.why}.${reg.what === 'unreachable' ? '' : ' The kubelet will try again after a back-off.'}`,
    fix: pullFix(reg, shown, container),
  }
}

/** backOffMessage: the "Back-off pulling image" event for pod just before i (a Normal event, not a Warning). */
function backOffMessage(events: readonly TraceEvent[], i: number, pod: string): string | undefined {
  for (let k = i - 1; k >= 0 && k >= i - 50; k--) {
    const e = events[k]
    if (e.type === 'event:Record' && e.pod === pod && field(e, 'reason') === 'BackOff') return str(field(e, 'message'))
  }
  return undefined
}

function imagePullBackOff(i: number, pod: string, pull: { index: number; error: string; container?: string; image: string } | undefined, message: string, count: number, seconds: number | undefined, eventContainer?: string): Outcome {
  const reg = registryReason(pull?.error ?? '')
  const image = pull?.image ?? ''
  const container = pull?.container ?? eventContainer
  const shown = (image || reg.ref).replace(/^docker\.io\/library\//, '')
  return {
    kind: 'image-pull-backoff', pod, step: pull?.index ?? i, at: i, title: 'ImagePullBackOff', message,
    cause: `The pull of ${reg.ref || image} failed${count > 1 ? ` ${count} times` : ''} (${pull ? reg.why : 'see the pull'}), so the kubelet waits${seconds ? ` ${seconds} s` : ''} before trying again; the wait doubles after each failure, up to 300 s. The pod stays Pending meanwhile.`,
    fix: pull ? pullFix(reg, shown, container) : `Correct the image ${shown}.`,
  }
}

function handlerText(hook: unknown): string {
  if (!isRec(hook)) return 'the hook'
  if (isRec(hook.httpGet)) return `httpGet port ${String(hook.httpGet.port ?? '')}${typeof hook.httpGet.path === 'string' ? ` path ${hook.httpGet.path}` : ''}`
  if (isRec(hook.exec) && Array.isArray(hook.exec.command)) return `exec ${JSON.stringify(hook.exec.command)}`
  if (isRec(hook.sleep)) return `sleep ${String(hook.sleep.seconds ?? '')}s`
  if (isRec(hook.tcpSocket)) return `tcpSocket port ${String(hook.tcpSocket.port ?? '')}`
  return 'the hook'
}

function hookFailed(events: readonly TraceEvent[], i: number, pod: string, container: string, which: 'postStart' | 'preStop', what: string, error: string): Outcome {
  // The Warning event just after is the upstream text ("PostStartHook failed").
  const reason = which === 'postStart' ? 'FailedPostStartHook' : 'FailedPreStopHook'
  let message = ''
  for (let k = i + 1; k < events.length && k <= i + 20; k++) {
    const e = events[k]
    if (e.type === 'event:Record' && e.pod === pod && field(e, 'reason') === reason) { message = str(field(e, 'message')) ?? ''; break }
  }
  const refused = /dial tcp ([\d.]+):(\d+): connect: connection refused/.exec(error)
  const exit = /exit(?:ed with)? (?:code|status) (\d+)/.exec(error)
  const fix = refused
    ? `Nothing listens on port ${refused[2]} in container ${container} when the hook runs: point the hook at the port the container serves, or drop the hook.`
    : exit ? `The hook's command exits ${exit[1]}: make it succeed (exit 0), or drop the hook.` : `Make the ${which} hook of container ${container} succeed, or drop it.`
  return {
    kind: 'hook-failed', pod, step: i, at: i, title: reason, message: message || error,
    cause: which === 'postStart'
      ? `The postStart hook of container ${container} (${what}) failed: ${error}. The kubelet waits for postStart; when it fails, the kubelet kills the container and the restart policy decides what comes next.`
      : `The preStop hook of container ${container} (${what}) failed: ${error}. The kubelet stops the container anyway.`,
    fix,
  }
}

function crashLoop(i: number, pod: string, container: string, message: string, seconds: number | undefined, policy: string | undefined, exit: { exitCode: number; reason: string } | undefined, hook: { what: string; error: string } | undefined, argv: string[] | undefined, restarts: number): Outcome {
  const cmd = argv?.length ? argv.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ') : ''
  const how = hook ? `was killed after its postStart hook failed (${hook.error})` : exit ? `exited with code ${exit.exitCode} (${exit.reason})` : 'exited'
  let fix: string
  if (hook) fix = `Fix the postStart hook of container ${container} (${hook.what}) so it succeeds, or drop it; the container itself is killed because of it.`
  else if (exit?.reason === 'StartError') fix = `The container could not start: its command${cmd ? ` (${cmd})` : ''} names a program the image does not have. Correct command/args, or use an image that has it.`
  else fix = `Find out why the process ${exit ? `exits ${exit.exitCode}` : 'exits'}${cmd ? ` — its command is ${cmd}` : ''} (kubectl logs ${podName(pod)} -c ${container} --previous shows its last output) — and fix the command or the program so it keeps running. If it is meant to finish, use restartPolicy: OnFailure or Never.`
  return {
    kind: 'crash-loop-backoff', pod, step: i, at: i, title: 'CrashLoopBackOff', message,
    cause: `Container ${container} ${how}${restarts > 1 ? `, for the ${ordinal(restarts)} time` : ''}. restartPolicy ${policy ?? 'Always'} restarts it, but after a back-off that doubles with each crash (10 s, 20 s, 40 s … at most 300 s): this time ${seconds ?? '?'} s.`,
    fix,
  }
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'
  return `${n}${s}`
}

function podFailed(i: number, pod: string, status: Rec, commands: Map<string, string[]>): Outcome | undefined {
  for (const [listName, init] of [['initContainerStatuses', true], ['containerStatuses', false]] as const) {
    const statuses = status[listName]
    if (!Array.isArray(statuses)) continue
    for (const s of statuses) {
      if (!isRec(s) || !isRec(s.state) || !isRec(s.state.terminated)) continue
      const code = num(s.state.terminated.exitCode) ?? 0
      if (code === 0) continue
      const reason = String(s.state.terminated.reason ?? 'Error')
      const name = String(s.name)
      const argv = commands.get(`${pod}|${name}`)
      const cmd = argv?.length ? argv.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ') : ''
      return {
        kind: 'pod-failed', pod, step: i, at: i, title: init ? `Init:${reason}` : reason,
        message: `${init ? 'Init container' : 'Container'} ${name}: Terminated, Reason: ${reason}, Exit Code: ${code}`,
        cause: `${init ? `Init container ${name}` : `Container ${name}`} exited with code ${code}, and with restartPolicy Never it does not run again, so the pod is Failed${init ? ': its app containers never start' : ''}.`,
        fix: `Make ${name} exit 0${cmd ? ` — its command is ${cmd}` : ''} (kubectl logs ${podName(pod)} -c ${name} shows its output), or set restartPolicy: OnFailure so the kubelet retries it.`,
      }
    }
  }
  return undefined
}
