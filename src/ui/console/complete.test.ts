import { describe, expect, it } from 'vitest'
import { complete } from './complete.ts'
import type { ConsoleVocabulary } from '../../protocol/messages.ts'

// A slice of the worker's vocabulary (the engine builds it from kubectl's command tree; see views/vocabulary.ts).
const ns = { long: '--namespace', short: '-n', takesValue: true }
const VOCABULARY: ConsoleVocabulary = {
  flags: {
    'create deployment': [{ long: '--image', takesValue: true }, ns, { long: '--port', takesValue: true },
      { long: '--replicas', takesValue: true }],
    get: [{ long: '--all-namespaces', short: '-A', takesValue: false }, ns,
      { long: '--output', short: '-o', takesValue: true }, { long: '--selector', short: '-l', takesValue: true }],
    describe: [ns],
  },
}
const consoleVocabulary = () => VOCABULARY

const names = {
  pods: ['nginx', 'web-74d644cc78-444ln', 'web-74d644cc78-52qfw'],
  deployments: ['web'],
  replicasets: ['web-74d644cc78'],
  nodes: ['worker-1', 'worker-2'],
  namespaces: ['default', 'kube-node-lease', 'kube-public', 'kube-system'],
}

describe('console completion', () => {
  it('completes a command, with or without the leading kubectl', () => {
    expect(complete('ge', names)).toEqual({ line: 'get ', candidates: ['get'] })
    expect(complete('kubectl desc', names)).toEqual({ line: 'kubectl describe ', candidates: ['describe'] })
    expect(complete('c', names)).toEqual({ line: 'c', candidates: ['cordon', 'create'] })
    expect(complete('cr', names).line).toBe('create ')
  })

  it('completes subcommands and resource types', () => {
    expect(complete('create d', names).line).toBe('create deployment ')
    expect(complete('rollout h', names).line).toBe('rollout history ')
    expect(complete('get p', names).line).toBe('get pods ')
    expect(complete('get ', names).candidates).toEqual(['deployments', 'events', 'nodes', 'pods', 'replicasets'])
  })

  it('completes names of the objects at the playhead', () => {
    expect(complete('get pods w', names)).toEqual({
      line: 'get pods web-74d644cc78-',
      candidates: ['web-74d644cc78-444ln', 'web-74d644cc78-52qfw'],
    })
    expect(complete('describe deploy w', names).line).toBe('describe deploy web ')
    expect(complete('kubectl cordon worker-2', names).line).toBe('kubectl cordon worker-2 ')
    expect(complete('rollout undo deployment/', names).line).toBe('rollout undo deployment/web ')
    expect(complete('scale rs/w', names).line).toBe('scale rs/web-74d644cc78 ')
    expect(complete('get pods -o wide n', names).line).toBe('get pods -o wide nginx ')
  })

  it('leaves the line as it is when nothing fits', () => {
    expect(complete('get pods zzz', names)).toEqual({ line: 'get pods zzz', candidates: [] })
    expect(complete('frobnicate x', undefined)).toEqual({ line: 'frobnicate x', candidates: [] })
  })

  it('completes a flag of the command from the vocabulary, and a namespace after -n', () => {
    const vocabulary = consoleVocabulary()
    expect(complete('create deployment web --rep', names, vocabulary).line).toBe('create deployment web --replicas ')
    expect(complete('get pods --all', names, vocabulary).line).toBe('get pods --all-namespaces ')
    expect(complete('get pods -n kube-s', names, vocabulary).line).toBe('get pods -n kube-system ')
    expect(complete('get pods --namespace kube-p', names, vocabulary).candidates).toEqual(['kube-public'])
  })
  it('skips a flag and its value when finding the command: the type after them still completes', () => {
    const vocabulary = consoleVocabulary()
    expect(complete('get -n default p', names, vocabulary).line).toBe('get -n default pods ')
    expect(complete('get -o wide deploy', names, vocabulary).candidates).toEqual(['deployments'])
    expect(complete('describe deployment w', names, vocabulary).line).toBe('describe deployment web ')
  })
})
