import type { TraceEvent } from '../events.ts'

/**
 * PodAttribution gives every step the pod whose story it is part of, as the steps arrive: its own `pod`; else, for
 * kubectl's steps before it names an object, the next pod kubectl sends a request about ('' when kubectl reads
 * another file first, or never sends one); else, for kubectl's output, the last pod kubectl sent, or the pod its
 * file's story began with.
 *
 * A kubectl step without a pod waits for the later step that settles it, and the steps after it wait too, since a
 * story is told in order: `ready` is how many steps are settled. `finish` settles the rest (the trace has ended).
 */
export class PodAttribution {
  /** For each step so far: its pod (final below `ready`). */
  readonly pods: string[] = []
  /** kubectl's steps without a pod, waiting for the next pod kubectl names. */
  private waiting: number[] = []
  /** How many steps are settled and were passed in order. */
  private passed = 0
  /** In order: the last pod kubectl named since it last read a file. */
  private last = ''
  /** In order: the last kubectl:Read. */
  private lastRead = -1
  /** The steps so far (the builder's array: it pushes each step before calling add). */
  private readonly events: readonly TraceEvent[]

  constructor(events: readonly TraceEvent[]) {
    this.events = events
  }

  get ready(): number {
    return this.passed
  }

  /** add settles what step `events[pods.length]` settles and takes it in. */
  add(): void {
    const i = this.pods.length
    const e = this.events[i]
    const kubectl = e.lane === 'kubectl'
    // A later kubectl step settles the waiting ones: a pod it names, or a file it reads (they named none).
    if (this.waiting.length) {
      if (e.type === 'kubectl:Read') this.settle('')
      else if (kubectl && e.pod) this.settle(e.pod)
    }
    this.pods.push(e.pod || '')
    if ((kubectl || e.type === 'kubectl:Read') && !e.pod && e.type !== 'kubectl:Output') this.waiting.push(i)
    this.pass()
  }

  finish(): void {
    this.settle('')
    this.pass()
  }

  private settle(pod: string): void {
    for (const i of this.waiting) this.pods[i] = pod
    this.waiting = []
  }

  /** pass walks the settled steps in order: kubectl's output takes the pod it speaks for. */
  private pass(): void {
    const until = this.waiting.length ? this.waiting[0] : this.pods.length
    for (let i = this.passed; i < until; i++) {
      const e = this.events[i]
      if (e.type === 'kubectl:Read') { this.last = ''; this.lastRead = i }
      if (e.lane === 'kubectl' && e.pod) this.last = e.pod
      if (e.type === 'kubectl:Output' && !this.pods[i]) {
        this.pods[i] = this.last || (this.lastRead >= 0 ? this.pods[this.lastRead] : '')
      }
    }
    this.passed = Math.max(this.passed, until)
  }
}
