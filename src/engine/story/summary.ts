/**
 * The recap at the end of a story, per pod: where it ended (phase, Ready, node, IP), how long each stage took in
 * virtual time, how many API requests and etcd writes its birth cost, and its Events as `kubectl describe` lists
 * them. A pure function of the trace and its story; the failure's cause and fix come from the outcomes.
 */
import type { TraceEvent } from '../events.ts'
import { STAGES } from './types.ts'
import type { StageId, Story } from './types.ts'

export interface StageTime {
  stage: StageId
  title: string
  /** Virtual times (µs) of the stage's first and last step in this pod's story. */
  start: number
  end: number
}

export interface PodEventLine {
  type: 'Normal' | 'Warning'
  reason: string
  message: string
  /** How many times it was seen (an Event that repeats is counted, as `kubectl describe` shows it). */
  count: number
  /** The trace index where it was last recorded. */
  step: number
}

export interface PodSummary {
  pod: string
  /** From the kubelet's last status report (absent when no kubelet reported). */
  phase?: string
  ready: boolean
  node?: string
  ip?: string
  /** The stages the pod's story went through, in order. */
  stages: StageTime[]
  /** http:Request steps in this pod's story (kubectl's, the scheduler's, the kubelet's, the Events'). */
  apiRequests: number
  /** etcd commits in this pod's story (the pod, its Events, quota usage). */
  etcdWrites: number
  events: PodEventLine[]
  /** Virtual times (µs) of the story's first and last step. */
  start: number
  end: number
}

/** summarizePod recaps one pod's story ('' steps, such as reading the manifest, count for every pod). */
export function summarizePod(events: readonly TraceEvent[], story: Story, pod: string): PodSummary {
  const mine = (i: number) => { const p = story.chapters[story.chapterOf[i]]?.pod ?? ''; return p === pod || p === '' }
  const stages: StageTime[] = []
  for (const s of STAGES) {
    const cs = story.chapters.filter((c) => c.stage === s.id && (c.pod === pod || c.pod === ''))
    if (cs.length === 0 || !cs.some((c) => c.pod === pod || s.id <= 2)) continue
    const start = Math.min(...cs.map((c) => events[c.start].t))
    const end = Math.max(...cs.map((c) => events[c.end].t))
    stages.push({ stage: s.id, title: s.title, start, end })
  }
  let apiRequests = 0
  let etcdWrites = 0
  let first = -1
  let last = -1
  let node: string | undefined
  let status: Extract<TraceEvent, { type: 'kubelet:StatusUpdate' }>['details']['status'] | undefined
  const lines = new Map<string, PodEventLine>()
  for (let i = 0; i < events.length; i++) {
    if (!mine(i)) continue
    const e = events[i]
    if (first < 0) first = i
    last = i
    switch (e.type) {
      case 'http:Request': apiRequests++; break
      case 'etcd:Txn': if (e.details.phase === 'commit') etcdWrites++; break
      case 'scheduler:Select': if (e.pod === pod) node = e.details.selectedNode; break
      case 'kubelet:StatusUpdate': if (e.pod === pod) { status = e.details.status; node = e.node ?? node } break
      case 'event:Record': {
        const d = e.details
        const key = `${d.type}\u0000${d.reason}\u0000${d.message}`
        const seen = lines.get(key)
        if (seen) { seen.count = Math.max(seen.count + 1, d.count); seen.step = i } else lines.set(key, { type: d.type, reason: d.reason, message: d.message, count: d.count, step: i })
        break
      }
      default: break
    }
  }
  const ready = status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false
  return {
    pod, phase: status?.phase, ready, node, ip: status?.podIP, stages, apiRequests, etcdWrites,
    events: [...lines.values()],
    start: first >= 0 ? events[first].t : 0,
    end: last >= 0 ? events[last].t : 0,
  }
}
