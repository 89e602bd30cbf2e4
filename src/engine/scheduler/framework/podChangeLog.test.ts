import { describe, expect, it } from 'vitest'
import { node, pod } from '../testing.ts'
import { PodChangeLog } from './podChangeLog.ts'
import { NodeInfo, PodInfo } from './types.ts'

describe('PodChangeLog', () => {
  it('replays the changes since a position, oldest first, and a new epoch voids positions', () => {
    const log = new PodChangeLog()
    const n = new NodeInfo(node('n1'))
    const a = new PodInfo(pod('a'))
    const b = new PodInfo(pod('b'))
    log.push(a, n, 1)
    const pos = log.end
    log.push(b, n, 1)
    log.push(a, n, -1)
    const seen: string[] = []
    log.forEachSince(pos, (c) => seen.push(`${c.sign > 0 ? '+' : '-'}${c.pod.key}`))
    expect(seen).toEqual(['+default/b', '-default/a'])
    const epoch = log.epoch
    log.newEpoch()
    expect(log.epoch).toBe(epoch + 1)
    expect(log.end).toBe(3)
  })
})
