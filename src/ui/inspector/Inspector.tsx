/** The inspector: what the step at the playhead did and why, its HTTP exchange, its etcd write as a diff, the stored pod. */
import { Suspense, lazy, memo } from 'react'
import type { TraceEvent } from '../../engine/events.ts'
import { usePlayheadRested, useSettled } from '../../app/usePlayhead.ts'
import { fmtTime } from '../format.ts'
import { HttpExchange } from './HttpExchange.tsx'
import type { ShownRequest, ShownResponse } from './HttpExchange.tsx'
import { SchedulerDetails } from './SchedulerTables.tsx'

const DiffView = lazy(() => import('../editor/DiffView.tsx'))

export const Inspector = memo(function Inspector({ e, t0, dark, stored }: { e?: TraceEvent; t0: number; dark: boolean; stored?: { name: string; yaml: string } }) {
  // While the playhead moves (playing, scrubbing) the inspector shows what happened and why; the heavier parts wait
  // until it rests: the raw details and the HTTP exchange (often whole objects: pages of JSON to lay out) and the
  // Monaco diff (creating a diff editor is a long task; mounted mid-scrub, it would drop frames).
  const rested = usePlayheadRested(150)
  const settled = useSettled(e?.seq, 250) && rested
  const settledFast = useSettled(e?.seq, 60) && rested
  if (!e) return <aside className="inspector" aria-label="Inspector"><p>Apply the manifest, then choose a step to see what happened and why.</p></aside>
  return (
    <aside className="inspector" aria-label="Inspector">
      <p className="meta">{fmtTime(e.t, t0)} · {e.lane}{e.from && e.to ? ` · ${e.from} → ${e.to}` : ''}{e.node ? ` · ${e.node}` : ''}</p>
      <h2>{e.summary}</h2>
      <p>{e.explain}</p>
      {e.docs && <p><a href={e.docs} target="_blank" rel="noreferrer noopener">Kubernetes documentation</a></p>}
      <SchedulerDetails e={e} />
      {settledFast && (e.details?.request || e.details?.response) ? <HttpExchange request={e.details.request as ShownRequest | undefined} response={e.details.response as ShownResponse | undefined} /> : null}
      {e.details && <details open={!e.type.startsWith('scheduler:') && !e.change && !e.details.request && !e.details.response}><summary>Details</summary>{settledFast ? <pre>{JSON.stringify(e.details, null, 2)}</pre> : <p className="muted">…</p>}</details>}
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
