import { describe, expect, it } from 'vitest'
import { unixNanoHex } from './eventRecorder.ts'

describe('unixNanoHex', () => {
  it('is wallMs × 10⁶ + ns in hex, as the BigInt sum is, across the range of wall clocks', () => {
    const cases: [number, number][] = [[0, 0], [0, 999_999], [1, 0], [2 ** 24 - 1, 999_999], [2 ** 24, 0]]
    for (let i = 0; i < 2000; i++) cases.push([1_700_000_000_000 + i * 7_919_113, (i * 7_777) % 1_000_000])
    cases.push([Date.UTC(2100, 0, 1), 123_456], [8_640_000_000_000, 999_999])
    for (const [ms, ns] of cases) expect(unixNanoHex(ms, ns), `${ms} ${ns}`).toBe((BigInt(ms) * 1_000_000n + BigInt(ns)).toString(16))
  })
})
