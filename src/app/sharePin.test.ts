import { describe, expect, it } from 'vitest'
import { deflateSync } from 'node:zlib'
import { decodeScenario, encodeScenario } from './share.ts'
import type { Scenario } from './share.ts'
import { delta, undelta, writePin } from './sharePin.ts'
import { EXAMPLE_POD } from '../protocol/examples.ts'
import { presetText } from '../protocol/clusters.ts'
import { readPinned } from './slices/compare.ts'

const def = presetText('default')
const two = presetText('two-nodes')
const most = `---
apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
profiles:
- schedulerName: default-scheduler
  pluginConfig:
  - name: NodeResourcesFit
    args: {scoringStrategy: {type: MostAllocated}}
`

const linkOf = (json: unknown) => `#s=v1.${Buffer.from(deflateSync(JSON.stringify(json))).toString('base64url')}`

describe('a pinned run in a shared link', () => {
  it('round-trips a pin that differs by the cluster file, carrying only the difference', async () => {
    const s: Scenario = {
      manifest: EXAMPLE_POD, cluster: two + most, seed: 3, pinned: { manifest: EXAMPLE_POD, cluster: two, seed: 3 },
    }
    const wire = writePin(s.pinned ?? { manifest: '', seed: 1 }, s, def)
    expect(wire).toEqual({ c: [two.length, 0, ''] })
    expect(await decodeScenario(await encodeScenario(s, def))).toEqual(s)
  })

  it('a link without a pin is as before; a pin like the scenario is an empty object', async () => {
    const plain: Scenario = { manifest: EXAMPLE_POD, seed: 1 }
    expect(await decodeScenario(await encodeScenario(plain, def))).toEqual(plain)
    const same: Scenario = { ...plain, pinned: { manifest: EXAMPLE_POD, seed: 1 } }
    expect(writePin({ manifest: EXAMPLE_POD, seed: 1 }, plain, def)).toEqual({})
    expect(await decodeScenario(await encodeScenario(same, def))).toEqual(same)
  })

  it('the default cluster on one side only, another seed, user and session', async () => {
    const pinned = { manifest: 'kind: Pod', seed: 7, user: 'alice', session: [{ argv: ['get', 'pods'], atMs: 5 }] }
    const onDefault: Scenario = { manifest: EXAMPLE_POD, cluster: two, seed: 1, pinned }
    expect(writePin(pinned, onDefault, def).c).toBeNull()
    expect(await decodeScenario(await encodeScenario(onDefault, def))).toEqual(onDefault)
    const pinnedTwo: Scenario = { manifest: EXAMPLE_POD, seed: 1, pinned: { ...pinned, cluster: two } }
    expect(writePin({ ...pinned, cluster: two }, pinnedTwo, def).c).toBe(two)
    expect(await decodeScenario(await encodeScenario(pinnedTwo, def))).toEqual(pinnedTwo)
  })

  it('delta keeps the text whole when the difference saves little, and undelta refuses what does not fit', () => {
    expect(delta('abc', 'abd')).toBe('abd')
    const base = 'x'.repeat(100)
    expect(delta(base, `${base}yz`)).toEqual([100, 0, 'yz'])
    expect(undelta(base, [100, 0, 'yz'])).toBe(`${base}yz`)
    expect(undelta(base, [80, 30, ''])).toBeUndefined()
    expect(undelta(undefined, [0, 0, ''])).toBeUndefined()
    expect(undelta(base, [1.5, 0, ''])).toBeUndefined()
  })

  it('a damaged pin is refused with one line', async () => {
    for (const q of [[], { m: [5, 5, 1] }, { s: -1 }, { c: [0, 9999, ''] }, { k: 'x' }, { u: 3 }]) {
      const back = await decodeScenario(linkOf({ m: 'kind: Pod', s: 1, q }))
      const error = back && 'error' in back ? back.error : ''
      expect(error).toMatch(/^This scenario link is damaged: its pinned run's [^\n]+\.$/)
    }
  })
})

describe('the pin kept across reloads', () => {
  it('reads back what the slice wrote, and nothing else', () => {
    const pin = { manifest: 'm', cluster: 'c', seed: 2, user: 'alice', session: [{ argv: ['get', 'pods'] }] }
    expect(readPinned(JSON.stringify(pin))).toEqual(pin)
    expect(readPinned(null)).toBeUndefined()
    expect(readPinned('{')).toBeUndefined()
    expect(readPinned(JSON.stringify({ manifest: 'm', cluster: 'c', seed: -1 }))).toBeUndefined()
    expect(readPinned(JSON.stringify({ manifest: 'm', seed: 1 }))).toBeUndefined()
  })
})
