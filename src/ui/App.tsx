/**
 * podbirth's screen: the manifest and cluster editors with the playback controls, the seven swimlanes of the trace,
 * the inspector for the selected step, kubectl's view of the cluster at the playhead, and the log of every step.
 */
import { Suspense, lazy, memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import type { TraceEvent } from '../engine/events.ts'
import { Swimlanes } from './Swimlanes.tsx'
import { fmtTime } from './format.ts'
import { partitionPoint } from './search.ts'
import { NodesView } from './NodesView.tsx'
import { QueueView } from './QueueView.tsx'
import { EditorTabs } from './EditorTabs.tsx'
import { PANEL_MS, followSelected, throttleSelected, useApp, validSeed } from '../app/store.ts'
import { presetText } from '../protocol/clusters.ts'
import { ShareButton } from './ShareButton.tsx'
import { SPEEDS, pause, play, togglePlay, usePlaybackLoop } from '../app/usePlayback.ts'
import type { Speed } from '../app/usePlayback.ts'
import type { Command, Suggestion, WorkerMessage } from '../protocol/messages.ts'

const YamlEditor = lazy(() => import('./editor/YamlEditor.tsx'))
const DiffView = lazy(() => import('./editor/DiffView.tsx'))

const darkQuery = typeof window !== 'undefined' ? window.matchMedia('(prefers-color-scheme: dark)') : undefined
const THEME_KEY = 'podbirth.theme'
function useDark(): [boolean, () => void] {
  const system = useSyncExternalStore((cb) => { darkQuery?.addEventListener('change', cb); return () => darkQuery?.removeEventListener('change', cb) }, () => !!darkQuery?.matches)
  const [choice, setChoice] = useState<string | null>(() => localStorage.getItem(THEME_KEY))
  const dark = choice ? choice === 'dark' : system
  useEffect(() => { document.documentElement.dataset.theme = dark ? 'dark' : 'light' }, [dark])
  return [dark, () => { const next = dark ? 'light' : 'dark'; localStorage.setItem(THEME_KEY, next); setChoice(next) }]
}

/**
 * useWorker hosts the simulation worker. If it crashes, it is started again and the last apply is replayed; if the
 * engine fails on an input (a bug), the worker is started again with the last apply that worked, so kubectl's view
 * at the playhead keeps working. Either way the user loses nothing: the manifest and the cluster file live in the
 * store and in localStorage, and the message says what happened.
 */
function useWorker(): (cmd: Command) => void {
  const ref = useRef<Worker | null>(null)
  const lastApply = useRef<Command | null>(null)
  const lastGood = useRef<Command | null>(null)
  const restarts = useRef(0)
  const receive = useApp((s) => s.receive)
  useEffect(() => {
    let disposed = false
    const restart = (replay: Command | null) => {
      ref.current?.terminate()
      if (disposed) return
      ref.current = start()
      // Replay at most a few times in a row: an input that always kills the worker must not loop forever.
      if (replay && ++restarts.current <= 3) ref.current.postMessage(replay)
    }
    const start = (): Worker => {
      const w = new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module' })
      // Trace batches reach the store at most once per frame; other messages keep their order behind them.
      let queued: WorkerMessage[] = []
      let frame = 0
      const flush = () => {
        frame = 0
        const batch = queued
        queued = []
        const events = batch.flatMap((m) => (m.type === 'events' ? m.events : []))
        let sent = false
        for (const m of batch) {
          if (m.type === 'events') { if (!sent) { receive({ type: 'events', events }); sent = true } } else receive(m)
        }
      }
      w.onmessage = (ev: MessageEvent<WorkerMessage>) => {
        const m = ev.data
        if (m.type === 'done') { lastGood.current = lastApply.current; restarts.current = 0 }
        if (m.type === 'error' && m.fatal) {
          queued.push({ ...m, message: `${m.message}. The simulation worker has been restarted${lastGood.current ? ' with your last apply that worked' : ''}; your manifest and cluster file are unchanged.` })
          restart(lastGood.current)
        } else queued.push(m)
        if (!frame) frame = requestAnimationFrame(flush)
      }
      w.onerror = (ev) => {
        ev.preventDefault()
        receive({ type: 'error', message: `The simulation worker stopped (${ev.message || 'unknown error'}); it has been restarted and your last apply replayed.` })
        restart(lastApply.current)
      }
      return w
    }
    ref.current = start()
    // The end-to-end test of crash recovery calls this.
    window.__podbirthCrashWorker = () => ref.current?.postMessage({ type: 'crash' } satisfies Command)
    return () => { disposed = true; ref.current?.terminate() }
  }, [receive])
  return useCallback((cmd: Command) => {
    if (cmd.type === 'apply') { lastApply.current = cmd; restarts.current = 0 }
    ref.current?.postMessage(cmd)
  }, [])
}

declare global {
  interface Window { __podbirthCrashWorker?: () => void }
}

type FilterTable = Record<string, Record<string, string>>
type ScoreTable = Record<string, Record<string, number>>

/** The scheduler's per-node Filter verdicts: ✓ passed, ✗ rejected (with the reason), · not evaluated. */
function FilterResults({ filter, plugins }: { filter: FilterTable; plugins: string[] }) {
  const nodes = Object.keys(filter)
  return (
    <table className="sched-table" aria-label="Filter results per node">
      <thead><tr><th scope="col">Node</th>{plugins.map((p) => <th key={p} scope="col">{p}</th>)}<th scope="col">Result</th></tr></thead>
      <tbody>
        {nodes.map((n) => {
          const row = filter[n]
          const failed = plugins.find((p) => row[p] !== undefined && row[p] !== 'passed')
          return (
            <tr key={n} className={failed ? 'rejected' : 'feasible'}>
              <th scope="row">{n}</th>
              {plugins.map((p) => <td key={p} title={row[p] ?? 'not evaluated'}>{row[p] === undefined ? '·' : row[p] === 'passed' ? '✓' : '✗'}</td>)}
              <td>{failed ? `${failed}: ${row[failed]}` : 'feasible'}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/**
 * Above 100 nodes a cycle record keeps counts, not a row per node (`podbirth explain` recomputes any cycle in full):
 * how many nodes each plugin rejected, and for which reasons.
 */
function RejectionSummary({ rejectedBy }: { rejectedBy: Record<string, { nodes: number; reasons: Record<string, number> }> }) {
  const rows = Object.entries(rejectedBy)
  if (rows.length === 0) return <p className="muted">No node was rejected.</p>
  return (
    <table className="sched-table" aria-label="Filter results per node">
      <caption className="muted">A large cluster: nodes rejected per plugin (per-node rows are kept up to 100 nodes; <code>podbirth explain</code> shows any cycle in full)</caption>
      <thead><tr><th scope="col">Plugin</th><th scope="col">Nodes rejected</th><th scope="col">Reasons</th></tr></thead>
      <tbody>
        {rows.map(([plugin, r]) => (
          <tr key={plugin} className="rejected"><th scope="row">{plugin}</th><td>{r.nodes}</td><td>{Object.entries(r.reasons).map(([why, n]) => `${n} × ${why}`).join('; ')}</td></tr>
        ))}
      </tbody>
    </table>
  )
}

/** The scores per node and plugin: raw → normalized = weighted, and the total. */
function ScoreResults({ d }: { d: { scorePlugins: { plugin: string; weight: number }[]; score: ScoreTable; normalizedScore: ScoreTable; finalScore: ScoreTable; totalScore: Record<string, number> } }) {
  const nodes = Object.keys(d.totalScore).sort((a, b) => d.totalScore[b] - d.totalScore[a] || (a < b ? -1 : 1))
  return (
    <table className="sched-table" aria-label="Scores per node">
      <thead><tr><th scope="col">Node</th>{d.scorePlugins.map((p) => <th key={p.plugin} scope="col">{p.plugin} ×{p.weight}</th>)}<th scope="col">Total</th></tr></thead>
      <tbody>
        {nodes.map((n) => (
          <tr key={n}>
            <th scope="row">{n}</th>
            {d.scorePlugins.map((p) => <td key={p.plugin} title={`raw ${d.score[n]?.[p.plugin]} → normalized ${d.normalizedScore[n]?.[p.plugin]} × ${p.weight}`}>{d.finalScore[n]?.[p.plugin]}</td>)}
            <td>{d.totalScore[n]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error' }

interface ShownRequest { verb: string; path: string; query?: Record<string, string>; headers?: Record<string, string>; clientCertificate?: { subject: string; issuer: string }; body?: unknown }
interface ShownResponse { code: number; body?: unknown; warnings?: string[] }

/** The HTTP exchange of a step as it went over the wire (credentials already redacted by the engine). */
function HttpExchange({ request, response }: { request?: ShownRequest; response?: ShownResponse }) {
  const query = request?.query && Object.keys(request.query).length ? `?${new URLSearchParams(request.query).toString()}` : ''
  return (
    <div className="http">
      {request && (
        <section aria-label="Request">
          <p className="http-line"><strong>{request.verb}</strong> {request.path}{query}</p>
          {request.clientCertificate && <p className="muted">client certificate: {request.clientCertificate.subject} (issuer {request.clientCertificate.issuer})</p>}
          {request.headers && (
            <table className="http-headers"><tbody>
              {Object.entries(request.headers).map(([k, v]) => <tr key={k}><th scope="row">{k}</th><td>{v}</td></tr>)}
            </tbody></table>
          )}
          {request.body !== undefined && <details><summary>Request body</summary><pre>{JSON.stringify(request.body, null, 2)}</pre></details>}
        </section>
      )}
      {response && (
        <section aria-label="Response">
          <p className={`http-line ${response.code >= 400 ? 'bad' : 'good'}`}><strong>{response.code} {STATUS_TEXT[response.code] ?? ''}</strong></p>
          {(response.warnings ?? []).map((w) => <p key={w} className="warning-line">Warning: {w}</p>)}
          {response.body !== undefined && <details><summary>Response body</summary><pre>{JSON.stringify(response.body, null, 2)}</pre></details>}
        </section>
      )}
    </div>
  )
}

function SchedulerDetails({ e }: { e: TraceEvent }) {
  const d = e.details as Record<string, unknown> | undefined
  if (!d) return null
  if (e.type === 'scheduler:Filter' && d.filter) return <FilterResults filter={d.filter as FilterTable} plugins={d.filterPlugins as string[]} />
  if (e.type === 'scheduler:Filter' && d.rejectedBy) return <RejectionSummary rejectedBy={d.rejectedBy as Record<string, { nodes: number; reasons: Record<string, number> }>} />
  if (e.type === 'scheduler:Score' && d.totalScore) return <ScoreResults d={d as never} />
  return null
}

/** settled is true once `key` has stayed the same for `ms`: heavy views wait until playback or scrubbing rests. */
function useSettled(key: unknown, ms: number): boolean {
  const [settledKey, setSettledKey] = useState<unknown>(undefined)
  useEffect(() => {
    const t = setTimeout(() => setSettledKey(key), ms)
    return () => clearTimeout(t)
  }, [key, ms])
  return settledKey === key
}

/**
 * usePlayheadRested is true once the playhead (the store's selected step, not the panels' slower copy) has not moved
 * for `ms`. It re-renders its caller only when that flips, not per step.
 */
function usePlayheadRested(ms: number): boolean {
  const [rested, setRested] = useState(true)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const unsubscribe = useApp.subscribe((s, prev) => {
      if (s.selected === prev.selected) return
      setRested(false)
      clearTimeout(timer)
      timer = setTimeout(() => setRested(true), ms)
    })
    return () => { unsubscribe(); clearTimeout(timer) }
  }, [ms])
  return rested
}

const Inspector = memo(function Inspector({ e, t0, dark, stored }: { e?: TraceEvent; t0: number; dark: boolean; stored?: { name: string; yaml: string } }) {
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

/**
 * The log of every step, virtualised: rows have a fixed height, so the scrollbar spans the whole trace and only the
 * rows in view (and a few around them) exist. It follows the playhead, and the user can scroll it freely.
 */
/** The lane heads' previous/next buttons and screen-reader lines are cheap: they follow 10 times a second. */
const LANE_HEAD_MS = 100
const LOG_ROW_PX = 16
const LOG_BOX_PX = 144
const LOG_OVERSCAN = 4

const EventLog = memo(function EventLog({ events, selected, select, t0 }: { events: TraceEvent[]; selected: number; select: (i: number) => void; t0: number }) {
  const box = useRef<HTMLElement | null>(null)
  /** The box's scroll position as last set or seen in a scroll event: never read from the layout while rendering. */
  const [top, setTop] = useState(0)
  const applied = useRef(0)
  const follow = selected >= 0 ? selected : events.length - 1
  const maxTop = Math.max(0, events.length * LOG_ROW_PX - LOG_BOX_PX)
  const rowTop = follow * LOG_ROW_PX
  const inView = follow < 0 || (rowTop >= top && rowTop + LOG_ROW_PX <= top + LOG_BOX_PX)
  const viewTop = inView ? Math.min(top, maxTop) : Math.min(maxTop, Math.max(0, rowTop - LOG_BOX_PX / 2 + LOG_ROW_PX / 2))
  useLayoutEffect(() => {
    const c = box.current
    if (!c || viewTop === applied.current) return
    applied.current = viewTop
    c.scrollTop = viewTop
    setTop(viewTop)
  }, [viewTop])
  const from = Math.max(0, Math.floor(viewTop / LOG_ROW_PX) - LOG_OVERSCAN)
  const to = Math.min(events.length, Math.ceil((viewTop + LOG_BOX_PX) / LOG_ROW_PX) + LOG_OVERSCAN)
  const shown = events.slice(from, to)
  // Up and Down on a row select the step above or below and keep the keyboard on the log.
  const onRowKey = (ev: React.KeyboardEvent<HTMLButtonElement>, i: number) => {
    if (ev.key !== 'ArrowUp' && ev.key !== 'ArrowDown') return
    ev.preventDefault()
    const next = Math.min(events.length - 1, Math.max(0, i + (ev.key === 'ArrowDown' ? 1 : -1)))
    select(next)
    requestAnimationFrame(() => box.current?.querySelector<HTMLButtonElement>(`li:nth-child(${next - from + 1}) button`)?.focus())
  }
  return (
    <section className="log" role="log" aria-label="Events" data-steps={events.length} data-selected={selected} ref={box}
      onScroll={(ev) => { const t = ev.currentTarget.scrollTop; if (t !== applied.current) { applied.current = t; setTop(t) } }}>
      <div className="log-spacer" style={{ height: events.length * LOG_ROW_PX }}>
        <ol start={from + 1} style={{ transform: `translateY(${from * LOG_ROW_PX}px)` }}>
          {shown.map((e, k) => {
            const i = from + k
            return <li key={e.seq} className={i === selected ? 'selected' : ''}><button type="button" title={e.summary} onClick={() => select(i)} onKeyDown={(ev) => onRowKey(ev, i)}>{fmtTime(e.t, t0)} {e.lane}: {e.summary}</button></li>
          })}
        </ol>
      </div>
    </section>
  )
})

/**
 * Find a step: every step whose lane, type or summary contains the text (any case). Enter goes to the next match
 * after the playhead, Shift+Enter to the previous one; "/" anywhere focuses the box. In a trace of 50,000 steps this
 * is how one gets to "FailedScheduling" or "Preempted" at once.
 */
const FindStep = memo(function FindStep({ events, selected, select }: { events: TraceEvent[]; selected: number; select: (i: number) => void }) {
  const [query, setQuery] = useState('')
  const q = query.trim().toLowerCase()
  const matches = useMemo(() => {
    if (!q) return []
    const out: number[] = []
    for (let i = 0; i < events.length; i++) {
      const e = events[i]
      if (e.summary.toLowerCase().includes(q) || e.lane.toLowerCase().includes(q) || e.type.toLowerCase().includes(q)) out.push(i)
    }
    return out
  }, [q, events])
  /** Where step `at` is among the matches: how many matches are at or before it, and its 1-based position if it is one. */
  const place = (at: number) => {
    const after = partitionPoint(matches.length, (k) => matches[k] <= at)
    return { after, at: matches[after - 1] === at ? after : 0 }
  }
  const { at } = place(selected)
  // The handlers place the playhead from the store (the display may lag a moving playhead by PANEL_MS).
  const next = () => { const { after } = place(useApp.getState().selected); if (matches.length) select(matches[after < matches.length ? after : 0]) }
  const prev = () => {
    if (!matches.length) return
    const p = place(useApp.getState().selected)
    const k = (p.at ? p.at - 1 : p.after) - 1
    select(matches[k >= 0 ? k : matches.length - 1])
  }
  return (
    <div className="find" role="search" aria-label="Find a step">
      <label htmlFor="find-step">Find a step</label>
      <input id="find-step" type="search" value={query} placeholder="e.g. FailedScheduling, Preempted, 403, worker-2  ( / )" spellCheck={false}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); if (e.shiftKey) prev(); else next() } if (e.key === 'Escape') setQuery('') }} />
      <button type="button" onClick={prev} disabled={!matches.length} aria-label="Previous match">‹</button>
      <button type="button" onClick={next} disabled={!matches.length} aria-label="Next match">›</button>
      <span className="find-count" role="status">{q ? (matches.length ? `${at ? `${at} of ` : ''}${matches.length.toLocaleString('en-US')} matching steps` : 'no step matches') : ''}</span>
    </div>
  )
})

/** The latest FailedScheduling at the playhead, unless the pod was bound since: prominent, with a way to its filter results. */
const FailedSchedulingBanner = memo(function FailedSchedulingBanner({ events, selected, select, ask, tryFix }: { events: TraceEvent[]; selected: number; select: (i: number) => void; ask: (index: number) => void; tryFix: (f: Suggestion) => void }) {
  let fail = -1
  for (let i = Math.min(selected, events.length - 1); i >= 0; i--) {
    const e = events[i]
    if (e.type === 'scheduler:Bind' && e.outcome === 'ok') break
    if (e.type === 'scheduler:Unschedulable') { fail = i; break }
  }
  const whatIf = useApp((s) => s.whatIf)
  useEffect(() => { if (fail >= 0 && whatIf?.index !== fail) ask(fail) }, [fail, whatIf, ask])
  if (fail < 0) return null
  const e = events[fail]
  let filterAt = -1
  for (let i = fail; i >= 0; i--) if (events[i].type === 'scheduler:Filter' && events[i].pod === e.pod) { filterAt = i; break }
  const fixes = whatIf?.index === fail ? whatIf.suggestions : []
  return (
    <div className="failed-scheduling" role="status" aria-label="FailedScheduling">
      <strong>FailedScheduling</strong> <span>{e.pod}</span>
      <p>{e.summary}</p>
      {filterAt >= 0 && <button type="button" onClick={() => select(filterAt)}>Show the filter results per node</button>}
      {fixes.length > 0 && (
        <section className="what-if" aria-label="What would make it schedule">
          <h3>What would make it schedule? <span className="muted">podbirth's suggestions: trying one edits your {fixes.some((f) => f.target === 'cluster') ? 'manifest or cluster file' : 'manifest'} (Undo in the editor takes it back) and applies again</span></h3>
          <ul>
            {fixes.map((f) => (
              <li key={f.title}>
                <button type="button" onClick={() => tryFix(f)} aria-label={`Try it: ${f.title}`}>Try it</button> <strong>{f.title}</strong>
                <p className="muted">{f.why}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
})

/** Says when the editors or the seed no longer match what the trace on screen came from. */
function EditedSinceApply() {
  const edited = useApp((s) => !!s.applied && (s.text !== s.applied.manifest || s.clusterText !== s.applied.cluster || s.seed !== s.applied.seed))
  return <span className="edited" role="status">{edited ? 'edited since the last Apply' : ''}</span>
}

/** The seed of the simulation's random choices: change it and ties may break differently; keep it and the trace repeats. */
function SeedInput() {
  const seed = useApp((s) => s.seed)
  const setSeed = useApp((s) => s.setSeed)
  const [draft, setDraft] = useState(String(seed))
  useEffect(() => setDraft(String(seed)), [seed])
  const ok = validSeed(draft) !== undefined
  return (
    <label className="seed" title="The simulation's random seed: the same manifest, cluster and seed give the same trace, step for step">Seed{' '}
      <input type="number" min={0} max={2 ** 31 - 1} step={1} value={draft} aria-invalid={!ok} aria-describedby={ok ? undefined : 'seed-error'}
        onChange={(e) => { setDraft(e.target.value); const v = validSeed(e.target.value); if (v !== undefined) setSeed(v) }}
        onBlur={() => setDraft(String(seed))} />
      {!ok && <span id="seed-error" className="seed-error">a whole number from 0 to 2147483647; seed {seed} stays</span>}
    </label>
  )
}

/**
 * downloadTrace saves what is on screen as JSON: the scenario it came from (manifest, cluster file, seed), kubectl's
 * output and every step, in the shape `podbirth apply -o json` uses for `kubectl` and `trace`.
 */
function downloadTrace() {
  const s = useApp.getState()
  const doc = { podbirth: __PODBIRTH_VERSION__, kubernetes: 'v1.35', scenario: s.applied, kubectl: s.kubectl, trace: s.events }
  const url = URL.createObjectURL(new Blob([JSON.stringify(doc, null, 2)], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = `podbirth-trace-seed${s.applied?.seed ?? 1}.json`
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 5000)
}

/** After a shared link filled the editors: what the user had is kept until they restore or dismiss it. */
function ReplacedByLink() {
  const prev = useApp((s) => s.replacedByLink)
  const restore = useApp((s) => s.restorePrevious)
  const dismiss = useApp((s) => s.dismissPrevious)
  if (!prev) return null
  return (
    <div className="replaced" role="status">
      You opened a shared scenario. The manifest, cluster file and seed you had before are kept:{' '}
      <button type="button" onClick={restore}>Restore what I had</button>{' '}
      <button type="button" onClick={dismiss}>Keep the shared one</button>
    </div>
  )
}

/**
 * useThrottledSelected follows the selected step at most once per `ms` (the last position always arrives), without
 * re-rendering the caller on every step of a playback or a scrub.
 */
function useThrottledSelected(ms: number): number {
  const [shown, setShown] = useState(() => useApp.getState().selected)
  useEffect(() => throttleSelected(ms, setShown), [ms])
  return shown
}

/** The lanes follow every step. */
function LiveSwimlanes({ events, dark }: { events: TraceEvent[]; dark: boolean }) {
  const selected = useApp((s) => s.selected)
  const select = useApp((s) => s.select)
  const laneSelected = useThrottledSelected(LANE_HEAD_MS)
  return <Swimlanes events={events} selected={selected} select={select} dark={dark} laneSelected={laneSelected} current={currentSelected} />
}
const currentSelected = () => useApp.getState().selected

/** Play or Pause, and the speed; runs the playback loop. Playing re-renders these, not the app. */
function PlayControls({ canPlay }: { canPlay: boolean }) {
  usePlaybackLoop()
  const playing = useApp((s) => s.playing)
  const speed = useApp((s) => s.speed)
  const setSpeed = useApp((s) => s.setSpeed)
  return (
    <>
      {playing
        ? <button type="button" onClick={pause}>Pause</button>
        : <button type="button" onClick={play} disabled={!canPlay}>Play</button>}
      <label className="speed">Speed{' '}
        <select value={String(speed)} onChange={(e) => setSpeed(Number(e.target.value) as Speed)}>
          {SPEEDS.map((sp) => <option key={sp} value={String(sp)}>{sp === Infinity ? 'instant' : `${sp}×`}</option>)}
        </select>
      </label>
    </>
  )
}

function StepButtons({ count }: { count: number }) {
  const selected = useApp((s) => s.selected)
  const select = useApp((s) => s.select)
  return (
    <>
      <button type="button" onClick={() => select(Math.max(useApp.getState().selected - 1, 0))} disabled={selected <= 0}>Step back</button>
      <button type="button" onClick={() => select(Math.min(useApp.getState().selected + 1, count - 1))} disabled={selected >= count - 1}>Step forward</button>
    </>
  )
}

function Timeline({ events, t0 }: { events: TraceEvent[]; t0: number }) {
  const selected = useApp((s) => s.selected)
  const select = useApp((s) => s.select)
  const e = events[selected]
  return (
    <label className="scrub">Timeline{' '}
      <input type="range" min={0} max={events.length - 1} value={Math.max(selected, 0)} onChange={(ev) => select(Number(ev.target.value))} aria-valuetext={e ? `${fmtTime(e.t, t0)} ${e.summary}` : ''} />
    </label>
  )
}

/**
 * Asks the worker for the cluster at the panels' step. One request is in flight at a time: while scrubbing or
 * playing fast the panels follow as fast as the worker answers, and the last position is always asked for.
 */
function SnapshotFollower({ send }: { send(cmd: Command): void }) {
  const shown = useApp((s) => s.shown)
  const running = useApp((s) => s.running)
  const count = useApp((s) => s.events.length)
  const atPlayhead = useApp((s) => s.atPlayhead)
  const generation = useApp((s) => s.generation)
  const pending = useRef<number | null>(null)
  const askedIn = useRef(generation)
  useEffect(() => {
    // A new trace or a restarted worker: whatever was asked before will not be answered.
    if (askedIn.current !== generation) { askedIn.current = generation; pending.current = null }
    if (shown < 0 || running) return
    if (pending.current !== null && pending.current !== atPlayhead?.index) return
    if (atPlayhead?.index === shown && pending.current === shown) return
    pending.current = shown
    send({ type: 'snapshot', index: shown })
  }, [shown, running, count, atPlayhead, generation, send])
  return null
}

/** The nodes and the scheduling queue at the panels' step, under the lanes. */
function LanePanels() {
  const events = useApp((s) => s.events)
  const shown = useApp((s) => s.shownLanes)
  const atPlayhead = useApp((s) => s.atPlayhead)
  if (!events[shown]) return null
  return (
    <>
      {atPlayhead && <NodesView nodes={atPlayhead.nodes} focus={events[shown].node ?? atPlayhead.podNode} />}
      <QueueView events={events} index={shown} />
    </>
  )
}

/** The right column: a FailedScheduling banner, the inspector and kubectl's view of the cluster at the panels' step. */
function RightPanels({ dark, askWhatIf, tryFix }: { dark: boolean; askWhatIf(index: number): void; tryFix(f: Suggestion): void }) {
  const events = useApp((s) => s.events)
  const shown = useApp((s) => s.shown)
  const select = useApp((s) => s.select)
  const atPlayhead = useApp((s) => s.atPlayhead)
  const t0 = events[0]?.t ?? 0
  // The pod as stored at the step shown, once the worker's snapshot is for that step (one object per text, so the
  // memoised inspector re-renders only when what it shows changes).
  const storedFor = atPlayhead?.index === shown ? atPlayhead : undefined
  const stored = useMemo(() => (storedFor?.podName && storedFor.podYaml ? { name: storedFor.podName, yaml: storedFor.podYaml } : undefined), [storedFor?.podName, storedFor?.podYaml])
  return (
    <>
      <FailedSchedulingBanner events={events} selected={shown} select={select} ask={askWhatIf} tryFix={tryFix} />
      <Inspector e={events[shown]} t0={t0} dark={dark} stored={stored} />
      {atPlayhead && events[shown] && (
        <pre className="terminal" aria-label="Cluster at the playhead">{`# at ${fmtTime(events[shown].t, t0)}\n$ kubectl get pods -o wide\n${atPlayhead.getPods}\n\n$ kubectl describe pod\n${atPlayhead.describePod ? `${atPlayhead.describePod}\n` : ''}${atPlayhead.describeEvents}`}</pre>
      )}
    </>
  )
}

/** Find a step, and the log of every step, following the panels' step. */
function LogPanels() {
  const events = useApp((s) => s.events)
  const shown = useApp((s) => s.shownLog)
  const select = useApp((s) => s.select)
  return (
    <>
      <FindStep events={events} selected={shown} select={select} />
      <EventLog events={events} selected={shown} select={select} t0={events[0]?.t ?? 0} />
    </>
  )
}

export function App() {
  // App renders when the trace or the texts change, not when the playhead moves: what follows every step (the lanes,
  // the timeline, the step buttons) subscribes on its own below, and so do the panels, which follow the store's
  // `shown` (at most every PANEL_MS).
  const text = useApp((s) => s.text)
  const setText = useApp((s) => s.setText)
  const events = useApp((s) => s.events)
  const select = useApp((s) => s.select)
  const kubectl = useApp((s) => s.kubectl)
  const getPods = useApp((s) => s.getPods)
  const running = useApp((s) => s.running)
  const error = useApp((s) => s.error)
  const start = useApp((s) => s.start)
  const send = useWorker()
  const [dark, toggleTheme] = useDark()
  const apply = useCallback(() => {
    const { text: manifest, clusterText, seed } = useApp.getState()
    start({ manifest, cluster: clusterText, seed })
    send({ type: 'apply', text: manifest, seed, cluster: clusterText })
  }, [start, send])
  const askWhatIf = useCallback((index: number) => send({ type: 'whatIf', index }), [send])
  const tryFix = useCallback((f: Suggestion) => {
    if (f.target === 'manifest') useApp.getState().setText(f.text)
    else useApp.getState().setClusterText(f.text)
    apply()
  }, [apply])
  useEffect(() => followSelected(PANEL_MS), [])
  // One object per refusal, so the editor sets its marker when kubectl answers, not whenever App renders.
  const editorError = useMemo(() => (kubectl?.errorPosition ? { ...kubectl.errorPosition, message: kubectl.stderr.trim() } : undefined), [kubectl])
  useEffect(() => {
    const onKey = (ev: KeyboardEvent) => {
      if ((ev.ctrlKey || ev.metaKey) && ev.key === 'Enter') { ev.preventDefault(); apply() }
      const target = ev.target as HTMLElement
      // Keys typed into a field, a list or the editors are theirs; Space on a focused button presses that button.
      if (/^(TEXTAREA|INPUT|SELECT)$/.test(target.tagName) || target.isContentEditable || target.closest('.monaco-host, [role="tablist"]')) return
      if (ev.key === '/' && !ev.ctrlKey && !ev.metaKey) { ev.preventDefault(); document.getElementById('find-step')?.focus(); return }
      if (ev.key === ' ' && target.tagName === 'BUTTON') return
      if (ev.key === ' ') { ev.preventDefault(); togglePlay() }
      const { selected } = useApp.getState()
      if (ev.key === 'ArrowRight') select(Math.min(selected + 1, events.length - 1))
      if (ev.key === 'ArrowLeft') select(Math.max(selected - 1, 0))
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })
  return (
    <div className="app">
      <header>
        <h1>podbirth <span>the birth of a Kubernetes pod, simulated (v1.35)</span></h1>
        <span className="header-tools">
          <ShareButton defaultCluster={presetText('default')} getScenario={() => { const st = useApp.getState(); return { manifest: st.text, cluster: st.clusterText, seed: st.seed } }} />
          <button type="button" className="theme" onClick={toggleTheme}>{dark ? 'Light theme' : 'Dark theme'}</button>
        </span>
      </header>
      <ReplacedByLink />
      <main>
        <section className="editor-pane">
          <EditorTabs dark={dark} onApply={apply}>
            <Suspense fallback={<textarea id="manifest" aria-label="Pod manifest (loading the editor…)" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />}>
              <YamlEditor value={text} onChange={setText} onApply={apply} dark={dark} error={editorError} />
            </Suspense>
          </EditorTabs>
          <div className="controls">
            <button type="button" onClick={apply} disabled={running}>Apply</button>
            <EditedSinceApply />
            <PlayControls canPlay={events.length > 0} />
            <StepButtons count={events.length} />
            <SeedInput />
          </div>
          {events.length > 0 && <Timeline events={events} t0={events[0]?.t ?? 0} />}
          {events.length > 0 && !running && <button type="button" className="download" onClick={downloadTrace}>Download the trace (JSON)</button>}
          {error && <p className="error" role="alert">{error}</p>}
          {kubectl && (
            <pre className={`terminal${kubectl.exitCode ? ' failed' : ''}`} aria-label="kubectl output">{`$ kubectl apply -f pod.yaml\n${kubectl.stdout}${kubectl.stderr}${getPods ? `\n$ kubectl get pods -o wide   # at the end\n${getPods}` : ''}`}</pre>
          )}
          {kubectl && /no matches for kind "(Deployment|ReplicaSet|DaemonSet|StatefulSet|Job|CronJob)"/.test(kubectl.stderr) && (
            <p className="note" role="note">podbirth simulates the birth of pods: its cluster has no controller-manager, so it serves no workload controllers (Deployment, ReplicaSet, Job, …) and kubectl gets this answer. Apply the Pod your controller would create (its <code>spec.template</code>) instead.</p>
          )}

        </section>
        <section className="lanes" aria-label="Swimlanes">
          <LiveSwimlanes events={events} dark={dark} />
          <LanePanels />
        </section>
        <div className="right">
          <RightPanels dark={dark} askWhatIf={askWhatIf} tryFix={tryFix} />

        </div>
      </main>
      <LogPanels />
      <SnapshotFollower send={send} />
    </div>
  )
}
