import { describe, expect, it } from 'vitest'
import { copyOf, keyedByName, withKey } from './copy.ts'

describe('copyOf and withKey', () => {
  it('keep the keys in a spread\'s order', () => {
    const o = { a: 1, b: 2 }
    expect(Object.keys(withKey(o, 'a', 3))).toEqual(['a', 'b'])
    expect(withKey(o, 'a', 3)).toEqual({ a: 3, b: 2 })
    expect(copyOf(o)).not.toBe(o)
  })
})

describe('keyedByName', () => {
  it('reads, compares and serializes as a plain object does', () => {
    const t = keyedByName<number>()
    t['node-2'] = 2
    t['node-10'] = 10
    t['node-1'] = 1
    expect(Object.getPrototypeOf(t)).toBe(Object.prototype)
    expect(Object.keys(t)).toEqual(['node-2', 'node-10', 'node-1'])
    expect(JSON.stringify(t)).toBe('{"node-2":2,"node-10":10,"node-1":1}')
    expect(t).toEqual({ 'node-1': 1, 'node-2': 2, 'node-10': 10 })
    expect(Object.hasOwn(t, 'node-2') && t.hasOwnProperty('node-10')).toBe(true)
    expect(structuredClone(t)).toEqual(t)
  })
})
