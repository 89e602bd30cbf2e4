import { describe, expect, it } from 'vitest'
import {
  CycleRecorder, newCycleRecord, recordFilterRows, recordRunnerUp, recordScores, recordTotal, scoreRanking, showTables,
} from './record.ts'
import type { CycleRecord, Detail } from './record.ts'
import type { ScoredPlugin } from './runtime.ts'
import { Code, newStatus } from './status.ts'
import type { NodeInfo } from './types.ts'

const nodes = ['node-c', 'node-a', 'node-b', 'node-d'].map((name) => ({ name }) as NodeInfo)
const plugins: ScoredPlugin[] = [
  { plugin: 'NodeResourcesFit', weight: 1, raw: [40, 60, 60, 10], normalized: [40, 60, 60, 10] },
  { plugin: 'ImageLocality', weight: 1, raw: [0, 123, 123, 0], normalized: [0, 50, 50, 0] },
  { plugin: 'TaintToleration', weight: 3, raw: null, normalized: [100, 100, 100, 100] },
]
const totals = [340, 410, 410, 310]

/** fill records one cycle's filter rows and scores into `rec`, the way scheduleOne does. */
function fill(rec: CycleRecord): CycleRecord {
  const rejected = newStatus(Code.Unschedulable, 'node(s) had untolerated taint {dedicated: gpu}')
  rejected.withPlugin('TaintToleration')
  rec.evaluated = ['node-c', 'node-a', 'node-e', 'node-b', 'node-d']
  recordFilterRows(rec, rec.evaluated, ['NodeUnschedulable', 'TaintToleration', 'NodeResourcesFit'],
    new Map([['node-e', rejected]]))
  recordScores(rec, nodes, plugins, totals, 1)
  return rec
}

describe('a recorder record writes its tables out on first read', () => {
  for (const detail of ['full', 'compact'] as Detail[]) {
    it(`gives the JSON and structured clone a plain record gives (${detail})`, () => {
      const plain = fill(newCycleRecord('default/web', 'default-scheduler', detail))
      const tabled = fill(new CycleRecorder('default/web', 'default-scheduler', detail).record)
      expect(JSON.stringify(tabled)).toBe(JSON.stringify(plain))
      expect(structuredClone(tabled)).toEqual(structuredClone(plain))
      expect(Object.keys(tabled)).toEqual(Object.keys(plain))
    })
  }

  it('builds each table once: every read returns the same object', () => {
    const rec = fill(new CycleRecorder('default/web', 'default-scheduler', 'full').record)
    expect(rec.filter).toBe(rec.filter)
    expect(rec.totalScore).toBe(rec.totalScore)
    expect(rec.score['node-a']).toBe(rec.score['node-b'])
    expect(rec.filter['node-c']).toBe(rec.filter['node-a'])
    expect(rec.filter['node-e']).toEqual({ NodeUnschedulable: 'passed', TaintToleration: 'node(s) had untolerated taint {dedicated: gpu}' })
  })

  it('keeps a compact record\'s nodes best first, each with its own scores', () => {
    const rec = fill(new CycleRecorder('default/web', 'default-scheduler', 'compact').record)
    expect(rec.totalScore).toEqual({ 'node-a': 410, 'node-b': 410, 'node-c': 340, 'node-d': 310 })
    expect(Object.keys(rec.totalScore)).toEqual(['node-a', 'node-b', 'node-c', 'node-d'])
    expect(rec.score['node-a']).toEqual({ NodeResourcesFit: 60, ImageLocality: 123, TaintToleration: 100 })
    expect(rec.finalScore['node-c']).toEqual({ NodeResourcesFit: 40, ImageLocality: 0, TaintToleration: 300 })
    expect(rec.normalizedScore['node-d']).toEqual({ NodeResourcesFit: 10, ImageLocality: 0, TaintToleration: 100 })
  })

  it('answers totals and the ranking from the arrays as the tables would', () => {
    const tabled = fill(new CycleRecorder('default/web', 'default-scheduler', 'full').record)
    const plain = fill(newCycleRecord('default/web', 'default-scheduler', 'full'))
    for (const n of ['node-a', 'node-b', 'node-c', 'node-d', 'node-x']) {
      expect(recordTotal(tabled, n)).toBe(plain.totalScore[n])
      expect(recordRunnerUp(tabled, n)).toEqual(recordRunnerUp(plain, n))
    }
    expect(scoreRanking(tabled)).toEqual(scoreRanking(plain))
    expect(scoreRanking(tabled).top[0]).toEqual(['node-a', 410])
  })

  it('shares one getter per table among all records (a getter made per record gave each a dictionary of its own)', () => {
    const a = new CycleRecorder('default/a', 'default-scheduler', 'full').record
    const b = new CycleRecorder('default/b', 'default-scheduler', 'full').record
    for (const key of ['filter', 'score', 'normalizedScore', 'finalScore', 'totalScore']) {
      const getA = Object.getOwnPropertyDescriptor(a, key)?.get
      expect(getA, key).toBeTypeOf('function')
      expect(Object.getOwnPropertyDescriptor(b, key)?.get).toBe(getA)
    }
  })

  it('shows a full record\'s tables in a step\'s details through the same getters, keys in place', () => {
    const rec = fill(new CycleRecorder('default/web', 'default-scheduler', 'full').record)
    const view = showTables({ scorePlugins: rec.scorePlugins, score: {}, totalScore: {}, numFeasible: 4 }, rec,
      ['score', 'totalScore'])
    expect(Object.keys(view)).toEqual(['scorePlugins', 'score', 'totalScore', 'numFeasible'])
    expect(view.score).toBe(rec.score)
    expect(view.totalScore).toBe(rec.totalScore)
    expect(Object.getOwnPropertyDescriptor(view, 'score')?.get).toBe(Object.getOwnPropertyDescriptor(rec, 'score')?.get)
    expect(scoreRanking(view)).toEqual(scoreRanking(rec))
    const compact = fill(new CycleRecorder('default/web', 'default-scheduler', 'compact').record)
    const data = { score: compact.score }
    expect(showTables(data, compact, ['score'])).toBe(data)
    const plain = fill(newCycleRecord('default/web', 'default-scheduler', 'full'))
    const shown = showTables({ filter: undefined, score: {}, detail: 'full' }, plain, ['filter', 'score'])
    expect(JSON.stringify(shown)).toBe(JSON.stringify({ filter: plain.filter, score: plain.score, detail: 'full' }))
  })
})
