import { describe, expect, it } from 'vitest'
import { checkTypes, runScenarios } from '../client/testing.ts'
import { ETCD_TRACE_TYPES } from './traceTypes.ts'

describe('etcd narration', () => {
  it('tells every step of every etcd step type', () => {
    const r = checkTypes(runScenarios(), ETCD_TRACE_TYPES)
    expect(r.missing).toEqual([])
    expect(r.problems).toEqual([])
  })
})
