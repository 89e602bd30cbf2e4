/**
 * The container restart back-off (CrashLoopBackOff): client-go's per-key exponential Backoff and the kubelet's use of
 * it. Times and durations are virtual microseconds; the clock is passed in (`now`), never read.
 *
 * What the kubelet does with it (v1.35, default feature gates), checked in upstream source:
 * - Initial 10 s, max 300 s (pkg/kubelet/kubelet.go initialCrashLoopBackOff, MaxCrashLoopBackOff =
 *   v1beta1.MaxContainerBackOff). ReduceDefaultCrashLoopBackOffDecay (1 s / 60 s) is alpha, off.
 *   KubeletCrashLoopBackOffMax is beta and on in v1.35, so newCrashLoopBackOff takes the max from
 *   crashLoopBackOff.maxContainerRestartPeriod, whose default is that same 300 s.
 * - NewBackOff, no jitter (kubelet.go: flowcontrol.NewBackOff(base, boMax)).
 * - HasExpiredFunc is replaced by a fixed 600 s rule (kubelet.go): an entry whose last update is more than 10 min
 *   before the crash no longer counts, and GC drops entries idle for more than 10 min.
 * - doBackOff (kuberuntime_manager.go) looks at the container's latest exited instance: with no entry yet it is not
 *   in back-off and Next creates one, so the first restart after a crash is immediate and only the second crash
 *   waits 10 s (kubernetes/kubernetes#133472 describes this as observed behaviour). Each later restart doubles the
 *   entry (20 s, 40 s … 5m0s). A container that ran more than 10 min since its last restart crashes "for the first
 *   time" again: the expired entry is not in back-off and Next resets it to 10 s.
 */
import type { Container, Pod } from '../../api/types.ts'
import { sec, type Micros } from '../../sim/kernel.ts'
import { goDuration } from '../goDuration.ts'

/** HasExpiredFunc decides when an entry's back-off restarts from the initial duration. */
export type HasExpiredFunc = (eventTime: Micros, lastUpdate: Micros, maxDuration: Micros) => boolean

interface BackoffEntry {
  backoff: Micros
  lastUpdate: Micros
}

/**
 * Backoff keeps one exponential back-off per key. Mirrors: k8s.io/client-go/util/flowcontrol/backoff.go Backoff
 * (NewBackOff: no jitter). Go's Clock.Now() is the `now` argument.
 */
export class Backoff {
  /** Overrides the default "2 × maxDuration since the last update" expiry, as the kubelet does. */
  hasExpiredFunc: HasExpiredFunc | undefined
  private readonly perItemBackoff = new Map<string, BackoffEntry>()

  readonly defaultDuration: Micros
  readonly maxDuration: Micros

  constructor(initial: Micros, max: Micros) {
    this.defaultDuration = initial
    this.maxDuration = max
  }

  /** get returns the current back-off of a key, 0 without an entry. */
  get(id: string): Micros {
    return this.perItemBackoff.get(id)?.backoff ?? 0
  }

  /** next moves the back-off to the next mark (initial on a new or expired entry, else doubled, capped at max). */
  next(id: string, eventTime: Micros, now: Micros): void {
    const entry = this.perItemBackoff.get(id)
    if (!entry || this.hasExpired(eventTime, entry.lastUpdate, this.maxDuration)) {
      this.perItemBackoff.set(id, { backoff: this.defaultDuration, lastUpdate: now })
      return
    }
    entry.backoff = Math.min(entry.backoff * 2, this.maxDuration)
    entry.lastUpdate = now
  }

  /** reset forgets a key. */
  reset(id: string): void {
    this.perItemBackoff.delete(id)
  }

  /** isInBackOffSince: less than the current back-off has elapsed since eventTime (and the entry has not expired). */
  isInBackOffSince(id: string, eventTime: Micros, now: Micros): boolean {
    const entry = this.perItemBackoff.get(id)
    if (!entry || this.hasExpired(eventTime, entry.lastUpdate, this.maxDuration)) return false
    return now - eventTime < entry.backoff
  }

  /** isInBackOffSinceUpdate: less than the current back-off lies between the last update and eventTime. */
  isInBackOffSinceUpdate(id: string, eventTime: Micros): boolean {
    const entry = this.perItemBackoff.get(id)
    if (!entry || this.hasExpired(eventTime, entry.lastUpdate, this.maxDuration)) return false
    return eventTime - entry.lastUpdate < entry.backoff
  }

  /** gc drops the entries that have expired by now; callers run it periodically (the kubelet's housekeeping). */
  gc(now: Micros): void {
    for (const [id, entry] of this.perItemBackoff) {
      if (this.hasExpired(now, entry.lastUpdate, this.maxDuration)) this.perItemBackoff.delete(id)
    }
  }

  /** deleteEntry is reset under its other upstream name. */
  deleteEntry(id: string): void {
    this.perItemBackoff.delete(id)
  }

  /** has says whether a key has an entry (upstream tests read perItemBackoff directly). */
  has(id: string): boolean {
    return this.perItemBackoff.has(id)
  }

  private hasExpired(eventTime: Micros, lastUpdate: Micros, maxDuration: Micros): boolean {
    if (this.hasExpiredFunc) return this.hasExpiredFunc(eventTime, lastUpdate, maxDuration)
    // Stable once it has been fine for twice the max duration.
    return eventTime - lastUpdate > maxDuration * 2
  }
}

/** Mirrors: pkg/kubelet/kubelet.go initialCrashLoopBackOff. */
export const initialCrashLoopBackOff: Micros = sec(10)
/** Mirrors: pkg/kubelet/kubelet.go MaxCrashLoopBackOff (v1beta1.MaxContainerBackOff, also the config default). */
export const MaxCrashLoopBackOff: Micros = sec(300)

/**
 * newCrashLoopBackOff builds the kubelet's restart back-off: 10 s doubling to 5 min, entries expiring after 600 s.
 * Mirrors: pkg/kubelet/kubelet.go NewMainKubelet (klet.crashLoopBackOff) and newCrashLoopBackOff.
 */
export function newCrashLoopBackOff(): Backoff {
  const b = new Backoff(initialCrashLoopBackOff, MaxCrashLoopBackOff)
  b.hasExpiredFunc = (eventTime, lastUpdate) => eventTime - lastUpdate > sec(600)
  return b
}

/** formatPod is format.Pod (pkg/kubelet/util/format/pod.go): name_namespace(uid). */
export function formatPod(pod: Pod): string {
  const m = pod.metadata ?? {}
  return `${m.name ?? ''}_${m.namespace ?? ''}(${m.uid ?? ''})`
}

/**
 * getStableKey names a container's back-off entry: pod name, namespace, uid, container name and a hash of the
 * container spec, so a changed container (a new image) starts a fresh back-off.
 * Mirrors: pkg/kubelet/kuberuntime/helpers.go getStableKey.
 * Simplified: the caller supplies the hash (upstream: hex of kubecontainer.HashContainer, an FNV-32a of the spec).
 */
export function getStableKey(pod: Pod, container: Container, hash: string): string {
  const m = pod.metadata ?? {}
  return `${m.name ?? ''}_${m.namespace ?? ''}_${m.uid ?? ''}_${container.name}_${hash}`
}

/** What doBackOff decided: start the container, or stay waiting with CrashLoopBackOff and record a BackOff event. */
export type BackOffDecision =
  | { inBackOff: false }
  | {
      inBackOff: true
      /** The waiting reason: kubecontainer.ErrCrashLoopBackOff. */
      reason: 'CrashLoopBackOff'
      /** The waiting message, e.g. `back-off 1m20s restarting failed container=app pod=web_default(uid)`. */
      message: string
      /** The Warning event on the container (events.BackOffStartContainer). */
      event: { type: 'Warning'; reason: 'BackOff'; message: string }
    }

/**
 * doBackOff decides whether a container about to be (re)started must wait. finishedAt is the finish time of its
 * latest exited instance, undefined when it has none (never ran, or still running): then there is nothing to back
 * off from. Not in back-off advances the entry (Next) as a side effect, as upstream does.
 * Mirrors: pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff.
 */
export function doBackOff(
  backOff: Backoff,
  pod: Pod,
  container: Container,
  hash: string,
  finishedAt: Micros | undefined,
  now: Micros,
): BackOffDecision {
  if (finishedAt === undefined) return { inBackOff: false }
  const key = getStableKey(pod, container, hash)
  if (backOff.isInBackOffSince(key, finishedAt, now)) {
    const p = formatPod(pod)
    const wait = goDuration(backOff.get(key) / 1000)
    return {
      inBackOff: true,
      reason: 'CrashLoopBackOff',
      message: `back-off ${wait} restarting failed container=${container.name} pod=${p}`,
      event: {
        type: 'Warning',
        reason: 'BackOff',
        message: `Back-off restarting failed container ${container.name} in pod ${p}`,
      },
    }
  }
  backOff.next(key, finishedAt, now)
  return { inBackOff: false }
}
