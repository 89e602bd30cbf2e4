/**
 * What the page gets of each step. Whole objects stay in the worker: an etcd write's object before and after, the
 * object an admission plugin got, a request's body and a successful response's body (a refusal's Status stays: the
 * page's story reads it). They were a fifth of the bytes structured clone copied for a large trace, and more of the
 * time the page took to read them back (Node's serializer, the 600-node preset's 370 pods: 33.0 → 25.4 MB, 143 →
 * 92 ms to write, 353 → 180 ms to read). The page shows a step's whole record by asking the worker for it (the
 * snapshot of the step carries it), and downloads the worker's trace.
 *
 * Each lean step is a copy with the same keys in the same order (the step itself is the worker's and the trace's);
 * every other step is sent as it is.
 */
import type { ObjectChange, StepOf, TraceEvent } from '../engine/events.ts'

/** forWire is the steps as the page gets them (a new array; the steps themselves are never changed). */
export function forWire(steps: readonly TraceEvent[]): TraceEvent[] {
  const out = new Array<TraceEvent>(steps.length)
  for (let i = 0; i < steps.length; i++) out[i] = leanStep(steps[i])
  return out
}

/** isLean tells whether the page's copy of a step lacks part of it (the inspector then shows the worker's). */
export function isLean(e: TraceEvent): boolean {
  switch (e.type) {
    case 'etcd:Txn': return !!(e.change?.before || e.change?.after)
    case 'apiserver:Admit': return !!(e.details.before || e.details.after)
    case 'http:Request': return e.details.request.body !== undefined
    case 'http:Response': return e.details.request.body !== undefined || (e.details.response.code < 400 && e.details.response.body !== undefined)
    default: return false
  }
}

function leanStep(e: TraceEvent): TraceEvent {
  if (!isLean(e)) return e
  switch (e.type) {
    case 'etcd:Txn': return e.change ? { ...e, change: leanChange(e.change) } : e
    case 'apiserver:Admit': return leanAdmit(e)
    case 'http:Request': return leanRequest(e)
    case 'http:Response': return leanResponse(e)
    default: return e
  }
}

function leanChange(c: ObjectChange): ObjectChange {
  const { before: _before, after: _after, ...rest } = c
  return rest
}

/**
 * An admission step's lean details, its own copy. The steps that say the same (the same plugin, note and page for
 * every pod) used to share one object, found by a key of their texts: hashing that key for every step cost the
 * 600-node preset's 370-pod apply more than the 1.5 MB of batches it saved (fresh pages, interleaved, medians of
 * eight and ten: 1,125 → 1,082 ms and 1,120 → 1,070 ms without it).
 */
function leanAdmit(e: StepOf<'apiserver:Admit'>): StepOf<'apiserver:Admit'> {
  const { before: _before, after: _after, ...details } = e.details
  return { ...e, details }
}

function leanRequest(e: StepOf<'http:Request'>): StepOf<'http:Request'> {
  const { body: _body, ...request } = e.details.request
  return { ...e, details: { ...e.details, request } }
}

function leanResponse(e: StepOf<'http:Response'>): StepOf<'http:Response'> {
  const { body: _body, ...request } = e.details.request
  const res = e.details.response
  const { body: _resBody, ...withoutBody } = res
  return { ...e, details: { ...e.details, request, response: res.code < 400 ? withoutBody : res } }
}
