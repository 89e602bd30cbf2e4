import type { KObject } from '../api/types.ts'
import type { ClientCertificate } from '../client/http.ts'

/** Trace event types of the simulated kubectl. */
export const KUBECTL_TRACE_TYPES = [
  'kubectl:Read',
  'kubectl:Decode',
  'kubectl:Validate',
  'kubectl:Kubeconfig',
  'kubectl:BuildRequest',
  'kubectl:Output',
  'kubectl:Command',
] as const

export type KubectlTraceType = (typeof KUBECTL_TRACE_TYPES)[number]

export interface KubectlReadDetails {
  file: string
  bytes: number
  lines: number
}

export type KubectlDecodeDetails =
  | { result: 'decoded'; file: string; objects: { kind?: string; name?: string; line: number }[] }
  /** `message` is kubectl's exact error line. */
  | { result: 'error'; file: string; message: string; line: number; column: number }

export type KubectlValidateDetails =
  /** apiVersion or kind is missing; `message` is kubectl's exact error line. */
  | { check: 'type-fields'; file: string; missing: string[]; message: string }
  /** No REST resource serves this kind (discovery); `known` lists the kinds the cluster serves. */
  | { check: 'resource-mapping'; file: string; kind?: string; apiVersion?: string; name: string; known: string[] }
  /**
   * client-go's request builder refused the namespace or name as a URL path segment (empty name, "/", "%", "." or
   * ".."); `error` is the builder's error, `message` kubectl's exact error line. Nothing was sent.
   */
  | { check: 'request-path'; file: string; kind: string; name: string; namespace: string; error: string; message: string }

export type KubectlKubeconfigDetails =
  | {
    result: 'ok'; user: string; context: string; namespace: string
    /** The --user flag, when it overrode the context's user. */
    userFlag?: string
    credentials: { token: boolean; clientCertificate?: ClientCertificate }
  }
  | { result: 'error'; error: string; userFlag?: string }

export type KubectlBuildRequestDetails =
  | { method: 'GET'; path: string; purpose: 'apply-lookup'; kind: string; name: string; namespace?: string }
  | {
    method: 'POST'; path: string; purpose: 'apply-create'; kind: string; name: string; namespace?: string
    body: KObject; annotation: string
  }

export interface KubectlOutputDetails {
  /** The command's verb (`get`, `scale` …) in a session; absent for the single `kubectl apply` of a run. */
  verb?: string
  stdout: string
  stderr: string
  exitCode: number
  /** The lines kubectl printed, as it printed them (a line may hold a newline: kubectl's multi-line errors). */
  stdoutLines: string[]
  stderrLines: string[]
}

/** The shape of each step type's details. */
export interface KubectlTraceDetails {
  'kubectl:Read': KubectlReadDetails
  'kubectl:Decode': KubectlDecodeDetails
  'kubectl:Validate': KubectlValidateDetails
  'kubectl:Kubeconfig': KubectlKubeconfigDetails
  'kubectl:BuildRequest': KubectlBuildRequestDetails
  'kubectl:Output': KubectlOutputDetails
  'kubectl:Command': KubectlCommandDetails
}

/** A session's command as typed: the words after `kubectl`, and what kubectl made of them. */
export interface KubectlCommandDetails {
  argv: string[]
  /** The parsed verb (`create deployment`, `get` …), or undefined when kubectl refused the command line. */
  verb?: string
  /** Reads only ask; the others change the cluster. */
  mutating: boolean
  /** The script line, when the command came from a workshop script. */
  line?: number
}
