import { describe, expect, it } from 'vitest'
import { checkTypes, runScenarios } from '../client/testing.ts'
import { APISERVER_TRACE_TYPES } from './traceTypes.ts'

describe('apiserver narration', () => {
  it('tells every step of every apiserver step type', () => {
    const r = checkTypes(runScenarios(), APISERVER_TRACE_TYPES)
    expect(r.missing).toEqual([])
    expect(r.problems).toEqual([])
  })
})
