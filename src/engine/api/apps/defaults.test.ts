import { describe, expect, it } from 'vitest'
import type { Deployment, DeploymentSpec, ReplicaSet } from '../types.ts'
import { defaultDeployment, defaultPodTemplateSpec, defaultReplicaSet } from './defaults.ts'

// The template every case of upstream's TestSetDefaultDeployment expects (pkg/apis/apps/v1/defaults_test.go):
// SetDefaults_PodSpec only — no enableServiceLinks, which is SetDefaults_Pod's.
const defaultTemplate = {
  spec: {
    dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', securityContext: {}, terminationGracePeriodSeconds: 30,
    schedulerName: 'default-scheduler',
  },
}

const deployment = (spec: Partial<DeploymentSpec>): Deployment => ({ spec: spec as DeploymentSpec })

describe('defaultDeployment (TestSetDefaultDeployment)', () => {
  const cases: { name: string; original: Partial<DeploymentSpec>; expected: Partial<DeploymentSpec> }[] = [
    {
      name: 'empty deployment',
      original: {},
      expected: {
        replicas: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
      },
    },
    {
      name: 'maxSurge set, type unset',
      original: { replicas: 5, strategy: { rollingUpdate: { maxSurge: 5 } } },
      expected: {
        replicas: 5, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 5, maxUnavailable: '25%' } },
        revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
      },
    },
    {
      name: 'RollingUpdate with nil rollingUpdate',
      original: { replicas: 3, strategy: { type: 'RollingUpdate' } },
      expected: {
        replicas: 3, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
      },
    },
    {
      name: 'Recreate keeps revisionHistoryLimit 0',
      original: { replicas: 5, strategy: { type: 'Recreate' }, revisionHistoryLimit: 0 },
      expected: { replicas: 5, strategy: { type: 'Recreate' }, revisionHistoryLimit: 0, progressDeadlineSeconds: 600 },
    },
    {
      name: 'Recreate with progressDeadlineSeconds and revisionHistoryLimit set',
      original: { replicas: 5, strategy: { type: 'Recreate' }, progressDeadlineSeconds: 30, revisionHistoryLimit: 2 },
      expected: { replicas: 5, strategy: { type: 'Recreate' }, progressDeadlineSeconds: 30, revisionHistoryLimit: 2 },
    },
  ]
  it.each(cases)('$name', ({ original, expected }) => {
    expect(defaultDeployment(deployment(original)).spec).toEqual({ ...expected, template: defaultTemplate })
  })

  it('does not mutate its input', () => {
    const d = deployment({ template: { spec: { containers: [{ name: 'c', image: 'nginx' }] } } })
    const before = JSON.stringify(d)
    defaultDeployment(d)
    expect(JSON.stringify(d)).toBe(before)
  })

  it('TestDefaultDeploymentAvailability: the default maxUnavailable of 1 replica leaves it available', () => {
    const d = defaultDeployment(deployment({}))
    // 25% of 1 rounded down (GetScaledValueFromIntOrPercent, roundUp false) is 0.
    expect(Math.floor(((d.spec?.replicas ?? 0) * 25) / 100)).toBe(0)
  })
})

describe('defaultReplicaSet (TestSetDefaultReplicaSetReplicas)', () => {
  it.each([[undefined, 1], [0, 0], [3, 3]])('replicas %s -> %s', (replicas, want) => {
    const rs: ReplicaSet = { spec: { replicas, selector: {}, template: { metadata: { labels: { foo: 'bar' } } } } }
    expect(defaultReplicaSet(rs).spec?.replicas).toBe(want)
  })
})

describe('defaultPodTemplateSpec: SetDefaults_PodSpec and the containers, never SetDefaults_Pod', () => {
  it('TestDefaultRequestIsNotSetForReplicaSet: limits are not copied to requests in a template', () => {
    const rs = defaultReplicaSet({ spec: { replicas: 3, selector: {}, template: {
      metadata: { labels: { foo: 'bar' } },
      spec: { containers: [{ name: 'c', resources: { limits: { cpu: '100m' } } }] },
    } } })
    expect(rs.spec?.template?.spec?.containers[0].resources).toEqual({ limits: { cpu: '100m' } })
  })

  it('container defaults apply as on a Pod; enableServiceLinks and hostNetwork host ports do not', () => {
    const t = defaultPodTemplateSpec({ spec: { hostNetwork: true, containers: [
      { name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] },
      { name: 'pinned', image: 'nginx:1.27' },
    ] } })
    expect(t.spec?.enableServiceLinks).toBeUndefined()
    expect(t.spec?.containers[0]).toEqual({
      name: 'web', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }], imagePullPolicy: 'Always',
      terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
    })
    expect(t.spec?.containers[1].imagePullPolicy).toBe('IfNotPresent')
  })

  it('a template without a spec gets the PodSpec defaults and no containers field', () => {
    expect(defaultPodTemplateSpec(undefined)).toEqual(defaultTemplate)
  })
})
