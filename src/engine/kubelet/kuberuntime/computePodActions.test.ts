/**
 * Cases ported from pkg/kubelet/kuberuntime/kuberuntime_manager_test.go TestComputePodActions and
 * TestComputePodActionsWithRestartableInitContainers (names kept; a subset). As upstream's verifyActions does, kill
 * messages and reasons are not compared in the tables; they are checked separately.
 */
import { describe, expect, it } from 'vitest'
import type { Container, Pod } from '../../api/types.ts'
import {
  computePodActions, type ComputePodActionsInput, type PodActions, type ProbeResult, type RuntimeContainerStatus,
} from './computePodActions.ts'

const hashOf = (c: Container) => `${c.name}:${c.image ?? ''}`

/** makeBasePodAndStatus: three running containers in a ready sandbox. */
function makeBasePodAndStatus(): ComputePodActionsInput {
  const containers: Container[] = ['foo1', 'foo2', 'foo3'].map((name) => ({ name, image: 'busybox' }))
  const pod: Pod = { metadata: { uid: '12345678', name: 'foo', namespace: 'foo-ns' }, spec: { containers } }
  return {
    pod, hashOf,
    sandboxes: [{ id: 'sandboxID', state: 'SANDBOX_READY', attempt: 0, ip: '10.0.0.1' }],
    containerStatuses: containers.map((c, i) =>
      ({ id: `id${i + 1}`, name: c.name, state: 'running', hash: hashOf(c) })),
  }
}

/** makeBasePodAndStatusWithRestartableInitContainers: three running sidecars, no regular container status. */
function makeBasePodAndStatusWithRestartableInitContainers(): ComputePodActionsInput {
  const base = makeBasePodAndStatus()
  const initContainers: Container[] = [
    { name: 'restartable-init-1', image: 'bar-image', restartPolicy: 'Always' },
    { name: 'restartable-init-2', image: 'bar-image', restartPolicy: 'Always', livenessProbe: {}, startupProbe: {} },
    { name: 'restartable-init-3', image: 'bar-image', restartPolicy: 'Always', livenessProbe: {}, startupProbe: {} },
  ]
  const spec = { containers: base.pod.spec?.containers ?? [], initContainers }
  const statuses: RuntimeContainerStatus[] = initContainers.map((c, i) =>
    ({ id: `initid${i + 1}`, name: c.name, state: 'running', hash: hashOf(c) }))
  // The upstream test sets both probes to Success for the second and third sidecar.
  const ok = new Map<string, ProbeResult>([['initid2', 'Success'], ['initid3', 'Success']])
  return { ...base, pod: { ...base.pod, spec }, containerStatuses: statuses, liveness: ok, startup: new Map(ok) }
}

type Expected = Omit<PodActions, 'containersToKill'> & { containersToKill: string[] }

const noAction: Expected = {
  killPod: false, createSandbox: false, sandboxID: 'sandboxID', attempt: 0,
  initContainersToStart: [], containersToStart: [], containersToKill: [],
}

function actions(input: ComputePodActionsInput): Expected {
  const a = computePodActions(input)
  return { ...a, containersToKill: [...a.containersToKill.keys()] }
}

const withPolicy = (input: ComputePodActionsInput, restartPolicy: 'Always' | 'OnFailure' | 'Never') =>
  ({ ...input, pod: { ...input.pod, spec: { containers: [], ...input.pod.spec, restartPolicy } } })
const exited = (s: RuntimeContainerStatus, exitCode: number): RuntimeContainerStatus =>
  ({ ...s, state: 'exited', exitCode })
type Edit = (s: RuntimeContainerStatus) => RuntimeContainerStatus
const exit = (code: number): Edit => (s) => exited(s, code)
const state = (st: RuntimeContainerStatus['state']): Edit => (s) => ({ ...s, state: st })
/** edit returns the runtime statuses with the ones at the given indexes changed. */
const edit = (b: ComputePodActionsInput, edits: Record<number, Edit>): RuntimeContainerStatus[] =>
  b.containerStatuses.map((s, i) => edits[i]?.(s) ?? s)
/** notReady: the sandbox died (and was at the given attempt). */
const notReady = (b: ComputePodActionsInput, attempt = 0) =>
  b.sandboxes.map((x) => ({ ...x, state: 'SANDBOX_NOTREADY' as const, attempt }))

interface Case {
  name: string
  input: (base: ComputePodActionsInput) => ComputePodActionsInput
  expected: Expected
}

// From: pkg/kubelet/kuberuntime/kuberuntime_manager_test.go TestComputePodActions
describe('TestComputePodActions', () => {
  const cases: Case[] = [
    { name: 'everything is good; do nothing', input: (b) => b, expected: noAction },
    { name: 'start pod sandbox and all containers for a new pod',
      input: (b) => ({ ...b, sandboxes: [], containerStatuses: [] }),
      expected: { ...noAction, killPod: true, createSandbox: true, sandboxID: '', containersToStart: [0, 1, 2] } },
    { name: 'restart exited containers if RestartPolicy == Always',
      input: (b) => ({ ...withPolicy(b, 'Always'),
        containerStatuses: edit(b, { 0: exit(0), 1: exit(111) }) }),
      expected: { ...noAction, containersToStart: [0, 1] } },
    { name: 'restart failed containers if RestartPolicy == OnFailure',
      input: (b) => ({ ...withPolicy(b, 'OnFailure'),
        containerStatuses: edit(b, { 0: exit(0), 1: exit(111) }) }),
      expected: { ...noAction, containersToStart: [1] } },
    { name: 'restart created but not started containers if RestartPolicy == OnFailure',
      input: (b) => ({ ...withPolicy(b, 'OnFailure'),
        containerStatuses: edit(b, { 0: exit(0), 1: state('created') }) }),
      expected: { ...noAction, containersToStart: [1] } },
    { name: "don't restart containers if RestartPolicy == Never",
      input: (b) => ({ ...withPolicy(b, 'Never'),
        containerStatuses: edit(b, { 0: exit(0), 1: exit(111) }) }),
      expected: noAction },
    { name: 'Kill pod and recreate everything if the pod sandbox is dead, and RestartPolicy == Always',
      input: (b) => ({ ...withPolicy(b, 'Always'), sandboxes: notReady(b) }),
      expected: { ...noAction, killPod: true, createSandbox: true, attempt: 1, containersToStart: [0, 1, 2] } },
    { name: 'Kill pod and recreate all containers (except for the succeeded one) if the pod sandbox is dead, and '
      + 'RestartPolicy == OnFailure',
    input: (b) => ({ ...withPolicy(b, 'OnFailure'), sandboxes: notReady(b),
      containerStatuses: edit(b, { 1: exit(0) }) }),
    expected: { ...noAction, killPod: true, createSandbox: true, attempt: 1, containersToStart: [0, 2] } },
    { name: 'Kill pod and recreate all containers if the PodSandbox does not have an IP',
      input: (b) => ({ ...b, sandboxes: b.sandboxes.map((x) => ({ ...x, ip: '' })) }),
      expected: { ...noAction, killPod: true, createSandbox: true, attempt: 1, containersToStart: [0, 1, 2] } },
    { name: "Kill and recreate the container if the container's spec changed",
      input: (b) => ({ ...withPolicy(b, 'Always'),
        containerStatuses: edit(b, { 1: (s) => ({ ...s, hash: '432423432' }) }) }),
      expected: { ...noAction, containersToKill: ['id2'], containersToStart: [1] } },
    { name: 'Kill and recreate the container if the liveness check has failed',
      input: (b) => ({ ...withPolicy(b, 'Always'), liveness: new Map([['id2', 'Failure']]) }),
      expected: { ...noAction, containersToKill: ['id2'], containersToStart: [1] } },
    { name: 'Kill and recreate the container if the startup check has failed',
      input: (b) => ({ ...withPolicy(b, 'Always'), startup: new Map([['id2', 'Failure']]) }),
      expected: { ...noAction, containersToKill: ['id2'], containersToStart: [1] } },
    { name: 'Verify we do not create a pod sandbox if no ready sandbox for pod with RestartPolicy=Never and all '
      + 'containers exited',
    input: (b) => ({ ...withPolicy(b, 'Never'),
      sandboxes: notReady(b, 1),
      containerStatuses: b.containerStatuses.map((s) => exited(s, 0)) }),
    expected: { ...noAction, killPod: true, attempt: 2 } },
    { name: 'Verify we do not create a pod sandbox if no ready sandbox for pod with RestartPolicy=OnFailure and all '
      + 'containers succeeded',
    input: (b) => ({ ...withPolicy(b, 'OnFailure'),
      sandboxes: notReady(b, 1),
      containerStatuses: b.containerStatuses.map((s) => exited(s, 0)) }),
    expected: { ...noAction, killPod: true, attempt: 2 } },
    { name: 'Verify we create a pod sandbox if no ready sandbox for pod with RestartPolicy=Never and no containers '
      + 'have ever been created',
    input: (b) => ({ ...withPolicy(b, 'Never'),
      sandboxes: notReady(b, 2), containerStatuses: [] }),
    expected: { ...noAction, killPod: true, createSandbox: true, attempt: 3, containersToStart: [0, 1, 2] } },
    { name: 'Kill and recreate the container if the container is in unknown state',
      input: (b) => ({ ...withPolicy(b, 'Never'),
        containerStatuses: edit(b, { 1: state('unknown') }) }),
      expected: { ...noAction, containersToKill: ['id2'], containersToStart: [1] } },
    { name: 'Restart the container if the container is in created state',
      input: (b) => ({ ...withPolicy(b, 'Never'),
        containerStatuses: edit(b, { 1: state('created') }) }),
      expected: { ...noAction, containersToStart: [1] } },
  ]
  it.each(cases)('$name', (c) => {
    expect(actions(c.input(makeBasePodAndStatus()))).toStrictEqual(c.expected)
  })

  it('words the kill as upstream does (kuberuntime_manager.go computePodActions)', () => {
    const b = makeBasePodAndStatus()
    const live = computePodActions({ ...b, liveness: new Map([['id2', 'Failure']]) }).containersToKill.get('id2')
    expect([live?.message, live?.reason])
      .toEqual(['Container foo2 failed liveness probe, will be restarted', 'LivenessProbe'])
    const spec = computePodActions({ ...b, containerStatuses: edit(b, { 0: (s) => ({ ...s, hash: 'old' }) }) })
      .containersToKill.get('id1')
    expect(spec?.message).toBe('Container foo1 definition changed, will be restarted')
    const unknown = computePodActions({ ...b, containerStatuses: edit(b, { 2: state('unknown') }) })
      .containersToKill.get('id3')
    expect(unknown?.message).toBe('Container is in "unknown" state, try killing it before restart')
  })
})

// From: pkg/kubelet/kuberuntime/kuberuntime_manager_test.go TestComputePodActionsWithRestartableInitContainers
describe('TestComputePodActionsWithRestartableInitContainers', () => {
  const cases: Case[] = [
    { name: 'initialization completed; start all containers', input: (b) => b,
      expected: { ...noAction, containersToStart: [0, 1, 2] } },
    { name: 'no init containers have been started; start the first one',
      input: (b) => ({ ...b, containerStatuses: [] }),
      expected: { ...noAction, initContainersToStart: [0] } },
    { name: 'an init container is stuck in the created state; restart it',
      input: (b) => ({ ...withPolicy(b, 'Always'),
        containerStatuses: edit(b, { 2: state('created') }) }),
      expected: { ...noAction, initContainersToStart: [2] } },
    { name: 'restartable init container has started; start the next',
      input: (b) => ({ ...withPolicy(b, 'Always'), containerStatuses: b.containerStatuses.slice(0, 1) }),
      expected: { ...noAction, initContainersToStart: [1] } },
    { name: 'livenessProbe has completed; start the next',
      input: (b) => ({ ...withPolicy(b, 'Always'), containerStatuses: b.containerStatuses.slice(0, 2) }),
      expected: { ...noAction, initContainersToStart: [2] } },
    { name: 'kill and recreate the restartable init container if the liveness check has failed',
      input: (b) => ({ ...withPolicy(b, 'Always'),
        liveness: new Map([['initid2', 'Success'], ['initid3', 'Failure']]) }),
      expected: {
        ...noAction, initContainersToStart: [2], containersToKill: ['initid3'], containersToStart: [0, 1, 2],
      } },
    { name: 'startupProbe has not been run; do nothing',
      input: (b) => ({ ...withPolicy(b, 'Always'), containerStatuses: b.containerStatuses.slice(0, 2),
        startup: new Map([['initid3', 'Success']]) }),
      expected: noAction },
    { name: 'startupProbe in progress; do nothing',
      input: (b) => ({ ...withPolicy(b, 'Always'), containerStatuses: b.containerStatuses.slice(0, 2),
        startup: new Map([['initid2', 'Unknown'], ['initid3', 'Success']]) }),
      expected: noAction },
    { name: 'kill and recreate the restartable init container if the startup check has failed',
      input: (b) => ({ ...withPolicy(b, 'Always'),
        startup: new Map([['initid2', 'Success'], ['initid3', 'Failure']]) }),
      expected: { ...noAction, initContainersToStart: [2], containersToKill: ['initid3'] } },
    { name: 'restart terminated restartable init container and next init container',
      input: (b) => ({ ...withPolicy(b, 'Always'),
        containerStatuses: edit(b, { 0: state('exited'), 2: state('exited') }) }),
      expected: { ...noAction, initContainersToStart: [0, 2] } },
    { name: 'restart terminated restartable init container and regular containers',
      input: (b) => ({ ...withPolicy(b, 'Always'),
        containerStatuses: edit(b, { 0: state('exited') }) }),
      expected: { ...noAction, initContainersToStart: [0], containersToStart: [0, 1, 2] } },
    { name: 'Pod sandbox not ready, restartable init container failed, but RestartPolicy == Never; kill pod only',
      input: (b) => ({ ...withPolicy(b, 'Never'), sandboxes: notReady(b),
        containerStatuses: edit(b, { 2: exit(137) }) }),
      expected: { ...noAction, killPod: true, attempt: 1 } },
    { name: 'Pod sandbox not ready, and RestartPolicy == Never, but no visible restartable init containers;  create a '
      + 'new pod sandbox',
    input: (b) => ({ ...withPolicy(b, 'Never'), sandboxes: notReady(b),
      containerStatuses: [] }),
    expected: { ...noAction, killPod: true, createSandbox: true, attempt: 1, initContainersToStart: [0] } },
    { name: 'initialization failed; restart the last restartable init container even if pod\'s RestartPolicy == '
      + 'Never',
      input: (b) => ({ ...withPolicy(b, 'Never'),
        containerStatuses: edit(b, { 2: exit(137) }) }),
      expected: { ...noAction, initContainersToStart: [2] } },
    { name: 'restartable init container state unknown; kill and recreate the last restartable init container even '
      + 'if pod\'s RestartPolicy == Never',
    input: (b) => ({ ...withPolicy(b, 'Never'),
      containerStatuses: edit(b, { 2: state('unknown') }) }),
    expected: { ...noAction, initContainersToStart: [2], containersToKill: ['initid3'] } },
  ]
  it.each(cases)('$name', (c) => {
    expect(actions(c.input(makeBasePodAndStatusWithRestartableInitContainers()))).toStrictEqual(c.expected)
  })
})
