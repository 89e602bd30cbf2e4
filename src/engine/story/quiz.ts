/**
 * The Quiz: predict, then see. At the beats that decide a pod's fate (admission, the node, the pod IP, the image
 * pull) playback can stop and ask first. Every question, its choices, its answer and its explanations are read from
 * the trace (never hard-coded), so a different manifest, cluster or seed gives different questions. Pure and
 * deterministic: the same trace gives the same questions.
 */
import type { StepOf, TraceEvent } from '../events.ts'
import type { Chapter, ChapterKind, Story } from './types.ts'
import { nodeQuestion } from './quizNode.ts'

export type QuestionKind = 'admission' | 'node' | 'ip' | 'image-pull'

export interface Choice {
  id: string
  label: string
}

export interface Question {
  /** Unique in its story: `<kind>:<pod>`. */
  id: string
  kind: QuestionKind
  /** The pod (namespace/name) it is about. */
  pod: string
  /** The trace index where playback stops to ask: the first step of the chapter that decides. */
  at: number
  /** The trace index of the deciding step (the reveal's "Show me"). */
  reveal: number
  prompt: string
  choices: Choice[]
  /** The right choice's id. */
  answer: string
  /** Why the right answer is right, and for a wrong one why it is wrong, from the trace's details. */
  explain(choiceId: string): string
}

/** quizQuestions: the questions a trace can ask, per pod in story order, each kind at most once per pod. */
export function quizQuestions(events: readonly TraceEvent[], story: Story): Question[] {
  const out: Question[] = []
  // One pass over the trace and the chapters: each question then scans only its own pod's steps (a 400-pod trace
  // of 50,000 steps asked each pod's questions over the whole trace, which took most of a second).
  const index = indexSteps(events)
  const chaptersOf = new Map<string, Chapter[]>()
  for (const c of story.chapters) {
    const list = chaptersOf.get(c.pod)
    if (list) list.push(c)
    else chaptersOf.set(c.pod, [c])
  }
  for (const pod of story.pods) {
    if (!pod) continue
    const chapters = chaptersOf.get(pod) ?? []
    const steps = index.byPod.get(pod) ?? []
    const found = [
      admissionQuestion(events, steps, pod, chapters),
      nodeQuestion(events, steps, story, pod, chapters),
      ipQuestion(events, steps, index, pod, chapters),
      imageQuestion(events, steps, pod, chapters),
    ]
    for (const q of found) if (q) out.push(q)
  }
  return out.sort((a, b) => a.at - b.at)
}

/** StepIndex: each pod's steps in trace order, and what each node's host-local had handed out before each ADD. */
export interface StepIndex {
  byPod: Map<string, number[]>
  /** At the index of each cni:ADD result: the addresses (→ pod) its node held just before it. */
  takenBefore: Map<number, Map<string, string>>
}

/** indexSteps builds the StepIndex in one pass over the trace. */
export function indexSteps(events: readonly TraceEvent[]): StepIndex {
  const byPod = new Map<string, number[]>()
  const takenBefore = new Map<number, Map<string, string>>()
  const held = new Map<string, Map<string, string>>()
  for (let i = 0; i < events.length; i++) {
    const e = events[i]
    if (e.pod !== undefined) {
      const list = byPod.get(e.pod)
      if (list) list.push(i)
      else byPod.set(e.pod, [i])
    }
    if (e.node === undefined) continue
    if (e.type === 'cni:ADD' && e.details.phase === 'result') {
      let m = held.get(e.node)
      if (!m) held.set(e.node, (m = new Map()))
      takenBefore.set(i, new Map(m))
      m.set(e.details.ip, e.pod ?? '')
    } else if (e.type === 'cni:DEL' && e.details.phase === 'result' && e.details.cni.released) {
      held.get(e.node)?.delete(e.details.cni.released)
    }
  }
  return { byPod, takenBefore }
}

/** lowerBound: the position of the first of the (ascending) steps at or after `from`. */
function lowerBound(steps: readonly number[], from: number): number {
  let lo = 0
  let hi = steps.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (steps[mid] < from) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** firstPodStep: the first of a pod's steps from `from` on that matches, or -1. */
export function firstPodStep(
  events: readonly TraceEvent[], steps: readonly number[], from: number, match: (e: TraceEvent) => boolean,
): number {
  for (let k = lowerBound(steps, from); k < steps.length; k++) if (match(events[steps[k]])) return steps[k]
  return -1
}

/** previousStepOf: the pod's step before index i (i itself when there is none). */
function previousStepOf(steps: readonly number[], i: number): number {
  const k = lowerBound(steps, i)
  return k > 0 ? steps[k - 1] : i
}

const firstOf = (chapters: Chapter[], kind: ChapterKind): Chapter | undefined => chapters.find((c) => c.kind === kind)
const yesNo = (yes: string, no: string): Choice[] => [{ id: 'yes', label: yes }, { id: 'no', label: no }]

// ---------------------------------------------------------------------------------------------------------------
// Admission: will the API server store the pod?

const ADMISSION_KINDS: ChapterKind[] = ['mutating-admission', 'validation', 'validating-admission']

function admissionQuestion(
  events: readonly TraceEvent[], steps: readonly number[], pod: string, chapters: Chapter[],
): Question | undefined {
  // The chain of the pod's create, up to its first failure: a refusal before admission asks nothing here.
  const chain: Chapter[] = []
  for (const c of chapters) {
    if (!ADMISSION_KINDS.includes(c.kind) || c.occurrence !== 1) continue
    chain.push(c)
    if (c.outcome === 'error') break
  }
  if (chain.length === 0) return undefined
  const failed = chain.find((c) => c.outcome === 'error' && c.decidedBy !== undefined)
  // Ask where the chain begins, unless its first step is the refusal itself: then just before it, so the lanes do not
  // show the answer while the question is on screen.
  const at = failed?.decidedBy === chain[0].start ? previousStepOf(steps, chain[0].start) : chain[0].start
  const base = { id: `admission:${pod}`, kind: 'admission' as const, pod, at, prompt: `Will the API server admit ${pod} and store it in etcd?`, choices: yesNo('Yes, it is stored', 'No, it is refused') }
  if (failed?.decidedBy !== undefined) {
    const step = events[failed.decidedBy]
    const why = refusal(step)
    return {
      ...base, reveal: failed.decidedBy, answer: 'no',
      explain: (id) => id === 'no'
        ? `Right: ${why} Nothing is written to etcd and kubectl gets the error.`
        : `No: ${why} A refused request never reaches etcd.`,
    }
  }
  const persist = firstOf(chapters, 'persist')
  const from = chain[chain.length - 1].end
  const commit = firstPodStep(events, steps, from, (e) => e.type === 'etcd:Txn' && e.details.phase === 'commit'
    && e.details.purpose.kind === 'create' && e.details.purpose.objectKind === 'Pod')
  const reveal = commit >= 0 ? commit : firstPodStep(events, steps, from, (e) => e.type === 'apiserver:Respond')
  if (reveal < 0 && !persist) return undefined
  const acted = [...new Set(admitSteps(events, chain).filter((e) => e.details.acted).map((e) => e.details.plugin))]
  const revision = commit >= 0 ? etcdRevision(events[commit]) : undefined
  const how = `every admission plugin let it through${acted.length ? ` (${acted.join(', ')} acted on it)` : ''}, validation found no error, and the pod was written to etcd${revision !== undefined ? ` at revision ${revision}` : ''}.`
  return {
    ...base, reveal: reveal >= 0 ? reveal : (persist as Chapter).start, answer: 'yes',
    explain: (id) => id === 'yes' ? `Right: ${how}` : `No: nothing refused it — ${how}`,
  }
}

function admitSteps(events: readonly TraceEvent[], chain: Chapter[]): StepOf<'apiserver:Admit'>[] {
  const out: StepOf<'apiserver:Admit'>[] = []
  for (const c of chain) for (const i of c.steps) { const e = events[i]; if (e.type === 'apiserver:Admit') out.push(e) }
  return out
}

const etcdRevision = (e: TraceEvent): number | undefined => (e.type === 'etcd:Txn' && e.details.phase === 'commit' ? e.details.revision : undefined)

/** refusal says which step refused the create, and with what text. */
function refusal(e: TraceEvent): string {
  if (e.type === 'apiserver:Admit') {
    const msg = e.details.error?.message ?? e.summary
    return `the ${e.details.phase} admission plugin ${e.details.plugin} refused it: “${msg}”.`
  }
  if (e.type === 'apiserver:Validate') {
    const errs = e.details.errors.map((f) => `${f.field}: ${f.message}`).slice(0, 3).join('; ')
    return `validation refused it (422 Invalid)${errs ? `: ${errs}` : ''}.`
  }
  return `${e.summary}.`
}

// ---------------------------------------------------------------------------------------------------------------
// The pod IP: which address does host-local hand out?

const ipInt = (ip: string) => ip.split('.').reduce((a, o) => a * 256 + Number(o), 0)
const intIp = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.')

function ipQuestion(
  events: readonly TraceEvent[], steps: readonly number[], index: StepIndex, pod: string, chapters: Chapter[],
): Question | undefined {
  const network = firstOf(chapters, 'network')
  if (!network) return undefined
  const reveal = firstPodStep(events, steps, network.start,
    (e) => e.type === 'cni:ADD' && (e.details.phase === 'result' || e.details.phase === 'error'))
  if (reveal < 0) return undefined
  const result = events[reveal]
  if (result.type !== 'cni:ADD' || result.details.phase !== 'result') return undefined
  const { ip, subnet, gateway } = result.details
  const node = result.node ?? ''
  // The addresses the node's host-local had handed out (and not released) before this ADD.
  const taken = (result.node !== undefined ? index.takenBefore.get(reveal) : undefined) ?? new Map<string, string>()
  const gw = gateway ?? intIp(ipInt(ip) - (ipInt(ip) % 256) + 1)
  const first = intIp(ipInt(gw) + 1)
  const candidates = [...new Set([gw, first, ip, intIp(ipInt(ip) + 1)])].sort((a, b) => ipInt(a) - ipInt(b))
  const range = subnet ? `the node's pod CIDR ${subnet}` : 'the node\'s pod CIDR'
  const takenText = taken.size
    ? `${[...taken].map(([a, p]) => `${a}${p ? ` (${p})` : ''}`).join(', ')} ${taken.size === 1 ? 'was' : 'were'} already taken`
    : 'no address on this node had been handed out in this trace'
  const rule = `host-local hands out addresses from ${range} on ${node || 'the node'}: the gateway ${gw} is the bridge's, the first pod gets ${first}, then each pod the next free one after the last handed out; ${takenText}.`
  return {
    id: `ip:${pod}`, kind: 'ip', pod, at: network.start, reveal,
    prompt: `Which IP address will ${pod} get on ${node || 'its node'}?`,
    choices: candidates.map((a) => ({ id: a, label: a })),
    answer: ip,
    explain: (id) => {
      if (id === ip) return `Right: ${ip}. ${rule}`
      if (id === gw) return `No: ${gw} is the gateway, the address of the bridge cni0 on the node; pods never get it. ${rule} So ${ip}.`
      if (taken.has(id)) return `No: ${id} was already taken${taken.get(id) ? ` by ${taken.get(id)}` : ''}. ${rule} So ${ip}.`
      return `No: ${id} is free, but it is not the next one. ${rule} So ${ip}.`
    },
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The image: will the kubelet pull it?

function imageQuestion(
  events: readonly TraceEvent[], steps: readonly number[], pod: string, chapters: Chapter[],
): Question | undefined {
  const image = firstOf(chapters, 'image')
  if (!image) return undefined
  const reveal = firstPodStep(events, steps, image.start,
    (e) => e.type === 'cri:ImageStatus' && e.details.phase === 'response')
  if (reveal < 0) return undefined
  const status = events[reveal]
  if (status.type !== 'cri:ImageStatus' || status.details.phase !== 'response') return undefined
  const { container, imagePullPolicy: policy, decision } = status.details
  const ref = status.details.cri.request?.image.image ?? 'the image'
  const present = status.details.cri.response.image !== null
  const pull = decision === 'pull'
  const pulled = pull
    ? firstPodStep(events, steps, reveal, (e) => e.type === 'cri:PullImage' && e.details.phase === 'request')
    : -1
  const there = present ? `${ref} is already on ${status.node ?? 'the node'}` : `${ref} is not on ${status.node ?? 'the node'}`
  const why = policy === 'Always'
    ? `imagePullPolicy is Always: the kubelet pulls whatever the node has (${there}).`
    : policy === 'Never'
      ? `imagePullPolicy is Never: the kubelet never pulls (${there}${present ? '' : ', so the container fails with ErrImageNeverPull'}).`
      : `imagePullPolicy is ${policy}: the kubelet pulls only when the image is missing, and ${there}.`
  return {
    id: `image-pull:${pod}`, kind: 'image-pull', pod, at: image.start, reveal: pulled >= 0 ? pulled : reveal,
    prompt: `Will the kubelet pull ${ref} for container ${container}?`,
    choices: yesNo('Yes, it pulls', 'No, no pull'),
    answer: pull ? 'yes' : 'no',
    explain: (id) => `${(id === 'yes') === pull ? 'Right' : 'No'}: ${why} So it ${pull ? 'pulls' : 'does not pull'}.${policy === 'IfNotPresent' ? ' (IfNotPresent is the default unless the tag is :latest or missing.)' : ''}`,
  }
}
