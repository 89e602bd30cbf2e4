/**
 * getPhase against the tables of pkg/kubelet/kubelet_pods_test.go (TestPodPhaseWith…): same specs, same status
 * helpers, same case names. Upstream passes init and regular statuses in one list, as here.
 */
import { describe, expect, it } from 'vitest'
import type { Container, ContainerStatus, Pod, PodSpec } from '../api/types.ts'
import { containerShouldRestart, getPhase } from './kubeletPods.ts'

type Phase = ReturnType<typeof getPhase>

// The status helpers of kubelet_pods_test.go; Go's zero values made explicit (exitCode 0, ready false).
const base = (name: string): ContainerStatus => ({ name, image: '', imageID: '', ready: false, restartCount: 0 })
const waitingState = (name: string): ContainerStatus => ({ ...base(name), state: { waiting: {} } })
const waitingStateWithLastTermination = (name: string): ContainerStatus =>
  ({ ...base(name), state: { waiting: {} }, lastState: { terminated: { exitCode: 0 } } })
const waitingStateWithNonZeroTermination = (name: string): ContainerStatus =>
  ({ ...base(name), state: { waiting: {} }, lastState: { terminated: { exitCode: -1 } } })
const runningState = (name: string): ContainerStatus => ({ ...base(name), state: { running: {} } })
const startedState = (name: string): ContainerStatus => ({ ...base(name), state: { running: {} }, started: true })
const stoppedState = (name: string): ContainerStatus => ({ ...base(name), state: { terminated: { exitCode: 0 } } })
const succeededState = stoppedState
const failedState = (name: string): ContainerStatus => ({ ...base(name), state: { terminated: { exitCode: -1 } } })

const A: Container = { name: 'containerA' }
const B: Container = { name: 'containerB' }
const X: Container = { name: 'containerX' }
const sidecarX: Container = { name: 'containerX', restartPolicy: 'Always' }

interface Case {
  test: string
  statuses: ContainerStatus[]
  status: Phase
  podIsTerminal?: boolean
  podHasInitialized?: boolean
}

function table(name: string, spec: PodSpec, cases: Case[]): void {
  describe(name, () => {
    const pod: Pod = { spec: { nodeName: 'machine', ...spec } }
    it.each(cases)('$test', (c) => {
      expect(getPhase(pod, c.statuses, c.podIsTerminal ?? false, c.podHasInitialized ?? false)).toBe(c.status)
    })
  })
}

// From: pkg/kubelet/kubelet_pods_test.go TestPodPhaseWithRestartAlways
table('TestPodPhaseWithRestartAlways', { containers: [A, B], restartPolicy: 'Always' }, [
  { test: 'waiting', statuses: [], status: 'Pending' },
  { test: 'all running', statuses: [runningState('containerA'), runningState('containerB')], status: 'Running' },
  { test: 'all stopped with restart always', statuses: [stoppedState('containerA'), stoppedState('containerB')],
    status: 'Running' },
  { test: 'all succeeded with restart always, but the pod is terminal',
    statuses: [succeededState('containerA'), succeededState('containerB')], podIsTerminal: true, status: 'Succeeded' },
  { test: 'all stopped with restart always, but the pod is terminal',
    statuses: [succeededState('containerA'), failedState('containerB')], podIsTerminal: true, status: 'Failed' },
  { test: 'mixed state #1 with restart always', statuses: [runningState('containerA'), stoppedState('containerB')],
    status: 'Running' },
  { test: 'mixed state #2 with restart always', statuses: [runningState('containerA')], status: 'Pending' },
  { test: 'mixed state #3 with restart always', statuses: [runningState('containerA'), waitingState('containerB')],
    status: 'Pending' },
  { test: 'backoff crashloop container with restart always',
    statuses: [runningState('containerA'), waitingStateWithLastTermination('containerB')], status: 'Running' },
])

const initCases = (failedPhase: Phase): Case[] => [
  { test: 'empty, waiting', statuses: [], status: 'Pending' },
  { test: 'init container running', statuses: [runningState('containerX')], status: 'Pending' },
  { test: 'init container terminated non-zero', statuses: [failedState('containerX')], status: failedPhase },
  { test: 'init container waiting, terminated zero', statuses: [waitingStateWithLastTermination('containerX')],
    status: 'Pending' },
  { test: 'init container waiting, terminated non-zero', statuses: [waitingStateWithNonZeroTermination('containerX')],
    status: failedPhase },
  { test: 'init container waiting, not terminated', statuses: [waitingState('containerX')], status: 'Pending' },
  { test: 'init container succeeded',
    statuses: [succeededState('containerX'), runningState('containerA'), runningState('containerB')],
    status: 'Running' },
]
// From: pkg/kubelet/kubelet_pods_test.go TestPodPhaseWithRestartAlwaysInitContainers
table('TestPodPhaseWithRestartAlwaysInitContainers',
  { initContainers: [X], containers: [A, B], restartPolicy: 'Always' }, initCases('Pending'))
// From: pkg/kubelet/kubelet_pods_test.go TestPodPhaseWithRestartNeverInitContainers
table('TestPodPhaseWithRestartNeverInitContainers',
  { initContainers: [X], containers: [A, B], restartPolicy: 'Never' }, initCases('Failed'))

// The restartable-init-container cases both policies share before the regular containers run.
const sidecarPendingCases: Case[] = [
  { test: 'empty, waiting', statuses: [], status: 'Pending' },
  { test: 'restartable init container running', statuses: [runningState('containerX')], status: 'Pending' },
  { test: 'restartable init container stopped', statuses: [stoppedState('containerX')], status: 'Pending' },
  { test: 'restartable init container waiting, terminated zero',
    statuses: [waitingStateWithLastTermination('containerX')], status: 'Pending' },
  { test: 'restartable init container waiting, terminated non-zero',
    statuses: [waitingStateWithNonZeroTermination('containerX')], status: 'Pending' },
  { test: 'restartable init container waiting, not terminated', statuses: [waitingState('containerX')],
    status: 'Pending' },
]
const bothSucceeded = [succeededState('containerA'), succeededState('containerB')]
const bothRunning = [runningState('containerA'), runningState('containerB')]

// From: pkg/kubelet/kubelet_pods_test.go TestPodPhaseWithRestartAlwaysRestartableInitContainers
table('TestPodPhaseWithRestartAlwaysRestartableInitContainers',
  { initContainers: [sidecarX], containers: [A, B], restartPolicy: 'Always' }, [
    ...sidecarPendingCases,
    { test: 'restartable init container started, 1/2 regular container running',
      statuses: [startedState('containerX'), runningState('containerA')], podHasInitialized: true, status: 'Pending' },
    { test: 'restartable init container started, all regular containers running',
      statuses: [startedState('containerX'), ...bothRunning], podHasInitialized: true, status: 'Running' },
    { test: 'restartable init container running, all regular containers running',
      statuses: [runningState('containerX'), ...bothRunning], podHasInitialized: true, status: 'Running' },
    { test: 'restartable init container stopped, all regular containers running',
      statuses: [stoppedState('containerX'), ...bothRunning], podHasInitialized: true, status: 'Running' },
    { test: 'backoff crashloop restartable init container, all regular containers running',
      statuses: [waitingStateWithLastTermination('containerX'), ...bothRunning], podHasInitialized: true,
      status: 'Running' },
    { test: 'all regular containers succeeded and restartable init container failed with restart always, but the pod '
      + 'is terminal', statuses: [failedState('containerX'), ...bothSucceeded], podIsTerminal: true,
    podHasInitialized: true, status: 'Succeeded' },
    { test: 'all regular containers succeeded and restartable init container succeeded with restart always, but the '
      + 'pod is terminal', statuses: [succeededState('containerX'), ...bothSucceeded], podIsTerminal: true,
    podHasInitialized: true, status: 'Succeeded' },
    { test: 're-initializing the pod after the sandbox is recreated',
      statuses: [runningState('containerX'), ...bothRunning], status: 'Pending' },
  ])

// From: pkg/kubelet/kubelet_pods_test.go TestPodPhaseWithRestartAlwaysAndPodHasRun
table('TestPodPhaseWithRestartAlwaysAndPodHasRun',
  { initContainers: [X, { name: 'containerY', restartPolicy: 'Always' }], containers: [A], restartPolicy: 'Always' }, [
    { test: 'regular init containers, restartable init container and regular container are all running',
      statuses: [runningState('containerX'), runningState('containerY'), runningState('containerA')],
      status: 'Pending' },
    { test: 'regular containers is stopped, restartable init container and regular int container are both running',
      statuses: [runningState('containerX'), runningState('containerY'), stoppedState('containerA')],
      status: 'Pending' },
    { test: 're-created sandbox: regular init container is succeeded, restartable init container is running, old '
      + 'regular containers is stopped',
    statuses: [succeededState('containerX'), runningState('containerY'), stoppedState('containerA')],
    status: 'Pending' },
    { test: 'regular init container is succeeded, restartable init container is running, regular containers is '
      + 'stopped', statuses: [succeededState('containerX'), runningState('containerY'), stoppedState('containerA')],
    podHasInitialized: true, status: 'Running' },
    { test: 'regular init container is succeeded, restartable init container and regular containers are both running',
      statuses: [succeededState('containerX'), runningState('containerY'), runningState('containerA')],
      podHasInitialized: true, status: 'Running' },
  ])

// From: pkg/kubelet/kubelet_pods_test.go TestPodPhaseWithRestartNever
table('TestPodPhaseWithRestartNever', { containers: [A, B], restartPolicy: 'Never' }, [
  { test: 'waiting', statuses: [], status: 'Pending' },
  { test: 'all running with restart never', statuses: bothRunning, status: 'Running' },
  { test: 'all succeeded with restart never', statuses: bothSucceeded, status: 'Succeeded' },
  { test: 'all failed with restart never', statuses: [failedState('containerA'), failedState('containerB')],
    status: 'Failed' },
  { test: 'mixed state #1 with restart never', statuses: [runningState('containerA'), succeededState('containerB')],
    status: 'Running' },
  { test: 'mixed state #2 with restart never', statuses: [runningState('containerA')], status: 'Pending' },
  { test: 'mixed state #3 with restart never', statuses: [runningState('containerA'), waitingState('containerB')],
    status: 'Pending' },
])

// From: pkg/kubelet/kubelet_pods_test.go TestPodPhaseWithRestartNeverRestartableInitContainers
table('TestPodPhaseWithRestartNeverRestartableInitContainers',
  { initContainers: [sidecarX], containers: [A, B], restartPolicy: 'Never' }, [
    ...sidecarPendingCases,
    { test: 'restartable init container started, one main container running',
      statuses: [startedState('containerX'), runningState('containerA')], podHasInitialized: true, status: 'Pending' },
    { test: 'restartable init container started, main containers succeeded',
      statuses: [startedState('containerX'), ...bothSucceeded], podHasInitialized: true, status: 'Running' },
    { test: 'restartable init container re-running, main containers succeeded',
      statuses: [runningState('containerX'), ...bothSucceeded], podHasInitialized: true, status: 'Running' },
    { test: 'all containers succeeded', statuses: [succeededState('containerX'), ...bothSucceeded],
      podHasInitialized: true, status: 'Succeeded' },
    { test: 'restartable init container terminated non-zero, main containers succeeded',
      statuses: [failedState('containerX'), ...bothSucceeded], podHasInitialized: true, status: 'Succeeded' },
    { test: 'backoff crashloop restartable init container, main containers succeeded',
      statuses: [waitingStateWithLastTermination('containerX'), ...bothSucceeded], podHasInitialized: true,
      status: 'Succeeded' },
    { test: 'backoff crashloop with non-zero restartable init container, main containers succeeded',
      statuses: [waitingStateWithNonZeroTermination('containerX'), ...bothSucceeded], podHasInitialized: true,
      status: 'Succeeded' },
  ])

// From: pkg/kubelet/kubelet_pods_test.go TestPodPhaseWithRestartOnFailure
table('TestPodPhaseWithRestartOnFailure', { containers: [A, B], restartPolicy: 'OnFailure' }, [
  { test: 'waiting', statuses: [], status: 'Pending' },
  { test: 'all running with restart onfailure', statuses: bothRunning, status: 'Running' },
  { test: 'all succeeded with restart onfailure', statuses: bothSucceeded, status: 'Succeeded' },
  { test: 'all failed with restart never', statuses: [failedState('containerA'), failedState('containerB')],
    status: 'Running' },
  { test: 'mixed state #1 with restart onfailure', statuses: [runningState('containerA'), succeededState('containerB')],
    status: 'Running' },
  { test: 'mixed state #2 with restart onfailure', statuses: [runningState('containerA')], status: 'Pending' },
  { test: 'mixed state #3 with restart onfailure', statuses: [runningState('containerA'), waitingState('containerB')],
    status: 'Pending' },
  { test: 'backoff crashloop container with restart onfailure',
    statuses: [runningState('containerA'), waitingStateWithLastTermination('containerB')], status: 'Running' },
])

describe('podHasInitialized (kubelet_pods.go getPhase, v1.35)', () => {
  // generateAPIPodStatus passes HasAnyActiveRegularContainerStarted: once the regular containers have run, a
  // restarting sidecar no longer sends the pod back to Pending.
  const pod: Pod = { spec: { initContainers: [sidecarX], containers: [A], restartPolicy: 'Always' } }
  it('keeps a pod whose sidecar restarts Running once it has initialized', () => {
    const statuses = [runningState('containerX'), runningState('containerA')]
    expect(getPhase(pod, statuses, false, true)).toBe('Running')
  })
})

describe('ContainerRestartRules (beta, on by default in v1.35)', () => {
  // With the gate on, getPhase asks podutil.ContainerShouldRestart per container, so a container-level
  // restartPolicy overrides the pod's. Mirrors: pkg/api/v1/pod/util.go ContainerShouldRestart.
  it('decides per container, the container-level policy first', () => {
    const podAlways: Pod = { spec: { containers: [], restartPolicy: 'Always' } }
    const podNever: Pod = { spec: { containers: [], restartPolicy: 'Never' } }
    const podOnFailure: Pod = { spec: { containers: [], restartPolicy: 'OnFailure' } }
    expect(containerShouldRestart({ name: 'a' }, podAlways, 0)).toBe(true)
    expect(containerShouldRestart({ name: 'a' }, podNever, 1)).toBe(false)
    expect(containerShouldRestart({ name: 'a' }, podOnFailure, 0)).toBe(false)
    expect(containerShouldRestart({ name: 'a' }, podOnFailure, 1)).toBe(true)
    expect(containerShouldRestart({ name: 'a', restartPolicy: 'Never' }, podAlways, 1)).toBe(false)
    expect(containerShouldRestart({ name: 'a', restartPolicy: 'OnFailure' }, podNever, 1)).toBe(true)
    expect(containerShouldRestart({ name: 'a' }, { spec: { containers: [] } }, 1)).toBe(true)
  })
})

// Both tables run with ContainerRestartRules on and podHasInitialized true, as upstream's do.
const never = (name: string): Container => ({ name, restartPolicy: 'Never' })
const onFailure = (name: string): Container => ({ name, restartPolicy: 'OnFailure' })
const always = (name: string): Container => ({ name, restartPolicy: 'Always' })
const failing = 'failed-container'
// From: pkg/kubelet/kubelet_pods_test.go TestPodPhaseWithContainerRestartPolicy
describe('TestPodPhaseWithContainerRestartPolicy', () => {
  const cases: { name: string, spec: PodSpec, statuses: ContainerStatus[], expectedPhase: Phase }[] = [
    { name: 'container with restart policy Never failed',
      spec: { containers: [never(failing)], restartPolicy: 'Always' },
      statuses: [failedState(failing)], expectedPhase: 'Failed' },
    { name: 'container with restart policy OnFailure failed',
      spec: { containers: [onFailure(failing)], restartPolicy: 'Always' }, statuses: [failedState(failing)],
      expectedPhase: 'Running' },
    { name: 'container with restart policy Always failed',
      spec: { containers: [always(failing)], restartPolicy: 'Always' }, statuses: [failedState(failing)],
      expectedPhase: 'Running' },
    { name: 'At least one container with restartable container-level restart policy failed',
      spec: { containers: [always('containerA'), B], restartPolicy: 'Never' },
      statuses: [succeededState('containerA'), failedState('containerB')], expectedPhase: 'Running' },
    { name: 'All containers without restartable container-level restart policy failed',
      spec: { containers: [never('containerA'), onFailure('containerB')], restartPolicy: 'Always' },
      statuses: [failedState('containerA'), succeededState('containerB')], expectedPhase: 'Failed' },
    { name: 'All containers succeeded',
      spec: { containers: [never('containerA'), onFailure('containerB')], restartPolicy: 'Always' },
      statuses: [succeededState('containerA'), succeededState('containerB')], expectedPhase: 'Succeeded' },
  ]
  it.each(cases)('$name', (c) => {
    expect(getPhase({ spec: c.spec }, c.statuses, false, true)).toBe(c.expectedPhase)
  })
})

// From: pkg/kubelet/kubelet_pods_test.go TestPodPhaseWithContainerRestartPolicyInitContainers
describe('TestPodPhaseWithContainerRestartPolicyInitContainers', () => {
  const regular: Container[] = [{ name: 'container' }]
  const cases: { name: string, spec: PodSpec, statuses: ContainerStatus[], expectedPhase: Phase }[] = [
    { name: 'init container with restart policy Never failed',
      spec: { initContainers: [never(failing)], containers: regular, restartPolicy: 'Always' },
      statuses: [failedState(failing)], expectedPhase: 'Failed' },
    { name: 'init container with restart policy OnFailure failed',
      spec: { initContainers: [onFailure(failing)], containers: regular, restartPolicy: 'Never' },
      statuses: [failedState(failing)], expectedPhase: 'Pending' },
    { name: 'container with restart policy Always failed',
      spec: { initContainers: [always(failing)], containers: regular, restartPolicy: 'Never' },
      statuses: [failedState(failing)], expectedPhase: 'Pending' },
  ]
  it.each(cases)('$name', (c) => {
    expect(getPhase({ spec: c.spec }, c.statuses, false, true)).toBe(c.expectedPhase)
  })
})
