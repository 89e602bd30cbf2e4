/** Fuzz (issue #16): mutated manifest documents, through the CLI in-process. */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { seedsFor } from './corpus.ts'
import { FUZZ_SEED, check } from './harness.ts'
import { treeMutationArb } from './mutate.ts'

describe('fuzz: hostile manifest documents never crash the CLI', () => {
  it('mutated manifest documents answer exit 0, 1 or 2 with a message (800 documents)', { timeout: 120_000 }, () => {
    fc.assert(fc.property(treeMutationArb(seedsFor('manifest')), ({ seed, text }) => {
      check('manifest', seed, text)
    }), { seed: FUZZ_SEED, numRuns: 800, endOnFailure: true })
  })
})
