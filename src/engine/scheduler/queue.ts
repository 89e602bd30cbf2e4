/**
 * The scheduling queue: activeQ (ordered by the QueueSort plugin), backoffQ (ordered by backoff expiry) and the
 * unschedulable pods, which wait until a cluster event that one of the plugins that rejected them registered
 * (EnqueueExtensions) might make them schedulable, or until they have waited 5 minutes.
 * Mirrors: pkg/scheduler/backend/queue/{scheduling_queue.go,backoff_queue.go,active_queue.go} (v1.35 defaults:
 * backoff 1 s doubling per attempt up to 10 s; SchedulerPopFromBackoffQ pops a backing-off pod that a plugin
 * rejected when activeQ is empty; the leftover flush runs every 30 s for pods unschedulable longer than 5 minutes).
 * Simplified: queueing hints are the plugins' registered event kinds (no per-event hint functions), and a pod
 * rejected while a relevant event arrived during its cycle goes to backoffQ.
 */
import type { ClusterEvent, QueuedPodInfo } from './framework/interface.ts'

export const UNSCHEDULABLE_MAX_US = 5 * 60 * 1_000_000
export const FLUSH_PERIOD_US = 30 * 1_000_000

class Heap<T> {
  private readonly items: T[] = []
  private readonly less: (a: T, b: T) => boolean
  constructor(less: (a: T, b: T) => boolean) {
    this.less = less
  }
  get size(): number {
    return this.items.length
  }
  peek(): T | undefined {
    return this.items[0]
  }
  push(x: T): void {
    const a = this.items
    a.push(x)
    let i = a.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.less(a[i], a[p])) break
      ;[a[i], a[p]] = [a[p], a[i]]
      i = p
    }
  }
  pop(): T | undefined {
    const a = this.items
    if (a.length === 0) return undefined
    const top = a[0]
    const last = a.pop() as T
    if (a.length > 0) {
      a[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < a.length && this.less(a[l], a[m])) m = l
        if (r < a.length && this.less(a[r], a[m])) m = r
        if (m === i) break
        ;[a[i], a[m]] = [a[m], a[i]]
        i = m
      }
    }
    return top
  }
  remove(pred: (x: T) => boolean): T | undefined {
    const i = this.items.findIndex(pred)
    if (i < 0) return undefined
    const x = this.items[i]
    // Rebuild the heap without the item (removals are rare: a pod deleted while queued).
    const rest = this.items.splice(0).filter((_, k) => k !== i)
    for (const y of rest) this.push(y)
    return x
  }
  toArray(): T[] {
    return [...this.items]
  }
}

export type QueueName = 'activeQ' | 'backoffQ' | 'unschedulablePods'

export interface QueueMove {
  pod: string
  from: QueueName
  to: QueueName
  event: ClusterEvent | 'BackoffComplete' | 'PopFromBackoffQ'
  attempts: number
  /** The pod's backoff for its attempts (µs). */
  backoffUs: number
  /** The rejecting plugins that registered the event (the queueing hints that let it move). */
  hintedBy: string[]
}

export class SchedulingQueue {
  private readonly activeQ: Heap<QueuedPodInfo>
  private readonly backoffQ: Heap<QueuedPodInfo>
  private readonly unschedulable = new Map<string, QueuedPodInfo>()
  private readonly where = new Map<string, QueueName | 'inFlight'>()
  private readonly infos = new Map<string, QueuedPodInfo>()
  /** Cluster events seen while a pod was being scheduled (in-flight), by pod key. */
  private readonly inFlightEvents = new Map<string, Set<ClusterEvent>>()
  readonly initialBackoffUs: number
  readonly maxBackoffUs: number
  /** The plugins' registered events: plugin → events. */
  private readonly events: Map<string, ClusterEvent[]>

  constructor(less: (a: QueuedPodInfo, b: QueuedPodInfo) => boolean, events: Map<string, ClusterEvent[]>, initialBackoffS: number, maxBackoffS: number) {
    this.activeQ = new Heap(less)
    this.events = events
    this.initialBackoffUs = initialBackoffS * 1_000_000
    this.maxBackoffUs = maxBackoffS * 1_000_000
    this.backoffQ = new Heap((a, b) => this.backoffExpiry(a) < this.backoffExpiry(b))
  }

  /** calculateBackoffDuration: initial × 2^(attempts−1), capped at max. */
  backoffDuration(q: QueuedPodInfo): number {
    if (q.attempts === 0) return 0
    let d = this.initialBackoffUs
    for (let i = 1; i < q.attempts; i++) {
      if (d > this.maxBackoffUs - d) return this.maxBackoffUs
      d += d
    }
    return Math.min(d, this.maxBackoffUs)
  }

  backoffExpiry(q: QueuedPodInfo): number {
    return q.timestamp + this.backoffDuration(q)
  }

  has(key: string): boolean {
    return this.where.has(key)
  }

  location(key: string): QueueName | 'inFlight' | undefined {
    return this.where.get(key)
  }

  /** get returns a queued pod (not one being scheduled right now). */
  get(key: string): QueuedPodInfo | undefined {
    return this.where.get(key) === 'inFlight' ? undefined : this.infos.get(key)
  }

  private place(q: QueuedPodInfo, where: QueueName | 'inFlight'): void {
    this.where.set(q.podInfo.key, where)
    this.infos.set(q.podInfo.key, q)
  }

  addActive(q: QueuedPodInfo): void {
    this.activeQ.push(q)
    this.place(q, 'activeQ')
  }

  /** addGated keeps a pod that a PreEnqueue plugin rejected among the unschedulable pods. */
  addGated(q: QueuedPodInfo): void {
    this.unschedulable.set(q.podInfo.key, q)
    this.place(q, 'unschedulablePods')
  }

  get activeLength(): number {
    return this.activeQ.size
  }
  get backoffLength(): number {
    return this.backoffQ.size
  }
  get unschedulableLength(): number {
    return this.unschedulable.size
  }

  /** pop takes the next pod: from activeQ, or (PopFromBackoffQ) the earliest backing-off pod when activeQ is empty. */
  pop(): { q: QueuedPodInfo; fromBackoff: boolean } | null {
    let q = this.activeQ.pop()
    let fromBackoff = false
    if (!q) {
      q = this.popEarly()
      fromBackoff = q !== undefined
    }
    if (!q) return null
    q.attempts++
    if (q.initialAttemptTimestamp === null) q.initialAttemptTimestamp = q.timestamp
    this.place(q, 'inFlight')
    this.inFlightEvents.set(q.podInfo.key, new Set())
    return { q, fromBackoff }
  }

  /**
   * popEarly: SchedulerPopFromBackoffQ pops from podBackoffQ only. A pod that failed with no rejecting plugin (an
   * error, or ErrNoNodesAvailable) is in podErrorBackoffQ and waits its whole backoff
   * (pkg/scheduler/backend/queue/backoff_queue.go add and popBackoff).
   */
  private popEarly(): QueuedPodInfo | undefined {
    const top = this.backoffQ.peek()
    if (!top || top.unschedulablePlugins.size > 0) return this.backoffQ.pop()
    let best: QueuedPodInfo | undefined
    for (const x of this.backoffQ.toArray()) {
      if (x.unschedulablePlugins.size > 0 && (!best || this.backoffExpiry(x) < this.backoffExpiry(best))) best = x
    }
    return best ? this.backoffQ.remove((x) => x === best) : undefined
  }

  /** done ends a pod's in-flight time (scheduled or requeued). */
  done(key: string): void {
    this.inFlightEvents.delete(key)
    if (this.where.get(key) === 'inFlight') { this.where.delete(key); this.infos.delete(key) }
  }

  delete(key: string): void {
    this.inFlightEvents.delete(key)
    const w = this.where.get(key)
    this.where.delete(key)
    this.infos.delete(key)
    if (w === 'unschedulablePods') this.unschedulable.delete(key)
    else if (w === 'activeQ') this.activeQ.remove((q) => q.podInfo.key === key)
    else if (w === 'backoffQ') this.backoffQ.remove((q) => q.podInfo.key === key)
  }

  private isWorthRequeuing(q: QueuedPodInfo, event: ClusterEvent): boolean {
    if (event === 'UnschedulableTimeout' || event === 'ForceActivate') return true
    if (q.unschedulablePlugins.size === 0) return true
    for (const p of q.unschedulablePlugins) if (this.events.get(p)?.includes(event)) return true
    return false
  }

  /**
   * addUnschedulable requeues a pod after a failed attempt: to backoffQ if it had no rejecting plugin (an error)
   * or an event relevant to its rejectors arrived during the attempt; to the unschedulable pods otherwise.
   */
  addUnschedulable(q: QueuedPodInfo, now: number): QueueName {
    const key = q.podInfo.key
    const seen = this.inFlightEvents.get(key) ?? new Set()
    this.inFlightEvents.delete(key)
    q.timestamp = now
    const relevant = q.unschedulablePlugins.size === 0 || [...seen].some((e) => this.isWorthRequeuing(q, e))
    if (relevant) {
      this.backoffQ.push(q)
      this.place(q, 'backoffQ')
      return 'backoffQ'
    }
    this.unschedulable.set(key, q)
    this.place(q, 'unschedulablePods')
    return 'unschedulablePods'
  }

  /**
   * onEvent moves the unschedulable pods the event may help (to backoffQ while still backing off, else activeQ)
   * and remembers the event for pods in flight. `only` restricts the move to one pod (UnscheduledPodUpdate).
   */
  onEvent(event: ClusterEvent, now: number, only?: string, gateCheck?: (q: QueuedPodInfo) => boolean): QueueMove[] {
    for (const set of this.inFlightEvents.values()) set.add(event)
    const moves: QueueMove[] = []
    const keys = only !== undefined ? (this.unschedulable.has(only) ? [only] : []) : [...this.unschedulable.keys()]
    for (const key of keys) {
      const q = this.unschedulable.get(key) as QueuedPodInfo
      if (q.gatedBy !== null) {
        if (gateCheck && gateCheck(q)) {
          q.gatedBy = null
        } else continue
      } else if (!this.isWorthRequeuing(q, event)) continue
      this.unschedulable.delete(key)
      moves.push(this.move(q, 'unschedulablePods', this.requeue(q, now), event))
    }
    return moves
  }

  private move(q: QueuedPodInfo, from: QueueName, to: QueueName, event: QueueMove['event']): QueueMove {
    const hintedBy = [...q.unschedulablePlugins].filter((p) => (this.events.get(p) ?? []).some((e) => e === event)).sort()
    return { pod: q.podInfo.key, from, to, event, attempts: q.attempts, backoffUs: this.backoffDuration(q), hintedBy }
  }

  /** The cluster events a plugin registered (EventsToRegister), for the trace's queueing hints. */
  eventsOf(plugin: string): ClusterEvent[] {
    return this.events.get(plugin) ?? []
  }

  private requeue(q: QueuedPodInfo, now: number): QueueName {
    if (this.backoffExpiry(q) > now) {
      this.backoffQ.push(q)
      this.place(q, 'backoffQ')
      return 'backoffQ'
    }
    this.activeQ.push(q)
    this.place(q, 'activeQ')
    return 'activeQ'
  }

  /** flushBackoffQCompleted moves pods whose backoff has expired to activeQ. */
  flushBackoffCompleted(now: number): QueueMove[] {
    const moves: QueueMove[] = []
    for (;;) {
      const q = this.backoffQ.peek()
      if (!q || this.backoffExpiry(q) > now) break
      this.backoffQ.pop()
      this.activeQ.push(q)
      this.place(q, 'activeQ')
      moves.push(this.move(q, 'backoffQ', 'activeQ', 'BackoffComplete'))
    }
    return moves
  }

  nextBackoffExpiry(): number | null {
    const q = this.backoffQ.peek()
    return q ? this.backoffExpiry(q) : null
  }

  /** flushUnschedulablePodsLeftover: pods unschedulable for more than 5 minutes are retried. */
  flushLeftover(now: number): QueueMove[] {
    const moves: QueueMove[] = []
    for (const [key, q] of [...this.unschedulable]) {
      if (q.gatedBy !== null || now - q.timestamp <= UNSCHEDULABLE_MAX_US) continue
      this.unschedulable.delete(key)
      moves.push(this.move(q, 'unschedulablePods', this.requeue(q, now), 'UnschedulableTimeout'))
    }
    return moves
  }

  /** The earliest time a leftover flush would move something, or null. */
  nextLeftoverDeadline(): number | null {
    let min: number | null = null
    for (const q of this.unschedulable.values()) {
      if (q.gatedBy !== null) continue
      const t = q.timestamp + UNSCHEDULABLE_MAX_US
      if (min === null || t < min) min = t
    }
    return min
  }
}
