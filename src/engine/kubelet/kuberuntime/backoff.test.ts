import { describe, expect, it } from 'vitest'
import type { Container, Pod } from '../../api/types.ts'
import { sec, type Micros } from '../../sim/kernel.ts'
import { Backoff, doBackOff, formatPod, getStableKey, newCrashLoopBackOff } from './backoff.ts'

const step = sec(1)

// From: staging/src/k8s.io/client-go/util/flowcontrol/backoff_test.go (time as virtual µs; the fake clock is `t`).
describe('flowcontrol Backoff (client-go backoff_test.go)', () => {
  it('TestSlowBackoff', () => {
    const id = '_idSlow'
    let t: Micros = 0
    const b = new Backoff(step, 50 * step)
    const cases = [0, 1, 2, 4, 8, 16, 32, 50, 50, 50]
    for (const c of cases) {
      t += step
      expect(b.get(id)).toBe(c * step)
      b.next(id, t, t)
    }
    // Reset cancels the back-off.
    b.next(id, t, t)
    b.reset(id)
    expect(b.get(id)).toBe(0)
  })

  it('TestBackoffReset', () => {
    const id = '_idReset'
    let t: Micros = 0
    const maxDuration = 5 * step
    const b = new Backoff(step, maxDuration)
    for (let i = 0; i <= maxDuration / step; i++) {
      t += step
      b.next(id, t, t)
    }
    expect(b.isInBackOffSince(id, t, t)).toBe(true)
    const lastUpdate = t
    t += 2 * maxDuration + step // 11 s > 2 × maxDuration
    expect(b.isInBackOffSince(id, lastUpdate, t)).toBe(false)
  })

  it('TestBackoffHighWaterMark', () => {
    const id = '_idHiWaterMark'
    let t: Micros = 0
    const maxDuration = 5 * step
    const b = new Backoff(step, maxDuration)
    for (let i = 0; i <= maxDuration / step; i++) {
      t += step
      b.next(id, t, t)
    }
    // The high watermark only expires after 2 × maxDuration.
    t += maxDuration + step
    b.next(id, t, t)
    expect(b.get(id)).toBe(maxDuration)
  })

  it('TestBackoffGC', () => {
    const id = '_idGC'
    let t: Micros = 0
    const maxDuration = 5 * step
    const b = new Backoff(step, maxDuration)
    for (let i = 0; i <= maxDuration / step; i++) {
      t += step
      b.next(id, t, t)
    }
    t += maxDuration + step
    b.gc(t)
    expect(b.has(id)).toBe(true)
    t += maxDuration + step
    b.gc(t)
    expect(b.has(id)).toBe(false)
  })

  it('TestIsInBackOffSinceUpdate', () => {
    const id = '_idIsInBackOffSinceUpdate'
    const b = new Backoff(step, 10 * step)
    const cases: [tick: number, inBackOff: boolean, value: number][] = [
      [0, false, 0], [1, false, 1], [2, true, 2], [3, false, 2], [4, true, 4], [5, true, 4], [6, true, 4],
      [7, false, 4], [8, true, 8], [9, true, 8], [10, true, 8], [11, true, 8], [12, true, 8], [13, true, 8],
      [14, true, 8], [15, false, 8], [16, true, 10], [17, true, 10], [18, true, 10], [19, true, 10], [20, true, 10],
      [21, true, 10], [22, true, 10], [23, true, 10], [24, true, 10], [25, false, 10], [26, true, 10],
      [27, true, 10], [28, true, 10], [29, true, 10], [30, true, 10], [31, true, 10], [32, true, 10],
      [33, true, 10], [34, true, 10], [35, false, 10], [56, false, 0], [57, false, 1],
    ]
    for (const [tick, inBackOff, value] of cases) {
      const t = tick * step
      expect(b.isInBackOffSinceUpdate(id, t), `tick ${tick}`).toBe(inBackOff)
      if (inBackOff) expect(b.get(id), `tick ${tick}`).toBe(value * step)
      else b.next(id, t, t)
    }
  })
})

describe('the kubelet crash-loop back-off (kubelet.go, kuberuntime_manager.go doBackOff)', () => {
  const pod: Pod = { metadata: { name: 'web', namespace: 'default', uid: 'uid-1' }, spec: { containers: [] } }
  const app: Container = { name: 'app', image: 'busybox' }
  const waitMsg = (d: string) => `back-off ${d} restarting failed container=app pod=web_default(uid-1)`

  it('formats the pod and the key as format.Pod and getStableKey do', () => {
    expect(formatPod(pod)).toBe('web_default(uid-1)')
    expect(getStableKey(pod, app, 'abc123')).toBe('web_default_uid-1_app_abc123')
  })

  it('has nothing to back off from before the container has exited, and creates no entry', () => {
    const b = newCrashLoopBackOff()
    expect(doBackOff(b, pod, app, 'h', undefined, sec(5))).toEqual({ inBackOff: false })
    expect(b.has(getStableKey(pod, app, 'h'))).toBe(false)
  })

  it('restarts at once after the first crash, then waits 10s, 20s, 40s, 1m20s, 2m40s, 5m0s, 5m0s', () => {
    const b = newCrashLoopBackOff()
    let t = sec(100)
    // First crash: no entry, so no back-off; Next creates the 10 s entry.
    expect(doBackOff(b, pod, app, 'h', t, t)).toEqual({ inBackOff: false })
    const waits: string[] = []
    for (let i = 0; i < 7; i++) {
      t += sec(1) // the restarted container crashes a second later
      const finishedAt = t
      const d = doBackOff(b, pod, app, 'h', finishedAt, t)
      if (!d.inBackOff) throw new Error(`crash ${i + 2} was not backed off`)
      expect(d.reason).toBe('CrashLoopBackOff')
      expect(d.event).toEqual({
        type: 'Warning', reason: 'BackOff',
        message: 'Back-off restarting failed container app in pod web_default(uid-1)',
      })
      waits.push(d.message)
      const wait = b.get(getStableKey(pod, app, 'h'))
      // One µs before the back-off ends the kubelet still waits; at its end it restarts and doubles the entry.
      expect(doBackOff(b, pod, app, 'h', finishedAt, finishedAt + wait - 1).inBackOff).toBe(true)
      t = finishedAt + wait
      expect(doBackOff(b, pod, app, 'h', finishedAt, t)).toEqual({ inBackOff: false })
    }
    expect(waits).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s', '5m0s'].map(waitMsg))
  })

  it('treats a crash after more than 10 min since the last restart as a first crash', () => {
    const b = newCrashLoopBackOff()
    const key = getStableKey(pod, app, 'h')
    doBackOff(b, pod, app, 'h', sec(0), sec(0)) // first crash: restart at 0
    doBackOff(b, pod, app, 'h', sec(1), sec(11)) // second crash, restart at 11 s: entry now 20 s
    expect(b.get(key)).toBe(sec(20))
    // Ran 599 s since the restart at 11 s: still in back-off.
    expect(doBackOff(b, pod, app, 'h', sec(610), sec(610)).inBackOff).toBe(true)
    // Ran 601 s (> 600 s, kubelet.go's HasExpiredFunc): not in back-off, restarted at once, entry back to 10 s.
    const b2 = newCrashLoopBackOff()
    doBackOff(b2, pod, app, 'h', sec(0), sec(0))
    doBackOff(b2, pod, app, 'h', sec(1), sec(11))
    expect(doBackOff(b2, pod, app, 'h', sec(612), sec(612))).toEqual({ inBackOff: false })
    expect(b2.get(key)).toBe(sec(10))
  })

  it('starts a fresh back-off for a changed container (a new hash in the key)', () => {
    const b = newCrashLoopBackOff()
    doBackOff(b, pod, app, 'h1', sec(0), sec(0))
    expect(doBackOff(b, pod, app, 'h1', sec(1), sec(1)).inBackOff).toBe(true)
    expect(doBackOff(b, pod, app, 'h2', sec(1), sec(1))).toEqual({ inBackOff: false })
  })

  it('garbage-collects entries idle for more than 600 s', () => {
    const b = newCrashLoopBackOff()
    doBackOff(b, pod, app, 'h', sec(0), sec(0))
    b.gc(sec(600))
    expect(b.has(getStableKey(pod, app, 'h'))).toBe(true)
    b.gc(sec(601))
    expect(b.has(getStableKey(pod, app, 'h'))).toBe(false)
  })
})
