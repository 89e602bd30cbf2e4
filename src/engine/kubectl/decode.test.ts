import { describe, expect, it } from 'vitest'
import { decodeFile } from './decode.ts'

const POD = 'apiVersion: v1\nkind: Pod\n'
const err = (text: string) => {
  const d = decodeFile('p.yaml', text)
  return 'error' in d ? d.error : undefined
}
const obj = (text: string) => {
  const d = decodeFile('p.yaml', text)
  if ('error' in d) throw new Error(d.error.message)
  return d.docs[0].object
}

describe('decodeFile', () => {
  it('refuses a duplicate key with the same line and words as before', () => {
    expect(err(`${POD}metadata:\n  name: a\n  name: b\n`)).toEqual({
      message: 'error: error parsing p.yaml: error converting YAML to JSON: yaml: line 5: mapping key already defined',
      line: 5, column: 3,
    })
    // The first error in source order wins, whether ours (duplicate key) or the parser's.
    expect(err(`${POD}a: 1\na: 2\nb: [\n`)?.message).toMatch(/line 4: mapping key already defined$/)
    expect(err(`${POD}b: x: y\na: 1\na: 2\n`)?.message).toMatch(/line 3: mapping values are not allowed in this context$/)
  })

  it('merges << keys as go-yaml does (explicit keys win, the first source wins)', () => {
    const o = obj(`${POD}metadata:\n  name: m\n  labels: &l {app: web, tier: a}\n  annotations:\n    <<: [*l, {extra: x, app: no}]\n    tier: b\n`)
    expect(o.metadata?.annotations).toEqual({ app: 'web', tier: 'b', extra: 'x' })
  })

  it('reports alias bombs, merges of non-mappings and unknown anchors in go-yaml\'s words', () => {
    const bomb = [`${POD}metadata:\n  name: b\n  labels:\n    a0: &a0 {x: "1"}`]
    for (let i = 1; i < 10; i++) bomb.push(`    a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`)
    const prefix = 'error: error parsing p.yaml: error converting YAML to JSON: yaml: '
    expect(err(`${bomb.join('\n')}\n`)?.message).toBe(`${prefix}document contains excessive aliasing`)
    expect(err(`${POD}metadata: {<<: [1]}\n`)?.message).toBe(`${prefix}map merge requires map or sequence of maps as the value`)
    expect(err(`${POD}metadata: *nope\n`)?.message).toBe(`${prefix}unknown anchor 'nope' referenced`)
  })
})
