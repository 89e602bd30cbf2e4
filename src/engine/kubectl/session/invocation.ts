/**
 * One kubectl command of a session in flight: the kubeconfig user it acts as, its client, what it has printed, and
 * how it ends. Every command's steps are in the kubectl lane: the command line, the kubeconfig, the requests (the
 * client's arrows), and the output.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (CheckErr: `Error from server (Reason): message`).
 */
import { isStatus } from '../../api/errors.ts'
import type { KObject, Status } from '../../api/types.ts'
import { ApiClient } from '../../client/apiClient.ts'
import type { RequestSpec } from '../../client/apiClient.ts'
import type { ApiServerEndpoint, HttpResponse } from '../../client/http.ts'
import type { EngineContext } from '../../context.ts'
import type { KubectlResult } from '../index.ts'
import { selectUser } from '../kubeconfig.ts'
import { SIMULATED } from '../cmd/resources.ts'
import type { SimulatedResource } from '../cmd/resources.ts'
import type { GlobalOptions } from '../cmd/parse.ts'

export interface KubectlEnv {
  ctx: EngineContext
  endpoint: ApiServerEndpoint
  kubeconfig: KObject
}

export class Invocation {
  readonly env: KubectlEnv
  readonly verb: string
  private readonly out: string[] = []
  private readonly err: string[] = []
  private readonly done: (r: KubectlResult) => void
  private ended = false
  client!: ApiClient
  /** The namespace the command works in: -n, else the kubeconfig context's. */
  namespace = 'default'

  constructor(env: KubectlEnv, verb: string, done: (r: KubectlResult) => void) {
    this.env = env
    this.verb = verb
    this.done = done
  }

  get ctx(): EngineContext {
    return this.env.ctx
  }

  /** connect picks the kubeconfig user (--user) and builds the client; false (and the command ends) on error. */
  connect(global: GlobalOptions): boolean {
    const user = selectUser(this.env.kubeconfig, global.user)
    const step = this.ctx.trace
    if ('error' in user) {
      step.emit({
        type: 'kubectl:Kubeconfig', lane: 'kubectl', outcome: 'error',
        details: { result: 'error', error: user.error, ...(global.user ? { userFlag: global.user } : {}) },
      })
      this.fail(`${user.error}\n`)
      return false
    }
    step.emit({
      type: 'kubectl:Kubeconfig', lane: 'kubectl', outcome: 'ok',
      details: {
        result: 'ok', user: user.name, context: user.context, namespace: user.namespace,
        ...(user.userFlag ? { userFlag: user.userFlag } : {}),
        credentials: {
          token: !!user.credentials.token,
          ...(user.credentials.clientCertificate ? { clientCertificate: user.credentials.clientCertificate } : {}),
        },
      },
    })
    this.namespace = global.namespace ?? user.namespace ?? 'default'
    this.client = new ApiClient(this.ctx, this.env.endpoint, {
      lane: 'kubectl', userAgent: 'kubectl/v1.35.0 (linux/amd64) kubernetes/v1.35.0', credentials: user.credentials,
    })
    return true
  }

  /** print adds text to stdout (kubectl's lines end with their newline). */
  print(text: string): void {
    if (text) this.out.push(text)
  }

  /** eprint adds text to stderr. */
  eprint(text: string): void {
    if (text) this.err.push(text)
  }

  fail(text: string, code = 1): void {
    this.eprint(text)
    this.finish(code)
  }

  /** request sends one request about a pod (named for the story) or any object. */
  request(spec: RequestSpec, cb: (res: HttpResponse) => void, pod?: string): void {
    this.client.request(spec, cb, pod ? { pod } : {})
  }

  finish(exitCode: number): void {
    if (this.ended) return
    this.ended = true
    const stdout = this.out.join('')
    const stderr = this.err.join('')
    const lines = (s: string) => (s ? s.replace(/\n$/, '').split('\n') : [])
    this.ctx.trace.emit({
      type: 'kubectl:Output', lane: 'kubectl', outcome: exitCode === 0 ? 'ok' : 'error',
      details: { verb: this.verb, stdout, stderr, exitCode, stdoutLines: lines(stdout), stderrLines: lines(stderr) },
    })
    this.done({ stdout, stderr, exitCode })
  }

  get finished(): boolean {
    return this.ended
  }
}

/** collectionPath is the REST path of a resource in a namespace (or cluster-wide). */
export function collectionPath(r: SimulatedResource, namespace: string | undefined): string {
  const info = SIMULATED[r]
  const base = info.group ? `/apis/${info.group}/v1` : '/api/v1'
  return info.namespaced && namespace !== undefined ? `${base}/namespaces/${namespace}/${info.resource}` : `${base}/${info.resource}`
}

/** objectPath is the REST path of one object. */
export function objectPath(r: SimulatedResource, namespace: string, name: string): string {
  return `${collectionPath(r, SIMULATED[r].namespaced ? namespace : undefined)}/${name}`
}

/**
 * serverError is CheckErr's line for an API error: `Error from server (NotFound): pods "x" not found`; a 401 is
 * `error: You must be logged in to the server (Unauthorized)`.
 */
export function serverError(res: HttpResponse): string {
  const status = res.body as Status
  if (res.code === 401) return 'error: You must be logged in to the server (Unauthorized)\n'
  if (!isStatus(status)) return `error: unexpected response ${res.code}\n`
  if (status.reason === 'Invalid' && status.details?.causes?.length) {
    const s = `The ${status.details.kind} "${status.details.name ?? ''}" is invalid`
    const errs = status.details.causes.map((c) => (c.field ? `${c.field}: ${c.message}` : `${c.message}`))
    return errs.length === 1 ? `${s}: ${errs[0]}\n` : `${s}: \n${errs.map((e) => `* ${e}`).join('\n')}\n`
  }
  return `Error from server (${status.reason ?? 'Unknown'}): ${status.message ?? ''}\n`
}

/** podKey: the story's name for a pod (namespace/name). */
export const podKey = (ns: string, name: string) => `${ns}/${name}`

/** each runs fn for every item in order, then done: kubectl handles its arguments one by one. */
export function each<T>(items: readonly T[], fn: (item: T, next: () => void) => void, done: () => void): void {
  const step = (i: number) => (i >= items.length ? done() : fn(items[i], () => step(i + 1)))
  step(0)
}
