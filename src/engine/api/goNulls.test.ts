import { describe, expect, it } from 'vitest'
import { check, goNulls } from './goNulls.ts'

describe('goNulls: encoding/json meaning of null', () => {
  it('drops null fields, zero structs in lists, "0" in ResourceLists, "" in string maps and string lists', () => {
    const doc = { spec: { affinity: null, tolerations: [null, { key: 'a' }], finalizers: ['x', null],
      containers: [{ resources: { requests: { cpu: null, memory: '1Gi' } } }] }, metadata: { labels: { a: null } } }
    expect(goNulls(doc)).toEqual({ spec: { tolerations: [{}, { key: 'a' }], finalizers: ['x', ''],
      containers: [{ resources: { requests: { cpu: '0', memory: '1Gi' } } }] }, metadata: { labels: { a: '' } } })
  })
  it('leaves a document without nulls equal', () => {
    const doc = { a: [1, 'b', { c: true }], d: { e: 'f' } }
    expect(goNulls(doc)).toEqual(doc)
  })
  it('check words a type mismatch as encoding/json does', () => {
    expect(check({ name: 42 }, 'name', 'string', 'ObjectMeta', 'string', 'metadata.name'))
      .toBe('json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string')
    expect(check({ name: 'x' }, 'name', 'string', 'ObjectMeta', 'string')).toBeUndefined()
  })
})
