/**
 * PodChangeLog: the pods the cache put on or took off its nodes, in order, so a plugin can bring counts it
 * computed in an earlier cycle up to date instead of recounting every pod. Upstream recounts in every PreFilter
 * (interpodaffinity/filtering.go, over 16 workers); counting only the changes gives the same counts.
 * Any change to the node set or a node's labels starts a new epoch: what was counted before is void.
 * Simplified: not an upstream structure (an index of our own, for a single-threaded scheduler).
 */
import type { NodeInfo, PodInfo } from './types.ts'

export interface PodChange {
  pod: PodInfo
  node: NodeInfo
  sign: 1 | -1
}

/** Past this many changes the log restarts (a new epoch): one full recount, then incremental again. */
const MAX_CHANGES = 4096

export class PodChangeLog {
  epoch = 0
  private changes: PodChange[] = []
  /** The position of changes[0] since the log began. */
  private base = 0

  /** end is the position the next change will take. */
  get end(): number {
    return this.base + this.changes.length
  }

  push(pod: PodInfo, node: NodeInfo, sign: 1 | -1): void {
    if (this.changes.length >= MAX_CHANGES) this.newEpoch()
    this.changes.push({ pod, node, sign })
  }

  newEpoch(): void {
    this.base += this.changes.length
    this.changes = []
    this.epoch++
  }

  /** forEachSince visits the changes from `pos` (a past `end` of this epoch) on, oldest first. */
  forEachSince(pos: number, fn: (c: PodChange) => void): void {
    for (let i = pos - this.base; i < this.changes.length; i++) fn(this.changes[i])
  }
}
