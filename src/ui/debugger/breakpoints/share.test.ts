import { describe, expect, it } from 'vitest'
import { decodeScenario, encodeScenario } from '../../../app/share.ts'
import type { Breakpoint } from './match.ts'

describe('breakpoints in shared links', () => {
  it('travel in a link, enabled or not', async () => {
    const breakpoints: Breakpoint[] = [
      { id: 1, enabled: true, kind: 'failedScheduling' },
      { id: 2, enabled: false, kind: 'rejectsNode', node: 'worker-2', plugin: 'TaintToleration' },
    ]
    const back = await decodeScenario(await encodeScenario({ manifest: 'x', seed: 1, breakpoints }))
    expect(back).toEqual({ manifest: 'x', seed: 1, breakpoints })
  })
  it('a link without them (an older link) has none, and leaves the reader\'s alone', async () => {
    const back = await decodeScenario(await encodeScenario({ manifest: 'x', seed: 1, breakpoints: [] }))
    expect(back).toEqual({ manifest: 'x', seed: 1 })
  })
})
