/** Fuzz (issue #16): mutated config documents, through the CLI in-process. */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { seedsFor } from './corpus.ts'
import { FUZZ_SEED, check } from './harness.ts'
import { treeMutationArb } from './mutate.ts'

describe('fuzz: hostile config documents never crash the CLI', () => {
  it('mutated config documents answer exit 0, 1 or 2 with a message (200 documents)', { timeout: 120_000 }, () => {
    fc.assert(fc.property(treeMutationArb(seedsFor('config')), ({ seed, text }) => {
      check('config', seed, text)
    }), { seed: FUZZ_SEED, numRuns: 200, endOnFailure: true })
  })
})
