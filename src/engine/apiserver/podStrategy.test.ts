/**
 * The pod strategy's update rules. Cases and expected texts port pkg/apis/core/validation/validation_test.go
 * TestValidatePodUpdate (the table's "image change", "activeDeadlineSeconds", "tolerations" and "nodeName change"
 * rows) and pkg/registry/core/pod/strategy_test.go TestPodGenerationPrepareForUpdate / PrepareForCreate.
 */
import { describe, expect, it } from 'vitest'
import type { Pod } from '../api/types.ts'
import { preparePodForUpdate, specDiff, toV1Pod, validatePodUpdate, UPDATABLE_POD_SPEC_FIELDS } from './podStrategy.ts'

const base = (spec: Partial<NonNullable<Pod['spec']>> = {}): Pod => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', generation: 1 },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...spec },
  status: { phase: 'Running' },
})

const messages = (p: Pod, o: Pod) => validatePodUpdate(p, o).map((e) => `${e.field}: ${e.message}`)

// validation.go updatablePodSpecFields joined with "," (the text real v1.35 clusters print).
const FORBIDDEN_PREFIX = 'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,'
  + '`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing '
  + 'tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n'

describe('validatePodUpdate (validation.go ValidatePodUpdate)', () => {
  it('allows an image change', () => {
    expect(messages(base({ containers: [{ name: 'app', image: 'nginx:1.29' }] }), base())).toEqual([])
  })

  it('refuses a nodeName change with the Forbidden text and the spec diff', () => {
    const got = messages(base({ nodeName: 'worker-2' }), base({ nodeName: 'worker-1' }))
    expect(got).toHaveLength(1)
    expect(got[0].startsWith(FORBIDDEN_PREFIX)).toBe(true)
    expect(got[0].slice(FORBIDDEN_PREFIX.length)).toBe(
      '  core.PodSpec{\n  \t... // 1 identical field\n- \tNodeName: "worker-1",\n+ \tNodeName: "worker-2",\n  }\n')
  })

  it('refuses a port change (containers other than image)', () => {
    const o = base({ containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] })
    const n = base({ containers: [{ name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 8080 }] }] })
    expect(messages(n, o)[0].startsWith(FORBIDDEN_PREFIX)).toBe(true)
  })

  it('refuses adding a container (ValidateContainerUpdates)', () => {
    const n = base({ containers: [{ name: 'app', image: 'nginx:1.27' }, { name: 'side', image: 'busybox:1.36' }] })
    expect(messages(n, base())).toEqual(['spec.containers: Forbidden: pod updates may not add or remove containers'])
  })

  it('an empty image is required', () => {
    expect(messages(base({ containers: [{ name: 'app', image: '' }] }), base()))
      .toEqual(['spec.containers[0].image: Required value'])
  })

  it('activeDeadlineSeconds: set, lowered, never raised or removed', () => {
    expect(messages(base({ activeDeadlineSeconds: 30 }), base())).toEqual([])
    expect(messages(base({ activeDeadlineSeconds: 10 }), base({ activeDeadlineSeconds: 30 }))).toEqual([])
    expect(messages(base({ activeDeadlineSeconds: 60 }), base({ activeDeadlineSeconds: 30 })))
      .toEqual(['spec.activeDeadlineSeconds: Invalid value: 60: must be less than or equal to previous value'])
    expect(messages(base(), base({ activeDeadlineSeconds: 30 })))
      .toEqual(['spec.activeDeadlineSeconds: Invalid value: null: must not update from a positive integer to nil '
        + 'value'])
  })

  it('tolerations: additions allowed, tolerationSeconds may change, others not', () => {
    const t = { key: 'k', operator: 'Equal', value: 'v', effect: 'NoExecute', tolerationSeconds: 10 }
    const added = { key: 'k2', operator: 'Exists' }
    expect(messages(base({ tolerations: [t, added] }), base({ tolerations: [t] }))).toEqual([])
    expect(messages(base({ tolerations: [{ ...t, tolerationSeconds: 20 }] }), base({ tolerations: [t] }))).toEqual([])
    expect(messages(base({ tolerations: [{ ...t, value: 'w' }] }), base({ tolerations: [t] })))
      .toEqual(['spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds'])
  })

  it('the serviceAccount alias is not part of the internal spec', () => {
    const next = base({ serviceAccountName: 'default', serviceAccount: 'default' })
    expect(messages(next, base({ serviceAccountName: 'default' }))).toEqual([])
  })

  it('lists the updatable fields as upstream does', () => {
    expect(UPDATABLE_POD_SPEC_FIELDS).toHaveLength(5)
  })
})

describe('preparePodForUpdate (strategy.go PrepareForUpdate)', () => {
  it('bumps generation on a spec change and keeps the old status', () => {
    const changed = base({ containers: [{ name: 'app', image: 'nginx:1.29' }] })
    const next = preparePodForUpdate({ ...changed, status: { phase: 'Pending' } }, base())
    expect(next.metadata?.generation).toBe(2)
    expect(next.status).toEqual({ phase: 'Running' })
  })

  it('keeps generation when only metadata changes; a request cannot set it (rest.BeforeUpdate)', () => {
    const n = base()
    const next = preparePodForUpdate({ ...n, metadata: { ...n.metadata, labels: { a: 'b' }, generation: 7 } }, base())
    expect(next.metadata?.generation).toBe(1)
  })
})

describe('toV1Pod (conversion.go Convert_core_PodSpec_To_v1_PodSpec)', () => {
  it('sets the deprecated serviceAccount to serviceAccountName', () => {
    expect(toV1Pod(base({ serviceAccountName: 'builder' })).spec?.serviceAccount).toBe('builder')
    expect(toV1Pod(base()).spec?.serviceAccount).toBeUndefined()
  })
})

describe('specDiff', () => {
  it('counts identical fields between changes', () => {
    expect(specDiff({ containers: [], dnsPolicy: 'A' }, { containers: [], dnsPolicy: 'B' }))
      .toBe('  core.PodSpec{\n  \t... // 1 identical field\n- \tDNSPolicy: "A",\n+ \tDNSPolicy: "B",\n  }\n')
  })
})
