import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { EXAMPLE_POD } from '../src/protocol/examples.ts'

describe('README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  it('shows the same example pod the app starts with', () => {
    const block = /```yaml\n(apiVersion: v1\nkind: Pod[\s\S]*?)```/.exec(readme)?.[1]
    expect(block).toBe(EXAMPLE_POD)
  })
  it('names the two commands: setup-and-run and test', () => {
    expect(readme).toContain('npm ci && npm start')
    expect(readme).toContain('npm test')
  })
})
