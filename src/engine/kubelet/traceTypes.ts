import type { Untyped } from '../events.ts'

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
  'cri:ContainerStatus',
  'cri:ExecSync',
  'cni:ADD',
  'cni:DEL',
] as const

export type KubeletTraceType = (typeof KUBELET_TRACE_TYPES)[number]

/** The shape of each step type's details (Untyped until given one). */
export interface KubeletTraceDetails {
  'kubelet:PodObserved': Untyped
  'kubelet:Admit': Untyped
  'kubelet:SyncPod': Untyped
  'kubelet:StatusUpdate': Untyped
  'kubelet:PostStartHook': Untyped
  'kubelet:Backoff': Untyped
  'kubelet:Reject': Untyped
  'kubelet:KillContainer': Untyped
  'kubelet:SyncTerminatingPod': Untyped
  'kubelet:PreStopHook': Untyped
  'kubelet:DeletePod': Untyped
  'kubelet:ContainerGC': Untyped
  'cri:RunPodSandbox': Untyped
  'cri:PodSandboxStatus': Untyped
  'cri:ImageStatus': Untyped
  'cri:PullImage': Untyped
  'cri:CreateContainer': Untyped
  'cri:StartContainer': Untyped
  'cri:StopContainer': Untyped
  'cri:StopPodSandbox': Untyped
  'cri:RemoveContainer': Untyped
  'cri:RemovePodSandbox': Untyped
  'cri:ContainerStatus': Untyped
  'cri:ExecSync': Untyped
  'cni:ADD': Untyped
  'cni:DEL': Untyped
}
