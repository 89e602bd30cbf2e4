/** Small formatters shared by the kubelet's, the CRI's and the CNI's narration. */
import type { Pod } from '../../api/types.ts'

export { goDuration } from '../goDuration.ts'

/** short is how the trace shows a 64-hex container or sandbox id (as crictl does, plus one). */
export const short = (id: string | undefined): string => (id ?? '').slice(0, 13)

/** brief is a CRI request as one line: its JSON, cut at 60 characters. */
export function brief(req: object): string {
  // Hot (one per CRI request summary): a request can be a whole container config, so only the JSON's first 61
  // characters are written (enough to know whether it is cut); they are the same as JSON.stringify's.
  const b = { s: '' }
  jsonPrefix(req, b, BRIEF + 1)
  return b.s.length > BRIEF ? `${b.s.slice(0, BRIEF - 3)}...` : b.s
}

const BRIEF = 60

/**
 * jsonPrefix appends JSON.stringify(v) to b.s, stopping once b.s has at least `limit` characters (plain data: a
 * value with a toJSON method, which no CRI request has, is written by JSON.stringify itself).
 */
function jsonPrefix(v: unknown, b: { s: string }, limit: number): void {
  if (v === null || typeof v !== 'object' || typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    b.s += JSON.stringify(v) ?? 'null'
    return
  }
  if (Array.isArray(v)) {
    b.s += '['
    for (let i = 0; i < v.length && b.s.length < limit; i++) {
      if (i > 0) b.s += ','
      const x: unknown = v[i]
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') b.s += 'null'
      else jsonPrefix(x, b, limit)
    }
    b.s += ']'
    return
  }
  b.s += '{'
  let first = true
  for (const key of Object.keys(v)) {
    if (b.s.length >= limit) break
    const x: unknown = (v as Record<string, unknown>)[key]
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue
    b.s += first ? JSON.stringify(key) : `,${JSON.stringify(key)}`
    b.s += ':'
    first = false
    jsonPrefix(x, b, limit)
  }
  b.s += '}'
}

/** mib writes a byte count for people: 67108864 → "64 MiB", small or odd values as bytes. */
export function mib(n: number): string {
  if (n >= 1048576) return `${Math.round((n / 1048576) * 10) / 10} MiB`
  return `${n} bytes`
}

/** seconds writes a virtual duration in ms for people: 1.5 s, 250 ms. */
export function secondsOf(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${Math.round(ms)} ms`
}

/** names lists names for a sentence: "a", "a and b", "a, b and c". */
export function names(list: string[]): string {
  if (list.length <= 1) return list.join('')
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`
}

type ContainerStatus = NonNullable<NonNullable<Pod['status']>['containerStatuses']>[number]

/** stateOf is one container's state as the status line shows it. */
export function stateOf(s: ContainerStatus): string {
  if (s.state?.running) return 'running'
  if (s.state?.terminated) return `terminated (${s.state.terminated.reason}, exit ${s.state.terminated.exitCode})`
  return s.state?.waiting?.reason ?? 'waiting'
}

/** conditionsOf lists a status's conditions as Type=Status. */
export function conditionsOf(status: NonNullable<Pod['status']>): string {
  return (status.conditions ?? []).map((c) => `${c.type}=${c.status}`).join(', ') || 'none'
}

export const CRI_DOCS = 'https://kubernetes.io/docs/concepts/architecture/cri/'
export const TERMINATION_DOCS = 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination'
export const HOOK_DOCS = 'https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/'
export const SIDECAR_DOCS =
  'https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/#sidecar-containers-and-pod-lifecycle'
export const CRI_API = 'staging/src/k8s.io/cri-api/pkg/apis/runtime/v1/api.proto'
export const KUBERUNTIME = 'pkg/kubelet/kuberuntime'
