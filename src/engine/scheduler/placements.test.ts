/**
 * Placements: a fixed 500-node, 2,000-pod scheduling run (plain pods, node affinity and nodeSelector, required pod
 * anti-affinity per host and per zone, required pod affinity, topology spread, preferred terms, big pods that
 * preempt) must choose the same node for every pod, fail with the same FitError text and record the same cycle
 * records as the code this fixture was generated from. Speed work on the scheduler must leave it as it is; a
 * deliberate change of behaviour regenerates the fixture (`UPDATE_PLACEMENTS=1 npx vitest run
 * src/engine/scheduler/placements.test.ts`) and says why in its commit.
 *
 * The run drives SchedulerCore as the scheduler component does (schedule, assume on success; on preemption the
 * victims leave the cache, the preemptor is nominated and retried a few pods later with status.nominatedNodeName).
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { LabelSelector, Node, Pod } from '../api/types.ts'
import { Rng } from '../sim/rng.ts'
import type { CycleRecord, Detail } from './framework/record.ts'
import { PodInfo } from './framework/types.ts'
import { SchedulerCore } from './scheduleOne.ts'
import { node, pod, settings } from './testing.ts'

const FILE = new URL('./__fixtures__/placements-500x2000.json', import.meta.url)
const UPDATE = process.env.UPDATE_PLACEMENTS === '1'

export interface PlacementsFixture {
  /** Per pod, in scheduling order: the node, "#k" (FitError messages[k]) or "#k>node" (FitError, nominated). */
  placements: string[]
  /** Distinct FitError texts. */
  messages: string[]
  /** sha256 (first 16 hex digits) of the JSON of every 100 cycles' records, compact detail. */
  compactRecords: string[]
  /** The same for full-detail records of the first 400 cycles. */
  fullRecords: string[]
}

const ZONES = ['zone-a', 'zone-b', 'zone-c']

function buildNodes(rng: Rng): Node[] {
  const out: Node[] = []
  for (let i = 0; i < 500; i++) {
    const name = `node-${String(i).padStart(3, '0')}`
    const labels: Record<string, string> = {}
    // Ten nodes have no zone label (spread constraints on zone skip or reject them).
    if (i % 50 !== 7) labels['topology.kubernetes.io/zone'] = ZONES[rng.int(3)]
    if (rng.int(5) === 0) labels.disktype = 'ssd'
    const taints = i % 100 === 3 ? [{ key: 'dedicated', value: 'infra', effect: 'NoSchedule' }] : undefined
    out.push(node(name, {
      cpu: ['2', '4', '8'][rng.int(3)], memory: ['4Gi', '8Gi', '16Gi'][rng.int(3)], pods: '110', labels, taints,
      unschedulable: i % 167 === 5,
    }))
  }
  return out
}

const pick = <T>(rng: Rng, xs: T[]): T => xs[rng.int(xs.length)]

function smallRequests(rng: Rng): Record<string, string>[] | undefined {
  if (rng.int(6) === 0) return undefined
  return [{ cpu: pick(rng, ['100m', '250m', '500m', '1']), memory: pick(rng, ['128Mi', '256Mi', '1Gi']) }]
}

const zoneIn = (zones: string[]) => ({
  requiredDuringSchedulingIgnoredDuringExecution: {
    nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: zones }] }],
  },
})

function buildPod(i: number, rng: Rng): Pod {
  const name = `p-${String(i).padStart(4, '0')}`
  const r = rng.int(100)
  if (r < 30) {
    // Plain; some carry an app label a "Service" selects (system default spreading then scores them).
    const labels = rng.int(2) === 0 ? { app: `web-${rng.int(4)}` } : undefined
    return pod(name, { labels, requests: smallRequests(rng) })
  }
  if (r < 50) {
    const spec: Record<string, unknown> = {
      affinity: { nodeAffinity: { ...zoneIn(rng.int(3) === 0 ? ['zone-c'] : ['zone-a', 'zone-b']),
        ...(rng.int(2) === 0 ? { preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 10, preference: { matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd'] }] } }] } : {}) } },
    }
    if (rng.int(4) === 0) spec.nodeSelector = { disktype: 'ssd' }
    return pod(name, { requests: smallRequests(rng), spec })
  }
  if (r < 68) {
    // Required anti-affinity within a group: one per host, or (group "zonal") one per zone.
    const zonal = rng.int(10) === 0
    const app = zonal ? 'aa-zonal' : `aa-${rng.int(6)}`
    const topologyKey = zonal ? 'topology.kubernetes.io/zone' : 'kubernetes.io/hostname'
    const preferred = rng.int(3) === 0 ? { preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 50, podAffinityTerm: { labelSelector: { matchLabels: { app: 'web-0' } }, topologyKey: 'kubernetes.io/hostname' } }] } : {}
    return pod(name, {
      labels: { app }, requests: smallRequests(rng),
      spec: { affinity: { podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app } }, topologyKey }], ...preferred } } },
    })
  }
  if (r < 83) {
    // Group "sp-md" asks for more zones than there are (minDomains 4): one pod per zone, then it fails.
    const md = rng.int(5) === 0
    const app = md ? 'sp-md' : `sp-${rng.int(3)}`
    const selector: LabelSelector = { matchLabels: { app } }
    return pod(name, {
      labels: { app }, requests: smallRequests(rng),
      spec: { topologySpreadConstraints: [
        { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: selector,
          ...(md ? { minDomains: 4 } : {}) },
        { maxSkew: 2, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: selector },
      ] },
    })
  }
  if (r < 91) {
    // Required affinity to a group's zone (the first of a self-affine group may go anywhere), preferred anti-affinity.
    const self = rng.int(3) === 0
    const app = self ? 'pa-self' : 'pa'
    const target = self ? 'pa-self' : 'aa-0'
    return pod(name, {
      labels: { app }, requests: smallRequests(rng),
      spec: { affinity: {
        podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [
          { labelSelector: { matchLabels: { app: target } }, topologyKey: 'topology.kubernetes.io/zone' }] },
        podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 20, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['pa', 'pa-self'] }] }, topologyKey: 'kubernetes.io/hostname' } }] },
      } },
    })
  }
  if (r < 93) {
    return pod(name, {
      requests: smallRequests(rng),
      spec: { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'infra', effect: 'NoSchedule' }], nodeSelector: { disktype: 'ssd' } },
    })
  }
  // Big pods: they fill the nodes, fail with Insufficient cpu/memory and, when of higher priority, preempt.
  return pod(name, { requests: [{ cpu: pick(rng, ['1500m', '3', '6']), memory: pick(rng, ['2Gi', '6Gi']) }], priority: rng.int(2) === 0 ? 1000 : 0 })
}

const digest = (records: CycleRecord[]): string => createHash('sha256').update(JSON.stringify(records)).digest('hex').slice(0, 16)

/** run schedules the first `count` pods; returns per pod the result and the records' digests per 100 cycles. */
export function runPlacements(detail: Detail, count = 2000): { placements: string[]; messages: string[]; records: string[] } {
  const rng = new Rng(17)
  const nodes = buildNodes(rng.fork('nodes'))
  const podRng = rng.fork('pods')
  const pods = Array.from({ length: 2000 }, (_, i) => buildPod(i, podRng)).slice(0, count)
  let preemption: { node: string; victims: PodInfo[] } | null = null
  const core = new SchedulerCore({
    settings: settings(), rng: new Rng(1), detail,
    defaultSelector: (pi) => {
      const app = pi.pod.metadata?.labels?.app
      return app?.startsWith('web-') ? { matchLabels: { app } } : null
    },
    actions: {
      bind: (_p, _n, done) => done(null),
      preempt: (_p, n, victims) => { preemption = { node: n, victims } },
    },
  })
  for (const n of nodes) core.cache.addNode(n)
  const fwk = core.frameworks.get('default-scheduler')
  if (!fwk) throw new Error('no default profile')
  const placements: string[] = []
  const messages: string[] = []
  const records: string[] = []
  let chunk: CycleRecord[] = []
  const retries: { at: number; pod: Pod }[] = []
  const order: Pod[] = []
  let next = 0
  while (next < pods.length || retries.length > 0) {
    const due = retries.length > 0 && (retries[0].at <= order.length || next >= pods.length)
    const p = due ? (retries.shift() as { pod: Pod }).pod : pods[next++]
    order.push(p)
    const pi = new PodInfo(p)
    const state = core.newCycleState(fwk, pi)
    preemption = null
    const r = core.schedulePod(fwk, state, pi)
    if (state.recorder) chunk.push(state.recorder.record)
    if (chunk.length === 100) { records.push(digest(chunk)); chunk = [] }
    if (r.kind === 'scheduled') {
      core.deleteNominatedPod(pi.key)
      core.cache.assumePod(pi, r.node)
      placements.push(r.node)
      continue
    }
    let k = messages.indexOf(r.message)
    if (k < 0) k = messages.push(r.message) - 1
    const pre = preemption as { node: string; victims: PodInfo[] } | null
    if (r.kind === 'unschedulable' && r.postFilterResult && pre) {
      for (const v of pre.victims) core.cache.removePod(v.key)
      const retried: Pod = { ...p, status: { ...p.status, nominatedNodeName: pre.node } }
      core.addNominatedPod(new PodInfo(retried), pre.node)
      retries.push({ at: order.length + 5, pod: retried })
      placements.push(`#${k}>${pre.node}`)
    } else {
      placements.push(`#${k}`)
    }
  }
  if (chunk.length > 0) records.push(digest(chunk))
  return { placements, messages, records }
}

describe('placements of a fixed 500-node, 2,000-pod run', () => {
  it('match the fixture (node per pod, FitError texts, cycle records)', () => {
    const compact = runPlacements('compact')
    const full = runPlacements('full', 400)
    const now: PlacementsFixture = {
      placements: compact.placements, messages: compact.messages, compactRecords: compact.records, fullRecords: full.records,
    }
    // The full-detail run of the first pods schedules them exactly as the compact run did.
    expect(full.placements.slice(0, 300)).toEqual(compact.placements.slice(0, 300))
    if (UPDATE) writeFileSync(FILE, JSON.stringify(now) + '\n')
    const fixture = JSON.parse(readFileSync(FILE, 'utf8')) as PlacementsFixture
    expect(now.messages).toEqual(fixture.messages)
    expect(now.placements).toEqual(fixture.placements)
    expect(now.compactRecords).toEqual(fixture.compactRecords)
    expect(now.fullRecords).toEqual(fixture.fullRecords)
  }, 120_000)

  it('covers the shapes it claims: failures of several kinds, preemption and most pods placed', () => {
    const fixture = JSON.parse(readFileSync(FILE, 'utf8')) as PlacementsFixture
    const placed = fixture.placements.filter((p) => !p.startsWith('#')).length
    expect(placed).toBeGreaterThan(1500)
    expect(fixture.placements.some((p) => p.includes('>'))).toBe(true)
    const all = fixture.messages.join('\n')
    for (const reason of ["didn't match pod anti-affinity rules", 'Insufficient cpu', "didn't match pod topology spread constraints"]) {
      expect(all).toContain(reason)
    }
  })
})
