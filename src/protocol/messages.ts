/** The worker protocol: commands from the UI, messages from the worker. Types only from the engine. */
import type { StepBatch } from './stepBatch.ts'
import type { TraceEvent } from '../engine/events.ts'
import type { Outcome, Story } from '../engine/story/index.ts'
import type { ConsoleAnswerKind, ConsoleVocabulary, NodeView, ObjectNames, PlayheadView } from '../engine/index.ts'
import type { DecisionCommand, DecisionMessage, DecisionNodeCommand, DecisionNodeMessage } from './decision.ts'
import type { SchedulerSummary } from '../engine/cluster/schedulerSummary.ts'
import type { CompareCommand, CompareMessage } from './compare.ts'

export type { ConsoleVocabulary, ObjectNames, PlayheadView }
/** A node at the playhead: what it can hold and what its pods request (the scheduler's view of allocation). */
export type NodeRow = NodeView

export interface ApplyCommand {
  type: 'apply'
  text: string
  seed: number
  /** The cluster file's text (the Cluster tab, loaded as cluster.yaml); undefined means the built-in cluster. */
  cluster?: string
  /** The kubeconfig user kubectl runs as (`--user`); undefined means the current context's. */
  user?: string
  /**
   * The console's session: the commands that change the cluster, typed (or loaded from a script) since the last
   * Apply, run in order after the apply. Re-running the whole session gives the same trace (the engine is
   * deterministic) and a command added at the end leaves the trace before it as it was.
   */
  session?: ConsoleCommand[]
  /** true: the session has no editor apply (the console or a loaded script started it); `text` is only pod.yaml. */
  skipManifest?: boolean
}

/** One command of the console's session, as `sim.session` takes it. */
export interface ConsoleCommand {
  /** The words after `kubectl`. */
  argv: string[]
  /** The virtual time it was typed at (ms); absent: when the previous command has exited (a loaded script's). */
  atMs?: number
  /** A loaded script's `sleep` before it (ms), counted from the previous command's exit. */
  sleepMs?: number
  /** What `-f -` reads (a loaded script's here-document). */
  stdin?: string
}

/** A command's result in the session, as kubectl printed it. */
export interface ConsoleResult {
  argv: string[]
  stdout: string
  stderr: string
  exitCode: number
  /** Virtual time (ms) the command started at. */
  startMs: number
}

/**
 * ReadCommand: a line typed in the console. The worker splits it into words as bash would and parses it as
 * kubectl does: a read (get, describe, rollout history) is answered from the objects stored right after trace step
 * `index`; anything else is answered `mutating` (the console appends it to the session) or with kubectl's error.
 */
export interface ReadCommand {
  type: 'read'
  index: number
  /** The line as typed (a leading `kubectl` is optional). */
  line: string
  /** The cluster file, for a read before any simulation ran (undefined: the built-in cluster). */
  cluster?: string
}

/** FormatScriptCommand asks for the session written as a workshop script (formatScript). */
export interface FormatScriptCommand {
  type: 'formatScript'
  session: ConsoleCommand[]
}

/** ParseScriptCommand asks for a workshop script's commands (parseScript), to load as the session. */
export interface ParseScriptCommand {
  type: 'parseScript'
  text: string
  fileName: string
}

export type ReadAnswerKind = ConsoleAnswerKind

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
  /** What the simulation did with the edit applied (same seed, up to the pod's first scheduling cycle). */
  outcome?: VerifiedOutcome
}

/** VerifiedOutcome: a suggestion's edit, simulated before it is offered (src/worker/whatif/verify.ts). */
export interface VerifiedOutcome {
  schedules: boolean
  /** The node the scheduler selected. */
  node?: string
  /** The new FailedScheduling text, when the pod still does not fit. */
  message?: string
  /** Feasible nodes in the failed cycle, and in the edited run's first cycle for the pod. */
  feasibleBefore: number
  feasibleAfter: number
  /** What the edit got past and what still blocks it ("TaintToleration passes on 1 more node; ..."). */
  progress?: string
  /** How many edits the suggestion combines (1, or 2 for a combined edit). */
  changes: number
}

/** CancelCommand stops the running simulation (the worker is replaced; the last apply that worked comes back). */
export interface CancelCommand {
  type: 'cancel'
}

/**
 * WarmUpCommand: the page is idle after it loaded; a worker that has run nothing yet simulates a small apply of its
 * own, so the first Apply runs compiled code (worker/warmUp.ts).
 */
export interface WarmUpCommand {
  type: 'warmUp'
}

/** FullTraceCommand asks for the trace on screen with every step whole (the page's copy is lean: worker/wire.ts). */
export interface FullTraceCommand {
  type: 'fullTrace'
}

/** CrashCommand makes the worker throw outside the engine: the end-to-end test of crash recovery sends it. */
export interface CrashCommand {
  type: 'crash'
}

export type Command =
  | ApplyCommand | SnapshotCommand | WhatIfCommand | CrashCommand | UsersCommand | ReadCommand | FormatScriptCommand
  | ParseScriptCommand | CancelCommand | WarmUpCommand | FullTraceCommand
  | DecisionCommand | DecisionNodeCommand
  | CompareCommand

/** A pod of the trace and its controller (its ownerReferences' controller: true entry), for the lanes' colours. */
export interface PodOwner {
  /** namespace/name */
  pod: string
  owner?: { kind: string; name: string }
}

export interface PodRow {
  name: string
  namespace: string
  phase: string
  node: string
  ip: string
}


/**
 * The end of a run. kubectl: the editor's apply (absent when the session did not start with one); session: the
 * console's commands; outcomes: every failure with its deciding step and fix (engine/story), computed in the worker.
 */
export interface DoneMessage {
  type: 'done'
  kubectl?: { stdout: string; stderr: string; exitCode: number; errorPosition?: { line: number; column: number } }
  getPods: string
  pods: PodRow[]
  outcomes: Outcome[]
  session: ConsoleResult[]
  /** Every pod the trace wrote, in first-write order, with its owner (absent from older workers). */
  owners?: PodOwner[]
  /** kube-scheduler's profiles and scoring strategies, or its start-up error and where it is in the cluster file. */
  scheduler?: SchedulerSummary
}

/**
 * What the page's store receives: the worker's messages, with the story (the trace in stages and chapters, beats
 * and plumbing) on the done. The page builds the story from the steps as they stream in (app/useWorker), so the
 * worker does not spend the end of a run on it.
 */
export type PageMessage =
  | Exclude<WorkerMessage, { type: 'done' } | { type: 'steps' }>
  | (DoneMessage & { story: Story })
  /** A batch of steps, rebuilt from the worker's columns (stepBatch.ts). */
  | { type: 'events'; events: TraceEvent[] }

export type WorkerMessage =
  | { type: 'reset' }
  /** The steps as the page gets them: whole objects left off (worker/wire.ts), in columns (stepBatch.ts). */
  | { type: 'steps'; batch: StepBatch }
  | DoneMessage
  /**
   * podYaml: `kubectl get pod -o yaml` of the pod described (the one the step is about), as stored at that step.
   * step: the whole step, when the page's copy of it lacks part (worker/wire.ts).
   */
  | ({ type: 'snapshot' } & Omit<PlayheadView, 'names'> & { names?: ObjectNames; step?: TraceEvent })
  /** The trace on screen, whole (for a download); null when the worker has none. */
  | { type: 'fullTrace'; events: TraceEvent[] | null }
  /** fatal: the engine itself failed (a bug), and the worker must be restarted; otherwise the input was refused. */
  | { type: 'error'; message: string; fatal?: boolean }
  /** note: why fewer suggestions were checked or offered (a cap on verification runs, a very large cluster). */
  | { type: 'whatIf'; index: number; suggestions: Suggestion[]; note?: string }
  | DecisionMessage | DecisionNodeMessage
  | CompareMessage
  /** The kubeconfig's users, and the one its current context uses. */
  | { type: 'users'; users: string[]; current?: string }
  /**
   * A console line's answer. kind: `read` answered at the playhead; `refused` kubectl's (or the shell's) error
   * before anything ran; `mutating` it changes the cluster and goes into the session (nothing printed yet);
   * `empty` nothing to run (a blank line or a comment).
   */
  | {
      type: 'read'
      index: number
      line: string
      argv: string[]
      stdout: string
      stderr: string
      exitCode: number
      kind: ReadAnswerKind
    }
  | { type: 'script'; text: string }
  /** A long simulation's progress so far (between the batches of events it streams): steps, virtual time. */
  | { type: 'progress'; steps: number; virtualMs: number }
  /** The console's commands and flags (sent once, when the worker starts). */
  | { type: 'vocabulary'; vocabulary: ConsoleVocabulary }
  | { type: 'scriptLoaded'; fileName: string; commands: ConsoleCommand[] }
  | { type: 'scriptLoaded'; fileName: string; error: { line: number; message: string } }
