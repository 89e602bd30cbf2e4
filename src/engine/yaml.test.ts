import { describe, expect, it } from 'vitest'
import { parseAllDocuments } from 'yaml'
import { YAML_PARSE_OPTIONS, duplicateKey, parseDocuments } from './yaml.ts'

describe('parseDocuments', () => {
  it('refuses a duplicate key where and as the yaml package\'s own check did', () => {
    const texts = [
      'a: 1\nb: 2\na: 3\n',
      'x:\n  y: 1\n  z: 2\n  y: 3\n',
      '{a: 1, b: 2, a: 3}\n',
      'a: 1\n"a": 2\n',
      'm:\n  - {k: 1, k: 2}\n',
      'a: [1\nb: 1\nb: 2\n',
      '1: a\n"1": b\n',
      '? \n: 1\n? \n: 2\n',
    ]
    for (const text of texts) {
      const mine = parseDocuments(text)[0].error
      const ref = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false })
      const refErr = (Array.isArray(ref) ? ref : [ref])[0].errors[0]
      if (refErr?.code === 'DUPLICATE_KEY') expect(mine).toMatch(/: Map keys must be unique$/)
      if (refErr) expect(mine).toContain(refErr.message.split('\n')[0])
      else expect(mine).toBeUndefined()
    }
    expect(parseDocuments('a: 1\nb: 2\na: 3\n')[0].error).toBe('YAML error at line 3, column 1: Map keys must be unique')
  })

  it('checks duplicates in linear time: 10,000 labels, one set lookup per key', () => {
    const text = `labels:\n${Array.from({ length: 10_000 }, (_, i) => `  k${i}: v`).join('\n')}\n`
    const [doc] = parseAllDocuments(text, YAML_PARSE_OPTIONS)
    // Count the work: one Set lookup per key (the yaml package's own check compared each key with every earlier one).
    const has = Set.prototype.has
    let lookups = 0
    Set.prototype.has = function (this: Set<unknown>, v: unknown) { lookups++; return has.call(this, v) }
    try { expect(duplicateKey(doc)).toBeUndefined() } finally { Set.prototype.has = has }
    expect(lookups).toBe(10_001)
    expect(Object.keys((doc.toJS() as { labels: object }).labels)).toHaveLength(10_000)
    expect(parseDocuments(`${text}  k5: again\n`)[0].error).toBe('YAML error at line 10002, column 3: Map keys must be unique')
  })

  it('supports << merge keys: explicit keys win, earlier sources win over later ones', () => {
    const text = 'base: &b {a: 1, b: 2}\nother: &o {b: 3, c: 4}\nm:\n  <<: [*b, *o]\n  a: 9\n'
    expect(parseDocuments(text)[0].value).toEqual({ base: { a: 1, b: 2 }, other: { b: 3, c: 4 }, m: { a: 9, b: 2, c: 4 } })
    expect(parseDocuments('a: &a {x: 1}\nm: {<<: *a, <<: {y: 2}}\n')[0].value).toEqual({ a: { x: 1 }, m: { x: 1, y: 2 } })
  })

  it('bounds merge and alias bombs like aliases, with an error instead of a throw', () => {
    const lines = ['m0: &m0 {k: "1"}']
    for (let i = 1; i < 40; i++) lines.push(`m${i}: &m${i} {<<: [*m${i - 1}, *m${i - 1}], k${i}: v}`)
    expect(parseDocuments(lines.join('\n'))[0].error).toMatch(/^YAML error: Excessive alias count/)
    expect(parseDocuments('a: {<<: [1]}\n')[0].error).toMatch(/^YAML error: Merge sources must be maps/)
  })
})
