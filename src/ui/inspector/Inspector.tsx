/** The inspector: what the step at the playhead did and why, its HTTP exchange, its etcd write as a diff, the stored pod. */
import { Suspense, lazy, memo } from 'react'
import type { TraceEvent } from '../../engine/events.ts'
import { useNarrate } from './useNarrate.ts'
import { TermsText } from '../glossary/LazyTerms.tsx'
import type { Depth } from '../../engine/narration/index.ts'
import { usePlayheadRested, useSettled } from '../../app/usePlayhead.ts'
import { fmtTime } from '../format.ts'
import { HttpExchange } from './HttpExchange.tsx'
import type { ShownRequest, ShownResponse } from './HttpExchange.tsx'
import { SchedulerDetails } from './SchedulerTables.tsx'
import { FocusButtons } from '../debugger/FocusButtons.tsx'
import { CycleDecisionButton } from '../debugger/CycleDecisionButton.tsx'

const DiffView = lazy(() => import('../editor/DiffView.tsx'))

/** What the step did and why, at the chosen depth, with the docs and the upstream file that does it. */
function StepNarration({ e, depth }: { e: TraceEvent; depth: Depth }) {
  const narrate = useNarrate()
  if (!narrate) return <p className="step-text muted">…</p>
  const told = narrate(e, depth)
  return (
    <>
      <p className="step-text"><TermsText text={told.text} /></p>
      {(told.docs || told.source) && (
        <p className="step-links">
          {told.docs && <a href={told.docs} target="_blank" rel="noreferrer noopener">Kubernetes documentation</a>}
          {told.docs && told.source && ' · '}
          {told.source && <a href={told.source} target="_blank" rel="noreferrer noopener">upstream source</a>}
        </p>
      )}
    </>
  )
}

export const Inspector = memo(function Inspector({ e, t0, dark, stored, depth }: { e?: TraceEvent; t0: number; dark: boolean; stored?: { name: string; yaml: string }; depth: Depth }) {
  // While the playhead moves (playing, scrubbing) the inspector shows what happened and why; the heavier parts wait
  // until it rests: the raw details and the HTTP exchange (often whole objects: pages of JSON to lay out) and the
  // Monaco diff (creating a diff editor is a long task; mounted mid-scrub, it would drop frames).
  const rested = usePlayheadRested(150)
  const settled = useSettled(e?.seq, 250) && rested
  const settledFast = useSettled(e?.seq, 60) && rested
  if (!e) return <aside className="inspector" aria-label="Inspector"><p>Apply the manifest, then choose a step to see what happened and why.</p></aside>
  const http: { request?: ShownRequest; response?: ShownResponse } | undefined = e.type === 'http:Response'
    ? { request: e.details.request, response: e.details.response }
    : e.type === 'http:Request' || e.type === 'watch:Start' ? { request: e.details.request } : undefined
  return (
    <aside className="inspector" aria-label="Inspector">
      <p className="meta">{fmtTime(e.t, t0)} · {e.lane}{e.from && e.to ? ` · ${e.from} → ${e.to}` : ''}{e.node ? ` · ${e.node}` : ''}</p>
      <h2>{e.summary}</h2>
      <FocusButtons e={e} />
      <StepNarration e={e} depth={depth} />
      {e.type.startsWith('scheduler:') && <CycleDecisionButton />}
      <SchedulerDetails e={e} />
      {settledFast && http ? <HttpExchange request={http.request} response={http.response} /> : null}
      {e.details && <details open={!e.type.startsWith('scheduler:') && !e.change && !http}><summary>Details</summary>{settledFast ? <pre>{JSON.stringify(e.details, null, 2)}</pre> : <p className="muted">…</p>}</details>}
      {e.change && (
        <details open>
          <summary>What this write changed: {e.change.type} {e.change.kind} {e.change.namespace ? `${e.change.namespace}/` : ''}{e.change.name} (revision {e.change.revision})</summary>
          {settled
            ? <Suspense fallback={<p className="muted">Loading the diff…</p>}><DiffView before={e.change.before} after={e.change.after} dark={dark} /></Suspense>
            : <p className="muted">The diff appears when the playhead rests here.</p>}
        </details>
      )}
      {stored && (
        <details className="stored">
          <summary>The pod {stored.name} as stored at this moment</summary>
          <pre aria-label="The pod as stored at this moment">{`$ kubectl get pod ${stored.name} -o yaml\n${stored.yaml}`}</pre>
        </details>
      )}
    </aside>
  )
})
