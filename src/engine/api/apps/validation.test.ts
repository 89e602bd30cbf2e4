import { describe, expect, it } from 'vitest'
import { newInvalid } from '../errors.ts'
import type { Deployment, ReplicaSet } from '../types.ts'
import { defaultDeployment, defaultReplicaSet } from './defaults.ts'
import { validateDeployment, validateDeploymentStatusUpdate, validateDeploymentUpdate, validateReplicaSet,
  validateReplicaSetStatus, validateReplicaSetUpdate } from './validation.ts'

// validDeployment of upstream's pkg/apis/apps/validation/validation_test.go (name abc, selector name=abc,
// RollingUpdate 1/1), defaulted as the apiserver does before validating.
function validDeployment(tweak: (d: Deployment) => void = () => {}): Deployment {
  const d: Deployment = {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'abc', namespace: 'default' },
    spec: {
      selector: { matchLabels: { name: 'abc' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
      template: {
        metadata: { labels: { name: 'abc' } },
        spec: { containers: [{ name: 'nginx', image: 'image', imagePullPolicy: 'Never' }] },
      },
    },
  }
  tweak(d)
  return defaultDeployment(d)
}

const texts = (errs: { field: string; message: string }[]) => errs.map((e) => `${e.field}: ${e.message}`)
const deploymentMessage = (d: Deployment) =>
  newInvalid('Deployment', d.metadata?.name ?? '', validateDeployment(d), 'apps').message
const errsOf = (d: Deployment) => texts(validateDeployment(d))
type RollingUpdate = NonNullable<NonNullable<NonNullable<Deployment['spec']>['strategy']>['rollingUpdate']>
const rolling = (rollingUpdate: RollingUpdate) => (d: Deployment) => {
  d.spec!.strategy = { type: 'RollingUpdate', rollingUpdate }
}

describe('validateDeployment (TestValidateDeployment)', () => {
  it('accepts the valid deployment', () => expect(validateDeployment(validDeployment())).toEqual([]))

  // errorCases of upstream's TestValidateDeployment: each key must appear in the error text. The internal-only
  // RollbackTo case is replaced by a negative replicas count (same message).
  const errorCases: [string, (d: Deployment) => void][] = [
    ['`selector` does not match template `labels`', (d) => { d.spec!.selector = { matchLabels: { name: 'def' } } }],
    ['Unsupported value: "Never"', (d) => { d.spec!.template.spec!.restartPolicy = 'Never' }],
    ['supported values: "Recreate", "RollingUpdate"', (d) => { d.spec!.strategy = { type: 'randomType' } }],
    ["may not be specified when strategy `type` is 'Recreate'",
      (d) => { d.spec!.strategy = { type: 'Recreate', rollingUpdate: {} } }],
    ['a valid percent string must be', rolling({ maxSurge: '20Percent' })],
    ['may not be 0 when `maxSurge` is 0', rolling({ maxSurge: '0%', maxUnavailable: 0 })],
    ['must not be greater than 100%', rolling({ maxUnavailable: '110%' })],
    ['must be greater than or equal to 0', (d) => { d.spec!.replicas = -1 }],
    ['must be greater than minReadySeconds', (d) => {
      d.spec!.progressDeadlineSeconds = 600
      d.spec!.minReadySeconds = 600
    }],
  ]
  it.each(errorCases)('%s', (want, tweak) => {
    const errs = texts(validateDeployment(validDeployment(tweak)))
    expect(errs.some((e) => e.includes(want)), errs.join('\n')).toBe(true)
  })
})

describe('validateDeployment: the exact texts users meet', () => {
  it('selector does not match: the labels print as JSON (v1.34+), keys sorted', () => {
    const d = validDeployment((x) => {
      x.metadata!.name = 'web'
      x.spec!.selector = { matchLabels: { app: 'web' } }
      x.spec!.template.metadata = { labels: { tier: 'a', app: 'x' } }
    })
    expect(deploymentMessage(d)).toBe('Deployment.apps "web" is invalid: spec.template.metadata.labels: ' +
      'Invalid value: {"app":"x","tier":"a"}: `selector` does not match template `labels`')
  })

  it('empty selector: printed as {}, and the template match is skipped', () => {
    const d = validDeployment((x) => { x.spec!.selector = {} })
    expect(errsOf(d)).toEqual(['spec.selector: Invalid value: {}: empty selector is invalid for deployment'])
  })

  it('missing selector: Required, and nothing matches (labels.Nothing)', () => {
    const d = validDeployment((x) => { delete (x.spec as { selector?: unknown }).selector })
    expect(texts(validateDeployment(d))).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: {"name":"abc"}: `selector` does not match template `labels`',
    ])
  })

  it('restartPolicy Never: supported values "Always" only', () => {
    const d = validDeployment((x) => { x.spec!.template.spec!.restartPolicy = 'Never' })
    expect(errsOf(d)).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ])
  })

  it('maxSurge and maxUnavailable both 0', () => {
    const d = validDeployment(rolling({ maxSurge: 0, maxUnavailable: 0 }))
    expect(errsOf(d)).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ])
  })

  it('percent over 100 on maxUnavailable only; maxSurge may exceed 100%', () => {
    const d = validDeployment(rolling({ maxSurge: '200%', maxUnavailable: '110%' }))
    expect(errsOf(d)).toEqual([
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "110%": must not be greater than 100%',
    ])
  })

  it('bad percent string names the format', () => {
    const d = validDeployment(rolling({ maxSurge: '20Percent', maxUnavailable: 1 }))
    expect(errsOf(d)).toEqual([
      'spec.strategy.rollingUpdate.maxSurge: Invalid value: "20Percent": ' +
      'a valid percent string must be a numeric string ' +
      "followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ])
  })

  it('negative counts and progressDeadlineSeconds, in upstream order', () => {
    const d = validDeployment((x) => {
      x.spec!.replicas = -1
      x.spec!.minReadySeconds = 10
      x.spec!.revisionHistoryLimit = -2
      x.spec!.progressDeadlineSeconds = 5
    })
    expect(errsOf(d)).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0',
      'spec.progressDeadlineSeconds: Invalid value: 5: must be greater than minReadySeconds',
    ])
  })

  it('template labels sit at spec.template.labels (ValidatePodTemplateSpec), the PodSpec under .spec', () => {
    const d = validDeployment((x) => {
      x.spec!.selector = { matchLabels: { name: 'a b' } }
    })
    expect(errsOf(d)[0]).toMatch(/^spec\.selector\.matchLabels: Invalid value: "a b": a valid label/)
    // LabelSelectorAsSelector fails too, so the template is not validated at all.
    expect(errsOf(d).slice(1))
      .toEqual(['spec.selector: Invalid value: {"matchLabels":{"name":"a b"}}: invalid label selector'])
    const e = validDeployment((x) => {
      x.spec!.template.metadata!.labels = { name: 'abc', bad: '-x' }
      x.spec!.template.spec!.containers = [{ name: 'c' }]
    })
    expect(validateDeployment(e).map((err) => err.field))
      .toEqual(['spec.template.labels', 'spec.template.spec.containers[0].image'])
  })

  it('matchExpressions operators', () => {
    const d = validDeployment((x) => {
      x.spec!.selector = { matchExpressions: [
        { key: 'name', operator: 'In' },
        { key: 'x', operator: 'Exists', values: ['a'] },
        { key: 'y', operator: 'Like' },
      ] }
    })
    expect(errsOf(d).slice(0, 3)).toEqual([
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.selector.matchExpressions[1].values: Forbidden: ' +
        "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.selector.matchExpressions[2].operator: Invalid value: "Like": not a valid selector operator',
    ])
  })
})

describe('validateDeploymentUpdate (TestValidateDeploymentUpdate)', () => {
  it('selector is immutable in apps/v1', () => {
    const prev = validDeployment()
    const next = validDeployment((x) => {
      x.spec!.selector = { matchLabels: { name: 'def' } }
      x.spec!.template.metadata!.labels = { name: 'def' }
    })
    expect(texts(validateDeploymentUpdate(next, prev)))
      .toEqual(['spec.selector: Invalid value: {"matchLabels":{"name":"def"}}: field is immutable'])
  })
  it('scaling and a new image are fine', () => {
    const next = validDeployment((x) => {
      x.spec!.replicas = 5
      x.spec!.template.spec!.containers[0].image = 'image:2'
    })
    expect(validateDeploymentUpdate(next, validDeployment())).toEqual([])
  })
})

describe('validateDeploymentStatusUpdate', () => {
  it('counts cannot exceed status.replicas; collisionCount cannot go down', () => {
    const prev = { ...validDeployment(), status: { collisionCount: 2 } }
    const status = { replicas: 1, readyReplicas: 2, availableReplicas: 1, collisionCount: 1 }
    const next = { ...validDeployment(), status }
    expect(texts(validateDeploymentStatusUpdate(next, prev))).toEqual([
      'status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas',
      'status.collisionCount: Invalid value: 1: cannot be decremented',
    ])
  })
})

function validReplicaSet(tweak: (rs: ReplicaSet) => void = () => {}): ReplicaSet {
  const rs: ReplicaSet = {
    metadata: { name: 'abc', namespace: 'default' },
    spec: {
      replicas: 1, selector: { matchLabels: { a: 'b' } },
      template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'abc', image: 'image' }] } },
    },
  }
  tweak(rs)
  return defaultReplicaSet(rs)
}

describe('validateReplicaSet (TestValidateReplicaSet)', () => {
  it('accepts the valid replica set', () => expect(validateReplicaSet(validReplicaSet())).toEqual([]))
  it.each([
    ['negative replicas', (rs: ReplicaSet) => { rs.spec!.replicas = -1 },
      ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
    ['empty selector says "deployment", as upstream does', (rs: ReplicaSet) => { rs.spec!.selector = {} },
      ['spec.selector: Invalid value: {}: empty selector is invalid for deployment']],
    ['activeDeadlineSeconds forbidden', (rs: ReplicaSet) => { rs.spec!.template!.spec!.activeDeadlineSeconds = 10 },
      ['spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported']],
    ['bad name', (rs: ReplicaSet) => { rs.metadata!.name = 'A_B' },
      [expect.stringMatching(/^metadata\.name: Invalid value: "A_B": a lowercase RFC 1123 subdomain/)]],
  ])('%s', (_name, tweak, want) => expect(texts(validateReplicaSet(validReplicaSet(tweak)))).toEqual(want))
})

describe('validateReplicaSetUpdate (TestValidateReplicaSetUpdate)', () => {
  it('selector immutable; spec errors listed twice as upstream, printed once', () => {
    const prev = validReplicaSet()
    const next = validReplicaSet((rs) => {
      rs.spec!.replicas = -1
      rs.spec!.selector = { matchLabels: { a: 'b', c: 'd' } }
      rs.spec!.template!.metadata!.labels = { a: 'b', c: 'd' }
    })
    const errs = validateReplicaSetUpdate(next, prev)
    expect(texts(errs)).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.selector: Invalid value: {"matchLabels":{"a":"b","c":"d"}}: field is immutable',
    ])
    expect(newInvalid('ReplicaSet', 'abc', errs, 'apps').message).toBe('ReplicaSet.apps "abc" is invalid: ' +
      '[spec.replicas: Invalid value: -1: must be greater than or equal to 0, ' +
      'spec.selector: Invalid value: {"matchLabels":{"a":"b","c":"d"}}: field is immutable]')
  })
})

describe('validateReplicaSetStatus', () => {
  it('availableReplicas cannot exceed readyReplicas', () => {
    expect(texts(validateReplicaSetStatus({ replicas: 3, readyReplicas: 1, availableReplicas: 2 })))
      .toEqual(['status.availableReplicas: Invalid value: 2: cannot be greater than readyReplicas'])
  })
})
