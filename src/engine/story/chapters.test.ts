import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { applyAndRun, cluster, NGINX } from '../../../tests/engine/helpers.ts'
import { SCENARIOS } from '../../scenarios/index.ts'
import { createSimulation } from '../index.ts'
import { clusterYaml, nodeArb, podArb, podsYaml } from '../../../tests/engine/arbitraries.ts'
import type { TraceEvent } from '../events.ts'
import { StoryBuilder, buildStory } from './chapters.ts'
import { tellChapter } from './catalog.ts'
import type { Story } from './types.ts'

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/${name}`, import.meta.url), 'utf8')
const kinds = (s: Story, pod?: string) => s.chapters.filter((c) => pod === undefined || c.pod === pod).map((c) => c.kind)

/** The properties every story has, whatever the trace: checked on fixed scenarios and on random ones. */
function expectWellFormed(events: readonly TraceEvent[], story: Story): void {
  const seen = new Uint8Array(events.length)
  for (const c of story.chapters) {
    expect(c.steps.length).toBeGreaterThan(0)
    expect(c.start).toBe(c.steps[0])
    expect(c.end).toBe(c.steps[c.steps.length - 1])
    for (let k = 0; k < c.steps.length; k++) {
      const i = c.steps[k]
      if (k > 0) expect(i).toBeGreaterThan(c.steps[k - 1])
      expect(seen[i]).toBe(0)
      seen[i] = 1
      expect(story.chapterOf[i]).toBe(c.id)
    }
    for (const b of c.beats) expect(story.beat[b]).toBe(1)
    expect(c.beats.length).toBe(c.steps.filter((i) => story.beat[i] === 1).length)
  }
  // Every step in exactly one chapter.
  expect(seen.every((v) => v === 1)).toBe(true)
  // Chapters in time order.
  for (let k = 1; k < story.chapters.length; k++) expect(story.chapters[k].start).toBeGreaterThan(story.chapters[k - 1].start)
  // Each pod's stages in order.
  const stageOfPod = new Map<string, number>()
  for (const c of story.chapters) {
    expect(c.stage).toBeGreaterThanOrEqual(stageOfPod.get(c.pod) ?? 1)
    stageOfPod.set(c.pod, c.stage)
  }
}

describe('buildStory', () => {
  it('tells the happy path in five stages, in the order of the articles', () => {
    const sim = applyAndRun({ manifests: NGINX })
    const story = buildStory(sim.trace)
    expectWellFormed(sim.trace, story)
    expect(story.pods).toEqual(['default/nginx'])
    expect(kinds(story)).toEqual([
      'manifest', 'credentials', 'request',
      'authentication', 'authorization', 'decode', 'mutating-admission', 'validation', 'validating-admission', 'persist', 'watch',
      'queue', 'filter', 'score', 'select', 'reserve', 'bind',
      'kubelet-sync', 'sandbox', 'network', 'image', 'containers', 'status',
    ])
    expect(story.chapters.every((c) => c.outcome === 'ok')).toBe(true)
  })

  it('tells apply\'s lookup GET as part of kubectl\'s request, and the API server\'s stage with the create', () => {
    const sim = applyAndRun({ manifests: NGINX })
    const story = buildStory(sim.trace)
    const authn = story.chapters.filter((c) => c.kind === 'authentication')
    expect(authn).toHaveLength(1)
    // The create's authentication is the chapter's; the lookup's is plumbing of the request chapter.
    const [lookup, create] = sim.trace.map((e, i) => [e, i] as const).filter(([e]) => e.type === 'apiserver:Authenticate').map(([, i]) => i)
    expect(authn[0].steps).toContain(create)
    expect(story.chapters[story.chapterOf[lookup]].kind).toBe('request')
    expect(story.beat[lookup]).toBe(0)
    // The expected 404 is a beat of the request chapter, not a failure.
    const notFound = sim.trace.findIndex((e) => e.type === 'http:Response' && e.to === 'kubectl' && (e.details as { response?: { code?: number } } | undefined)?.response?.code === 404)
    expect(story.chapters[story.chapterOf[notFound]].kind).toBe('request')
    expect(story.beat[notFound]).toBe(1)
    expect(story.chapters[story.chapterOf[notFound]].outcome).toBe('ok')
  })

  it('marks the moments as beats and the repeated plumbing as plumbing', () => {
    const sim = applyAndRun({ manifests: NGINX })
    const story = buildStory(sim.trace)
    const beat = (pred: (e: TraceEvent) => boolean) => sim.trace.map((e, i) => [e, i] as const).filter(([e]) => pred(e)).map(([, i]) => story.beat[i])
    expect(beat((e) => e.type === 'scheduler:Select')).toEqual([1])
    expect(beat((e) => e.type === 'etcd:Txn' && e.lane === 'etcd' && e.change?.key === '/registry/pods/default/nginx').slice(0, 1)).toEqual([1])
    expect(beat((e) => e.type === 'cni:ADD' && e.lane === 'CNI').every((b) => b === 1)).toBe(true)
    // The kubelet's status patches are authenticated and stored as plumbing; so are the Events' POSTs.
    expect(beat((e) => e.type === 'apiserver:Authenticate' && e.node !== undefined).every((b) => b === 0)).toBe(true)
    expect(beat((e) => e.type === 'http:Request' && /\/events$/.test(e.summary)).every((b) => b === 0)).toBe(true)
    // Admission plugins that had nothing to do are plumbing.
    const idle = sim.trace.map((e, i) => [e, i] as const).filter(([e]) => e.type === 'apiserver:Admit' && e.outcome === 'info')
    expect(idle.length).toBeGreaterThan(0)
    expect(idle.every(([, i]) => story.beat[i] === 0)).toBe(true)
    // Roughly half the steps are plumbing on the happy path.
    const beats = story.beat.reduce((a, b) => a + b, 0)
    expect(beats).toBeLessThan(sim.trace.length * 0.6)
  })

  it('ends Stage 3 at a 403: the authorization chapter fails on the Authorize step', () => {
    const sim = applyAndRun({ manifests: NGINX, user: 'alice' })
    const story = buildStory(sim.trace)
    expectWellFormed(sim.trace, story)
    const last = story.chapters[story.chapters.length - 1]
    expect(last.kind).toBe('authorization')
    expect(last.outcome).toBe('error')
    expect(sim.trace[last.decidedBy!].type).toBe('apiserver:Authorize')
    expect(kinds(story)).not.toContain('queue')
  })

  it('ends Stage 4 at FailedScheduling, after PostFilter asked whether preemption helps', () => {
    const sim = applyAndRun({ manifests: fixture('too-big.yaml'), untilMs: 30_000 })
    const story = buildStory(sim.trace)
    expectWellFormed(sim.trace, story)
    expect(kinds(story).slice(-3)).toEqual(['filter', 'preemption', 'unschedulable'])
    const failed = story.chapters.find((c) => c.kind === 'unschedulable')!
    expect(failed.outcome).toBe('error')
    expect(sim.trace[failed.decidedBy!].type).toBe('scheduler:Unschedulable')
  })

  it('tells an image pull back-off loop as one image chapter per attempt', () => {
    const sim = applyAndRun({ manifests: fixture('image-typo.yaml'), untilMs: 60_000 })
    const story = buildStory(sim.trace)
    expectWellFormed(sim.trace, story)
    const images = story.chapters.filter((c) => c.kind === 'image')
    expect(images.length).toBeGreaterThanOrEqual(3)
    expect(images.map((c) => c.occurrence)).toEqual(images.map((_, k) => k + 1))
    expect(images[0].outcome).toBe('error')
    expect(sim.trace[images[0].decidedBy!].type).toBe('cri:PullImage')
  })

  it('tells a crash loop as status → restart → image → containers, again and again', () => {
    const m = 'apiVersion: v1\nkind: Pod\nmetadata: {name: crash}\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: [sh, -c, "exit 1"]\n'
    const sim = applyAndRun({ manifests: m, untilMs: 40_000 })
    const story = buildStory(sim.trace)
    expectWellFormed(sim.trace, story)
    const node = kinds(story).slice(kinds(story).indexOf('kubelet-sync'))
    expect(node.slice(0, 10)).toEqual(['kubelet-sync', 'sandbox', 'network', 'image', 'containers', 'status', 'restart', 'image', 'containers', 'status'])
    expect(story.chapters.filter((c) => c.kind === 'restart').map((c) => c.occurrence)).toEqual([1, 2, 3])
  })

  it('gives each pod of a multi-document apply its own story; the manifest belongs to the first', () => {
    const two = `${NGINX}---\n${NGINX.replace('name: nginx', 'name: nginx-2')}`
    const sim = applyAndRun({ manifests: two })
    const story = buildStory(sim.trace)
    expectWellFormed(sim.trace, story)
    expect(story.pods).toEqual(['default/nginx', 'default/nginx-2'])
    expect(kinds(story, 'default/nginx')[0]).toBe('manifest')
    expect(kinds(story, 'default/nginx-2')).toContain('bind')
    expect(kinds(story, 'default/nginx-2')).not.toContain('manifest')
  })

  it('tells every chapter at both depths from its steps', () => {
    const sim = applyAndRun({ manifests: NGINX })
    const story = buildStory(sim.trace)
    for (const c of story.chapters) {
      for (const depth of ['story', 'expert'] as const) {
        const told = tellChapter(c, sim.trace, depth)
        expect(told.title.length).toBeGreaterThan(3)
        expect(told.text).not.toMatch(/undefined|\[object Object\]|NaN/)
        expect(told.source).toMatch(/^(pkg|staging|cmd|plugin)\//)
        expect(told.docs).toMatch(/^https:\/\/kubernetes\.io\/docs\//)
      }
    }
    const select = story.chapters.find((c) => c.kind === 'select')!
    expect(tellChapter(select, sim.trace, 'story').text).toContain(sim.trace[select.beats[0]].summary)
  })

  it('holds for random clusters and pods: one chapter per step, chapters in time order, stages in order per pod', () => {
    fc.assert(fc.property(fc.array(nodeArb, { minLength: 1, maxLength: 3 }), fc.array(podArb, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 1000 }), (nodes, pods, seed) => {
      const sim = applyAndRun({ clusterText: clusterYaml(nodes), manifests: podsYaml(pods, nodes.length), seed, untilMs: 60_000 })
      expectWellFormed(sim.trace, buildStory(sim.trace))
    }), { numRuns: 25, seed: 20261203 })
  })
})

/** The story of `trace` told from batches of sizes 1 to 40 (a seeded sequence), as the page builds it while streaming. */
function inBatches(trace: readonly TraceEvent[], seed: number): Story {
  const b = new StoryBuilder()
  let x = seed
  for (let i = 0; i < trace.length;) {
    x = (x * 1103515245 + 12345) % 2147483648
    const n = 1 + (x % 40)
    b.add(trace.slice(i, i + n))
    i += n
  }
  return b.finish()
}
const plain = (s: Story) => ({ ...s, chapterOf: [...s.chapterOf], beat: [...s.beat] })

describe('StoryBuilder', () => {
  it('tells every scenario the same from batches as from the whole trace', () => {
    for (const s of SCENARIOS) {
      const sim = applyAndRun({ manifests: s.manifest, clusterText: s.cluster, user: s.user, seed: s.seed, untilMs: s.untilMs })
      const whole = plain(buildStory(sim.trace))
      expect(plain(inBatches(sim.trace, 7)), s.id).toEqual(whole)
      const oneByOne = new StoryBuilder()
      for (const e of sim.trace) oneByOne.add([e])
      expect(plain(oneByOne.finish()), s.id).toEqual(whole)
    }
  })

  it('gives kubectl steps without a pod the pod named next, even when it arrives batches later (a session)', () => {
    const podFile = (name: string, spec = '{containers: [{name: a, image: nginx:1.27}]}') => ({
      'pod.yaml': `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec: ${spec}\n`,
    })
    const sim = createSimulation({ cluster: cluster(), seed: 1 })
    sim.session([
      { argv: ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2'] },
      { argv: ['apply', '-f', 'pod.yaml'], files: podFile('a') },
      { argv: ['apply', '-f', 'pod.yaml'], files: podFile('b', '{containers: 3}') },
      { argv: ['get', 'pods'] },
      { argv: ['apply', '-f', 'x.yaml'], files: { 'x.yaml': 'not: [valid' } },
    ])
    sim.run()
    // Refused applies and reads: kubectl steps that name no pod, settled only by what kubectl does next.
    expect(sim.sessionResults.map((r) => r.exitCode)).toEqual([0, 0, 1, 0, 1])
    const whole = plain(buildStory(sim.trace))
    for (const seed of [1, 2, 3]) expect(plain(inBatches(sim.trace, seed))).toEqual(whole)
  })

  it('holds for random clusters and pods, from batches', () => {
    fc.assert(fc.property(fc.array(nodeArb, { minLength: 1, maxLength: 3 }), fc.array(podArb, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 1000 }), (nodes, pods, seed) => {
      const sim = applyAndRun({ clusterText: clusterYaml(nodes), manifests: podsYaml(pods, nodes.length), seed, untilMs: 60_000 })
      expect(plain(inBatches(sim.trace, seed))).toEqual(plain(buildStory(sim.trace)))
    }), { numRuns: 25, seed: 20261204 })
  })
})
