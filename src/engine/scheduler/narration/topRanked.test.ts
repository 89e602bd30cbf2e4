import { describe, expect, it } from 'vitest'
import { topRanked } from './cycle.ts'

const fullSort = (totals: Record<string, number>) =>
  Object.entries(totals).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))

describe('topRanked', () => {
  it('gives the first k of a full sort (score, then name), ties and all', () => {
    let seed = 7
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let round = 0; round < 200; round++) {
      const totals: Record<string, number> = {}
      const n = Math.floor(rand() * 40)
      for (let i = 0; i < n; i++) totals[`node-${Math.floor(rand() * 1000)}`] = Math.floor(rand() * 6) * 50
      for (const k of [1, 3, 5]) {
        const { top, count } = topRanked({ totalScore: totals }, k)
        expect(top).toEqual(fullSort(totals).slice(0, k))
        expect(count).toBe(Object.keys(totals).length)
      }
    }
  })

  it('is empty for no nodes', () => {
    expect(topRanked({ totalScore: {} }, 5)).toEqual({ top: [], count: 0 })
  })
})
