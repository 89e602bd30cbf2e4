import { describe, expect, it } from 'vitest'
import { applyAndRun, NGINX } from '../../../tests/engine/helpers.ts'
import { scenarioById } from '../../scenarios/index.ts'
import { buildStory } from './chapters.ts'
import { summarizePod } from './summary.ts'

function scenario(id: string) {
  const s = scenarioById(id)
  if (!s) throw new Error(`no scenario ${id}`)
  return applyAndRun({ manifests: s.manifest, clusterText: s.cluster, user: s.user, seed: s.seed, untilMs: s.untilMs })
}

describe('summarizePod', () => {
  it('recaps the happy path: Running and Ready, the node, the IP, five stages, the counts and the Events', () => {
    const sim = applyAndRun({ manifests: NGINX })
    const story = buildStory(sim.trace)
    const s = summarizePod(sim.trace, story, 'default/nginx')
    const pod = sim.pods().find((p) => p.metadata?.name === 'nginx')
    expect(s.phase).toBe('Running')
    expect(s.ready).toBe(true)
    expect(s.node).toBe(pod?.spec?.nodeName)
    expect(s.ip).toBe(pod?.status?.podIP)
    expect(s.stages.map((x) => x.stage)).toEqual([1, 2, 3, 4, 5])
    for (const x of s.stages) expect(x.end).toBeGreaterThanOrEqual(x.start)
    // Stage 5 holds the sandbox, the network and the containers: it is where the time goes.
    const took = (id: number) => { const x = s.stages.find((y) => y.stage === id); return x ? x.end - x.start : 0 }
    expect(took(5)).toBeGreaterThan(took(3))
    expect(s.apiRequests).toBe(sim.trace.filter((e) => e.type === 'http:Request').length)
    expect(s.etcdWrites).toBe(sim.trace.filter((e) => e.type === 'etcd:Txn' && e.details.phase === 'commit').length)
    expect(s.events.map((e) => `${e.type} ${e.reason}`)).toEqual(['Normal Scheduled', 'Normal Pulled', 'Normal Created', 'Normal Started'])
    expect(s.start).toBe(sim.trace[0].t)
    expect(s.end).toBe(sim.trace[sim.trace.length - 1].t)
  })

  it('recaps a refusal: the stages it reached, no node, no IP, nothing written', () => {
    const sim = scenario('quota-exceeded')
    const story = buildStory(sim.trace)
    const s = summarizePod(sim.trace, story, story.pods[0])
    expect(s.stages.map((x) => x.stage)).toEqual([1, 2, 3])
    expect(s.node).toBeUndefined()
    expect(s.ip).toBeUndefined()
    expect(s.ready).toBe(false)
    expect(s.etcdWrites).toBe(0)
    expect(s.apiRequests).toBe(2)
  })

  it('counts a repeated Event once, with how many times it was seen', () => {
    const sim = scenario('crash-loop')
    const story = buildStory(sim.trace)
    const s = summarizePod(sim.trace, story, story.pods[0])
    const backOff = s.events.find((e) => e.reason === 'BackOff')
    expect(backOff?.type).toBe('Warning')
    expect(backOff?.count).toBeGreaterThan(1)
    expect(new Set(s.events.map((e) => `${e.type}/${e.reason}/${e.message}`)).size).toBe(s.events.length)
    expect(s.ready).toBe(false)
  })
})
