/**
 * Views of a finished run at any step — the facade the worker and the CLI read a trace through, so neither reaches
 * into the engine's components: the objects stored right after a step, the cluster as kubectl prints it then (the
 * app's "Cluster at the playhead"), and a console line answered at that moment.
 */
import type { KObject } from '../api/types.ts'
import type { TraceEvent } from '../events.ts'
import { ObjectTimeline } from './timeline.ts'
import { playheadView } from './snapshot.ts'
import type { PlayheadView } from './snapshot.ts'
import { answerLine } from './console.ts'
import type { ConsoleAnswer } from './console.ts'

export { ObjectTimeline, KEYFRAME_EVERY } from './timeline.ts'
export { boundByNode } from './bound.ts'
export type { Bound } from './bound.ts'
export { nodeViews, objectNames, playheadView, SNAPSHOT_PODS } from './snapshot.ts'
export type { NodeView, ObjectNames, PlayheadView } from './snapshot.ts'
export { answerLine, consoleWords } from './console.ts'
export { consoleVocabulary } from './vocabulary.ts'
export type { ConsoleVocabulary, FlagWord } from './vocabulary.ts'
export { getPodsWide } from '../kubectl/printers/getPods.ts'
// kubectl's printers, for hosts that print a run (the CLI): the same code the simulated kubectl prints with.
export { describeEvents, eventsFor } from '../kubectl/printers/events.ts'
export { describePod } from '../kubectl/printers/describe/pod.ts'
export { escapeTerminal } from '../kubectl/printers/terminal.ts'
export { tabwrite } from '../kubectl/printers/tabwriter.ts'
export { bytes, cpuMilli } from '../api/quantity.ts'
export type { ConsoleAnswer, ConsoleAnswerKind } from './console.ts'

/** What TraceViews needs of a run (Simulation provides it). */
export interface ViewSource {
  readonly trace: readonly TraceEvent[]
  /** The objects stored before the story began (the cluster file's and the components'), by etcd key. */
  readonly initialObjects: ReadonlyMap<string, KObject>
  /** The simulated wall clock (epoch ms) of a virtual instant (µs; now when absent). */
  wallMs(t?: number): number
  isSessionObject(o: KObject): boolean
  readonly kubeconfig: KObject
}

/** TraceViews answers questions about a run at any step, in any order (see ObjectTimeline for the cost). */
export class TraceViews {
  private readonly timeline: ObjectTimeline
  private readonly src: ViewSource

  constructor(src: ViewSource) {
    this.src = src
    this.timeline = new ObjectTimeline(new Map(src.initialObjects), src.trace)
  }

  /** objectsAt: everything stored right after step `index` (-1: before the first), by etcd key. Do not change it. */
  objectsAt(index: number): Map<string, KObject> {
    return this.timeline.at(index)
  }

  /** wallMsAt: the simulated wall clock of step `index` (the first step's for -1; the start for an empty trace). */
  wallMsAt(index: number): number {
    const trace = this.src.trace
    const e = trace[Math.min(Math.max(index, 0), trace.length - 1)]
    return e ? this.src.wallMs(e.t) : this.src.wallMs()
  }

  /** playhead: the cluster as kubectl prints it right after step `index`. */
  playhead(index: number): PlayheadView {
    const trace = this.src.trace
    return playheadView({
      index, objects: this.objectsAt(index), nowMs: this.wallMsAt(index),
      about: trace[Math.min(index, trace.length - 1)]?.pod, isSessionObject: (o) => this.src.isSessionObject(o),
    })
  }

  /** answer: a console line answered right after step `index`. */
  answer(index: number, line: string): ConsoleAnswer {
    return answerLine({
      line, objects: () => [...this.objectsAt(index).values()], nowMs: this.wallMsAt(index),
      kubeconfig: this.src.kubeconfig,
    })
  }
}
