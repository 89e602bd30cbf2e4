/** Fuzz (issue #16): damaged text (truncated, tabs, BOM, invalid UTF-8, aliases) in every role. */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { type Role, seedsFor } from './corpus.ts'
import { FUZZ_SEED, check } from './harness.ts'
import { textMutationArb } from './mutate.ts'

const RUNS: [Role, number][] = [['manifest', 300], ['cluster', 150], ['config', 50]]

describe('fuzz: damaged YAML text never crashes the CLI', () => {
  for (const [role, numRuns] of RUNS) {
    const name = `damaged ${role} files answer exit 0, 1 or 2 with a message (${numRuns} documents)`
    it(name, { timeout: 120_000 }, () => {
      fc.assert(fc.property(textMutationArb(seedsFor(role)), ({ seed, bytes }) => {
        check(role, seed, bytes)
      }), { seed: FUZZ_SEED, numRuns, endOnFailure: true })
    })
  }
})
