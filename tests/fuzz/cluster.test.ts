/** Fuzz (issue #16): mutated cluster documents, through the CLI in-process. */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { seedsFor } from './corpus.ts'
import { FUZZ_SEED, check } from './harness.ts'
import { treeMutationArb } from './mutate.ts'

describe('fuzz: hostile cluster documents never crash the CLI', () => {
  it('mutated cluster documents answer exit 0, 1 or 2 with a message (500 documents)', { timeout: 120_000 }, () => {
    fc.assert(fc.property(treeMutationArb(seedsFor('cluster')), ({ seed, text }) => {
      check('cluster', seed, text)
    }), { seed: FUZZ_SEED, numRuns: 500, endOnFailure: true })
  })
})
