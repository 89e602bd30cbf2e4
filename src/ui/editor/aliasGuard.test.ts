import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { MAX_ALIAS_COUNT, aliasBlowup, mayExpand } from './aliasGuard.ts'

/** The issue's bomb: `levels` levels of `fanout` aliases to the level above (9 × 9: 387 million scalars). */
function bomb(levels = 9, fanout = 9): string {
  const names = 'abcdefghijklmnopqrstuvwxyz'
  const lines = [`a: &a [${Array(fanout).fill('"x"').join(',')}]`]
  for (let i = 1; i < levels; i++) lines.push(`${names[i]}: &${names[i]} [${Array(fanout).fill(`*${names[i - 1]}`).join(',')}]`)
  return `${lines.join('\n')}\n`
}

/**
 * Does the engine refuse the text for its aliases? Its decode (src/engine/kubectl/decode.ts) converts each document
 * with `d.toJS()` and yaml's default bound; the UI may not import the engine, so this calls the same thing.
 */
function engineRefuses(text: string): boolean {
  try {
    for (const d of parseAllDocuments(text, { uniqueKeys: true })) d.toJS()
    return false
  } catch (e) {
    return e instanceof ReferenceError && /alias/i.test(e.message)
  }
}

describe('aliasBlowup', () => {
  it('finds the issue\'s 9-level bomb, at the alias where the engine\'s bound is crossed', () => {
    const text = bomb()
    expect(text.length).toBeLessThan(330)
    // yaml counts the anchor itself as a use: a: 10 × 1; b: 10 × 10 = 100; the first *c weighs 2 × 100 > 100.
    expect(aliasBlowup(text)).toEqual({ line: 4, column: text.split('\n')[3].indexOf('*c') + 1 })
  })

  it('agrees with the engine\'s decode on bombs and on aliases within the bound', () => {
    const cases = [bomb(), bomb(2, 99), bomb(2, 100), bomb(3, 9), bomb(4, 9), bomb(3, 5), bomb(20, 2), bomb(4, 2)]
    for (const text of cases) expect(aliasBlowup(text) !== undefined, text).toBe(engineRefuses(text))
    expect(cases.filter((t) => aliasBlowup(t)).length).toBeGreaterThan(2)
    expect(cases.filter((t) => !aliasBlowup(t)).length).toBeGreaterThan(2)
  })

  it('reports nothing for normal YAML, with or without aliases, and does not parse text without both & and *', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  labels: &l {app: nginx}\n  annotations: *l\n'
    expect(aliasBlowup(pod)).toBeUndefined()
    expect(mayExpand('image: nginx:1.27\nargs: ["*.example.com"]\n')).toBe(false)
    expect(mayExpand('a: &x 1\n')).toBe(false)
    expect(mayExpand(bomb())).toBe(true)
    expect(aliasBlowup('a: [\n')).toBeUndefined()
  })

  it('still finds a bomb when the text has a syntax error too (the worker would expand it all the same)', () => {
    expect(aliasBlowup(`${bomb()}j: [\n`)?.line).toBe(4)
    expect(aliasBlowup(`kind: Pod\n---\n${bomb()}`)?.line).toBe(6)
  })

  it('counts each use like yaml does: the line found is where yaml\'s own count first goes over', () => {
    // b's aliases to a weigh 1 each and the anchor counts once: the 100th alias is the first over the bound.
    const text = `a: &a x\nb: [${Array(MAX_ALIAS_COUNT + 5).fill('*a').join(', ')}]\n`
    expect(aliasBlowup(text)).toEqual({ line: 2, column: 5 + 4 * (MAX_ALIAS_COUNT - 1) })
    expect(aliasBlowup(`a: &a x\nb: [${Array(MAX_ALIAS_COUNT - 1).fill('*a').join(', ')}]\n`)).toBeUndefined()
  })
})
