/**
 * The outcome banners: every failure that holds at the panels' step — kubectl's refusals, the API server's (401, 403,
 * admission, validation), FailedScheduling, the kubelet's (rejections, image pulls, crash loops, hooks, failing
 * readiness probes) — each an alert with the exact upstream message, the cause in plain words, what would fix it, and a way to the step that
 * decided it. A FailedScheduling banner also leads to the filter results and podbirth's "What would make it
 * schedule?" suggestions.
 */
import { memo, useEffect, useMemo } from 'react'
import { useApp } from '../../app/store.ts'
import { outcomesAt } from '../../engine/story/index.ts'
import type { Outcome } from '../../engine/story/index.ts'
import type { Suggestion } from '../../protocol/messages.ts'
import { useOutcomes } from './useOutcomes.ts'
import { OutcomeDecisionButton } from '../debugger/CycleDecisionButton.tsx'

/** At most this many banners at once (a trace of many pods can have many failures at the same step). */
const MAX_SHOWN = 3

/** Failures the pod may still recover from (it waits and retries) are warnings; refusals and dead ends are errors. */
const RETRYING = new Set<Outcome['kind']>([
  'unschedulable', 'err-image-pull', 'image-pull-backoff', 'crash-loop-backoff', 'hook-failed',
  // Running, not Ready: the kubelet keeps probing, and the first probe that passes makes the pod Ready.
  'not-ready',
])

export const OutcomeBanner = memo(function OutcomeBanner({ selected, select, ask, tryFix }: { selected: number; select: (i: number) => void; ask: (index: number) => void; tryFix: (f: Suggestion) => void }) {
  const outcomes = useOutcomes()
  const holding = useMemo(() => outcomesAt(outcomes, selected), [outcomes, selected])
  // The worker computes the suggestions for one FailedScheduling at a time: the first that holds here.
  const unschedulableStep = holding.find((o) => o.kind === 'unschedulable')?.step ?? -1
  const whatIf = useApp((s) => s.whatIf)
  useEffect(() => { if (unschedulableStep >= 0 && whatIf?.index !== unschedulableStep) ask(unschedulableStep) }, [unschedulableStep, whatIf, ask])
  if (!holding.length) return null
  const more = holding.length - MAX_SHOWN
  return (
    <div className="outcomes">
      {holding.slice(0, MAX_SHOWN).map((o) => (
        <OutcomeCard key={`${o.kind}:${o.at}:${o.pod ?? ''}`} o={o} select={select} suggestions={o.kind === 'unschedulable' && whatIf?.index === o.step ? whatIf.suggestions : undefined} note={o.kind === 'unschedulable' && whatIf?.index === o.step ? whatIf.note : undefined} tryFix={tryFix} />
      ))}
      {more > 0 && <p className="outcome-more muted">… and {more} more {more === 1 ? 'failure holds' : 'failures hold'} at this step.</p>}
    </div>
  )
})

function OutcomeCard({ o, select, suggestions, note, tryFix }: { o: Outcome; select: (i: number) => void; suggestions?: Suggestion[]; note?: string; tryFix: (f: Suggestion) => void }) {
  const filterAt = useFilterStep(o)
  const fixes = suggestions ?? []
  return (
    <div className={`outcome ${RETRYING.has(o.kind) ? 'outcome-warning' : 'outcome-error'}`} role="alert" aria-label={o.title} data-kind={o.kind} data-step={o.step}>
      <p className="outcome-head"><strong>{o.title}</strong>{o.pod && <span className="outcome-pod">{o.pod}</span>}</p>
      <p className="outcome-message">{o.message}</p>
      <p className="outcome-actions">
        {o.step >= 0 && <button type="button" onClick={() => select(o.step)}>Go to the step that decided it</button>}
        {filterAt >= 0 && <button type="button" onClick={() => select(filterAt)}>Show the filter results per node</button>}
        {o.kind === 'unschedulable' && o.step >= 0 && <OutcomeDecisionButton step={o.step} pod={o.pod} />}
      </p>
      <dl className="outcome-body">
        <dt>Why</dt>
        <dd>{o.cause}</dd>
        <dt>What would fix it</dt>
        <dd className="outcome-fix"><FixText text={o.fix} /></dd>
      </dl>
      {fixes.length > 0 && (
        <section className="what-if" aria-label="What would make it schedule">
          <h3>What would make it schedule? <span className="muted">podbirth's suggestions, each simulated first (same seed, up to the pod's next scheduling cycle): trying one edits your {fixes.some((f) => f.target === 'cluster') ? 'manifest or cluster file' : 'manifest'} (Undo in the editor takes it back) and applies again</span></h3>
          <ul>
            {fixes.map((f) => (
              <li key={f.title}>
                <button type="button" onClick={() => tryFix(f)} aria-label={`Try it: ${f.title}`}>Try it</button> <strong>{f.title}</strong>
                <VerifiedLine f={f} />
                <p className="muted">{f.why}</p>
              </li>
            ))}
          </ul>
          {note && <p className="muted what-if-note">{note}</p>}
        </section>
      )}
    </div>
  )
}

/** The suggestion's simulated outcome: where the pod lands, or why it is still Pending and what the edit got past. */
function VerifiedLine({ f }: { f: Suggestion }) {
  const v = f.outcome
  if (!v) return null
  const feasible = `feasible nodes ${v.feasibleBefore} → ${v.feasibleAfter}`
  if (v.schedules) {
    return <p className="what-if-verified" data-schedules="true">Verified: schedules on {v.node} <span className="muted">({feasible})</span></p>
  }
  return (
    <p className="what-if-verified" data-schedules="false">
      Not enough: still Pending — {v.message ?? 'no node fits'}{v.progress && <span className="muted"> ({v.progress})</span>}
    </p>
  )
}

/** The fix as text, its command lines (kubectl …) set as code so a command reads, and copies, as one line. */
function FixText({ text }: { text: string }) {
  const lines = text.split('\n')
  return (
    <>
      {lines.map((line, i) => (/^kubectl /.test(line) ? <code key={i} className="outcome-command">{line}</code> : <span key={i} className="outcome-line">{line}</span>))}
    </>
  )
}

/** For a FailedScheduling: the scheduler's Filter step of the same cycle (the last one for the pod before it). */
function useFilterStep(o: Outcome): number {
  const events = useApp((s) => s.events)
  return useMemo(() => {
    if (o.kind !== 'unschedulable') return -1
    for (let i = o.step; i >= 0; i--) if (events[i]?.type === 'scheduler:Filter' && events[i].pod === o.pod) return i
    return -1
  }, [events, o])
}
