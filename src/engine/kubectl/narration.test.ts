import { describe, expect, it } from 'vitest'
import { checkTypes, runScenarios } from '../client/testing.ts'
import { KUBECTL_TRACE_TYPES } from './traceTypes.ts'

describe('kubectl narration', () => {
  it('tells every step of every kubectl step type', () => {
    const r = checkTypes(runScenarios(), KUBECTL_TRACE_TYPES)
    expect(r.missing).toEqual([])
    expect(r.problems).toEqual([])
  })
})
