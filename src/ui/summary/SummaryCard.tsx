/**
 * The recap when the story ends (the playhead on its last step, the trace complete): the outcome, the virtual time
 * each stage took, the pod's node and IP, the API requests and etcd writes, the Events, and for a failure the
 * banner's cause and fix. Right column; in presenter mode under the lanes.
 */
import { memo, useMemo, useState } from 'react'
import { useApp } from '../../app/store.ts'
import { followedPod } from '../../app/storyNav.ts'
import { summarizePod } from '../../engine/story/index.ts'
import type { Outcome, PodSummary, Story } from '../../engine/story/index.ts'
import type { TraceEvent } from '../../engine/events.ts'
import { fmtTime } from '../format.ts'

export function SummaryCard({ caption = false }: { caption?: boolean }) {
  const atEnd = useApp((s) => !s.running && s.events.length > 0 && s.shown === s.events.length - 1)
  const presenter = useApp((s) => s.presenter)
  const story = useApp((s) => s.story)
  const events = useApp((s) => s.events)
  const outcomes = useApp((s) => s.outcomes)
  if (!atEnd || !story || story.chapterOf.length !== events.length || caption !== presenter) return null
  return <Card story={story} events={events} outcomes={outcomes} caption={caption} />
}

const Card = memo(function Card({ story, events, outcomes, caption }: { story: Story; events: TraceEvent[]; outcomes: Outcome[]; caption: boolean }) {
  const pods = story.pods.filter((p) => p !== '')
  const [picked, setPicked] = useState<string | undefined>(undefined)
  // The pod followed at the end; when the story ends on steps about no pod (a Deployment's status, written by a
  // controller after its pods ran), the first pod of the story.
  const followed = followedPod(story, events.length - 1)
  const pod = picked !== undefined && pods.includes(picked) ? picked : pods.includes(followed) ? followed : (pods[0] ?? followed)
  const sum = useMemo(() => summarizePod(events, story, pod), [events, story, pod])
  // The failure the banner tells for this pod: the one still holding at the end, else its last.
  const mine = outcomes.filter((o) => o.pod === pod || o.pod === undefined)
  const failure = mine.find((o) => o.until === undefined) ?? mine[mine.length - 1]
  return (
    <section className={`summary-card${failure ? ' failed' : ''}${caption ? ' caption' : ''}`} aria-label="Summary">
      <h2>
        Summary{pod ? <span className="summary-pod"> · {pod}</span> : null}
        {pods.length > 1 && (
          <label className="summary-pick">Pod{' '}
            <select value={pod} onChange={(e) => setPicked(e.target.value)}>
              {pods.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
          </label>
        )}
      </h2>
      <Verdict sum={sum} failure={failure} />
      <div className="summary-grid">
        <table className="summary-stages">
          <caption>Virtual time per stage</caption>
          <tbody>
            {sum.stages.map((s) => (
              <tr key={s.stage}><th scope="row">{s.stage} · {s.title}</th><td>{fmtTime(s.end, s.start)}</td></tr>
            ))}
            <tr className="summary-total"><th scope="row">Total</th><td>{fmtTime(sum.end, sum.start)}</td></tr>
          </tbody>
        </table>
        <dl className="summary-facts">
          <dt>Node</dt><dd>{sum.node ?? '—'}</dd>
          <dt>Pod IP</dt><dd>{sum.ip ?? '—'}</dd>
          <dt>API requests</dt><dd>{sum.apiRequests}</dd>
          <dt>etcd writes</dt><dd>{sum.etcdWrites}</dd>
        </dl>
        {sum.events.length > 0 && (
        <table className="summary-events">
          <caption>Events</caption>
          <thead><tr><th scope="col">Type</th><th scope="col">Reason</th><th scope="col">Message</th></tr></thead>
          <tbody>
            {sum.events.map((e) => (
              <tr key={`${e.type}/${e.reason}/${e.message}`} className={e.type === 'Warning' ? 'warning' : undefined}>
                <td>{e.type}</td><td>{e.reason}{e.count > 1 ? ` (×${e.count})` : ''}</td><td>{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
        )}
      </div>
    </section>
  )
})

function Verdict({ sum, failure }: { sum: PodSummary; failure?: Outcome }) {
  if (failure) {
    return (
      <div className="summary-outcome">
        <p className="summary-headline">✗ {failure.title}</p>
        <p><strong>Cause:</strong> {failure.cause}</p>
        <p><strong>Fix:</strong> {failure.fix}</p>
      </div>
    )
  }
  const where = `${sum.node ? ` on ${sum.node}` : ''}${sum.ip ? ` with IP ${sum.ip}` : ''}`
  const headline = sum.phase === 'Running' && sum.ready ? `✓ Running and Ready${where}`
    : sum.phase ? `${sum.phase === 'Succeeded' ? '✓ ' : ''}${sum.phase}${sum.ready ? ' and Ready' : ''}${where}`
      : 'The story ends before any node reported on the pod'
  return <div className="summary-outcome"><p className="summary-headline">{headline}</p></div>
}
