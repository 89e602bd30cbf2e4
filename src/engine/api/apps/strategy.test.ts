import { describe, expect, it } from 'vitest'
import type { Deployment, ReplicaSet } from '../types.ts'
import { defaultDeployment } from './defaults.ts'
import {
  isDNS1123Label, prepareDeploymentForCreate, prepareDeploymentForUpdate, prepareDeploymentStatusUpdate,
  prepareReplicaSetForCreate, prepareReplicaSetForUpdate, prepareReplicaSetStatusUpdate, semanticDeepEqual,
  warningsOnCreate,
} from './strategy.ts'
import { validateDeploymentUpdate } from './validation.ts'

// newDeployment of upstream's pkg/registry/apps/deployment/strategy_test.go.
const newDeployment = (labels: Record<string, string>, annotations: Record<string, string>): Deployment => ({
  metadata: { name: 'test', labels, annotations },
  spec: { replicas: 1, selector: {}, strategy: { type: 'Recreate' },
    template: { spec: { containers: [{ name: 'test', image: 'test' }] } } },
})

describe('prepareDeploymentStatusUpdate (TestStatusUpdates)', () => {
  it('labels cannot be changed through status', () => {
    const old = newDeployment({ test: 'label' }, { test: 'annotation' })
    const obj = newDeployment({ test: 'label', sneaky: 'label' }, { test: 'annotation' })
    expect(prepareDeploymentStatusUpdate(obj, old)).toEqual(newDeployment({ test: 'label' }, { test: 'annotation' }))
  })
  it('annotations can', () => {
    const old = newDeployment({ test: 'label' }, { test: 'annotation' })
    const obj = newDeployment({ test: 'label' }, { test: 'annotation', sneaky: 'annotation' })
    expect(prepareDeploymentStatusUpdate(obj, old))
      .toEqual(newDeployment({ test: 'label' }, { test: 'annotation', sneaky: 'annotation' }))
  })
  it('the spec is the stored one', () => {
    const old = newDeployment({}, {})
    const obj = { ...old, spec: { ...old.spec!, replicas: 9 }, status: { replicas: 1 } }
    expect(prepareDeploymentStatusUpdate(obj, old)).toEqual({ ...old, status: { replicas: 1 } })
  })
})

describe('TestSelectorImmutability (apps/v1)', () => {
  const withSelector = (matchLabels: Record<string, string>): Deployment => defaultDeployment({
    metadata: { name: 'test-deployment', namespace: 'test-namespace', resourceVersion: '1' },
    spec: { selector: { matchLabels, matchExpressions: [] },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
      template: { metadata: { labels: matchLabels }, spec: { restartPolicy: 'Always', dnsPolicy: 'Default',
        containers: [{ name: 'fake-name', image: 'fakeimage', imagePullPolicy: 'Never' }] } } },
  })
  it('a new selector is refused, printed as JSON with the empty matchExpressions omitted', () => {
    expect(validateDeploymentUpdate(withSelector({ c: 'd' }), withSelector({ a: 'b' }))).toEqual([
      { type: 'FieldValueInvalid', field: 'spec.selector',
        message: 'Invalid value: {"matchLabels":{"c":"d"}}: field is immutable' },
    ])
  })
})

describe('create', () => {
  it('a Deployment starts at generation 1 with status {} whatever the client sent', () => {
    const d = prepareDeploymentForCreate({ ...newDeployment({}, {}), metadata: { name: 'w', generation: 7 },
      status: { replicas: 3 } })
    expect(d.metadata?.generation).toBe(1)
    expect(d.status).toEqual({})
  })
  it('a ReplicaSet starts at generation 1 with status.replicas 0', () => {
    const rs = prepareReplicaSetForCreate({ metadata: { name: 'r' }, spec: { selector: {} }, status: { replicas: 4 } })
    expect(rs.metadata?.generation).toBe(1)
    expect(rs.status).toEqual({ replicas: 0 })
  })
})

describe('prepareDeploymentForUpdate: generation', () => {
  const stored: Deployment = { ...newDeployment({ app: 'a' }, { note: 'x' }), metadata: { name: 'test', generation: 3,
    labels: { app: 'a' }, annotations: { note: 'x' } }, status: { observedGeneration: 3, replicas: 1 } }
  it('a spec change bumps it and the client cannot touch status or generation', () => {
    const next = { ...stored, metadata: { ...stored.metadata, generation: 99 }, spec: { ...stored.spec!, replicas: 2 },
      status: { replicas: 50 } }
    const out = prepareDeploymentForUpdate(next, stored)
    expect(out.metadata?.generation).toBe(4)
    expect(out.status).toEqual(stored.status)
  })
  it('an annotation change bumps it (annotations are copied to ReplicaSets)', () => {
    const next = { ...stored, metadata: { ...stored.metadata, annotations: { note: 'y' } } }
    expect(prepareDeploymentForUpdate(next, stored).metadata?.generation).toBe(4)
  })
  it('a label change does not', () => {
    const next = { ...stored, metadata: { ...stored.metadata, labels: { app: 'b' } } }
    expect(prepareDeploymentForUpdate(next, stored).metadata?.generation).toBe(3)
  })
})

describe('ReplicaSet update', () => {
  const stored: ReplicaSet = { metadata: { name: 'r', generation: 2, annotations: { a: '1' } },
    spec: { replicas: 1, selector: {} }, status: { replicas: 1 } }
  it('only a spec change bumps the generation', () => {
    const scaled = { ...stored, spec: { ...stored.spec!, replicas: 3 } }
    expect(prepareReplicaSetForUpdate(scaled, stored).metadata?.generation).toBe(3)
    const annotated = { ...stored, metadata: { ...stored.metadata, annotations: { a: '2' } } }
    expect(prepareReplicaSetForUpdate(annotated, stored).metadata?.generation).toBe(2)
  })
  it('a status write keeps the stored spec', () => {
    const write = { ...stored, spec: { ...stored.spec!, replicas: 8 }, status: { replicas: 0 } }
    const out = prepareReplicaSetStatusUpdate(write, stored)
    expect(out.spec).toEqual(stored.spec)
    expect(out.status).toEqual({ replicas: 0 })
  })
})

describe('semanticDeepEqual', () => {
  it('nil and empty lists and maps are equal; key order does not matter', () => {
    expect(semanticDeepEqual({ a: [], b: { x: 1, y: 2 } }, { b: { y: 2, x: 1 } })).toBe(true)
    expect(semanticDeepEqual({ a: [1] }, { a: [2] })).toBe(false)
  })
})

describe('warningsOnCreate', () => {
  it('a dotted name is a subdomain but not a DNS label', () => {
    expect(warningsOnCreate({ metadata: { name: 'web.v1' } })).toEqual([
      'metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; ' +
      'a DNS label is recommended: [must not contain dots]',
    ])
    expect(warningsOnCreate({ metadata: { name: 'web' } })).toEqual([])
  })
  it('IsDNS1123Label: length first, then the regex', () => {
    expect(isDNS1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters'])
    expect(isDNS1123Label('-a')).toEqual([
      'a lowercase RFC 1123 label must consist of lower case alphanumeric characters ' +
      "or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for " +
      "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ])
  })
})
