/** The worker protocol: commands from the UI, messages from the worker. Types only from the engine. */
import type { TraceEvent } from '../engine/events.ts'
import type { Outcome, Story } from '../engine/story/index.ts'

export interface ApplyCommand {
  type: 'apply'
  text: string
  seed: number
  /** The cluster file's text (the Cluster tab, loaded as cluster.yaml); undefined means the built-in cluster. */
  cluster?: string
  /** The kubeconfig user kubectl runs as (`--user`); undefined means the current context's. */
  user?: string
}

/** UsersCommand asks which users a cluster file's kubeconfig has (for the user picker). */
export interface UsersCommand {
  type: 'users'
  cluster?: string
}

/** SnapshotCommand asks for kubectl's view of the cluster as it was right after trace event `index`. */
export interface SnapshotCommand {
  type: 'snapshot'
  index: number
}

/** WhatIfCommand asks what edits could let the pod of the FailedScheduling at trace step `index` schedule. */
export interface WhatIfCommand {
  type: 'whatIf'
  index: number
}

/** A suggested edit for an unschedulable pod (podbirth's suggestion; trying it re-runs the simulation). */
export interface Suggestion {
  /** One line, imperative: "Tolerate the taint …". */
  title: string
  /** Why this could help, from the cycle's verdicts. */
  why: string
  /** Which text the edit replaces. */
  target: 'manifest' | 'cluster'
  /** The whole new text. */
  text: string
}

/** CrashCommand makes the worker throw outside the engine: the end-to-end test of crash recovery sends it. */
export interface CrashCommand {
  type: 'crash'
}

export type Command = ApplyCommand | SnapshotCommand | WhatIfCommand | CrashCommand | UsersCommand

export interface PodRow {
  name: string
  namespace: string
  phase: string
  node: string
  ip: string
}

/** A node at the playhead: what it can hold and what its pods request (the scheduler's view of allocation). */
export interface NodeRow {
  name: string
  cpuAllocatable: number
  memoryAllocatable: number
  podsAllocatable: number
  cpuRequested: number
  memoryRequested: number
  pods: string[]
  unschedulable: boolean
  taints: string[]
}

export type WorkerMessage =
  | { type: 'reset' }
  | { type: 'events'; events: TraceEvent[] }
  /**
   * story: the trace in stages and chapters, beats and plumbing; outcomes: every failure with its deciding step and
   * fix (engine/story). Both are computed once, in the worker.
   */
  | { type: 'done'; kubectl: { stdout: string; stderr: string; exitCode: number; errorPosition?: { line: number; column: number } }; getPods: string; pods: PodRow[]; story: Story; outcomes: Outcome[] }
  /** podYaml: `kubectl get pod -o yaml` of the pod described (the one the step is about), as stored at that step. */
  | { type: 'snapshot'; index: number; getPods: string; describeEvents: string; describePod: string; podName?: string; podNode?: string; podYaml?: string; nodes: NodeRow[] }
  /** fatal: the engine itself failed (a bug), and the worker must be restarted; otherwise the input was refused. */
  | { type: 'error'; message: string; fatal?: boolean }
  | { type: 'whatIf'; index: number; suggestions: Suggestion[] }
  /** The kubeconfig's users, and the one its current context uses. */
  | { type: 'users'; users: string[]; current?: string }
