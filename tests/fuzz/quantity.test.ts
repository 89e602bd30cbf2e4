/** Fuzz (issue #16): resource.Quantity parsing answers at once, whatever the string, and round-trips its output. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  QUANTITY_FORMAT_WRONG, QUANTITY_NUMERIC, QUANTITY_SUFFIX, compareQuantity, formatQuantity, parseQuantity,
  quantityError,
} from '../../src/engine/api/quantity.ts'
import { FUZZ_SEED } from './harness.ts'

const ERRORS = new Set([undefined, QUANTITY_FORMAT_WRONG, QUANTITY_NUMERIC, QUANTITY_SUFFIX])
const quantityChars = fc.constantFrom(...'0123456789.+-eEinumkKMGTP ', '9'.repeat(30), 'e999999999', 'e-999999999')
const quantityLike = fc.array(quantityChars, { maxLength: 24 }).map((cs) => cs.join(''))

describe('fuzz: quantities', () => {
  it('any string gets ParseQuantity\'s answer (one of its three errors, or a quantity)', () => {
    fc.assert(fc.property(fc.oneof(quantityLike, fc.string({ unit: 'grapheme', maxLength: 30 })), (s) => {
      const err = quantityError(s)
      expect(ERRORS.has(err)).toBe(true)
      expect(parseQuantity(s) === null).toBe(err !== undefined)
    }), { seed: FUZZ_SEED, numRuns: 3_000 })
  })

  it('String() parses back to the same value (below 1000E, where DecimalSI runs out of suffixes)', () => {
    const input = fc.tuple(fc.integer({ min: -999_999, max: 999_999 }), fc.nat({ max: 9 }),
      fc.constantFrom('', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'e-30', 'e7',
        'e300', 'e999999999')).map(([n, frac, sfx]) => `${n}.${frac}${sfx}`)
    fc.assert(fc.property(input, (s) => {
      const q = parseQuantity(s)
      expect(q).not.toBeNull()
      if (!q) return
      const back = parseQuantity(formatQuantity(q))
      expect(back && compareQuantity(q, back)).toBe(0)
    }), { seed: FUZZ_SEED, numRuns: 2_000 })
  })
})
