import { describe, expect, it } from 'vitest'
import { matchesLabelSelector } from '../../api/labels.ts'
import type { LabelSelector } from '../../api/types.ts'
import { selectorMatches } from './selector.ts'

// selectorMatches must answer exactly as matchesLabelSelector (it only parses the selector once).
const selectors: (LabelSelector | null)[] = [
  null, {}, { matchLabels: {} }, { matchLabels: { app: 'web' } }, { matchLabels: { app: 'web', tier: 'fe' } },
  { matchExpressions: [{ key: 'app', operator: 'In', values: ['web', 'db'] }] },
  { matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] },
  { matchExpressions: [{ key: 'tier', operator: 'Exists' }] },
  { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] },
  { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] },
  { matchLabels: { toString: 'x' } },
]
const labelSets: (Record<string, string> | undefined)[] = [undefined, {}, { app: 'web' }, { app: 'db', tier: 'fe' }, { app: 'web', tier: 'fe' }, { toString: 'x' }]

describe('selectorMatches', () => {
  it('agrees with matchesLabelSelector on every selector and label set, twice (parsed, then cached)', () => {
    for (let round = 0; round < 2; round++) {
      for (const s of selectors) {
        for (const l of labelSets) expect([s, l, selectorMatches(s, l)]).toEqual([s, l, matchesLabelSelector(s, l)])
      }
    }
  })
})
