import type { KObject } from '../api/types.ts'
import type { ApiServerEndpoint, HttpRequest, HttpResponse, WatchSink } from '../client/http.ts'
import type { EngineContext } from '../context.ts'
import type { Lane } from '../events.ts'
import type { Etcd } from '../etcd/etcd.ts'

/** A static token as in --token-auth-file (token,user,uid,"group1,group2"). */
export interface StaticToken {
  token: string
  user: string
  uid: string
  groups: string[]
}

export interface ApiServerOptions {
  /** --authorization-mode, in order (kubeadm: Node,RBAC). */
  authorizationModes: ('Node' | 'RBAC' | 'AlwaysAllow' | 'AlwaysDeny')[]
  /** The client CA's name: client certificates issued by another CA fail x509 authentication. */
  clientCA: string
  staticTokens: StaticToken[]
  /** --enable-admission-plugins beyond the defaults / --disable-admission-plugins. */
  enableAdmissionPlugins?: string[]
  disableAdmissionPlugins?: string[]
}

/** TODO(apiserver helper): the kube-apiserver. */
export class KubeApiServer implements ApiServerEndpoint {
  constructor(ctx: EngineContext, etcd: Etcd, opts: ApiServerOptions) {
    void ctx; void etcd; void opts
  }
  /** bootstrap stores the cluster's initial objects at time 0 (defaulted, no admission, no trace). */
  bootstrap(objects: KObject[]): void {
    void objects
  }
  serve(req: HttpRequest, respond: (res: HttpResponse) => void, caller: { lane: Lane; node?: string }): void {
    void req; void caller
    respond({ code: 500, body: { kind: 'Status', message: 'not implemented' } })
  }
  serveWatch(req: HttpRequest, sink: WatchSink): void {
    void req; void sink
  }
}
