import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import type { Simulation } from '../index.ts'
import { NGINX, adminClient, applyAndRun } from '../../../tests/engine/helpers.ts'
import { MIN_WAIT_US, WaitsBuilder, durationIn, durationUs, findWaits, imageOf } from './waits.ts'
import { SCENARIOS } from '../../scenarios/index.ts'
import { buildStory } from './chapters.ts'
import type { Wait } from './waits.ts'

/** kubectl delete pod as the cluster admin, then virtual time runs to quiescence. */
function deletePod(sim: Simulation, name: string): void {
  const admin = adminClient(sim)
  admin.request({ verb: 'DELETE', path: `/api/v1/namespaces/default/pods/${name}` }, () => {})
  sim.run(sim.nowMs() + 10 * 60 * 1000)
}

const of = (waits: Wait[], kind: Wait['kind']) => waits.filter((w) => w.kind === kind)

describe('waits in the birth of the example nginx pod', () => {
  const sim = applyAndRun({ manifests: NGINX })
  const events = sim.trace
  const waits = findWaits(events)

  it('finds the sandbox, the network setup and the container create and start, each in the lane doing the work', () => {
    const sandbox = of(waits, 'sandbox')
    expect(sandbox).toHaveLength(1)
    expect(sandbox[0]).toMatchObject({ lane: 'CRI', pod: 'default/nginx', label: 'sandbox and pause container' })
    expect(events[sandbox[0].step].type).toBe('cri:RunPodSandbox')
    expect(events[sandbox[0].step].from).toBe('kubelet')
    // It ends when the answer comes back to the kubelet.
    const answer = events.find((e) => e.type === 'cri:RunPodSandbox' && e.from === 'CRI' && e.to === 'kubelet')
    expect(sandbox[0].to).toBe(answer?.t)
    expect(waits.find((w) => w.label.startsWith('CNI ADD'))).toMatchObject({ lane: 'CNI', kind: 'call' })
    // Labels come from the steps' summaries: the container's name when the answer names it.
    expect(of(waits, 'container').map((w) => w.label)).toEqual(['creating the container', expect.stringMatching(/^starting (nginx|the container)$/)])
  })

  it('leaves out waits shorter than 20 ms and pulls of an image already present', () => {
    expect(waits.every((w) => w.to - w.from >= MIN_WAIT_US)).toBe(true)
    expect(of(waits, 'image-pull')).toHaveLength(0)
    expect(waits.some((w) => events[w.step].type === 'cri:ImageStatus')).toBe(false)
  })

  it('is sorted by start, and every wait starts at its step', () => {
    for (let k = 1; k < waits.length; k++) expect(waits[k].from).toBeGreaterThanOrEqual(waits[k - 1].from)
    for (const w of waits) {
      expect(events[w.step].t).toBe(w.from)
      expect(w.to).toBeGreaterThan(w.from)
    }
  })
})

describe('an image that is not on the node', () => {
  it('is waited for while it is pulled, and the label names it', () => {
    const sim = applyAndRun({ manifests: NGINX.replace(/image: nginx:1\.27/, 'image: nginx:1.29') })
    const pulls = of(findWaits(sim.trace), 'image-pull')
    expect(pulls).toHaveLength(1)
    expect(pulls[0]).toMatchObject({ lane: 'CRI', label: expect.stringMatching(/^pulling ((docker\.io\/library\/)?nginx:1\.29|the image)$/) })
    expect((pulls[0].to - pulls[0].from) / 1e6).toBeGreaterThan(1)
  })
})

describe('an image that does not exist', () => {
  const sim = applyAndRun({ manifests: readFileSync('tests/fixtures/image-typo.yaml', 'utf8') })
  const events = sim.trace
  const waits = findWaits(events)

  it('shows each failed pull and each back-off, doubling, up to the kubelet\'s next attempt', () => {
    const backoffs = of(waits, 'backoff')
    // The back-off as the kubelet wrote it or, if its summary does not say, as measured to the next attempt.
    expect(backoffs.map((w) => w.label).slice(0, 3)).toEqual(['image pull back-off 10s', 'image pull back-off 20s', 'image pull back-off 40s'])
    for (const b of backoffs) expect(b).toMatchObject({ lane: 'kubelet', pod: 'default/typo' })
    // The first back-off lasts until the next PullImage call, about 10 s later.
    const next = events.find((e, i) => i > backoffs[0].step && e.type === 'cri:PullImage' && e.from === 'kubelet')
    expect(backoffs[0].to).toBe(next?.t)
    expect((backoffs[0].to - backoffs[0].from) / 1e6).toBeCloseTo(10, 0)
    expect(of(waits, 'image-pull').length).toBeGreaterThanOrEqual(backoffs.length)
  })

  it('a back-off still running when the trace ends lasts as long as the kubelet said, past the end', () => {
    const last = of(waits, 'backoff').at(-1)
    const end = Math.max(...events.map((e) => e.arrive ?? e.t))
    expect(last).toBeDefined()
    const said = /(\d+)s/.exec(last?.label ?? '')?.[1]
    // As long as the label says (the summary gave the back-off), else to the end of the trace.
    expect(last?.to).toBe(said ? Math.max(end, (last?.from ?? 0) + Number(said) * 1e6) : end)
    expect(last?.to).toBeGreaterThanOrEqual(end)
  })
})

describe('a crash-looping container', () => {
  const m = 'apiVersion: v1\nkind: Pod\nmetadata: {name: crash}\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, "echo starting; exit 1"]\n'
  it('at the end of the trace, the pod is waiting out its last back-off', () => {
    const events = applyAndRun({ manifests: m }).trace
    const end = Math.max(...events.map((e) => e.arrive ?? e.t))
    const last = of(findWaits(events), 'backoff').at(-1)
    expect(last?.from).toBeLessThan(end)
    expect(last?.to).toBeGreaterThan(end)
  })

  it('waits out each restart back-off', () => {
    const waits = findWaits(applyAndRun({ manifests: m, untilMs: 120_000 }).trace)
    const labels = of(waits, 'backoff').map((w) => w.label)
    // The kubelet's back-off as Go prints it, and what is left of it at each look (the pod worker retries every
    // 10-15 s): the first restart is immediate, so the waits start at the second exit.
    labels.forEach((l) => expect(l).toMatch(/^CrashLoopBackOff (\d+m)?\d+s, \d+s left$/))
    const backoffs = [...new Set(labels.map((l) => l.split(' ')[1].replace(',', '')))]
    expect(backoffs.slice(0, 3)).toEqual(['10s', '20s', '40s'])
  })
})

describe('termination', () => {
  it('a container that ignores SIGTERM: the grace period runs from KillContainer to the StopContainer answer', () => {
    const sim = applyAndRun({ manifests: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: sleeper\nspec:\n  terminationGracePeriodSeconds: 5\n  containers:\n  - name: sleeper\n    image: busybox:1.36\n    command: ["sleep", "3600"]\n' })
    deletePod(sim, 'sleeper')
    const events = sim.trace
    const waits = findWaits(events)
    const grace = of(waits, 'grace-period')
    expect(grace).toHaveLength(1)
    expect(grace[0]).toMatchObject({ lane: 'kubelet', label: expect.stringMatching(/^grace period( 5s)?$/) })
    expect(events[grace[0].step].type).toBe('kubelet:KillContainer')
    const answer = events.find((e) => e.type === 'cri:StopContainer' && e.from === 'CRI' && e.to === 'kubelet')
    expect(grace[0].to).toBe(answer?.t)
    expect((grace[0].to - grace[0].from) / 1e6).toBeCloseTo(5, 0)
    // The StopContainer call is told once, as the grace period.
    expect(waits.some((w) => events[w.step].type === 'cri:StopContainer')).toBe(false)
    expect(waits.some((w) => w.label.startsWith('CNI DEL'))).toBe(true)
  })
})

describe('the label helpers', () => {
  it('read the image from a call or its answer, and a duration as written', () => {
    expect(imageOf('PullImage({"image":{"image":"nginx:1.99"}})')).toBe('nginx:1.99')
    expect(imageOf('no image here', 'pulled docker.io/library/nginx:1.29 (206569472 bytes) in 5.325s')).toBe('docker.io/library/nginx:1.29')
    expect(durationIn('image pull back-off 10s for nginx:1.99')).toBe('10s')
    expect(durationIn('CrashLoopBackOff: restart app in 5m0s')).toBe('5m0s')
    expect(durationIn('no time')).toBeUndefined()
    expect(durationUs('1m30s')).toBe(90e6)
    expect(durationUs('300ms')).toBe(300e3)
    expect(durationUs('')).toBeNaN()
  })
})

describe('WaitsBuilder', () => {
  it('finds the same waits from batches as from the whole trace, and finish leaves it able to go on', () => {
    for (const s of SCENARIOS) {
      const sim = applyAndRun({ manifests: s.manifest, clusterText: s.cluster, user: s.user, seed: s.seed, untilMs: s.untilMs })
      const whole = findWaits(sim.trace)
      const b = new WaitsBuilder()
      let sizes = 0
      for (let i = 0; i < sim.trace.length; sizes++) {
        const n = 1 + ((sizes * 7919) % 53)
        b.add(sim.trace.slice(i, i + n))
        i += n
        // A look half way (what a streaming page could ask) changes nothing that follows.
        if (sizes === 3) b.finish()
      }
      expect(b.finish(), s.id).toEqual(whole)
      // The story, built as the page builds it, carries the same list; the command line's leaves it out.
      const story = buildStory(sim.trace)
      expect(story.waits, s.id).toEqual(whole)
      const told = buildStory(sim.trace, { waits: false })
      expect('waits' in told, s.id).toBe(false)
      expect(told.chapters, s.id).toEqual(story.chapters)
    }
  })

  it("covers every kind of wait in the scenarios, so the batches above go through each of the builder's paths", () => {
    const kinds = new Set(SCENARIOS.flatMap((s) => {
      const sim = applyAndRun({ manifests: s.manifest, clusterText: s.cluster, user: s.user, seed: s.seed, untilMs: s.untilMs })
      return findWaits(sim.trace).map((w) => w.kind)
    }))
    expect([...kinds].sort()).toEqual(['backoff', 'call', 'container', 'grace-period', 'image-pull', 'sandbox'])
  })
})
