/**
 * Arbitraries that turn a valid document into a hostile one: a value of the wrong type, null, a huge or tiny number,
 * deep nesting, unicode, a deleted or unknown key — on the parsed tree — or a damaged text (truncated, tabs, a BOM,
 * invalid UTF-8, aliases, duplicate keys).
 */
import fc from 'fast-check'
import { parseAllDocuments, stringify } from 'yaml'
import type { Seed } from './corpus.ts'

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

const isObject = (v: Json): v is { [k: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v)

/** nest builds an object or list `depth` levels deep. */
function nest(depth: number, list: boolean): Json {
  let v: Json = list ? [1] : { leaf: 'x' }
  for (let i = 0; i < depth; i++) v = list ? [v] : { a: v }
  return v
}

export const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<Json>(
    null, true, false, 0, -1, 7, 1.5, 1e308, -1e308, 5e-324, 2 ** 53 + 2, -(2 ** 63), 1e21,
    '', ' ', 'null', '~', 'yes', '0x1F', '1e999999999', '-1', '1e-999999999', '9223372036854775808', '-0', '.5',
    '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '日本語', '😀', '\u202egnp.exe', 'a\u0000b',
    '\t', '\ufeff', 'Ki', 'Ei', '1.2.3', [], {}, [null], [[]], { '': null }, [{}], { kind: 7 },
  ) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 300 }), fc.boolean()).map(([d, l]) => nest(d, l)) },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 100_000 }).map((n) => 'x'.repeat(n)) },
)

/** flip gives a value of another JSON type carrying the same content. */
function flip(v: Json): Json {
  if (v === null) return {}
  if (Array.isArray(v)) return v.length ? { 0: v[0] } : ''
  if (isObject(v)) return Object.keys(v).length ? Object.keys(v) : 'object'
  if (typeof v === 'string') return /^\d+$/.test(v) ? Number(v) : [v]
  if (typeof v === 'number') return String(v)
  return v ? 'true' : 0
}

type Op = 'replace' | 'delete' | 'addKey' | 'flip' | 'wrap' | 'nullItems'
export interface Mutation { pick: number; op: Op; value: Json; key: string }

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  pick: fc.nat(),
  op: fc.constantFrom<Op>('replace', 'replace', 'replace', 'delete', 'addKey', 'flip', 'wrap', 'nullItems'),
  value: hostileValue,
  key: fc.oneof(fc.constantFrom('kind', 'apiVersion', 'metadata', 'spec', 'status', 'items', 'name', ''),
    fc.string({ unit: 'grapheme', maxLength: 12 })),
})

/** Every container in the tree with a key into it, so a mutation can reach any value, the root's included. */
function places(root: Json[]): [Json[] | { [k: string]: Json }, string | number][] {
  const out: [Json[] | { [k: string]: Json }, string | number][] = []
  const walk = (v: Json) => {
    if (Array.isArray(v)) v.forEach((x, i) => { out.push([v, i]); walk(x) })
    else if (isObject(v)) for (const k of Object.keys(v)) { out.push([v, k]); walk(v[k]) }
  }
  walk(root)
  return out
}

function applyMutation(docs: Json[], m: Mutation): void {
  const all = places(docs)
  if (all.length === 0) return
  const [parent, key] = all[m.pick % all.length]
  const get = (): Json => (Array.isArray(parent) ? parent[key as number] : parent[key as string])
  const set = (v: Json) => { if (Array.isArray(parent)) parent[key as number] = v; else parent[key as string] = v }
  const current = get()
  switch (m.op) {
    case 'replace': set(m.value); break
    case 'delete': if (Array.isArray(parent)) parent.splice(key as number, 1); else delete parent[key as string]; break
    case 'addKey': if (isObject(current)) current[m.key] = m.value; else set({ [m.key]: m.value }); break
    case 'flip': set(flip(current)); break
    case 'wrap': set([current, m.value]); break
    case 'nullItems': set(Array.isArray(current) ? current.map(() => null) : [null]); break
  }
}

/** parseSeed reads a seed's documents as plain data, or undefined when the seed is not valid YAML to begin with. */
export function parseSeed(seed: Seed): Json[] | undefined {
  const docs = parseAllDocuments(seed.text)
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return undefined
  return docs.map((d) => d.toJS({ maxAliasCount: 100 }) as Json)
}

/** A seed with 1 to 3 mutations of its tree, written back as YAML (or, one time in four, as JSON). */
export function treeMutationArb(seeds: readonly Seed[]): fc.Arbitrary<{ seed: string; text: string }> {
  const parsed = seeds.flatMap((s) => {
    const docs = parseSeed(s)
    return docs ? [{ name: s.name, docs }] : []
  })
  return fc.record({
    seed: fc.nat({ max: parsed.length - 1 }),
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
    json: fc.nat({ max: 3 }),
  }).map(({ seed, mutations, json }) => {
    const docs = structuredClone(parsed[seed].docs)
    for (const m of mutations) applyMutation(docs, m)
    const text = json === 0
      ? docs.map((d) => JSON.stringify(d)).join('\n---\n')
      : docs.map((d) => stringify(d, { aliasDuplicateObjects: false, lineWidth: 0 })).join('---\n')
    return { seed: parsed[seed].name, text }
  })
}

type TextOp = 'truncate' | 'insert' | 'tabs' | 'duplicateLine' | 'deleteLine' | 'bom' | 'badUtf8' | 'alias' | 'crlf'

/** A seed's text damaged 1 to 3 times; bytes, since invalid UTF-8 is one of the damages. */
export function textMutationArb(seeds: readonly Seed[]): fc.Arbitrary<{ seed: string; bytes: Buffer }> {
  const op = fc.record({
    op: fc.constantFrom<TextOp>('truncate', 'insert', 'tabs', 'duplicateLine', 'deleteLine', 'bom', 'badUtf8',
      'alias', 'crlf'),
    at: fc.nat(),
    s: fc.oneof(fc.constantFrom(': ', '- ', '{', ']', '"', "'", '&a ', '*a', '!!binary ', '%YAML 1.1\n', '? ',
      '<<: *a\n', '|\n', '\u2028', '\u0085', '\ud800'), fc.string({ unit: 'grapheme', maxLength: 8 })),
  })
  return fc.record({ seed: fc.nat({ max: seeds.length - 1 }), ops: fc.array(op, { minLength: 1, maxLength: 3 }) })
    .map(({ seed, ops }) => {
      let text = seeds[seed].text
      let tail = Buffer.alloc(0)
      for (const { op: o, at, s } of ops) {
        const i = text.length ? at % text.length : 0
        const lines = text.split('\n')
        const l = lines.length ? at % lines.length : 0
        switch (o) {
          case 'truncate': text = text.slice(0, i); break
          case 'insert': text = text.slice(0, i) + s + text.slice(i); break
          case 'tabs':
            lines[l] = lines[l].replace(/^ +/, (sp) => '\t'.repeat(Math.max(1, sp.length / 2)))
            text = lines.join('\n')
            break
          case 'duplicateLine': lines.splice(l, 0, lines[l]); text = lines.join('\n'); break
          case 'deleteLine': lines.splice(l, 1); text = lines.join('\n'); break
          case 'bom': text = `\ufeff${text}`; break
          case 'badUtf8': tail = Buffer.concat([tail, Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1])]); break
          case 'alias': text = `x: &a [1, 2]\n${text.slice(0, i)}*a${text.slice(i)}`; break
          case 'crlf': text = text.replace(/\n/g, '\r\n'); break
        }
      }
      const body = Buffer.from(text, 'utf8')
      const cut = tail.length ? Math.floor(body.length / 2) : body.length
      return { seed: seeds[seed].name, bytes: Buffer.concat([body.subarray(0, cut), tail, body.subarray(cut)]) }
    })
}

