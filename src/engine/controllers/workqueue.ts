/**
 * A controller's work queue: keys are added by informer handlers and processed one at a time, each after the
 * controller's sync delay. A key already waiting is not added twice; a key added while it is being processed is
 * processed again afterwards — client-go's workqueue "dirty" and "processing" sets.
 * Mirrors: staging/src/k8s.io/client-go/util/workqueue/queue.go.
 * Simplified: one worker per controller (upstream runs --concurrent-deployment-syncs=5 and
 * --concurrent-replicaset-syncs=5 in parallel); no rate-limited requeue, a sync that fails is added again.
 */
import type { Sim, Timer } from '../sim/kernel.ts'

export class WorkQueue {
  private readonly queue: string[] = []
  private readonly dirty = new Set<string>()
  private readonly processing = new Set<string>()
  private busy = false
  private readonly sim: Sim
  private readonly delayUs: number
  private readonly process: (key: string, done: () => void) => void
  private readonly later = new Map<string, Timer>()

  constructor(sim: Sim, delayUs: number, process: (key: string, done: () => void) => void) {
    this.sim = sim
    this.delayUs = delayUs
    this.process = process
  }

  add(key: string): void {
    if (this.dirty.has(key)) return
    this.dirty.add(key)
    if (this.processing.has(key)) return
    this.queue.push(key)
    this.kick()
  }

  /** addAfter adds the key once `us` of virtual time has passed (a later add of the same key keeps the earliest). */
  addAfter(key: string, us: number): void {
    if (this.later.has(key)) return
    this.later.set(key, this.sim.after(us, () => {
      this.later.delete(key)
      this.add(key)
    }))
  }

  get length(): number {
    return this.queue.length
  }

  private kick(): void {
    if (this.busy || this.queue.length === 0) return
    this.busy = true
    this.sim.after(this.delayUs, () => {
      const key = this.queue.shift()
      if (key === undefined) { this.busy = false; return }
      this.dirty.delete(key)
      this.processing.add(key)
      this.process(key, () => {
        this.processing.delete(key)
        if (this.dirty.has(key)) this.queue.push(key)
        this.busy = false
        this.kick()
      })
    })
  }
}
