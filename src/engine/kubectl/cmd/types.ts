/**
 * The typed result of parsing a kubectl command line: one variant per simulated command, or the failure text.
 */
import type { FlagValue } from './flags.ts'
import type { ResourceRef, SimulatedResource } from './resources.ts'

export interface GlobalOptions {
  /** -n/--namespace; undefined: the kubeconfig context's namespace (default). */
  namespace?: string
  /** --user: the kubeconfig user whose credentials kubectl sends. */
  user?: string
  /** --as: impersonate this user. */
  as?: string
}

export interface TaintSpec {
  key: string
  value?: string
  /** Empty in a removal `key-` that names no effect. */
  effect: '' | 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute'
}

export type GetOutput = '' | 'wide' | 'yaml' | 'json' | 'name'

/** What a TYPE[,TYPE] [NAME…] or TYPE/NAME… argument list selected. */
export type Selection = { types: SimulatedResource[]; names: string[] } | { refs: ResourceRef[] }

export type KubectlCommand =
  | { verb: 'apply'; filenames: string[]; global: GlobalOptions }
  | { verb: 'create'; filenames: string[]; global: GlobalOptions }
  | {
      verb: 'create deployment'
      name: string
      images: string[]
      replicas: number
      /** -1: no --port (create_deployment.go adds ports only when Port >= 0). */
      port: number
      command: string[]
      global: GlobalOptions
    }
  | {
      verb: 'run'
      name: string
      image: string
      /** -1: no --port. */
      port: number
      /** --labels parsed by generate.ParseLabels; empty: the default `run: NAME`. */
      labels: Array<[string, string]>
      restart: 'Always' | 'OnFailure' | 'Never'
      env: string[]
      annotations: string[]
      imagePullPolicy: '' | 'Always' | 'IfNotPresent' | 'Never'
      /** Words after NAME (the container's args, or its command with --command). */
      args: string[]
      command: boolean
      global: GlobalOptions
    }
  | {
      verb: 'delete'
      targets: ResourceRef[]
      /** After delete.go Complete: -1 the object's own, 0 force (only with --force), ≥1 seconds. */
      gracePeriod: number
      force: boolean
      ignoreNotFound: boolean
      /** Printed on stderr before anything is deleted (the --force warning). */
      warnings: string[]
      global: GlobalOptions
    }
  | { verb: 'scale'; targets: ResourceRef[]; replicas: number; global: GlobalOptions }
  | { verb: 'set image'; targets: ResourceRef[]; containerImages: Array<[string, string]>; global: GlobalOptions }
  | { verb: 'rollout status'; targets: ResourceRef[]; revision: number; watch: boolean; global: GlobalOptions }
  | { verb: 'rollout undo'; targets: ResourceRef[]; toRevision: number; global: GlobalOptions }
  | { verb: 'rollout history'; targets: ResourceRef[]; revision: number; global: GlobalOptions }
  | { verb: 'rollout restart'; targets: ResourceRef[]; global: GlobalOptions }
  | { verb: 'cordon' | 'uncordon'; nodes: string[]; global: GlobalOptions }
  | {
      verb: 'drain'
      nodes: string[]
      ignoreDaemonsets: boolean
      deleteEmptydirData: boolean
      force: boolean
      gracePeriod: number
      global: GlobalOptions
    }
  | {
      verb: 'taint'
      nodes: string[]
      taintsToAdd: TaintSpec[]
      taintsToRemove: TaintSpec[]
      overwrite: boolean
      global: GlobalOptions
    }
  | {
      verb: 'label'
      targets: ResourceRef[]
      labels: Array<[string, string]>
      remove: string[]
      overwrite: boolean
      global: GlobalOptions
    }
  | {
      verb: 'get'
      selection: Selection
      output: GetOutput
      selector: string
      allNamespaces: boolean
      global: GlobalOptions
    }
  | { verb: 'describe'; selection: Selection; global: GlobalOptions }
  | {
      verb: 'auth can-i'
      canIVerb: string
      /** The resource as discovery resolved it (`pods`, `deployments`), or the argument itself when unknown. */
      resource: string
      group: string
      resourceName: string
      subresource: string
      nonResourceURL: string
      allNamespaces: boolean
      quiet: boolean
      warnings: string[]
      global: GlobalOptions
    }

export interface KubectlFailure {
  /** Exactly what kubectl writes to stderr, final newline included. */
  stderr: string
  exitCode: number
  /** false: podbirth's own refusal of something real kubectl does that is not simulated (not kubectl's text). */
  kubectlText: boolean
}

export type KubectlParse = { command: KubectlCommand } | { error: KubectlFailure }

export function fail(stderr: string, exitCode = 1): { error: KubectlFailure } {
  return { error: { stderr, exitCode, kubectlText: true } }
}

export function notSimulated(what: string): { error: KubectlFailure } {
  return { error: { stderr: `podbirth: ${what} is not simulated\n`, exitCode: 1, kubectlText: false } }
}

/** Context a command's handler gets: its parsed flags and positional arguments. */
export interface CommandContext {
  path: string
  values: Map<string, FlagValue>
  args: string[]
  argsLenAtDash: number
  global: GlobalOptions
}
