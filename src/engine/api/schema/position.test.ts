import { describe, expect, it } from 'vitest'
import { positionOf } from './position.ts'

const TEXT = `apiVersion: v1
kind: Node
metadata:
  name: n1
---
kind: List
items:
- kind: Pod
  spec:
    containers:
    - name: c
      ports: [{containerPort: "80"}]
---
base: &b
  spec: {replicas: "x"}
obj:
  <<: *b
  other: 1
`

describe('positionOf', () => {
  it('finds a value by path in the right document, 1-based line and column', () => {
    expect(positionOf(TEXT, 0, ['metadata', 'name'])).toEqual({ line: 4, column: 9 })
    expect(positionOf(TEXT, 1, ['items', 0, 'spec', 'containers', 0, 'ports', 0, 'containerPort']))
      .toEqual({ line: 12, column: 31 })
  })
  it('names the key of an unknown field when asked', () => {
    expect(positionOf(TEXT, 0, ['metadata', 'name'], true)).toEqual({ line: 4, column: 3 })
  })
  it('follows merge keys and aliases to where the text is', () => {
    expect(positionOf(TEXT, 2, ['obj', 'spec', 'replicas'])).toEqual({ line: 15, column: 20 })
    expect(positionOf(TEXT, 2, ['obj', 'other'])).toEqual({ line: 18, column: 10 })
  })
  it('stops at the deepest node that exists; no document, no position', () => {
    expect(positionOf(TEXT, 0, ['metadata', 'labels', 'a'])).toEqual({ line: 4, column: 3 })
    expect(positionOf(TEXT, 7, ['metadata'])).toBeUndefined()
  })
})
