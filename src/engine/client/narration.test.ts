import { describe, expect, it } from 'vitest'
import type { StepOf, TraceEvent } from '../events.ts'
import { narrate } from '../narration/index.ts'
import { checkTypes, runScenarios } from './testing.ts'
import { CLIENT_TRACE_TYPES } from './traceTypes.ts'

describe('client narration', () => {
  const events = runScenarios()

  it('tells every step of every client step type', () => {
    const r = checkTypes(events, CLIENT_TRACE_TYPES)
    expect(r.missing).toEqual([])
    expect(r.problems).toEqual([])
  })

  it('apply\'s lookup 404 is expected: outcome info, the story says so, the summary is unchanged', () => {
    const isLookup = (e: TraceEvent): boolean =>
      e.type === 'http:Response' && e.details.purpose === 'apply-lookup' && e.details.response.code === 404
    const lookup = events.find(isLookup)
    expect(lookup?.outcome).toBe('info')
    expect(lookup?.summary).toBe('404 Not Found: pods "nginx" not found')
    expect(lookup && narrate(lookup, 'story').text).toMatch(/normal first answer/)
    // Every other refusal stays an error.
    const others = events.filter((e) => e.type === 'http:Response' && !isLookup(e) && e.details.response.code >= 400)
    expect(others.length).toBeGreaterThan(0)
    expect(others.every((e) => e.outcome === 'error')).toBe(true)
  })

  it('requests carry their purpose: the binding, the kubelet\'s status patches, Events', () => {
    const purposes = new Set(events.flatMap((e) => (e.type === 'http:Request' ? [e.details.purpose] : [])))
    const expected = [
      'apply-lookup', 'apply-create', 'apply-patch', 'binding', 'pod-status', 'event-create', 'event-patch',
    ]
    for (const p of expected) expect(purposes).toContain(p)
  })

  it('the kubelet learns of its pod through a selector transition', () => {
    const seen = events.find((e): e is StepOf<'watch:Notify'> =>
      e.type === 'watch:Notify' && e.to === 'kubelet' && e.details.type === 'ADDED')
    expect(seen?.details.cause).toBe('entered-selector')
  })
})
