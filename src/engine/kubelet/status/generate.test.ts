/**
 * Tables ported from pkg/kubelet/status/generate_test.go (v1.35): same cases, same order. Upstream's cases are
 * unnamed (indexed) except TestGeneratePodReadyToStartContainersCondition's; the names here say what each checks.
 */
import { describe, expect, it } from 'vitest'
import type { Container, ContainerStatus, Pod, PodCondition, PodSpec } from '../../api/types.ts'
import {
  generateContainersReadyCondition, generatePodInitializedCondition, generatePodReadyCondition,
  generatePodReadyToStartContainersCondition, updateLastTransitionTime, updateLastTransitionTimes,
  type KubeletPodCondition, type PodPhase, type SandboxStatus,
} from './generate.ts'

const getReadyStatus = (name: string): ContainerStatus =>
  ({ name, ready: true, image: '', imageID: '', restartCount: 0 })
const getNotReadyStatus = (name: string): ContainerStatus => ({ ...getReadyStatus(name), ready: false })
const getStartedStatus = (name: string): ContainerStatus => ({ ...getNotReadyStatus(name), started: true })
const getNotStartedStatus = (name: string): ContainerStatus => ({ ...getNotReadyStatus(name), started: false })
const sidecar = (name: string): Container => ({ name, restartPolicy: 'Always' })

/** getPodCondition mirrors the upstream helper: omitempty reason/message. */
function getPodCondition(type: string, status: 'True' | 'False', reason = '', message = ''): KubeletPodCondition {
  return { type, status, ...(reason ? { reason } : {}), ...(message ? { message } : {}) }
}
const pod = (spec: PodSpec): Pod => ({ spec })

interface ReadyCase {
  name: string
  spec: PodSpec
  conditions?: PodCondition[]
  containerStatuses: ContainerStatus[] | undefined
  podPhase: PodPhase
  expect: KubeletPodCondition
}

describe('GenerateContainersReadyCondition', () => {
  const C = (status: 'True' | 'False', reason = '', message = '') =>
    getPodCondition('ContainersReady', status, reason, message)
  const RI1 = 'restartable-init-1'
  const RI2 = 'restartable-init-2'
  const twoSidecars: PodSpec = { initContainers: [sidecar(RI1), sidecar(RI2)], containers: [{ name: 'regular-1' }] }
  // From: pkg/kubelet/status/generate_test.go TestGenerateContainersReadyCondition
  const cases: ReadyCase[] = [
    { name: 'nil statuses', spec: { containers: [] }, containerStatuses: undefined, podPhase: 'Running',
      expect: C('False', 'UnknownContainerStatuses') },
    { name: 'no containers', spec: { containers: [] }, containerStatuses: [], podPhase: 'Running', expect: C('True') },
    { name: 'one unknown', spec: { containers: [{ name: '1234' }] }, containerStatuses: [], podPhase: 'Running',
      expect: C('False', 'ContainersNotReady', 'containers with unknown status: [1234]') },
    { name: 'all ready', spec: { containers: [{ name: '1234' }, { name: '5678' }] },
      containerStatuses: [getReadyStatus('1234'), getReadyStatus('5678')], podPhase: 'Running', expect: C('True') },
    { name: 'one missing', spec: { containers: [{ name: '1234' }, { name: '5678' }] },
      containerStatuses: [getReadyStatus('1234')], podPhase: 'Running',
      expect: C('False', 'ContainersNotReady', 'containers with unknown status: [5678]') },
    { name: 'one unready', spec: { containers: [{ name: '1234' }, { name: '5678' }] },
      containerStatuses: [getReadyStatus('1234'), getNotReadyStatus('5678')], podPhase: 'Running',
      expect: C('False', 'ContainersNotReady', 'containers with unready status: [5678]') },
    { name: 'succeeded', spec: { containers: [{ name: '1234' }] }, containerStatuses: [getNotReadyStatus('1234')],
      podPhase: 'Succeeded', expect: C('False', 'PodCompleted') },
    { name: 'sidecar unknown', spec: { initContainers: [sidecar(RI1)], containers: [{ name: 'regular-1' }] },
      containerStatuses: [getReadyStatus('regular-1')], podPhase: 'Running',
      expect: C('False', 'ContainersNotReady', 'containers with unknown status: [restartable-init-1]') },
    { name: 'sidecars and regular ready', spec: twoSidecars,
      containerStatuses: [getReadyStatus(RI1), getReadyStatus(RI2), getReadyStatus('regular-1')],
      podPhase: 'Running', expect: C('True') },
    { name: 'second sidecar unknown', spec: twoSidecars,
      containerStatuses: [getReadyStatus(RI1), getReadyStatus('regular-1')], podPhase: 'Running',
      expect: C('False', 'ContainersNotReady', 'containers with unknown status: [restartable-init-2]') },
    { name: 'second sidecar unready', spec: twoSidecars,
      containerStatuses: [getReadyStatus(RI1), getNotReadyStatus(RI2), getReadyStatus('regular-1')],
      podPhase: 'Running',
      expect: C('False', 'ContainersNotReady', 'containers with unready status: [restartable-init-2]') },
  ]
  it.each(cases)('$name', (c) => {
    expect(generateContainersReadyCondition(pod(c.spec), c.containerStatuses, c.podPhase)).toStrictEqual(c.expect)
  })

  it('lists several unknown and unready containers as Go prints a []string, unknown first', () => {
    const spec: PodSpec = { containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'd' }] }
    const got = generateContainersReadyCondition(pod(spec), [getNotReadyStatus('a'), getNotReadyStatus('c')], 'Running')
    expect(got.message).toBe('containers with unknown status: [b d], containers with unready status: [a c]')
  })

  it('is False with reason PodFailed for a failed pod, even with every container ready (generate.go)', () => {
    const got = generateContainersReadyCondition(pod({ containers: [{ name: 'a' }] }), [getReadyStatus('a')], 'Failed')
    expect(got).toStrictEqual(C('False', 'PodFailed'))
  })
})

describe('GeneratePodReadyCondition', () => {
  const R = (status: 'True' | 'False', reason = '', message = '') => getPodCondition('Ready', status, reason, message)
  const gate = (g: string) => ({ conditionType: g })
  const gated = (...g: string[]): PodSpec => ({ containers: [], readinessGates: g.map(gate) })
  const missing = (g: string) => `corresponding condition of pod readiness gate "${g}" does not exist.`
  const notTrue = (g: string) => `the status of pod readiness gate "${g}" is not "True", but False`
  const NG = 'ReadinessGatesNotReady'
  // From: pkg/kubelet/status/generate_test.go TestGeneratePodReadyCondition
  const cases: ReadyCase[] = [
    { name: 'nil statuses', spec: { containers: [] }, containerStatuses: undefined, podPhase: 'Running',
      expect: R('False', 'UnknownContainerStatuses') },
    { name: 'no containers', spec: { containers: [] }, containerStatuses: [], podPhase: 'Running', expect: R('True') },
    { name: 'one unknown', spec: { containers: [{ name: '1234' }] }, containerStatuses: [], podPhase: 'Running',
      expect: R('False', 'ContainersNotReady', 'containers with unknown status: [1234]') },
    { name: 'all ready', spec: { containers: [{ name: '1234' }, { name: '5678' }] },
      containerStatuses: [getReadyStatus('1234'), getReadyStatus('5678')], podPhase: 'Running', expect: R('True') },
    { name: 'one missing', spec: { containers: [{ name: '1234' }, { name: '5678' }] },
      containerStatuses: [getReadyStatus('1234')], podPhase: 'Running',
      expect: R('False', 'ContainersNotReady', 'containers with unknown status: [5678]') },
    { name: 'one unready', spec: { containers: [{ name: '1234' }, { name: '5678' }] },
      containerStatuses: [getReadyStatus('1234'), getNotReadyStatus('5678')], podPhase: 'Running',
      expect: R('False', 'ContainersNotReady', 'containers with unready status: [5678]') },
    { name: 'succeeded', spec: { containers: [{ name: '1234' }] }, containerStatuses: [getNotReadyStatus('1234')],
      podPhase: 'Succeeded', expect: R('False', 'PodCompleted') },
    { name: 'gate missing', spec: gated('gate1'), containerStatuses: [], podPhase: 'Running',
      expect: R('False', NG, missing('gate1')) },
    { name: 'gate False', spec: gated('gate1'), conditions: [getPodCondition('gate1', 'False')],
      containerStatuses: [], podPhase: 'Running',
      expect: R('False', NG, notTrue('gate1')) },
    { name: 'gate True', spec: gated('gate1'), conditions: [getPodCondition('gate1', 'True')],
      containerStatuses: [], podPhase: 'Running', expect: R('True') },
    { name: 'second gate missing', spec: gated('gate1', 'gate2'),
      conditions: [getPodCondition('gate1', 'True')], containerStatuses: [], podPhase: 'Running',
      expect: R('False', NG, missing('gate2')) },
    { name: 'second gate False', spec: gated('gate1', 'gate2'),
      conditions: [getPodCondition('gate1', 'True'), getPodCondition('gate2', 'False')], containerStatuses: [],
      podPhase: 'Running',
      expect: R('False', NG, notTrue('gate2')) },
    { name: 'both gates True', spec: gated('gate1', 'gate2'),
      conditions: [getPodCondition('gate1', 'True'), getPodCondition('gate2', 'True')], containerStatuses: [],
      podPhase: 'Running', expect: R('True') },
    { name: 'gate True but container unready',
      spec: { containers: [{ name: '1234' }], readinessGates: [gate('gate1')] },
      conditions: [getPodCondition('gate1', 'True')], containerStatuses: [getNotReadyStatus('1234')],
      podPhase: 'Running',
      expect: R('False', 'ContainersNotReady', 'containers with unready status: [1234]') },
  ]
  it.each(cases)('$name', (c) => {
    expect(generatePodReadyCondition(pod(c.spec), c.conditions, c.containerStatuses, c.podPhase))
      .toStrictEqual(c.expect)
  })

  it('copies PodFailed from ContainersReady for a failed pod (generate.go)', () => {
    expect(generatePodReadyCondition(pod({ containers: [] }), undefined, [], 'Failed'))
      .toStrictEqual(R('False', 'PodFailed'))
  })
})

describe('GeneratePodInitializedCondition', () => {
  const noInitContainer: PodSpec = { containers: [] }
  const oneInitContainer: PodSpec = { initContainers: [{ name: '1234' }], containers: [{ name: 'regular' }] }
  const twoInitContainer: PodSpec = {
    initContainers: [{ name: '1234' }, { name: '5678' }], containers: [{ name: 'regular' }],
  }
  const oneRestartableInitContainer: PodSpec = { initContainers: [sidecar('1234')], containers: [{ name: 'regular' }] }
  const withState = (name: string, state: ContainerStatus['state']): ContainerStatus =>
    ({ ...getNotReadyStatus(name), state })
  // From: pkg/kubelet/status/generate_test.go TestGeneratePodInitializedCondition (upstream compares type, status and
  // reason only; the messages here follow generate.go).
  const cases: { name: string, spec: PodSpec, statuses: ContainerStatus[] | undefined, phase: PodPhase,
    status: 'True' | 'False', reason?: string, message?: string }[] = [
    { name: 'nil statuses', spec: twoInitContainer, statuses: undefined, phase: 'Running', status: 'False',
      reason: 'UnknownContainerStatuses' },
    { name: 'no init containers', spec: noInitContainer, statuses: [], phase: 'Running', status: 'True' },
    { name: 'init unknown', spec: oneInitContainer, statuses: [], phase: 'Running', status: 'False',
      reason: 'ContainersNotInitialized', message: 'containers with unknown status: [1234]' },
    { name: 'both ready', spec: twoInitContainer, statuses: [getReadyStatus('1234'), getReadyStatus('5678')],
      phase: 'Running', status: 'True' },
    { name: 'second unknown', spec: twoInitContainer, statuses: [getReadyStatus('1234')], phase: 'Running',
      status: 'False', reason: 'ContainersNotInitialized', message: 'containers with unknown status: [5678]' },
    { name: 'second incomplete', spec: twoInitContainer, statuses: [getReadyStatus('1234'), getNotReadyStatus('5678')],
      phase: 'Running', status: 'False', reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [5678]' },
    { name: 'succeeded', spec: oneInitContainer, statuses: [getReadyStatus('1234')], phase: 'Succeeded',
      status: 'True', reason: 'PodCompleted' },
    { name: 'sidecar not started', spec: oneRestartableInitContainer, statuses: [getNotStartedStatus('1234')],
      phase: 'Pending', status: 'False', reason: 'ContainersNotInitialized',
      message: 'containers with incomplete status: [1234]' },
    { name: 'sidecar started', spec: oneRestartableInitContainer, statuses: [getStartedStatus('1234')],
      phase: 'Running', status: 'True' },
    { name: 'sidecar restarting after a regular container ran', spec: oneRestartableInitContainer,
      statuses: [getNotStartedStatus('1234'), withState('regular', { running: {} })], phase: 'Running',
      status: 'True' },
    { name: 'init waiting but a regular container terminated', spec: oneInitContainer,
      statuses: [withState('1234', { waiting: {} }), withState('regular', { terminated: { exitCode: 0 } })],
      phase: 'Running', status: 'True' },
  ]
  it.each(cases)('$name', (c) => {
    const got = generatePodInitializedCondition(pod(c.spec), c.statuses, c.phase)
    expect(got).toStrictEqual({
      type: 'Initialized', status: c.status,
      ...(c.reason ? { reason: c.reason } : {}), ...(c.message ? { message: c.message } : {}),
    })
  })
})

describe('GeneratePodReadyToStartContainersCondition', () => {
  // From: pkg/kubelet/status/generate_test.go TestGeneratePodReadyToStartContainersCondition (case names kept)
  const cases: { name: string, pod: Pod, sandboxes: SandboxStatus[], status: 'True' | 'False' }[] = [
    { name: 'Empty pod status', pod: {}, sandboxes: [], status: 'False' },
    { name: 'Pod sandbox status not ready', pod: {}, sandboxes: [{ state: 'SANDBOX_NOTREADY' }], status: 'False' },
    { name: 'Pod sandbox status ready but no IP configured', pod: {},
      sandboxes: [{ state: 'SANDBOX_READY', ip: '' }], status: 'False' },
    { name: 'Pod sandbox status ready and IP configured', pod: {},
      sandboxes: [{ state: 'SANDBOX_READY', ip: '10.0.0.10' }], status: 'True' },
  ]
  it.each(cases)('$name', (c) => {
    expect(generatePodReadyToStartContainersCondition(c.pod, c.sandboxes))
      .toStrictEqual({ type: 'PodReadyToStartContainers', status: c.status })
  })

  it('is False with two ready sandboxes, or a hostNetwork pod in a pod-network sandbox (PodSandboxChanged)', () => {
    const two: SandboxStatus[] = [
      { state: 'SANDBOX_READY', ip: '10.0.0.10' }, { state: 'SANDBOX_READY', ip: '10.0.0.11' },
    ]
    expect(generatePodReadyToStartContainersCondition({}, two).status).toBe('False')
    const host: Pod = { spec: { containers: [], hostNetwork: true } }
    expect(generatePodReadyToStartContainersCondition(host, [{ state: 'SANDBOX_READY', ip: '10.0.0.10' }]).status)
      .toBe('False')
    expect(generatePodReadyToStartContainersCondition(host, [{ state: 'SANDBOX_READY', networkNamespace: 'NODE' }])
      .status).toBe('True')
  })
})

describe('observedGeneration', () => {
  // PodObservedGenerationTracking is GA (locked on) in v1.35: pkg/features/kube_features.go;
  // podutil.CalculatePodConditionObservedGeneration returns pod.Generation.
  it('carries metadata.generation on every generated condition, and the field sits after type', () => {
    const p: Pod = { metadata: { generation: 3 }, spec: { containers: [{ name: 'a' }] } }
    const ready = generatePodReadyCondition(p, undefined, [getReadyStatus('a')], 'Running')
    expect(ready).toStrictEqual({ type: 'Ready', observedGeneration: 3, status: 'True' })
    expect(Object.keys(ready)).toEqual(['type', 'observedGeneration', 'status'])
    expect(generateContainersReadyCondition(p, undefined, 'Running').observedGeneration).toBe(3)
    expect(generatePodInitializedCondition(p, [], 'Running').observedGeneration).toBe(3)
    expect(generatePodReadyToStartContainersCondition(p, []).observedGeneration).toBe(3)
  })

  it('takes an explicit generation over the pod one, and omits 0 as omitempty does', () => {
    const p: Pod = { metadata: { generation: 3 }, spec: { containers: [] } }
    expect(generatePodReadyCondition(p, undefined, [], 'Running', 4).observedGeneration).toBe(4)
    expect(generatePodReadyCondition(p, undefined, [], 'Running', 0)).not.toHaveProperty('observedGeneration')
  })
})

describe('updateLastTransitionTime', () => {
  // Mirrors: pkg/kubelet/status/status_manager.go updateLastTransitionTime
  const T0 = '2026-01-01T00:00:00Z'
  const T1 = '2026-01-01T00:00:07Z'
  it('keeps the old time while the status is unchanged, takes now when it changes or is new', () => {
    const old: PodCondition[] = [
      { type: 'Ready', status: 'False', lastTransitionTime: T0, reason: 'ContainersNotReady' },
    ]
    expect(updateLastTransitionTime({ type: 'Ready', status: 'False', reason: 'ContainersNotReady' }, old, T1)
      .lastTransitionTime).toBe(T0)
    const flipped = updateLastTransitionTime({ type: 'Ready', observedGeneration: 1, status: 'True' }, old, T1)
    expect(flipped).toStrictEqual({ type: 'Ready', observedGeneration: 1, status: 'True', lastTransitionTime: T1 })
    expect(Object.keys(flipped)).toEqual(['type', 'observedGeneration', 'status', 'lastTransitionTime'])
    expect(updateLastTransitionTime({ type: 'Initialized', status: 'True' }, old, T1).lastTransitionTime).toBe(T1)
  })

  it('touches only the condition types the status manager tracks', () => {
    const conditions = [{ type: 'Ready', status: 'True' }, { type: 'gate1', status: 'True' }]
    const got = updateLastTransitionTimes(conditions, [], T1)
    expect(got).toStrictEqual([
      { type: 'Ready', status: 'True', lastTransitionTime: T1 }, { type: 'gate1', status: 'True' },
    ])
  })
})
