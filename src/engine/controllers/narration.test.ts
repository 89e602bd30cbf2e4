import { describe, expect, it } from 'vitest'
import { checkTypes, runScenarios } from '../client/testing.ts'
import { CONTROLLER_TRACE_TYPES } from './traceTypes.ts'

describe('kube-controller-manager narration', () => {
  it('tells every step of every controller step type', () => {
    const r = checkTypes(runScenarios(), CONTROLLER_TRACE_TYPES)
    expect(r.missing).toEqual([])
    expect(r.problems).toEqual([])
  })
})
