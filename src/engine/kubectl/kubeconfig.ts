/**
 * Reading the kubeconfig the way client-go's clientcmd does: the current context (or --user) picks the auth info,
 * whose credentials kubectl presents. Client certificates are read from `client-certificate-data`: a real PEM
 * certificate (its DER issuer and subject CN/O are read; Simplified: no signature is checked) or podbirth's
 * simulated certificate text.
 */
import { atob, atobBytes } from '../api/base64.ts'
import type { KObject } from '../api/types.ts'
import type { Credentials } from '../client/apiClient.ts'

export interface SelectedUser {
  name: string
  namespace: string
  context: string
  credentials: Credentials
  /** The --user flag, when given. */
  userFlag?: string
}

type Named<T> = { name: string } & T

/** selectUser resolves --user / the current context; errors are kubectl's exact `error: ...` lines. */
export function selectUser(kubeconfig: KObject, userFlag?: string): SelectedUser | { error: string } {
  const contexts = (kubeconfig.contexts as Named<{ context?: { user?: string; namespace?: string; cluster?: string } }>[] | undefined) ?? []
  const users = (kubeconfig.users as Named<{ user?: Record<string, string> }>[] | undefined) ?? []
  const current = kubeconfig['current-context'] as string | undefined
  const ctx = contexts.find((c) => c.name === current)
  if (!userFlag && current && !ctx) return { error: `error: context was not found for specified context: ${current}` }
  const userName = userFlag ?? ctx?.context?.user ?? ''
  // Mirrors: staging/src/k8s.io/client-go/tools/clientcmd/validation.go (auth info "%s" does not exist).
  const entry = users.find((u) => u.name === userName)
  if (!entry) return { error: `error: auth info "${userName}" does not exist` }
  const u = entry.user ?? {}
  const credentials: Credentials = {}
  if (u.token) credentials.token = u.token
  if (u['client-certificate-data']) {
    const cert = readCertificate(u['client-certificate-data'])
    if (!cert) return { error: `error: unable to load client certificate for user "${userName}": data does not contain any valid RSA or ECDSA certificates` }
    credentials.clientCertificate = cert
  }
  const selected: SelectedUser = { name: userName, namespace: ctx?.context?.namespace ?? 'default', context: ctx?.name ?? '', credentials }
  if (userFlag) selected.userFlag = userFlag
  return selected
}

function readCertificate(data: unknown): Credentials['clientCertificate'] | undefined {
  // A []byte field holds base64 text; anything else has no certificate in it.
  if (typeof data !== 'string') return undefined
  const pem = atob(data)
  if (!pem) return undefined
  const sim = /podbirth-simulated subject=(\S+) issuer=CN=(\S+)/.exec(pem)
  if (sim) return fromSubject(sim[1], sim[2])
  const body = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/.exec(pem)?.[1]
  const der = body ? atobBytes(body.replace(/\s+/g, '')) : null
  return der ? fromDer(der) : undefined
}

function fromSubject(subject: string, issuer: string): NonNullable<Credentials['clientCertificate']> {
  const parts = subject.split(',').map((p) => p.split('='))
  return { commonName: parts.find((p) => p[0] === 'CN')?.[1] ?? '', organizations: parts.filter((p) => p[0] === 'O').map((p) => p[1]), issuer }
}

/** fromDer reads CN and O attributes; those before the validity period belong to the issuer, after it to the subject. */
function fromDer(der: number[]): NonNullable<Credentials['clientCertificate']> | undefined {
  let validityAt = -1
  let times = 0
  const attrs: { at: number; oid: number; value: string }[] = []
  for (let i = 0; i + 4 < der.length; i++) {
    if ((der[i] === 0x17 || der[i] === 0x18) && (der[i + 1] === 13 || der[i + 1] === 15) && ++times === 2 && validityAt < 0) validityAt = i
    if (der[i] === 0x06 && der[i + 1] === 3 && der[i + 2] === 0x55 && der[i + 3] === 0x04 && (der[i + 4] === 3 || der[i + 4] === 10)) {
      const len = der[i + 6]
      attrs.push({ at: i, oid: der[i + 4], value: String.fromCharCode(...der.slice(i + 7, i + 7 + len)) })
    }
  }
  if (validityAt < 0) return undefined
  const issuer = attrs.filter((a) => a.at < validityAt && a.oid === 3).map((a) => a.value)[0] ?? ''
  const subject = attrs.filter((a) => a.at > validityAt)
  return { commonName: subject.find((a) => a.oid === 3)?.value ?? '', organizations: subject.filter((a) => a.oid === 10).map((a) => a.value), issuer }
}
