import type { Container, Pod } from '../api/types.ts'
import type { TermBehaviour } from './cri/process.ts'
import { PROBER_TRACE_TYPES } from './prober/traceTypes.ts'
import type { ProberTraceTypes } from './prober/traceTypes.ts'

/** Trace event types of the simulated kubelet and the CRI runtime and CNI plugin below it. */
export const KUBELET_TRACE_TYPES = [
  'kubelet:PodObserved',
  'kubelet:Admit',
  'kubelet:SyncPod',
  'kubelet:StatusUpdate',
  'kubelet:PostStartHook',
  'kubelet:Backoff',
  'kubelet:Reject',
  'kubelet:KillContainer',
  'kubelet:SyncTerminatingPod',
  'kubelet:PreStopHook',
  'kubelet:DeletePod',
  'kubelet:ContainerGC',
  ...PROBER_TRACE_TYPES,
  'cri:RunPodSandbox',
  'cri:PodSandboxStatus',
  'cri:ImageStatus',
  'cri:PullImage',
  'cri:CreateContainer',
  'cri:StartContainer',
  'cri:StopContainer',
  'cri:StopPodSandbox',
  'cri:RemoveContainer',
  'cri:RemovePodSandbox',
  'cri:ExecSync',
  'cni:ADD',
  'cni:DEL',
] as const

export type KubeletTraceType = (typeof KUBELET_TRACE_TYPES)[number]

type PodStatus = NonNullable<Pod['status']>
type Hook = NonNullable<NonNullable<Container['lifecycle']>['postStart']>
/** A pod's cpu (millicores) and memory (bytes) requests, or the sum of those of the pods admitted before it. */
export interface CpuMemory {
  cpu: number
  memory: number
}

/**
 * A CRI call as the kubelet makes it: the request (kubelet → CRI, `method` the full gRPC name) and the response
 * (CRI → kubelet, `method` the short name, with the request repeated). `Extra` is what the narration needs besides.
 */
export type CriCall<Req, Res, Extra = object> =
  | ({ phase: 'request'; cri: { method: string; request: Req } } & Extra)
  | ({ phase: 'response'; cri: { method: string; request?: Req; response: Res } } & Extra)

/** The fields of the CreateContainer request the simulation fills in (runtime.v1.ContainerConfig). */
export interface ContainerConfigRequest {
  podSandboxId: string
  config: {
    metadata: { name: string; attempt: number }
    image: { image?: string }
    command?: string[]
    args?: string[]
    envs?: Container['env']
    mounts?: Container['volumeMounts']
    logPath: string
  }
}

export interface PodSandboxConfigRequest {
  config: {
    metadata: { name?: string; namespace?: string; uid?: string; attempt: number }
    hostname?: string
    logDirectory: string
    dnsConfig: { servers: string[]; searches: string[]; options: string[] }
    linux: { cgroupParent: string }
  }
}

/** Why the kubelet decided what it did after ImageStatus answered (image_manager.go EnsureImageExists). */
export type ImageDecision = 'present' | 'pull' | 'neverPull'

/** The network config containerd hands the bridge plugin (from /etc/cni/net.d). */
export interface CniConfig {
  cniVersion: string
  name: string
  type: 'bridge'
  bridge: string
  isGateway: boolean
  ipMasq: boolean
  ipam: { type: 'host-local'; ranges: Array<Array<{ subnet?: string }>>; routes: Array<{ dst: string }> }
}

export interface CniResult {
  cniVersion: string
  interfaces: Array<{ name: string; mac: string; sandbox?: string }>
  ips: Array<{ interface: number; address: string; gateway?: string }>
  routes: Array<{ dst: string; gw?: string }>
  dns: Record<string, never>
}

/**
 * Why the kubelet reports a status (the moment of the pod's life that changed it). The status itself is in
 * `details.status`.
 */
export type StatusCause =
  | { kind: 'rejected'; reason: string }
  | { kind: 'initial' }
  | { kind: 'sandboxReady'; ip: string }
  | { kind: 'initialized'; withSidecars: boolean }
  | { kind: 'waiting'; container: string; reason: string }
  | { kind: 'initRunning'; container: string; sidecar: boolean }
  | { kind: 'running' }
  | {
      kind: 'exited'
      container: string
      exitCode: number
      reason: string
      init: boolean
      sidecar: boolean
      restartPolicy: string
    }
  | { kind: 'initFailed'; container: string }
  | { kind: 'crashLoop'; container: string; message: string }
  | {
      kind: 'probe'
      container: string
      probeType: 'Liveness' | 'Readiness' | 'Startup'
      started: boolean
      ready: boolean
    }
  | { kind: 'sidecarsStopped' }
  | { kind: 'updated'; generation: number; restarting: string[] }
  | { kind: 'terminal'; phase: string }

/** A lifecycle hook's handler as the simulation runs it. */
export interface HookRun {
  container: string
  hook: Hook
  handler: 'exec' | 'httpGet' | 'sleep'
  /** e.g. `exec ["sh","-c","..."]`, `httpGet http://10.244.1.2:80/`, `sleep 5s`. */
  what: string
  /** '' when the handler succeeded. */
  error: string
}

/** The shape of each step type's details. */
export interface KubeletTraceDetails extends ProberTraceTypes {
  'kubelet:PodObserved': { namespace: string; name: string; nodeName: string }
  'kubelet:Admit':
    | { verdict: 'admit'; requested: CpuMemory; used: CpuMemory; allocatable: Record<string, string>; free: CpuMemory }
    | {
        verdict: 'reject'
        requested: CpuMemory
        used: CpuMemory
        allocatable: Record<string, string>
        reason: string
        message: string
      }
  'kubelet:Reject': { reason: string; message: string }
  'kubelet:SyncPod': { initContainers: string[]; containers: string[]; qosClass: string }
  'kubelet:StatusUpdate': { status: PodStatus; cause: StatusCause }
  'kubelet:PostStartHook': HookRun
  'kubelet:Backoff':
    | { kind: 'imagePull'; backoffSeconds: number; container: string; image?: string; error: string }
    | {
        kind: 'crashLoop'
        container: string
        restartPolicy: string
        podDesc: string
        /** The current back-off as Go prints it ("1m20s"), and in seconds. */
        backoff: string
        backoffSeconds: number
        /** Seconds of the back-off left since the container finished. */
        leftSeconds: number
        /** When the pod worker tries the sync again (backOffPeriod with jitter). */
        retrySeconds: number
        /** The waiting message (ErrCrashLoopBackOff's text). */
        message: string
        /** Restarts so far (the container has exited restartCount + 1 times). */
        restartCount: number
      }
    | { kind: 'restart'; container: string; restartPolicy: string; restartCount: number; nextBackoff: string }
  'kubelet:KillContainer':
    | { phase: 'kill'; container: string; gracePeriodSeconds: number; preStop: boolean; message?: string }
    | { phase: 'stopSidecars'; sidecars: string[]; restartPolicy: string; gracePeriodSeconds: number }
    | { phase: 'waitForTurn'; container: string; waitsFor: string[]; leftSeconds: number }
  'kubelet:SyncTerminatingPod': { deletionTimestamp?: string; gracePeriodSeconds: number }
  'kubelet:PreStopHook': HookRun & {
    elapsedSeconds: number
    tookMs: number
    timedOut: boolean
    gracePeriodSeconds: number
  }
  'kubelet:DeletePod': { uid?: string }
  'kubelet:ContainerGC': { containerIds: string[]; sandboxId?: string }
  'cri:RunPodSandbox': CriCall<PodSandboxConfigRequest, { podSandboxId: string }, { netns: string; pauseImage: string }>
  'cri:PodSandboxStatus': CriCall<
    { podSandboxId: string },
    { status: { id: string; state: 'SANDBOX_READY'; network: { ip: string } } }
  >
  'cri:ImageStatus': CriCall<
    { image: { image?: string } },
    { image: { id: string; size: number } | null },
    {
      container: string
      imagePullPolicy: string
      /** Set on the response: what the image manager does next. */
      decision?: ImageDecision
    }
  >
  'cri:PullImage': CriCall<
    { image: { image?: string } },
    { imageRef: string } | { error: string },
    {
      container: string
      image?: string
      /** Bytes per second the node pulls at. */
      bandwidth: number
      /** The image's size in bytes, when the registry has it. */
      size?: number
      /** Virtual ms the pull waited for the node's one puller (serializeImagePulls). */
      queuedMs: number
      /** On the response: ms from the start of the pull. */
      tookMs?: number
    }
  >
  'cri:CreateContainer': CriCall<ContainerConfigRequest, { containerId: string }, { container: string }>
  'cri:StartContainer': CriCall<{ containerId: string }, { error?: string }, { container: string }>
  'cri:StopContainer':
    | {
        phase: 'request'
        cri: { method: string; request: { containerId: string; timeout: number } }
        container: string
      }
    | { phase: 'signal'; signal: 'SIGTERM'; behaviour: TermBehaviour; container: string }
    | { phase: 'signal'; signal: 'SIGKILL'; container: string; timeoutSeconds: number }
    | {
        phase: 'response'
        cri: { method: string; response: Record<string, never> }
        container: string
        exitCode: number
        reason: string
        tookMs: number
        how: 'exited' | 'SIGTERM' | 'SIGKILL'
      }
  'cri:StopPodSandbox':
    | { phase: 'request'; cri: { method: string; request: { podSandboxId: string } } }
    | { phase: 'response'; cri: { method: string; response: Record<string, never> }; podSandboxId: string }
  'cri:RemoveContainer': { phase: 'request'; cri: { method: string; request: { containerId: string } } }
  'cri:RemovePodSandbox': { phase: 'request'; cri: { method: string; request: { podSandboxId: string } } }
  'cri:ExecSync': CriCall<
    { containerId: string; cmd: string[]; timeout: number },
    { exitCode: number; stderr: string } | { error: string },
    {
      container: string
      hook: 'postStart' | 'preStop'
    }
  >
  'cni:ADD':
    | {
        phase: 'request'
        cni: { command: 'ADD'; containerID: string; netns: string; ifName: string; config: CniConfig }
        subnet?: string
      }
    | { phase: 'error'; cni: { error: string }; subnet?: string }
    | {
        phase: 'result'
        cni: { result: CniResult }
        ip: string
        prefix?: number
        gateway?: string
        veth: string
        subnet?: string
      }
    | { phase: 'routes'; podRoutes: CniResult['routes']; clusterCidr: string; nodePodCIDR?: string; gateway?: string }
  'cni:DEL':
    | { phase: 'request'; cni: { command: 'DEL'; containerID: string; ifName: string }; subnet?: string }
    | { phase: 'result'; cni: { released?: string } }
}
