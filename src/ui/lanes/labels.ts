/**
 * The short label the lanes write beside a step's dot or on its arrow when zoomed in far enough: the verb and path
 * tail of a request, a response's status code, the watch event, the CRI or CNI call, the etcd revision. A pure
 * function of a step's base fields (type, lane, from/to, outcome, summary, change), so it holds whatever shape the
 * step's details have.
 */
import type { TraceEvent } from '../../engine/events.ts'

/** Label-worthy fields of a step: the base fields only. */
export type LabelInput = Pick<TraceEvent, 'type' | 'lane' | 'from' | 'to' | 'outcome' | 'summary'> & { change?: { revision?: number } }

/** The step's name without its component (`cri:RunPodSandbox` → `RunPodSandbox`). */
export const stepName = (e: { type: string }) => e.type.slice(e.type.indexOf(':') + 1)

/**
 * The tail of an API path: what follows the namespace (or the group and version for cluster-scoped objects), without
 * the query: `/api/v1/namespaces/default/pods/nginx/status?x=y` → `pods/nginx/status`.
 */
export function pathTail(path: string): string {
  const p = path.split('?')[0].replace(/\/+$/, '')
  const ns = /\/namespaces\/[^/]+\/(.+)$/.exec(p)
  if (ns) return ns[1]
  const core = /^\/api\/v1\/(.+)$/.exec(p)
  if (core) return core[1]
  const group = /^\/apis\/[^/]+\/[^/]+\/(.+)$/.exec(p)
  if (group) return group[1]
  return p.replace(/^\//, '')
}

/** The first `VERB /path` in a summary. */
const REQUEST = /\b(GET|POST|PUT|PATCH|DELETE|LIST|WATCH|HEAD)\s+(\/\S*)/
const STATUS = /\b([1-5]\d\d)\b/
const WATCH_EVENT = /\b(ADDED|MODIFIED|DELETED|BOOKMARK|ERROR)\b/

/** stepLabel is the label for a step, or undefined when it has none worth the space. */
export function stepLabel(e: LabelInput): string | undefined {
  const name = stepName(e)
  switch (e.type) {
    case 'http:Request': {
      const m = REQUEST.exec(e.summary)
      return m ? `${m[1]} ${pathTail(m[2])}` : name
    }
    case 'http:Response': {
      const code = STATUS.exec(e.summary)?.[1]
      if (!code) return undefined
      // An answer the client expected (apply's lookup of a pod that does not exist yet) says so.
      return Number(code) >= 400 && e.outcome === 'info' ? `${code} expected` : code
    }
    case 'watch:Notify': return WATCH_EVENT.exec(e.summary)?.[1] ?? 'watch'
    case 'watch:Start': {
      const m = REQUEST.exec(e.summary)
      return m ? `WATCH ${pathTail(m[2])}` : 'WATCH'
    }
    case 'etcd:Txn': {
      const rev = e.change?.revision ?? Number(/\brevision (\d+)/.exec(e.summary)?.[1] ?? Number.NaN)
      if (e.from === 'etcd' || e.lane === 'etcd') return Number.isFinite(rev) ? `rev ${rev}` : name
      return name
    }
    case 'event:Record': return /^Event \w+ (\w+)/.exec(e.summary)?.[1] ?? 'Event'
    case 'apiserver:Admit': return /admission (\w+)/.exec(e.summary)?.[1] ?? name
    case 'kubelet:StatusUpdate': {
      const phase = /status: (\w+)/.exec(e.summary)?.[1]
      return phase ? `status ${phase}` : name
    }
    case 'kubelet:Backoff': {
      const d = /\b(\d+(?:\.\d+)?(?:ms|s|m|h)(?:\d+(?:ms|s|m))*)\b/.exec(e.summary)?.[1]
      return d ? `back-off ${d}` : 'back-off'
    }
    default:
      break
  }
  if (e.type.startsWith('cri:') || e.type.startsWith('cni:')) {
    // A call and its answer carry the call's name; the answer says how it went.
    if (e.from !== undefined && e.to !== undefined && e.from !== e.to && (e.from === 'CRI' || e.from === 'CNI') && (e.to === 'kubelet' || e.to === 'CRI')) {
      return e.outcome === 'error' ? `${name} failed` : `${name} done`
    }
    return name
  }
  return name
}

/** Step labels by trace index, each worked out the first time it is asked for (a trace can hold 50,000 steps). */
export interface StepLabels { get(i: number): string | undefined }

/** labelsFor gives a trace's labels, computed lazily and kept: painting a frame looks them up instead of building strings. */
export function labelsFor(events: readonly LabelInput[]): StepLabels {
  const cache: (string | null | undefined)[] = new Array(events.length)
  return {
    get(i: number): string | undefined {
      let v = cache[i]
      if (v === undefined) cache[i] = v = (events[i] ? stepLabel(events[i]) : undefined) ?? null
      return v ?? undefined
    },
  }
}
