/**
 * The container restart back-off as v1.35's kubelet applies it.
 * Expected values: pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff (first restart immediate: no back-off
 * entry yet; later restarts wait 10s doubling to 5m0s; the waiting message and the BackOff event texts),
 * pkg/kubelet/kubelet.go (backOffPeriod 10 s, MaxContainerBackOff 300 s, entries expire 600 s after the last update),
 * pkg/kubelet/pod_workers.go (a failed sync is retried after 10 s with jitter 0.5, so BackOff is recorded again on
 * each look), pkg/printers/internalversion/printers.go printPod (RESTARTS "N (Xs ago)").
 */
import { describe, expect, it } from 'vitest'
import type { StepOf } from '../../src/engine/events.ts'
import { getPodsWide } from '../../src/engine/kubectl/printers/getPods.ts'
import { applyAndRun, pod } from './helpers.ts'

const CRASH = pod('crash', '', '  - {name: app, image: busybox:1.36, command: ["sh", "-c", "exit 1"]}\n')
const backoffs = (trace: readonly { type: string }[]) =>
  trace.filter((e): e is StepOf<'kubelet:Backoff'> => e.type === 'kubelet:Backoff')

describe('a container that exits at once, restartPolicy Always', () => {
  const sim = applyAndRun({ manifests: CRASH, untilMs: 15 * 60 * 1000 })
  const steps = backoffs(sim.trace)
  const uid = sim.pods()[0].metadata?.uid
  const podDesc = `crash_default(${uid})`

  it('restarts the first time at once: no back-off, no BackOff event before the second exit', () => {
    expect(steps[0].details).toMatchObject({ kind: 'restart', restartCount: 1, nextBackoff: '10s' })
    const firstExit = sim.trace.find((e) => e.type === 'kubelet:StatusUpdate' && e.summary.includes('terminated'))
    expect(steps[0].t - (firstExit?.t ?? 0)).toBeLessThan(1_000_000)
    expect(steps[1].details.kind).toBe('crashLoop')
  })

  it('then backs off 10s, 20s, 40s, 1m20s, 2m40s, 5m0s, 5m0s, as Go prints a Duration', () => {
    const seen = steps.flatMap((s) => (s.details.kind === 'crashLoop' ? [s.details.backoff] : []))
    expect([...new Set(seen)]).toEqual(['10s', '20s', '40s', '1m20s', '2m40s', '5m0s'])
    const restarts = steps.filter((s) => s.details.kind === 'restart')
    // Each restart comes once the back-off since the exit has passed, at the pod worker's next look.
    for (const [i, r] of restarts.entries()) if (i > 0) expect(r.details.kind === 'restart' && r.details.restartCount).toBe(i + 1)
  })

  it('shows the waiting reason and message the kubelet caches: "back-off 1m20s restarting failed container=…"', () => {
    const statuses = sim.trace.filter((e): e is StepOf<'kubelet:StatusUpdate'> => e.type === 'kubelet:StatusUpdate')
    const waiting = statuses.flatMap((e) => e.details.status.containerStatuses?.map((c) => c.state?.waiting) ?? [])
    const messages = waiting.filter((w) => w?.reason === 'CrashLoopBackOff').map((w) => w?.message)
    expect(messages).toContain(`back-off 1m20s restarting failed container=app pod=${podDesc}`)
    expect(messages).toContain(`back-off 5m0s restarting failed container=app pod=${podDesc}`)
  })

  it('records BackOff as the kubelet does, once per look while backing off (one Event, counted)', () => {
    const e = sim.events().filter((x) => x.reason === 'BackOff')
    expect(e).toHaveLength(1)
    expect(e[0]).toMatchObject({ type: 'Warning', message: `Back-off restarting failed container app in pod ${podDesc}` })
    const looks = steps.filter((s) => s.details.kind === 'crashLoop').length
    expect(e[0].count ?? e[0].series?.count).toBe(looks)
  })

  it('kubectl get pods: RESTARTS counts and says how long ago the last one finished', () => {
    const row = getPodsWide(sim.pods(), sim.ctx.sim.wallMs()).split('\n')[1].split(/\s{2,}/)
    expect(row[3]).toMatch(/^\d+ \(\d+m?\d*s? ago\)$/)
  })
})

describe('a container that runs more than 10 minutes between crashes', () => {
  // kubelet.go: the back-off entry expires 600 s after its last update, so each crash is a first crash again.
  const sim = applyAndRun({
    manifests: pod('slow', '', '  - {name: app, image: busybox:1.36, command: ["sh", "-c", "sleep 660; exit 1"]}\n'),
    untilMs: 35 * 60 * 1000,
  })
  it('is restarted at once every time', () => {
    const kinds = backoffs(sim.trace).map((s) => s.details.kind)
    expect(kinds.length).toBeGreaterThanOrEqual(2)
    expect(new Set(kinds)).toEqual(new Set(['restart']))
  })
})
