/**
 * Differential tests: whenever fastDocuments answers, its values (types, numbers, key order, -0, NaN) and lines must
 * be the yaml package's, and the yaml package must see no error there (errors go through it, as before).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LineCounter, parseAllDocuments } from 'yaml'
import { SCENARIOS } from '../scenarios/index.ts'
import { CLUSTER_PRESETS, presetText } from '../protocol/clusters.ts'
import { podsYaml } from '../../tests/bench/engine.ts'
import { YAML_PARSE_OPTIONS, duplicateKey } from './yaml.ts'
import { fastDocuments } from './yamlFast.ts'

/** The first difference between two values (Object.is for leaves, key order for objects), or '' when none. */
function diff(a: unknown, b: unknown, path = '$'): string {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) {
    return Object.is(a, b) ? '' : `${path}: ${String(a)} (${typeof a}) vs ${String(b)} (${typeof b})`
  }
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) {
    return `${path}: kinds differ`
  }
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.join('\u0000') !== kb.join('\u0000')) return `${path}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`
  for (const k of ka) {
    const d = diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`)
    if (d) return d
  }
  return ''
}

/** check: '' when fastDocuments agrees with the yaml package (or declines), else what differs. Returns the hit. */
function check(text: string): { hit: boolean; problem: string } {
  const fast = fastDocuments(text)
  if (fast === undefined) return { hit: false, problem: '' }
  const lineCounter = new LineCounter()
  const docs = parseAllDocuments(text, { ...YAML_PARSE_OPTIONS, lineCounter })
  const list = Array.isArray(docs) ? docs : [docs]
  if (list.length !== fast.length) return { hit: true, problem: `${fast.length} documents vs ${list.length}` }
  for (let i = 0; i < list.length; i++) {
    const d = list[i]
    if (d.errors.length > 0) return { hit: true, problem: `doc ${i}: yaml error ${d.errors[0].message}` }
    if (duplicateKey(d) !== undefined) return { hit: true, problem: `doc ${i}: duplicate key` }
    let js: unknown
    try {
      js = d.toJS()
    } catch (e) {
      return { hit: true, problem: `doc ${i}: toJS throws ${(e as Error).message}` }
    }
    const problem = diff(fast[i].value, js)
    if (problem) return { hit: true, problem: `doc ${i}: ${problem}` }
    const line = d.contents?.range ? lineCounter.linePos(d.contents.range[0]).line : 1
    if (line !== fast[i].line) return { hit: true, problem: `doc ${i}: line ${fast[i].line} vs ${line}` }
  }
  return { hit: true, problem: '' }
}

function expectAgrees(text: string): boolean {
  const { hit, problem } = check(text)
  expect(problem, JSON.stringify(text)).toBe('')
  return hit
}

/** mulberry32: a small seeded generator, so a failure replays. */
function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

// Scalars of the subset and near-misses: every core-schema form, YAML 1.1 look-alikes, indicators, quotes, escapes.
const SCALARS = [
  'a', 'nginx', 'nginx:1.27', 'http://x:8080/p', 'a b', 'a#b', 'a-b', '-a', '--', '-1', '+1', '-0', '0', '007',
  '12', '1_000', '0o17', '0o8', '0x1F', '0X1F', '0xg', '1.5', '1.', '.5', '-.5', '1e3', '1E-3', '.1e+2', '1.0',
  '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '-.nan', 'nan', 'inf', 'true', 'True', 'TRUE', 'tRue', 'false',
  'False', 'yes', 'no', 'on', 'off', 'y', 'null', 'Null', 'NULL', 'nULL', '~', '', '2024-01-01', '100m', '64Mi',
  '"4"', '"a b"', '"a: b"', '"a # b"', '"it\'s"', '"a\\nb"', '"a\\tb"', '"a\\"b"', '"a\\\\b"', '"\\u0041"',
  '"\\x41"', '"a', '"a" b', "'a'", "'it''s'", "'a", "'a' b", "''", '""', '&anc a', '*anc', '!tag a', '!!str 1',
  '|', '>', '|-', '%x', '@x', '`x', '?x', ':x', '? a', 'a: b', 'a:', 'a :b', 'a #c', '#c', '[a', '{a', 'a]',
  '[a, b]', '[]', '{}', '{a: 1}', '[a, [b, c], {d: e}]', '{a: [1, 2], b: {c: ~}}', '[a,b]', '{a:b}', '{"a":b}',
  '[a, ]', '[a,, b]', '{a}', '{a: }', '[a: b]', '[-1, -a]', '[- a]', '{a: 1, a: 2}', '[a #c]', '<<', '__proto__',
  'toString', 'é', 'ünï cødé', '😀', 'a\u00a0b', '...', '---', '- a', 'a  ', '1 2',
]
const KEYS = [
  'a', 'b', 'c', 'name', 'kind', 'labels', '1', '2', '-1', '0o7', '0x1f', '1.0', 'true', 'null', '~', '.nan', '"a"',
  "'b'", '"1"', '"q k"', 'a b', 'a:b', 'a#b', '__proto__', 'toString', '<<', '? a', '&x a', '*x', '!t a', '"e\\n"',
  'k1', 'k2', 'k3', 'app.kubernetes.io/name', '[a]', '{a: b}', '-', '- a', 'x ',
]

// The scalars and keys the fast path takes alone: files made only of them reach deeper structures on the fast path.
const CLEAN_SCALARS = SCALARS.filter((v) => fastDocuments(`k: ${v}`) !== undefined)
const CLEAN_KEYS = KEYS.filter((k) => fastDocuments(`${k}: v`) !== undefined)

interface Style { step: number; seqIndented: boolean; scalars: readonly string[]; keys: readonly string[] }

function pick<T>(r: () => number, list: readonly T[]): T { return list[Math.floor(r() * list.length)] }

/** A random trailing comment or spacing after a value (sometimes a near-miss: no space before `#`). */
function tail(r: () => number, s: Style): string {
  const x = r()
  if (s.scalars === CLEAN_SCALARS) return x < 0.1 ? ' # note' : x < 0.13 ? '   #x: y' : ''
  return x < 0.1 ? ' # note' : x < 0.13 ? '   #x: y' : x < 0.15 ? '#x' : x < 0.18 ? '  ' : ''
}

/** Block YAML lines for a random node at `indent`, as the value of a key or item (already on its line or not). */
function block(r: () => number, s: Style, depth: number, indent: number): string[] {
  const x = r()
  const pad = ' '.repeat(indent)
  if (depth > 3 || x < 0.3) return [`${pad}${pick(r, s.scalars)}${tail(r, s)}`]
  const n = 1 + Math.floor(r() * 4)
  const out: string[] = []
  if (x < 0.65) {
    const keys = s.keys.slice().sort(() => r() - 0.5)
    for (let i = 0; i < n; i++) out.push(...entry(r, s, depth, indent, keys[i % keys.length]))
  } else {
    for (let i = 0; i < n; i++) {
      const y = r()
      if (y < 0.35) {
        // compact mapping in the item: `- key: v` and its next keys at the key's column
        const gap = r() < 0.8 ? 1 : 2
        const inner = entriesAt(r, s, depth + 1, indent + 1 + gap)
        inner[0] = `${pad}-${' '.repeat(gap)}${inner[0].slice(indent + 1 + gap)}`
        out.push(...inner)
      } else if (y < 0.5) {
        out.push(`${pad}-${tail(r, s)}`, ...block(r, s, depth + 1, indent + s.step))
      } else if (y < 0.55) out.push(`${pad}-`)
      else out.push(`${pad}- ${pick(r, s.scalars)}${tail(r, s)}`)
    }
  }
  if (r() < 0.1) out.splice(Math.floor(r() * out.length), 0, `${' '.repeat(Math.floor(r() * 6))}# comment`)
  if (r() < 0.1) out.splice(Math.floor(r() * out.length), 0, r() < 0.5 ? '' : '   ')
  return out
}

function entriesAt(r: () => number, s: Style, depth: number, indent: number): string[] {
  const keys = s.keys.slice().sort(() => r() - 0.5)
  const out: string[] = []
  const n = 1 + Math.floor(r() * 3)
  for (let i = 0; i < n; i++) out.push(...entry(r, s, depth, indent, keys[i]))
  return out
}

function entry(r: () => number, s: Style, depth: number, indent: number, key: string): string[] {
  const pad = ' '.repeat(indent)
  const y = r()
  if (y < 0.45 || depth > 3) {
    const gap = r() < 0.05 ? '' : ' '.repeat(1 + Math.floor(r() * 2))
    return [`${pad}${key}:${gap}${pick(r, s.scalars)}${tail(r, s)}`]
  }
  if (y < 0.5) return [`${pad}${key}:${tail(r, s)}`]
  const child = block(r, s, depth + 1, indent + (s.seqIndented || r() < 0.5 ? s.step : 0))
  return [`${pad}${key}:${tail(r, s)}`, ...child]
}

/** A random file: documents separated by `---` (with comments, blanks and near-miss markers). */
function randomFile(r: () => number): string {
  const docs: string[] = []
  const n = 1 + Math.floor(r() * 3)
  for (let i = 0; i < n; i++) {
    const clean = r() < 0.5
    const s: Style = {
      step: 1 + Math.floor(r() * 4), seqIndented: r() < 0.5,
      scalars: clean ? CLEAN_SCALARS : SCALARS, keys: clean ? CLEAN_KEYS : KEYS,
    }
    const x = r()
    docs.push(x < 0.05 ? '' : x < 0.1 ? '# only a comment' : block(r, s, 0, r() < 0.05 ? 2 : 0).join('\n'))
  }
  const sep = () => pick(r, ['\n---\n', '\n---\n', '\n--- # doc\n', '\n---  \n', '\n\n---\n\n', '\n--- a\n', '\n...\n'])
  let text = (r() < 0.2 ? pick(r, ['---\n', '# head\n', '# head\n---\n', '%YAML 1.2\n---\n']) : '') + docs.join(sep())
  if (r() < 0.3) text += pick(r, ['\n', '\n---\n', '\n# end\n', '\n\n'])
  return text
}

const MUTATIONS = ['\t', '\r', '\ufeff', '&', '*', '!', '|', '>', '%', '?', ': ', '#', ' #', "'", '"', '[', ']', '{',
  '}', ',', '-', '- ', ' ', '  ', '\n', '\n ', '\\', ':', '@', '\u0085', '<<: ', '...', '---']

/** mutate: a near-miss of `text` — one character inserted, deleted, or a line re-indented or duplicated. */
function mutate(r: () => number, text: string): string {
  const at = Math.floor(r() * (text.length + 1))
  const x = r()
  if (x < 0.5) return text.slice(0, at) + pick(r, MUTATIONS) + text.slice(at)
  if (x < 0.7) return text.slice(0, at) + text.slice(at + 1)
  const lines = text.split('\n')
  const i = Math.floor(r() * lines.length)
  if (x < 0.85) lines[i] = r() < 0.5 ? ` ${lines[i]}` : lines[i].replace(/^ /, '')
  else lines.splice(i, 0, lines[i])
  return lines.join('\n')
}

describe('fastDocuments', () => {
  it('agrees with the yaml package on small cases, and declines what it does not handle', () => {
    const texts = ['', '\n', '# c\n', '---', '---\n---\n', 'a: 1\n---\n', 'a: 1\n---\n# c\n', '\n\n---\n\n',
      '--- # x\na: 1', 'a:\n', '- a\n-\n', 'a: # x\n  # y\n', '  a: 1\n  b: 2\n', 'a:\n- 1\n- 2\nb: 3',
      '- a:\n  - x\n  b: 1\n', 'x: -0', 'x: 0o17', '1: a\n1.0: b', '{a: {b: [1, 2]}, c: "d"}']
    for (const t of texts) expectAgrees(t)
    for (const t of ['a: &x 1', 'a: *x', 'a: !t 1', '<<: {a: 1}', '%YAML 1.2\n---\na: 1', 'a: 1\n...\n',
      'a: |\n  x\n', 'a: b\n  c\n', 'a: "b\n  c"', '? a\n: 1', 'a:\n\tb: 1', 'a: 1\na: 2', '--- a: 1',
      'a: [1, 2', '\ufeffa: 1', 'a: 1\r\n', 'a: "\\u0041"', '__proto__: 1']) {
      expect(fastDocuments(t), JSON.stringify(t)).toBeUndefined()
    }
  })

  it('agrees with the yaml package on 20,000 random documents and near-misses (seeded)', () => {
    const r = rng(Number(process.env.YAML_FUZZ_SEED ?? 17))
    let hits = 0
    let missHits = 0
    const n = Number(process.env.YAML_FUZZ_FILES ?? 10_000)
    for (let i = 0; i < n; i++) {
      const text = randomFile(r)
      if (expectAgrees(text)) hits++
      let m = text
      for (let k = 0, n = 1 + Math.floor(r() * 2); k < n; k++) m = mutate(r, m)
      if (expectAgrees(m)) missHits++
    }
    console.log(`fast path: ${hits} of ${n} files, ${missHits} of ${n} near-misses`)
    // The generator must reach the fast path often, or the comparison proves little.
    expect(hits).toBeGreaterThan(1500)
    expect(missHits).toBeGreaterThan(500)
  }, 120_000)

  it('takes the fast path for every preset, the bench manifest and the scenarios, with the same values', () => {
    for (const p of CLUSTER_PRESETS) expect(expectAgrees(presetText(p.id)), p.id).toBe(true)
    expect(expectAgrees(podsYaml(1000))).toBe(true)
    for (const s of SCENARIOS) {
      expectAgrees(s.manifest)
      if (s.cluster !== undefined) expectAgrees(s.cluster)
    }
  }, 60_000)

  it('agrees on every YAML fixture and on the manifests written in tests/engine', () => {
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
      const p = join(dir, f)
      return statSync(p).isDirectory() ? walk(p) : [p]
    })
    for (const f of walk('tests/fixtures').filter((p) => /\.ya?ml$/.test(p))) expectAgrees(readFileSync(f, 'utf8'))
    for (const f of readdirSync('tests/engine').filter((p) => p.endsWith('.ts'))) {
      const source = readFileSync(join('tests/engine', f), 'utf8')
      // Template literals without substitutions that look like YAML.
      for (const m of source.matchAll(/`([^`$\\]*apiVersion[^`$\\]*)`/g)) expectAgrees(m[1])
    }
  }, 60_000)
})
