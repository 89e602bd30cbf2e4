/**
 * ObjectTimeline answers "what was stored in etcd right after trace step i" for any i, in any order, without
 * replaying the whole trace each time: it keeps a keyframe every KEYFRAME_EVERY steps (made as a replay passes
 * them) and a cursor at the last answer, so moving forward replays only the new changes and moving back replays at
 * most KEYFRAME_EVERY of them. This is what lets the app step back through a 50,000-step trace.
 */
import type { KObject } from '../api/types.ts'

export const KEYFRAME_EVERY = 1000

/** The part of a trace step the timeline needs: the etcd write it made, if any. */
export interface ChangeStep { change?: { type: string; key: string; after?: KObject } }

export class ObjectTimeline {
  /** keyframes[k]: the stored objects right before step k × KEYFRAME_EVERY. */
  private keyframes: Map<string, KObject>[]
  /** The objects right after step `index`. */
  private cursor?: { index: number; objects: Map<string, KObject> }

  private readonly trace: readonly ChangeStep[]

  constructor(initial: Map<string, KObject>, trace: readonly ChangeStep[]) {
    this.trace = trace
    this.keyframes = [new Map(initial)]
  }

  /** at returns the stored objects, by etcd key, right after step `index` (-1: before the first). Do not change it. */
  at(index: number): Map<string, KObject> {
    const last = Math.min(index, this.trace.length - 1)
    let from: number
    let objects: Map<string, KObject>
    if (this.cursor && this.cursor.index <= last) {
      from = this.cursor.index + 1
      objects = this.cursor.objects
    } else {
      const k = Math.max(0, Math.min(Math.floor((last + 1) / KEYFRAME_EVERY), this.keyframes.length - 1))
      from = k * KEYFRAME_EVERY
      objects = new Map(this.keyframes[k])
    }
    for (let i = from; i <= last; i++) {
      if (i % KEYFRAME_EVERY === 0 && this.keyframes.length === i / KEYFRAME_EVERY) this.keyframes.push(new Map(objects))
      const c = this.trace[i].change
      if (!c) continue
      if (c.type === 'DELETED') objects.delete(c.key)
      else if (c.after) objects.set(c.key, c.after)
    }
    this.cursor = { index: last, objects }
    return objects
  }
}
