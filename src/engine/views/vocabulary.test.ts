import { describe, expect, it } from 'vitest'
import { consoleVocabulary } from './vocabulary.ts'

describe('consoleVocabulary', () => {
  const { flags } = consoleVocabulary()
  it('lists the flags each simulated command takes, with the global ones podbirth acts on', () => {
    const create = flags['create deployment'].map((f) => f.long)
    expect(create).toEqual(expect.arrayContaining(['--image', '--replicas', '--port', '--namespace', '--user']))
    expect(flags.get.find((f) => f.long === '--namespace')).toEqual({ long: '--namespace', short: '-n', takesValue: true })
    expect(flags.get.find((f) => f.long === '--all-namespaces')).toMatchObject({ short: '-A', takesValue: false })
  })
  it('never offers a flag the parser refuses as not simulated', () => {
    expect(flags.get.map((f) => f.long)).not.toContain('--kubeconfig')
    expect(flags.apply.map((f) => f.long)).not.toContain('--dry-run')
  })
  it('has no entry for commands podbirth does not run', () => {
    expect(flags.exec).toBeUndefined()
    expect(flags['rollout status']).toBeDefined()
  })
})
