/**
 * The authentication chain: x509 client certificates, then bearer tokens (static token file, then service-account
 * tokens); the first success wins; an authenticator that finds credentials it cannot accept fails the request (401);
 * a request with no credentials at all becomes system:anonymous (--anonymous-auth=true, the default).
 * Mirrors: staging/src/k8s.io/apiserver/pkg/authentication/request/union/union.go and
 * pkg/kubeapiserver/authenticator/config.go (anonymous appended with FailOnError semantics).
 */
import { atob } from '../api/base64.ts'
import type { KObject } from '../api/types.ts'
import type { ClientCertificate, HttpRequest } from '../client/http.ts'
import type { UserInfo } from './admission/types.ts'
import type { StaticToken } from './index.ts'

export interface AuthnResult {
  user?: UserInfo
  /** Which authenticator accepted the request, or why none did. */
  authenticator: string
  steps: string[]
  /** Set when credentials were presented and rejected: the request fails with 401 Unauthorized. */
  error?: string
}

export interface AuthnConfig {
  clientCA: string
  staticTokens: StaticToken[]
  getServiceAccount(namespace: string, name: string): KObject | undefined
}

const withAuthenticated = (u: UserInfo): UserInfo => (u.groups.includes('system:authenticated') ? u : { ...u, groups: [...u.groups, 'system:authenticated'] })

/** authenticate runs the chain over one request. */
export function authenticate(req: HttpRequest, cfg: AuthnConfig): AuthnResult {
  const steps: string[] = []
  const cert = req.tls?.clientCertificate
  const auth = req.headers.Authorization ?? req.headers.authorization
  if (cert) {
    if (cert.issuer !== cfg.clientCA) {
      steps.push(`x509: the client certificate is signed by "${cert.issuer}", not by the cluster's client CA "${cfg.clientCA}"`)
      return { authenticator: 'x509', steps, error: 'x509: certificate signed by unknown authority' }
    }
    steps.push(`x509: certificate CN=${cert.commonName}${cert.organizations.map((o) => `, O=${o}`).join('')} verified against the client CA "${cfg.clientCA}"`)
    return { authenticator: 'x509', steps, user: withAuthenticated({ username: cert.commonName, groups: [...cert.organizations] }) }
  }
  steps.push('x509: no client certificate presented')
  const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined
  if (token) {
    const st = cfg.staticTokens.find((t) => t.token === token)
    if (st) {
      steps.push(`token file: the bearer token belongs to "${st.user}"`)
      return { authenticator: 'token-file', steps, user: withAuthenticated({ username: st.user, uid: st.uid, groups: [...st.groups] }) }
    }
    steps.push('token file: no entry for this bearer token')
    const sa = serviceAccountFromJWT(token)
    if (sa) {
      const obj = cfg.getServiceAccount(sa.namespace, sa.name)
      if (!obj) {
        steps.push(`service-account token: service account ${sa.namespace}/${sa.name} does not exist`)
        return { authenticator: 'service-account', steps, error: 'invalid bearer token' }
      }
      steps.push(`service-account token: issued for ${sa.namespace}/${sa.name}`)
      return {
        authenticator: 'service-account', steps,
        user: withAuthenticated({ username: `system:serviceaccount:${sa.namespace}:${sa.name}`, uid: obj.metadata?.uid, groups: ['system:serviceaccounts', `system:serviceaccounts:${sa.namespace}`] }),
      }
    }
    steps.push('service-account token: not a service-account JWT')
    return { authenticator: 'bearer token', steps, error: 'invalid bearer token' }
  }
  steps.push('bearer token: no Authorization header')
  steps.push('anonymous: no credentials at all, so the request continues as system:anonymous')
  return { authenticator: 'anonymous', steps, user: { username: 'system:anonymous', groups: ['system:unauthenticated'] } }
}

/** serviceAccountFromJWT reads the subject of a service-account token. Simplified: the signature is not verified. */
function serviceAccountFromJWT(token: string): { namespace: string; name: string } | undefined {
  const parts = token.split('.')
  if (parts.length !== 3) return undefined
  const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '='))
  if (!json) return undefined
  try {
    const payload = JSON.parse(json) as { sub?: string }
    const m = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(payload.sub ?? '')
    return m ? { namespace: m[1], name: m[2] } : undefined
  } catch {
    return undefined
  }
}

/**
 * Authenticator runs the chain with one apiserver's configuration. Hot: every request is authenticated, and the
 * answer for a client certificate or a bearer token depends on nothing else but, for a service-account token, the
 * ServiceAccount object it names (the CA and the token file are fixed). So it is worked out once per certificate
 * or token, and a service-account token's answer is kept while etcd holds the same object for its account (every
 * write stores a new object). Each client then also has one UserInfo object, which the authorizer's cache keys on.
 */
export class Authenticator {
  private readonly byCert = new WeakMap<ClientCertificate, AuthnResult>()
  private readonly byToken = new Map<string, { r: AuthnResult; account?: [string, string]; obj?: KObject }>()
  private readonly cfg: AuthnConfig

  constructor(cfg: AuthnConfig) {
    this.cfg = cfg
  }

  authenticate(req: HttpRequest): AuthnResult {
    const cert = req.tls?.clientCertificate
    if (cert) {
      let r = this.byCert.get(cert)
      if (!r) this.byCert.set(cert, (r = authenticate(req, this.cfg)))
      return r
    }
    const auth = req.headers.Authorization ?? req.headers.authorization
    const token = auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined
    if (!token) return authenticate(req, this.cfg)
    const hit = this.byToken.get(token)
    if (hit && (!hit.account || this.cfg.getServiceAccount(...hit.account) === hit.obj)) return hit.r
    let account: [string, string] | undefined
    let obj: KObject | undefined
    const r = authenticate(req, {
      ...this.cfg,
      getServiceAccount: (namespace, name) => {
        account = [namespace, name]
        return (obj = this.cfg.getServiceAccount(namespace, name))
      },
    })
    this.byToken.set(token, { r, account, obj })
    return r
  }
}
