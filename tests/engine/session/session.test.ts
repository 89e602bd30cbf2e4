/** Sessions as inputs: deterministic, extensible, and kubectl's own errors for what it does not understand. */
import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import type { Simulation } from '../../../src/engine/index.ts'
import { k, runSession } from './helpers.ts'

const hash = (sim: Simulation) => createHash('sha256').update(JSON.stringify(sim.trace)).digest('hex')
const SESSION = [
  k('create deployment web --image=nginx:1.27 --replicas=2'),
  k('rollout status deployment/web'),
  k('scale deployment web --replicas=3'),
  k('get pods -o wide'),
]

describe('sessions', () => {
  it('the same cluster, session and seed give the same trace, byte for byte', () => {
    expect(hash(runSession(SESSION))).toBe(hash(runSession(SESSION)))
    expect(hash(runSession(SESSION, { seed: 2 }))).not.toBe(hash(runSession(SESSION)))
  })

  it('a command added at the end extends the trace and leaves everything before it as it was', () => {
    const short = runSession(SESSION, { untilMs: 30_000 })
    const long = runSession([...SESSION, k('delete deployment web')], { untilMs: 30_000 })
    const start = long.sessionResults[4].startMs * 1000
    const before = (sim: Simulation) => JSON.stringify(sim.trace.filter((e) => e.t < start))
    expect(before(long)).toBe(before(short))
    expect(long.trace.length).toBeGreaterThan(short.trace.length)
  })

  it('a command with atMs starts then, however early the previous one ended', () => {
    const sim = runSession([k('get nodes'), k('get pods', { atMs: 5000 })])
    expect(sim.sessionResults[1].startMs).toBe(5000)
  })
})

describe('kubectl errors before any request', () => {
  const sim = runSession([
    k('frobnicate'),
    k('get pods --frob'),
    k('create deployment web'),
    k('get gizmos'),
    k('scale deployment web --replicas=x'),
  ])
  const errs = sim.sessionResults.map((r) => [r.stderr, r.exitCode])
  it('an unknown command', () => {
    expect(errs[0]).toEqual(['error: unknown command "frobnicate" for "kubectl"\n', 1])
  })
  it('an unknown flag, with cobra\'s usage hint', () => {
    expect(errs[1]).toEqual(['error: unknown flag: --frob\nSee \'kubectl get --help\' for usage.\n', 1])
  })
  it('a required flag', () => {
    expect(errs[2][0]).toBe('error: required flag(s) "image" not set\n')
  })
  it('an unknown resource type', () => {
    expect(errs[3][0]).toBe('error: the server doesn\'t have a resource type "gizmos"\n')
  })
  it('a bad number, as pflag words it', () => {
    expect(errs[4][0]).toContain('invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax')
  })
  it('sends nothing to the API server for any of them', () => {
    expect(sim.trace.filter((e) => e.type === 'http:Request')).toEqual([])
  })
})
