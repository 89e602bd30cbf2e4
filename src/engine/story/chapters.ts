/**
 * buildStory groups every step of a trace into the five stages and their chapters, per pod, and marks each step a
 * beat or plumbing. One pass over the trace in order; the rules, in the order they apply:
 *
 * 1. Each step is placed by classify(): a kind of chapter, the chapter of the request it serves, the pod's current
 *    chapter, or (kubectl's output) the chapter of the last answer kubectl got.
 * 2. A step of a kind opens a new chapter when its pod's story moves on to that kind — unless its stage is behind
 *    the story (a late answer, the scheduler's Bind after the kubelet has already seen the pod), then it joins the
 *    latest chapter of its kind, so stages never run backwards.
 * 3. Within one visit to a stage a kind has one chapter: apply's lookup GET and its create POST are authenticated in
 *    the same "authentication" chapter. A failure or a loop (a back-off, a FailedScheduling) ends the visit, so a
 *    retry is told as new chapters: attempt 2, restart 3 ...
 *
 * Steps about no pod (kubectl reading the file) belong to the first pod kubectl then sends, so a single pod's story
 * starts with its manifest. Properties (tests): every step is in exactly one chapter; chapters are sorted by their
 * first step; within each pod, chapters start in non-decreasing stage order.
 */
import type { Lane, TraceEvent } from '../events.ts'
import { classify } from './classify.ts'
import type { Placement } from './classify.ts'
import { stageOf } from './catalog.ts'
import { PodAttribution } from './attribution.ts'
import { WaitsBuilder } from './waits.ts'
import type { Chapter, ChapterKind, StageId, Story } from './types.ts'

interface Track {
  current?: Chapter
  /** Chapters of the current visit to a stage, by kind. */
  visit: Map<ChapterKind, Chapter>
  /** The latest chapter of each kind. */
  latest: Map<ChapterKind, Chapter>
  occurrences: Map<ChapterKind, number>
  /** The chapter holding the last answer kubectl got. */
  answered?: Chapter
}

/** buildStory tells a trace in chapters (with its waits unless `waits: false`: the command line prints none). */
export function buildStory(events: readonly TraceEvent[], options: StoryOptions = {}): Story {
  return new StoryBuilder(options).add(events).finish()
}

export interface StoryOptions {
  /** Find what the components wait for as the steps arrive (default true): the lanes paint them. */
  waits?: boolean
}

/**
 * StoryBuilder tells a trace in chapters as its steps arrive (the page builds the story while a run streams, so
 * none of it is left for the end): `add` each batch in order, then `finish` once. The same story as buildStory.
 */
export class StoryBuilder {
  private readonly events: TraceEvent[] = []
  private readonly attribution = new PodAttribution(this.events)
  private told = 0
  private readonly requesters = new Map<number, { lane: Lane; verb: string }>()
  private readonly requestChapter = new Map<number, Chapter>()
  private readonly requestLast = new Map<number, Chapter>()
  private readonly tracks = new Map<string, Track>()
  private readonly chapters: Chapter[] = []
  private readonly chapterOf: number[] = []
  private readonly beat: number[] = []
  private readonly pods: string[] = []
  private readonly waits: WaitsBuilder | undefined

  constructor(options: StoryOptions = {}) {
    this.waits = options.waits === false ? undefined : new WaitsBuilder()
  }

  add(batch: readonly TraceEvent[]): this {
    for (const e of batch) {
      this.events.push(e)
      this.attribution.add()
    }
    this.tellUntil(this.attribution.ready)
    this.waits?.add(batch)
    return this
  }

  finish(): Story {
    this.attribution.finish()
    this.tellUntil(this.events.length)
    return {
      chapters: this.chapters, chapterOf: Int32Array.from(this.chapterOf), beat: Uint8Array.from(this.beat),
      pods: this.pods, ...(this.waits ? { waits: this.waits.finish() } : {}),
    }
  }

  private track(pod: string): Track {
    let t = this.tracks.get(pod)
    if (!t) {
      t = { visit: new Map(), latest: new Map(), occurrences: new Map() }
      this.tracks.set(pod, t)
      if (pod) this.pods.push(pod)
    }
    return t
  }

  private open(t: Track, pod: string, kind: ChapterKind, i: number): Chapter {
    const stage = stageOf(kind)
    if (t.current && stage > t.current.stage) t.visit.clear()
    const occurrence = (t.occurrences.get(kind) ?? 0) + 1
    t.occurrences.set(kind, occurrence)
    const c: Chapter = {
      id: this.chapters.length, pod, stage, kind, occurrence, steps: [], start: i, end: i, beats: [], outcome: 'ok',
    }
    this.chapters.push(c)
    t.current = c
    t.visit.set(kind, c)
    t.latest.set(kind, c)
    return c
  }

  private place(t: Track, pod: string, p: Placement, e: TraceEvent, i: number): Chapter {
    switch (p.how) {
      case 'request': {
        // kubectl's answers belong where the request's handling ended (a 403 in authorization, a 201 in persist);
        // anything else that serves a request belongs with the step that sent it.
        const home = e.type === 'http:Response' && e.to === 'kubectl'
          ? this.requestLast.get(p.requestId) : this.requestChapter.get(p.requestId)
        return home ?? t.current ?? this.open(t, pod, fallbackKind(e), i)
      }
      case 'current': return t.current ?? this.open(t, pod, fallbackKind(e), i)
      case 'answer': return t.answered ?? t.current ?? this.open(t, pod, 'manifest', i)
      case 'kind': {
        // A chapter that failed is over: the same kind again (a retried pull) opens the next one.
        if (t.current?.kind === p.kind && t.current.outcome !== 'error') return t.current
        const stage = stageOf(p.kind)
        if (t.current && stage < t.current.stage) return t.latest.get(p.kind) ?? t.current
        return t.visit.get(p.kind) ?? this.open(t, pod, p.kind, i)
      }
    }
  }

  private tellUntil(end: number): void {
    const { events, requesters, requestChapter, requestLast } = this
    const podOf = this.attribution.pods
    for (let i = this.told; i < end; i++) {
      const e = events[i]
      if (e.type === 'http:Request' && e.requestId !== undefined) {
        requesters.set(e.requestId, { lane: e.from ?? e.lane, verb: e.details.request.verb })
      }
      const c = classify(e, (id) => requesters.get(id))
      const pod = podOf[i]
      const t = this.track(pod)
      // A loop (a back-off, a FailedScheduling) starts a fresh visit: it and what follows are new chapters.
      if (c.loop && t.current && (c.placement.how !== 'kind' || t.current.kind !== c.placement.kind)) t.visit.clear()
      const chapter = this.place(t, pod, lookupAnswer(e) ? { how: 'kind', kind: 'request' } : c.placement, e, i)
      chapter.steps.push(i)
      chapter.end = i
      this.chapterOf.push(chapter.id)
      const isBeat = c.role === 'beat'
      this.beat.push(isBeat ? 1 : 0)
      if (isBeat) chapter.beats.push(i)
      if (e.requestId !== undefined) {
        if (!requestChapter.has(e.requestId)) requestChapter.set(e.requestId, chapter)
        requestLast.set(e.requestId, chapter)
      }
      if (e.type === 'http:Response' && e.to === 'kubectl') t.answered = chapter
      if (e.outcome === 'error' && isBeat && chapter.outcome !== 'error' && !lookupAnswer(e)) {
        chapter.outcome = 'error'
        chapter.decidedBy = i
        // A failure ends the visit: whatever comes next (a retry, a back-off) is told as new chapters.
        t.visit.clear()
      } else if (e.outcome === 'warning' && isBeat && chapter.outcome === 'ok') {
        chapter.outcome = 'warning'
        chapter.decidedBy = i
      }
    }
    this.told = Math.max(this.told, end)
  }
}

/** lookupAnswer: the 404 that answers `kubectl apply`'s lookup GET is the reason kubectl goes on to create. */
function lookupAnswer(e: TraceEvent): boolean {
  if (e.type !== 'http:Response' || e.to !== 'kubectl') return false
  const d = e.details as { request?: { verb?: string }; response?: { code?: number } } | undefined
  return d?.request?.verb === 'GET' && d.response?.code === 404
}

/** A step that has no chapter to join yet opens one of the kind its lane suggests. */
function fallbackKind(e: TraceEvent): ChapterKind {
  switch (e.lane) {
    case 'kubectl': return 'request'
    case 'kube-apiserver':
    case 'etcd': return 'persist'
    case 'kube-scheduler': return 'queue'
    case 'kube-controller-manager': return 'controller'
    case 'kubelet':
    case 'CRI':
    case 'CNI': return e.type.startsWith('kubelet:') ? 'kubelet-sync' : 'sandbox'
  }
}

/** stageAt is the stage of the chapter a step belongs to. */
export function stageAt(story: Story, index: number): StageId | undefined {
  const id = story.chapterOf[index]
  return id >= 0 ? story.chapters[id].stage : undefined
}
