import type { ApiServerEndpoint } from '../client/http.ts'
import type { EngineContext } from '../context.ts'
import type { KObject } from '../api/types.ts'

/** KubectlResult is what the terminal shows when kubectl exits. */
export interface KubectlResult {
  stdout: string
  stderr: string
  exitCode: number
}

export interface KubectlApplyInput {
  /** One file as the user gave it with -f (name for messages, text to decode). */
  files: { name: string; text: string }[]
  kubeconfig: KObject
  /** --user; otherwise the current context's user. */
  user?: string
  /** -n; otherwise the context's namespace, otherwise "default". */
  namespace?: string
}

/** TODO(kubectl helper): `kubectl apply -f` against the simulated apiserver. */
export function kubectlApply(ctx: EngineContext, endpoint: ApiServerEndpoint, input: KubectlApplyInput, done: (r: KubectlResult) => void): void {
  void ctx; void endpoint; void input
  done({ stdout: '', stderr: 'not implemented', exitCode: 1 })
}
