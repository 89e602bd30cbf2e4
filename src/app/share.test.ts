import { describe, expect, it } from 'vitest'
import { deflateSync } from 'node:zlib'
import { MAX_DECOMPRESSED_BYTES, MAX_SEED, decodeScenario, encodeScenario } from './share.ts'
import type { Scenario } from './share.ts'
import { EXAMPLE_POD } from '../protocol/examples.ts'
import { presetText } from '../protocol/clusters.ts'

/** A v1 link whose payload is `bytes` deflated as the format says (for crafting links encodeScenario would not make). */
function linkOf(bytes: Uint8Array | string, version = 'v1'): string {
  return `#s=${version}.${Buffer.from(deflateSync(bytes)).toString('base64url')}`
}

async function roundTrip(s: Scenario, defaultCluster?: string) {
  const hash = await encodeScenario(s, defaultCluster)
  expect(hash).toMatch(/^#s=v1\.[A-Za-z0-9_-]+$/)
  return { hash, back: await decodeScenario(hash) }
}

function isError(x: unknown): x is { error: string } {
  return typeof x === 'object' && x !== null && typeof (x as { error?: unknown }).error === 'string'
}

function expectError(x: unknown, pattern: RegExp) {
  expect(isError(x)).toBe(true)
  const { error } = x as { error: string }
  expect(error).toMatch(pattern)
  expect(error).not.toContain('\n')
}

describe('share links', () => {
  it('round-trips a manifest alone', async () => {
    const { back } = await roundTrip({ manifest: EXAMPLE_POD, seed: 1 })
    expect(back).toEqual({ manifest: EXAMPLE_POD, seed: 1 })
    expect(back && 'cluster' in back).toBe(false)
  })

  it('round-trips a manifest with a custom cluster and a large seed', async () => {
    const cluster = presetText('zones') + '# edited\n'
    const { back } = await roundTrip({ manifest: EXAMPLE_POD, cluster, seed: MAX_SEED }, presetText('default'))
    expect(back).toEqual({ manifest: EXAMPLE_POD, cluster, seed: MAX_SEED })
  })

  it('round-trips the playhead, and refuses one that is not a step number', async () => {
    const { back } = await roundTrip({ manifest: EXAMPLE_POD, seed: 1, at: 42 })
    expect(back).toEqual({ manifest: EXAMPLE_POD, seed: 1, at: 42 })
    expectError(await decodeScenario(linkOf(JSON.stringify({ m: 'x', s: 1, p: -3 }))), /its playhead is not a step number/)
  })

  it('round-trips the user kubectl runs as, and refuses a user that is not a name', async () => {
    const { back } = await roundTrip({ manifest: EXAMPLE_POD, seed: 1, user: 'alice' })
    expect(back).toEqual({ manifest: EXAMPLE_POD, seed: 1, user: 'alice' })
    expectError(await decodeScenario(linkOf(JSON.stringify({ m: 'x', s: 1, u: 7 }))), /its user is not a name/)
  })

  it('round-trips unicode, control characters and empty text', async () => {
    const manifest = 'metadata:\n  name: "ünïcödé — 日本語 🚀"\n  note: "tab\there, nul\u0000, lone \\ud800"\r\n'
    expect((await roundTrip({ manifest, cluster: '', seed: 0 })).back).toEqual({ manifest, cluster: '', seed: 0 })
    expect((await roundTrip({ manifest: '', seed: 7 })).back).toEqual({ manifest: '', seed: 7 })
  })

  it('leaves out a cluster equal to the default and decodes it as undefined', async () => {
    const def = presetText('default')
    const withDefault = await roundTrip({ manifest: EXAMPLE_POD, cluster: def, seed: 3 }, def)
    const without = await roundTrip({ manifest: EXAMPLE_POD, seed: 3 }, def)
    expect(withDefault.hash).toBe(without.hash)
    expect(withDefault.back).toEqual({ manifest: EXAMPLE_POD, seed: 3 })
    // Without a defaultCluster to compare with, the cluster is kept.
    expect((await roundTrip({ manifest: EXAMPLE_POD, cluster: def, seed: 3 })).back).toEqual({ manifest: EXAMPLE_POD, cluster: def, seed: 3 })
  })

  it('reads the scenario among other fragment parameters, with or without the #', async () => {
    const hash = await encodeScenario({ manifest: 'a', seed: 2 })
    expect(await decodeScenario(`#x=1&${hash.slice(1)}&y=2`)).toEqual({ manifest: 'a', seed: 2 })
    expect(await decodeScenario(hash.slice(1))).toEqual({ manifest: 'a', seed: 2 })
  })

  it('returns undefined for a fragment without a scenario', async () => {
    for (const h of ['', '#', '#step=12', '#ss=v1.abc', 'x=1&y=2']) expect(await decodeScenario(h)).toBeUndefined()
  })

  it('reports corrupt base64', async () => {
    const hash = await encodeScenario({ manifest: EXAMPLE_POD, seed: 1 })
    expectError(await decodeScenario(hash.slice(0, 10) + '!@$' + hash.slice(10)), /characters/)
    expectError(await decodeScenario(hash + '='), /characters/)
    expectError(await decodeScenario(hash.replace(/.$/, '') + '%20'), /characters/)
    expectError(await decodeScenario('#s=v1.A'), /characters/) // a length no base64 can have
  })

  it('reports truncated and damaged data', async () => {
    const hash = await encodeScenario({ manifest: EXAMPLE_POD, cluster: presetText('zones'), seed: 1 })
    for (const cut of [hash.length - 1, hash.length - 8, Math.floor(hash.length / 2), 12]) {
      expectError(await decodeScenario(hash.slice(0, cut)), /damaged|incomplete/)
    }
    expectError(await decodeScenario('#s=v1.'), /damaged|incomplete/)
    // Flip bits in the middle of the compressed data: the deflate checksum (adler-32) or the stream itself fails.
    const mid = 6 + Math.floor((hash.length - 6) / 2)
    const flipped = hash.slice(0, mid) + (hash[mid] === 'A' ? 'B' : 'A') + hash.slice(mid + 1)
    expectError(await decodeScenario(flipped), /damaged|incomplete|readable|scenario/)
    // Valid deflate of something that is not JSON, or not UTF-8.
    expectError(await decodeScenario(linkOf('not json')), /not readable/)
    expectError(await decodeScenario(linkOf(new Uint8Array([0x22, 0xff, 0xfe, 0x22]))), /not readable/)
  })

  it('reports an unknown version or a missing one', async () => {
    const hash = await encodeScenario({ manifest: EXAMPLE_POD, seed: 1 })
    expectError(await decodeScenario(hash.replace('v1.', 'v2.')), /format v2.*reads v1/)
    expectError(await decodeScenario(hash.replace('v1.', '')), /no format version/)
    expectError(await decodeScenario('#s='), /no format version/)
  })

  it('reports wrong types', async () => {
    const cases: [unknown, RegExp][] = [
      [null, /not describe a scenario/],
      [[1, 2], /not describe a scenario/],
      ['text', /not describe a scenario/],
      [{ s: 1 }, /manifest/],
      [{ m: 42, s: 1 }, /manifest/],
      [{ m: 'a', c: 5, s: 1 }, /cluster/],
      [{ m: 'a', c: null, s: 1 }, /cluster/],
      [{ m: 'a' }, /seed/],
      [{ m: 'a', s: '1' }, /seed/],
      [{ m: 'a', s: -1 }, /seed/],
      [{ m: 'a', s: 1.5 }, /seed/],
      [{ m: 'a', s: MAX_SEED + 1 }, /seed/],
      [{ m: 'a', s: 2 ** 53 }, /seed/],
      [{ m: 'a', s: 1e400 }, /seed/],
    ]
    for (const [value, pattern] of cases) expectError(await decodeScenario(linkOf(JSON.stringify(value))), pattern)
    // Unknown extra fields are ignored and never leak into the scenario.
    expect(await decodeScenario(linkOf(JSON.stringify({ m: 'a', s: 1, x: 'y', __proto__: { z: 1 } })))).toEqual({ manifest: 'a', seed: 1 })
  })

  it('refuses a payload that unpacks to more than the cap, without unpacking it all', async () => {
    // 64 MB of spaces deflate to about 64 KB: a small link that would be a large allocation. (Node's zlib honours
    // backpressure by itself; the 1 KB input chunks in share.ts are for browsers that inflate a whole chunk at once.)
    const bomb = new Uint8Array(64 * 1024 * 1024).fill(0x20)
    bomb[0] = 0x7b
    const hash = linkOf(bomb)
    expect(hash.length).toBeLessThan(200_000)
    const before = process.memoryUsage().arrayBuffers
    expectError(await decodeScenario(hash), /too large/)
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024)
    // Just over the cap, made by encodeScenario itself.
    const big = 'x'.repeat(MAX_DECOMPRESSED_BYTES)
    expectError(await decodeScenario(await encodeScenario({ manifest: big, seed: 1 })), /too large/)
    // Just under it is fine.
    const ok = 'y'.repeat(MAX_DECOMPRESSED_BYTES - 100)
    expect(await decodeScenario(await encodeScenario({ manifest: ok, seed: 1 }))).toEqual({ manifest: ok, seed: 1 })
  })

  it('refuses an encoded payload longer than any scenario could need', async () => {
    expectError(await decodeScenario('#s=v1.' + 'A'.repeat(3 * 1024 * 1024 + 4)), /too large/)
  })

  it('keeps typical links short', async () => {
    const pod = await encodeScenario({ manifest: EXAMPLE_POD, seed: 1 }, presetText('default'))
    const zones = await encodeScenario({ manifest: EXAMPLE_POD, cluster: presetText('zones'), seed: 1 }, presetText('default'))
    console.log(`link lengths: example pod ${pod.length} chars; example pod + zones preset ${zones.length} chars (zones text ${presetText('zones').length} chars)`)
    expect(pod.length).toBeLessThan(400)
    expect(zones.length).toBeLessThan(2000)
  })
})

describe('share links carry the console session (k)', () => {
  const session = [
    { argv: ['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=3'], atMs: 1126 },
    { argv: ['apply', '-f', '-'], sleepMs: 2000, stdin: 'apiVersion: v1\nkind: Pod\n' },
    { argv: ['scale', 'deployment', 'web', '--replicas=1'] },
  ]

  it('round-trips a session, with and without the editor apply', async () => {
    const plain = { manifest: EXAMPLE_POD, seed: 1, session }
    expect((await roundTrip(plain)).back).toEqual(plain)
    const { back } = await roundTrip({ manifest: EXAMPLE_POD, seed: 2, session, skipManifest: true, at: 40 })
    expect(back).toEqual({ manifest: EXAMPLE_POD, seed: 2, session, skipManifest: true, at: 40 })
  })

  it('an empty session is left out, and an old link without k opens as before', async () => {
    const { hash, back } = await roundTrip({ manifest: EXAMPLE_POD, seed: 1, session: [], skipManifest: true })
    expect(back).toEqual({ manifest: EXAMPLE_POD, seed: 1 })
    const old = linkOf(JSON.stringify({ m: EXAMPLE_POD, s: 1, p: 3 }))
    expect(await decodeScenario(old)).toEqual({ manifest: EXAMPLE_POD, seed: 1, at: 3 })
    expect(hash.length).toBeGreaterThan(4)
  })

  it('refuses a session that is not a list of commands', async () => {
    const bad = [{}, [{}], [{ a: [] }], [{ a: ['get', 1] }], [{ a: ['get'], t: -1 }], [{ a: ['get'], t: 'x' }]]
    for (const k of [...bad, [{ a: ['get'], i: 3 }], ['get pods']]) {
      expectError(await decodeScenario(linkOf(JSON.stringify({ m: 'x', s: 1, k }))), /console session/)
    }
  })
})
